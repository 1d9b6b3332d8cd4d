"""直播送岗: a live room, the job cards its host pushed, the applications they drew, chat and presence.

The video is not ours: a room only names an external HLS (.m3u8) or FLV stream the page plays.
What we keep is the funnel: which cards were shown when, who applied from which card, and how many
people watched, so the bureau can compare streams long after they ended.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from livestream.live.enums import RoomStatus

STREAM_SUFFIXES = (".m3u8", ".flv")


def validate_stream_url(value: str) -> None:
    """An http(s) address of an HLS playlist or an FLV stream; anything else cannot be played by the page."""
    parts = urlsplit(value or "")
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        raise ValidationError(_("直播地址须以 http:// 或 https:// 开头。"), code="stream_url_scheme")
    if not parts.path.lower().endswith(STREAM_SUFFIXES):
        raise ValidationError(_("直播地址须是 HLS（.m3u8）或 FLV（.flv）格式的拉流地址。"), code="stream_url_format")


def stream_kind(url: str) -> str:
    """ "hls" or "flv": which player the page needs."""
    return "flv" if urlsplit(url).path.lower().endswith(".flv") else "hls"


class LiveRoom(models.Model):
    title = models.CharField(_("直播标题"), max_length=60)
    description = models.CharField(_("简介"), max_length=300, blank=True)
    host = models.ForeignKey("marketplace.User", on_delete=models.CASCADE, related_name="live_rooms")
    # Set for an employer's own stream; staff streams (several employers) leave it empty.
    employer = models.ForeignKey(
        "marketplace.Employer", on_delete=models.SET_NULL, null=True, blank=True, related_name="live_rooms"
    )
    stream_url = models.CharField(_("拉流地址"), max_length=500, validators=[validate_stream_url])
    # The 招聘会 this stream belongs to (线上直播 of a 周周招聘), so the event page leads to it.
    event = models.ForeignKey(
        "livestream.RecruitmentEvent", on_delete=models.SET_NULL, null=True, blank=True, related_name="live_rooms"
    )
    scheduled_at = models.DateTimeField(_("开播时间"))
    status = models.CharField(
        _("状态"), max_length=10, choices=RoomStatus.choices, default=RoomStatus.SCHEDULED, db_index=True
    )
    started_at = models.DateTimeField(null=True, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)
    current_card = models.ForeignKey(
        "livestream.LiveCard", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    pinned_card = models.ForeignKey(
        "livestream.LiveCard", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # Highest concurrent viewer count seen; raised by the presence ticker, never lowered.
    viewers_peak = models.PositiveIntegerField(_("最高同时在线"), default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-scheduled_at", "-id"]
        verbose_name = verbose_name_plural = _("直播间")

    def __str__(self) -> str:
        return self.title

    @property
    def group_name(self) -> str:
        return f"live.{self.pk}"

    @property
    def stream_kind(self) -> str:
        return stream_kind(self.stream_url)


def room_group(room_id: int) -> str:
    """The Channels group of a room, for code that has only its id."""
    return f"live.{room_id}"


class LiveCard(models.Model):
    """One push of a posting to the room: the timeline is these rows in order."""

    room = models.ForeignKey(LiveRoom, on_delete=models.CASCADE, related_name="cards")
    posting = models.ForeignKey("marketplace.JobPosting", on_delete=models.CASCADE, related_name="live_cards")
    position = models.PositiveIntegerField()
    pushed_by = models.ForeignKey("marketplace.User", on_delete=models.SET_NULL, null=True, related_name="+")
    shown_at = models.DateTimeField()
    # Set when the next card replaced it or the stream ended.
    hidden_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["room", "position"]
        constraints = [models.UniqueConstraint(fields=["room", "position"], name="live_card_position")]

    def __str__(self) -> str:
        return f"{self.room} #{self.position} {self.posting}"


class LiveApplication(models.Model):
    """An application a card drew: the link from the stream to the funnel (interview, hire)."""

    room = models.ForeignKey(LiveRoom, on_delete=models.CASCADE, related_name="applications")
    card = models.ForeignKey(LiveCard, on_delete=models.CASCADE, related_name="applications")
    application = models.OneToOneField("marketplace.Application", on_delete=models.CASCADE, related_name="live_link")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.card} → {self.application_id}"


class LiveMessage(models.Model):
    room = models.ForeignKey(LiveRoom, on_delete=models.CASCADE, related_name="messages")
    author = models.ForeignKey("marketplace.User", on_delete=models.CASCADE, related_name="+")
    # As shown at the time: a display name or a masked phone, never the number itself.
    author_name = models.CharField(max_length=30)
    from_host = models.BooleanField(default=False)
    text = models.CharField(max_length=200)
    created_at = models.DateTimeField(auto_now_add=True)
    deleted_at = models.DateTimeField(null=True, blank=True)
    deleted_by = models.ForeignKey(
        "marketplace.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["room", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.author_name}: {self.text[:20]}"


class LiveMute(models.Model):
    room = models.ForeignKey(LiveRoom, on_delete=models.CASCADE, related_name="mutes")
    user = models.ForeignKey("marketplace.User", on_delete=models.CASCADE, related_name="+")
    until = models.DateTimeField()
    by = models.ForeignKey("marketplace.User", on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["room", "user"], name="live_mute_once")]

    def __str__(self) -> str:
        return f"{self.user_id} muted until {self.until:%H:%M}"


class LivePresence(models.Model):
    """One WebSocket connection to a room, in any server process.

    Channels groups cannot be counted, and each daphne process sees only its own sockets, so the
    database is the one place all processes share in both run modes. `seen_at` is refreshed by
    the process holding the socket; rows of a process that died stop counting once it is stale.
    Rows are kept after `left_at`, so unique viewers can be counted after the stream.
    """

    room = models.ForeignKey(LiveRoom, on_delete=models.CASCADE, related_name="presences")
    channel_name = models.CharField(max_length=160, unique=True)
    # "u<user id>" for a signed-in person, "a<browser id>" for an anonymous one.
    viewer_key = models.CharField(max_length=64)
    is_host = models.BooleanField(default=False)
    connected_at = models.DateTimeField(auto_now_add=True)
    seen_at = models.DateTimeField()
    left_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["room", "left_at", "seen_at"])]

    def __str__(self) -> str:
        return f"{self.viewer_key} in room {self.room_id}"
