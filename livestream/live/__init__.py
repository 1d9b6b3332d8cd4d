"""直播送岗: live rooms where employers and staff push job cards, viewers chat and apply in one tap.

models, enums · services: every change (rooms, cards, chat, moderation, apply) · selectors ·
consumers + presence: the room socket and its viewer counts · demo.
"""
