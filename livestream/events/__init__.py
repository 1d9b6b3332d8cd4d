"""Recruitment events (周周招聘, 天天招聘, 巡回招聘, 专场): series and their occurrences, booths,
tickets and check-in, reminders, posters, outcomes.

models, enums · rules: who may do what (EVENT_MATRIX) · services/: schedule, occurrences, booths,
tickets, reminders, posters · selectors · api/ (REST, namespace events_api) · tasks · demo.
"""
