"""Request bodies reach Django as they were sent: twisted must not parse form posts first.

twisted.web's Request parses every POST `multipart/form-data` body into `request.args` before
daphne sees the request (daphne never reads them), and answers a body it cannot parse with a bare
"400 Bad Request": no Content-Type, no body, nothing an API client can read, and none of the
product's own handling (the body limit, the Chinese JSON error shape) ever ran. Django parses the
body itself when a view asks for it, and the API answers a malformed one with its JSON 400
(`parse_error`). Skipping twisted's parse also spares a second in-memory copy of every upload.
"""

from __future__ import annotations

from daphne.http_protocol import WebRequest


def leave_bodies_to_django() -> None:
    """Make daphne's requests skip twisted's form parsing (twisted's `parsePOSTFormSubmission`).

    A property rather than a constructor argument: twisted sets the flag in `Request.__init__`,
    which daphne calls without it; the property reads False and ignores that assignment.
    """
    WebRequest._parsePOSTFormSubmission = property(lambda request: False, lambda request, value: None)
