"""Who may do what with live rooms (直播送岗): the same kind of matrix as the marketplace's.

Employers stream their own jobs, staff stream anyone's, the bureau compares streams; inside a
room, only its own host runs the stream and everyone else is a viewer, whatever their role.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from livestream.live.models import LiveRoom
from marketplace.enums import Role
from marketplace.models import User
from marketplace.permissions import Matrix, Scope


def _all(user, obj) -> bool:
    return True


LIVE_MATRIX: dict[str, dict[str, Scope]] = {
    "live.host": {Role.EMPLOYER: _all, Role.STATION: _all, Role.BUREAU: _all},
    "live.view_funnel": {Role.BUREAU: _all},
}
_live = Matrix(LIVE_MATRIX)
can = _live.can
require = _live.require


def require_host(by: User, room: LiveRoom) -> None:
    """Only the room's own host runs the stream; everyone else is a viewer, whatever their role."""
    if not (by and by.is_authenticated and by.pk == room.host_id):
        raise PermissionDenied(_("只有本直播间的主播可以进行此操作。"))
