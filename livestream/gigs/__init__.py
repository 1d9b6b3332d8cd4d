"""The gig market (零工市场): same-day work posted by employers, stations and verified households,
claimed place by place on live county boards, checked in and settled at the site.

models, enums: the data · rules: who may do what, and when a worker may claim · board: the
numbered board events and their catch-up · services/: every change of state · selectors: reads ·
api/: REST · consumers, claim_queue: the live board over WebSocket · tasks: Celery · demo: seed data.
"""
