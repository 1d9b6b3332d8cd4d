"""QR codes the product draws (Pillow PNGs through the qrcode package), e.g. a gig's check-in code.

Medium error correction: a code printed on paper at a building site gets creased and dusty, and a
phone's camera still reads it.
"""

from __future__ import annotations

import io

import qrcode
from qrcode.constants import ERROR_CORRECT_M
from qrcode.image.pil import PilImage


def qr_png(data: str, *, box_size: int = 10, border: int = 4) -> bytes:
    """A PNG of `data` as a QR code; `box_size` pixels per module, `border` modules of quiet zone."""
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, box_size=box_size, border=border, image_factory=PilImage)
    code.add_data(data)
    code.make(fit=True)
    buffer = io.BytesIO()
    code.make_image(fill_color="black", back_color="white").save(buffer, format="PNG")
    return buffer.getvalue()
