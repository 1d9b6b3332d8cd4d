"""Event posters for WeChat sharing, and the QR codes of tickets: PNG images drawn with Pillow.

The poster (1080×1920) shows the title, date and time, place, target groups, up to six top jobs
with their pay, and a QR code to the event's absolute page URL. Chinese text needs a CJK font:
`POSTER_FONT_PATH`, or else Debian's `fonts-noto-cjk` (SIL Open Font License 1.1) at its standard
paths, which scripts/run.sh and scripts/test.sh install. Without one the poster is refused with a
message naming the package, rather than drawn in boxes (tofu).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import qrcode
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone
from PIL import Image, ImageDraw, ImageFont
from qrcode.constants import ERROR_CORRECT_M

from livestream.events.enums import EventKind
from livestream.events.services.tickets import ticket_qr_payload
from livestream.models import EventRegistration, RecruitmentEvent
from marketplace.enums import KeyGroup

WIDTH, HEIGHT = 1080, 1920
RED = (200, 16, 46)
INK = (33, 37, 41)
MUTED = (96, 103, 112)
PAPER = (255, 250, 245)
MAX_JOBS = 6

# Where Debian (and most Linux distributions) put the Noto CJK fonts, bold first for titles.
STANDARD_FONT_PATHS = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Bold.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Bold.ttc",
    "/usr/share/fonts/truetype/noto/NotoSansCJK-Regular.ttc",
)


class PosterFontMissing(ImproperlyConfigured):
    """No CJK font: install fonts-noto-cjk or set POSTER_FONT_PATH."""


@dataclass(frozen=True)
class PosterJob:
    title: str
    employer: str
    pay: str


def find_font_path() -> Path:
    """The configured font file, or the first standard one present; a clear error otherwise."""
    configured = getattr(settings, "POSTER_FONT_PATH", "")
    if configured:
        path = Path(configured)
        if not path.is_file():
            raise PosterFontMissing(f"POSTER_FONT_PATH={configured} is not a file; posters need a CJK font.")
        return path
    for candidate in STANDARD_FONT_PATHS:
        if Path(candidate).is_file():
            return Path(candidate)
    raise PosterFontMissing(
        "No CJK font found for posters: install Debian's fonts-noto-cjk (apt-get install fonts-noto-cjk) "
        "or set POSTER_FONT_PATH to a .ttf/.otf/.ttc file with Chinese glyphs."
    )


@cache
def _face_index(path: str) -> int:
    """In a collection (.ttc), the Simplified Chinese face; 0 for a single font."""
    for index in range(12):
        try:
            name = " ".join(ImageFont.truetype(path, 20, index=index).getname())
        except OSError:
            break
        if "SC" in name.split() or "CJK SC" in name:
            return index
    return 0


def poster_font(size: int) -> ImageFont.FreeTypeFont:
    path = str(find_font_path())
    return ImageFont.truetype(path, size, index=_face_index(path))


def qr_image(data: str, *, box: int = 10, border: int = 4) -> Image.Image:
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, box_size=box, border=border)
    code.add_data(data)
    code.make(fit=True)
    return code.make_image(fill_color="black", back_color="white").get_image().convert("RGB")


def png_bytes(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def ticket_qr_png(registration: EventRegistration) -> bytes:
    return png_bytes(qr_image(ticket_qr_payload(registration), box=12))


def _wrap(draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """Chinese wraps between any two characters; keep lines within the width."""
    lines, line = [], ""
    for ch in text:
        if draw.textlength(line + ch, font=font) > width and line:
            lines.append(line)
            line = ch
        else:
            line += ch
    if line:
        lines.append(line)
    return lines


def _fit(draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont, width: int) -> str:
    if draw.textlength(text, font=font) <= width:
        return text
    while text and draw.textlength(text + "…", font=font) > width:
        text = text[:-1]
    return text + "…"


def _how_to_take_part(event: RecruitmentEvent) -> list[str]:
    """What a poster without jobs yet says in the middle: how to come, what to bring, what is there."""
    on_site = bool(event.venue_name or event.address)
    lines = ["扫码提前报名，到场不用排队"]
    if on_site:
        lines += ["带上身份证，到场扫码签到", "现场有政策咨询和职业指导"]
    if event.online:
        lines.append("不方便到场的，扫码看直播招聘")
    lines += ["参会单位和岗位陆续发布，扫码随时看", "找工作、参加招聘会全部免费"]
    return lines


def poster_image(event: RecruitmentEvent, *, url: str, jobs: list[PosterJob]) -> Image.Image:
    """Draw the poster. `url` is the absolute address of the event page the QR code opens."""
    title_font, big, body, small = poster_font(84), poster_font(48), poster_font(40), poster_font(32)
    image = Image.new("RGB", (WIDTH, HEIGHT), PAPER)
    draw = ImageDraw.Draw(image)
    margin, inner = 80, WIDTH - 160

    title_lines = _wrap(draw, event.title, title_font, inner)[:3]
    groups = "、".join(str(KeyGroup(g).label) for g in event.target_groups if g in KeyGroup.values)
    header = 150 + 108 * len(title_lines) + (70 if groups else 0) + 40
    draw.rectangle([0, 0, WIDTH, header], fill=RED)
    draw.text((margin, 70), f"{EventKind(event.kind).label} · {event.organiser_name}", font=small, fill=(255, 225, 228))
    y = 140
    for line in title_lines:
        draw.text((margin, y), line, font=title_font, fill="white")
        y += 108
    if groups:
        draw.text((margin, y + 10), _fit(draw, f"面向：{groups}", body, inner), font=body, fill="white")

    y = header + 60
    draw.text((margin, y), "时间", font=small, fill=MUTED)
    draw.text((margin, y + 44), event.when_display, font=big, fill=INK)
    y += 140
    draw.text((margin, y), "地点", font=small, fill=MUTED)
    place = " ".join(p for p in (event.county, event.venue_name, event.address) if p) or "线上直播"
    for line in _wrap(draw, place, big, inner)[:2]:
        y += 60
        draw.text((margin, y), line, font=big, fill=INK)
    if event.online and (event.venue_name or event.address):
        y += 60
        draw.text((margin, y), "同步线上直播", font=body, fill=RED)
    y += 110

    # Without booths' jobs yet, the middle tells people how to take part and the QR code is larger.
    qr = qr_image(url, box=9 if jobs else 12, border=2)
    side = qr.size[0]  # whole pixels per module: scaling would blur the modules for some readers
    qr_top = HEIGHT - side - 110
    if jobs:
        draw.text((margin, y), "热招岗位", font=big, fill=RED)
        y += 80
        room = max(0, (qr_top - 30 - y) // 110)  # rows that fit above the QR code
        for job in jobs[: min(MAX_JOBS, room)]:
            pay_width = draw.textlength(job.pay, font=body)
            draw.text((margin, y), _fit(draw, job.title, body, inner - pay_width - 30), font=body, fill=INK)
            draw.text((WIDTH - margin - pay_width, y), job.pay, font=body, fill=RED)
            draw.text((margin, y + 50), _fit(draw, job.employer, small, inner), font=small, fill=MUTED)
            y += 110
    else:
        draw.text((margin, y), "怎么参加", font=big, fill=RED)
        y += 90
        lines = _how_to_take_part(event)
        # Spread down to the QR code, large where there is room: the people reading it are often older.
        step = max(64, min(100, (qr_top - 40 - y) // len(lines)))
        font = big if step >= 80 else body
        for line in lines[: max(0, (qr_top - 40 - y) // step)]:
            dot = y + font.size // 2
            draw.ellipse([margin, dot - 7, margin + 14, dot + 7], fill=RED)
            draw.text((margin + 36, y), _fit(draw, line, font, inner - 36), font=font, fill=INK)
            y += step

    image.paste(qr, (WIDTH - margin - side, qr_top))
    draw.text((margin, qr_top + 90), "微信扫码", font=big, fill=INK)
    draw.text((margin, qr_top + 160), "查看岗位 · 在线报名", font=body, fill=MUTED)
    stamp = timezone.localtime().strftime("%Y-%m-%d")
    draw.text((margin, HEIGHT - 70), f"就业通 · 公共就业服务  {stamp}", font=small, fill=MUTED)
    return image


def poster_png(event: RecruitmentEvent, *, url: str, jobs: list[PosterJob]) -> bytes:
    return png_bytes(poster_image(event, url=url, jobs=jobs))
