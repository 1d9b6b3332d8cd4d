"""The JSON message shape every WebSocket of the product speaks.

Client → server: `{"command": "<name>", ...}`. Server → client: `{"type": "<name>", ...}`;
errors are `{"type": "error", "code": "<code>", "message": "<中文说明>"}` and never close the
connection, so one bad message from a flaky phone costs nothing.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

# A phone never needs to send more than this; larger frames are refused before parsing.
MAX_MESSAGE_BYTES = 8 * 1024
# PostgreSQL's text cannot hold NUL, and a lone surrogate (a JSON escape like "\ud800") is no
# character at all: it cannot even be encoded to UTF-8 for a query.
UNREADABLE = re.compile(r"[\x00\ud800-\udfff]")


class ProtocolError(ValueError):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message

    def frame(self) -> dict[str, Any]:
        return {"type": "error", "code": self.code, "message": self.message}

    @classmethod
    def refusing(cls, exc: ValidationError) -> ProtocolError:
        """A service's refusal as the socket says it: the first error's code, every Chinese message."""
        if hasattr(exc, "error_dict"):
            errors = [error for field_errors in exc.error_dict.values() for error in field_errors]
            return cls(errors[0].code or "invalid", " ".join(m for e in errors for m in e.messages))
        return cls(exc.error_list[0].code or "invalid", " ".join(exc.messages))


def parse_message(text: str | None) -> dict[str, Any]:
    """Decode one client frame or raise ProtocolError with a message fit to show the user."""
    if text is None:
        raise ProtocolError("binary_not_supported", _("只支持文本消息。"))
    if len(text.encode("utf-8", "surrogatepass")) > MAX_MESSAGE_BYTES:
        raise ProtocolError("too_large", _("消息太长，请精简后再发送。"))
    try:
        data = json.loads(text, parse_constant=_refuse_constant, parse_float=_finite_float)
    except (ValueError, RecursionError) as exc:
        # ValueError covers JSONDecodeError, NaN, Infinity and 1e999 (which would be echoed as
        # Infinity, unreadable to a browser's JSON.parse) and integers past Python's 4300-digit
        # limit; deep nesting is a RecursionError. All are one bad frame, not a reason to drop the socket.
        raise ProtocolError("bad_json", _("消息格式错误，无法识别。")) from exc
    if not isinstance(data, dict) or not isinstance(data.get("command"), str):
        raise ProtocolError("no_command", _("消息缺少 command 字段。"))
    if _has_unreadable_text(data):
        raise ProtocolError("bad_characters", _("消息含有无法识别的字符，请删除后再试。"))
    return data


def _refuse_constant(name: str) -> None:
    raise ValueError(f"{name} is not JSON")


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"{text} is out of range")
    return value


def _has_unreadable_text(data: Any) -> bool:
    """Whether any key or string anywhere in the message holds NUL or a lone surrogate.

    Walked with a list rather than recursion: the parser accepts nesting close to the interpreter's
    recursion limit, and this runs deeper in the stack than the parser did.
    """
    pending = [data]
    while pending:
        value = pending.pop()
        if isinstance(value, str):
            if UNREADABLE.search(value):
                return True
        elif isinstance(value, dict):
            pending.extend(value.keys())
            pending.extend(value.values())
        elif isinstance(value, list):
            pending.extend(value)
    return False
