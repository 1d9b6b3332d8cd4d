"""Domain events, sent after the database commit that caused them.

Search indexing, live boards and notifications listen here instead of being called by the
services, so a rolled-back change never reaches them and the services stay free of their code.
"""

from __future__ import annotations

from django.db import transaction
from django.dispatch import Signal

# kwargs: posting_id
posting_changed = Signal()
# kwargs: profile_id
profile_changed = Signal()
# kwargs: employer_id
employer_changed = Signal()
# kwargs: application_id, status
application_changed = Signal()


def send_on_commit(signal: Signal, **kwargs) -> None:
    transaction.on_commit(lambda: signal.send(sender=None, **kwargs))
