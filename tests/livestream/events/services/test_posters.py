"""The poster: a PNG for WeChat whose QR code opens the event page and whose Chinese is real glyphs."""

from __future__ import annotations

import io

import pytest
import zxingcpp
from PIL import Image, ImageFont

from livestream.events.services import posters
from livestream.events.services.posters import PosterFontMissing, PosterJob, poster_font, poster_png, ticket_qr_png
from livestream.events.services.tickets import QR_PREFIX, event_sign_up
from tests.factories import RecruitmentEventFactory

pytestmark = pytest.mark.django_db

URL = "https://jobs.example.gov.cn/events/42/"


def test_the_poster_qr_code_decodes_to_the_event_page_url():
    event = RecruitmentEventFactory(
        title="脱贫劳动力专场招聘会", kind="special", target_groups=["poverty_relieved"], online=True
    )
    employer = "凯里经济开发区某电子有限公司"
    jobs = [PosterJob(title=f"电子厂普工{i}", employer=employer, pay="4500–6000 元/月") for i in range(8)]

    image = Image.open(io.BytesIO(poster_png(event, url=URL, jobs=jobs)))

    assert image.format == "PNG" and image.size == (1080, 1920)
    assert [code.text for code in zxingcpp.read_barcodes(image)] == [URL]


def test_the_title_is_drawn_with_chinese_glyphs_not_tofu():
    font = poster_font(84)
    title = "脱贫劳动力专场"
    fallback = ImageFont.load_default(84)  # Pillow's own font has no CJK glyphs
    for ch in title:
        bbox = font.getmask(ch).getbbox()
        assert bbox is not None, ch
    # Different characters give different shapes with the CJK font, the same box with the fallback.
    assert len({bytes(font.getmask(ch)) for ch in title}) == len(set(title))
    assert len({bytes(fallback.getmask(ch)) for ch in title}) < len(set(title))


def test_a_missing_font_is_a_clear_error(settings, tmp_path, monkeypatch):
    settings.POSTER_FONT_PATH = str(tmp_path / "none.ttc")
    with pytest.raises(PosterFontMissing, match="POSTER_FONT_PATH"):
        poster_font(40)
    settings.POSTER_FONT_PATH = ""
    monkeypatch.setattr(posters, "STANDARD_FONT_PATHS", (str(tmp_path / "missing.ttc"),))
    with pytest.raises(PosterFontMissing, match="fonts-noto-cjk"):
        poster_font(40)


def test_a_ticket_qr_code_holds_the_ticket_code(seeker):
    registration = event_sign_up(by=seeker, event=RecruitmentEventFactory())
    image = Image.open(io.BytesIO(ticket_qr_png(registration)))
    assert [code.text for code in zxingcpp.read_barcodes(image)] == [QR_PREFIX + registration.ticket_code]
