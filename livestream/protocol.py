"""The JSON message shape every WebSocket of the product speaks.

Client → server: `{"command": "<name>", ...}`. Server → client: `{"type": "<name>", ...}`;
errors are `{"type": "error", "code": "<code>", "message": "<中文说明>"}` and never close the
connection, so one bad message from a flaky phone costs nothing.
"""

from __future__ import annotations

import json
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

# A phone never needs to send more than this; larger frames are refused before parsing.
MAX_MESSAGE_BYTES = 8 * 1024


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
    if len(text.encode("utf-8")) > MAX_MESSAGE_BYTES:
        raise ProtocolError("too_large", _("消息太长，请精简后再发送。"))
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ProtocolError("bad_json", _("消息格式错误，无法识别。")) from exc
    if not isinstance(data, dict) or not isinstance(data.get("command"), str):
        raise ProtocolError("no_command", _("消息缺少 command 字段。"))
    return data
