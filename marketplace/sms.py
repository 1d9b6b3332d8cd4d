"""Pluggable SMS backends, chosen by `SMS_BACKEND` like Django's email backends.

The default writes messages to the log (no SMS gateway on a first run); a deployment plugs in
its provider's backend. `MemorySmsBackend` keeps an outbox in the process, as Django's locmem
email backend does, for tests and demos that need to read the code back.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import cache

from django.conf import settings
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class SmsMessage:
    phone: str
    text: str


class BaseSmsBackend:
    def send(self, message: SmsMessage) -> None:
        raise NotImplementedError


class ConsoleSmsBackend(BaseSmsBackend):
    def send(self, message: SmsMessage) -> None:
        # The console backend exists to show the code to the person running a demo.
        logger.info("SMS to %s: %s", message.phone, message.text)


outbox: list[SmsMessage] = []


class MemorySmsBackend(BaseSmsBackend):
    def send(self, message: SmsMessage) -> None:
        outbox.append(message)


@cache
def _backend(path: str) -> BaseSmsBackend:
    return import_string(path)()


def sms_send(*, phone: str, text: str) -> None:
    _backend(settings.SMS_BACKEND).send(SmsMessage(phone=phone, text=text))
