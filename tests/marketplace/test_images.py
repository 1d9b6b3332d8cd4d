"""Uploaded pictures are checked, re-encoded without metadata, and stored under random names.

Every image is generated in memory with Pillow; nothing here depends on files shipped with the tests.
"""

from __future__ import annotations

import io
import re
import struct
import zlib
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import ExifTags, Image, ImageFile, features

from marketplace.enums import VerificationStatus
from marketplace.images import (
    DEFAULT_MAX_BYTES,
    CleanImage,
    ImageRejected,
    certificate_photo_set,
    employer_logo_set,
    image_clean,
    thumbnail_make,
)
from marketplace.models import Certificate, Employer
from tests.factories import EmployerFactory, SeekerFactory

RED = (220, 20, 20)
BLUE = (20, 20, 220)
RANDOM_NAME = re.compile(r"^[0-9a-f]{32}\.jpg$")


# --- building inputs --------------------------------------------------------------------------------


def encode(img: Image.Image, fmt: str, **params) -> bytes:
    buf = io.BytesIO()
    img.save(buf, format=fmt, **params)
    return buf.getvalue()


def solid(size: tuple[int, int], color=RED, mode: str = "RGB") -> Image.Image:
    return Image.new(mode, size, color)


def noise(size: tuple[int, int]) -> Image.Image:
    """Incompressible pixels, so the file is large and truncating it really loses image data."""
    return Image.effect_noise(size, 80).convert("RGB")


def upload(data: bytes, name: str = "photo.jpg", content_type: str = "image/jpeg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type=content_type)


def gps_exif() -> Image.Exif:
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "PhoneMaker"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (26.0, 34.0, 12.0)  # 凯里 — where this worker lives
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (107.0, 58.0, 48.0)
    return exif


def png_declaring(width: int, height: int) -> bytes:
    """A tiny valid-looking PNG whose IHDR claims ``width``×``height`` (CRC fixed so parsers accept it)."""
    data = bytearray(encode(solid((8, 8), mode="1", color=0), "PNG"))
    assert data[12:16] == b"IHDR"
    data[16:24] = struct.pack(">II", width, height)
    data[29:33] = struct.pack(">I", zlib.crc32(bytes(data[12:29])) & 0xFFFFFFFF)
    return bytes(data)


def decoded(clean: CleanImage) -> Image.Image:
    clean.content.seek(0)
    img = Image.open(io.BytesIO(clean.content.read()))
    img.load()
    return img


def close_to(pixel, color, tolerance: int = 12) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(pixel, color, strict=True))


def refused(data_or_file, **kwargs) -> ImageRejected:
    with pytest.raises(ImageRejected) as excinfo:
        image_clean(data_or_file if not isinstance(data_or_file, bytes) else upload(data_or_file), **kwargs)
    return excinfo.value


# --- image_clean --------------------------------------------------------------------------------------


def test_a_phone_jpeg_is_re_encoded_without_any_exif_or_gps():
    original = encode(solid((640, 480)), "JPEG", exif=gps_exif().tobytes())
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(ExifTags.IFD.GPSInfo)  # the input really has GPS

    clean = image_clean(upload(original, name="张三 身份证 522601199001011234.jpg"))

    out = decoded(clean)
    assert out.format == "JPEG"
    assert out.mode == "RGB"
    assert (out.width, out.height) == (clean.width, clean.height) == (640, 480)
    assert not out.getexif()
    assert "exif" not in out.info
    clean.content.seek(0)
    raw = clean.content.read()
    assert b"Exif" not in raw
    assert b"PhoneMaker" not in raw
    # A random name: the uploader's file name (here with an ID number in it) is never stored.
    assert RANDOM_NAME.match(clean.content.name)
    assert close_to(out.getpixel((320, 240)), RED)


def test_every_upload_gets_a_different_random_name():
    data = encode(solid((10, 10)), "JPEG")
    assert image_clean(upload(data)).content.name != image_clean(upload(data)).content.name


def test_a_png_with_transparency_becomes_an_rgb_jpeg_on_white():
    img = Image.new("RGBA", (100, 100), (0, 0, 0, 0))  # transparent black: must not turn black
    img.paste((20, 20, 220, 255), (0, 0, 50, 100))
    clean = image_clean(upload(encode(img, "PNG"), name="logo.png", content_type="image/png"))

    out = decoded(clean)
    assert out.format == "JPEG"
    assert out.mode == "RGB"
    assert close_to(out.getpixel((10, 50)), BLUE)
    assert close_to(out.getpixel((90, 50)), (255, 255, 255))


def test_a_palette_png_with_a_transparent_index_is_flattened_on_white():
    img = Image.new("P", (40, 40), 0)
    img.putpalette([0, 0, 0, *RED] + [0] * (256 - 2) * 3)
    img.paste(1, (0, 0, 20, 40))
    out = decoded(image_clean(upload(encode(img, "PNG", transparency=0), name="logo.png")))
    assert close_to(out.getpixel((5, 20)), RED)
    assert close_to(out.getpixel((35, 20)), (255, 255, 255))


def test_a_large_photo_is_downsized_to_max_side_keeping_its_shape():
    clean = image_clean(upload(encode(solid((4000, 1000)), "JPEG")))
    assert (clean.width, clean.height) == (2000, 500)
    assert decoded(clean).size == (2000, 500)

    small = image_clean(upload(encode(solid((1200, 3000)), "PNG")), max_side=600)
    assert (small.width, small.height) == (240, 600)


def test_exif_orientation_is_applied_to_the_pixels():
    # Stored sideways as phones do: 200 wide, 100 high, "rotate 90° clockwise to display".
    img = Image.new("RGB", (200, 100), BLUE)
    img.paste(RED, (0, 0, 100, 100))  # left half red
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6

    clean = image_clean(upload(encode(img, "JPEG", exif=exif.tobytes())))

    out = decoded(clean)
    assert (clean.width, clean.height) == out.size == (100, 200)
    # Turned clockwise, the left half is now on top; and no Orientation tag is left to turn it again.
    assert close_to(out.getpixel((50, 40)), RED)
    assert close_to(out.getpixel((50, 160)), BLUE)
    assert ExifTags.Base.Orientation not in out.getexif()


def test_the_first_frame_of_an_animated_gif_is_used():
    frames = [solid((60, 40), RED).convert("P"), solid((60, 40), BLUE).convert("P")]
    data = encode(frames[0], "GIF", save_all=True, append_images=frames[1:], duration=100, loop=0)
    out = decoded(image_clean(upload(data, name="anim.gif")))
    assert out.size == (60, 40)
    assert close_to(out.getpixel((30, 20)), RED, tolerance=30)


@pytest.mark.skipif(not features.check("webp"), reason="Pillow built without WebP")
def test_a_webp_is_accepted():
    out = decoded(image_clean(upload(encode(solid((80, 60)), "WEBP"), name="x.webp")))
    assert (out.format, out.size) == ("JPEG", (80, 60))


def test_a_text_file_named_jpg_is_refused_as_not_an_image():
    exc = refused(upload(b"\xe4\xbd\xa0\xe5\xa5\xbd, this is a resume in plain text\n" * 20, name="照片.jpg"))
    assert exc.code == "not_image"
    assert exc.message == "文件不是图片，请上传 JPG 或 PNG 照片。"


def test_an_empty_file_is_refused_as_not_an_image():
    assert refused(upload(b"")).code == "not_image"


def test_a_truncated_jpeg_is_refused_as_damaged():
    data = encode(noise((400, 300)), "JPEG", quality=90)
    exc = refused(upload(data[: len(data) // 2]))
    assert exc.code == "corrupt"
    assert exc.message == "图片已损坏，请重新拍照上传。"


def test_a_truncated_png_is_refused_as_damaged():
    data = encode(noise((200, 200)), "PNG")
    assert refused(upload(data[: len(data) // 3], name="x.png")).code == "corrupt"


@pytest.fixture
def decoding_forbidden(monkeypatch):
    """Fail the test if any pixel data is decoded: bombs must be refused from the header alone."""

    def load(self):
        raise AssertionError(f"pixel data of a {self.size} image was decoded")

    monkeypatch.setattr(ImageFile.ImageFile, "load", load)


def test_a_decompression_bomb_beyond_pillows_own_limit_is_refused_without_decoding(decoding_forbidden):
    data = png_declaring(30000, 30000)  # 900 megapixels, ~2.7 GB as RGB, in a file of < 100 bytes
    assert len(data) < 200
    exc = refused(upload(data, name="bomb.png"))
    assert exc.code == "too_many_pixels"
    assert exc.message == "图片尺寸过大，无法处理。"


def test_an_image_over_our_pixel_limit_is_refused_from_its_header(decoding_forbidden):
    data = png_declaring(8000, 8000)  # 64 MP: under Pillow's limit, over ours (40 MP)
    assert Image.open(io.BytesIO(data)).size == (8000, 8000)
    assert refused(upload(data, name="big.png")).code == "too_many_pixels"


def test_a_small_png_whose_pixels_would_fill_memory_is_refused_from_its_header(decoding_forbidden):
    """6320×6320 RGBA is under the pixel limit but 160 MB decoded: six of these once took a server to 4 GB."""
    data = bytearray(png_declaring(6320, 6320))
    data[24:26] = bytes([8, 6])  # 8-bit RGBA
    data[29:33] = struct.pack(">I", zlib.crc32(bytes(data[12:29])) & 0xFFFFFFFF)
    assert Image.open(io.BytesIO(bytes(data))).mode == "RGBA"

    exc = refused(upload(bytes(data), name="big.png"))

    assert exc.code == "too_many_pixels" and exc.message == "图片尺寸过大，无法处理。"


def test_a_35_megapixel_phone_photo_still_goes_through_by_decoding_at_reduced_scale():
    # 7000×5000 RGB is 105 MB decoded in full, over the 64 MB budget; libjpeg's half scale is 26 MB.
    data = encode(Image.linear_gradient("L").resize((7000, 5000)).convert("RGB"), "JPEG")
    assert len(data) < DEFAULT_MAX_BYTES

    clean = image_clean(upload(data), max_side=2400)

    assert max(clean.width, clean.height) == 2400


def test_pillows_decompression_bomb_warning_is_treated_as_a_refusal(monkeypatch):
    # Between MAX_IMAGE_PIXELS and twice that Pillow only warns; a caller allowing more must still be safe.
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 1000)
    data = encode(solid((40, 40)), "PNG")  # 1600 px: above the (patched) limit, below twice it
    assert refused(upload(data), max_pixels=10_000).code == "too_many_pixels"


class CountingReader(io.BytesIO):
    """A plain file-like without a ``size``, counting what the service reads from it."""

    def __init__(self, data: bytes) -> None:
        super().__init__(data)
        self.bytes_read = 0

    def read(self, n: int | None = -1) -> bytes:
        chunk = super().read(n)
        self.bytes_read += len(chunk)
        return chunk


def test_a_file_over_max_bytes_is_refused_after_reading_no_more_than_max_bytes_plus_one():
    data = encode(noise((300, 300)), "PNG")
    assert len(data) > 20_000
    reader = CountingReader(data)
    with pytest.raises(ImageRejected) as excinfo:
        image_clean(reader, max_bytes=10_000)
    assert excinfo.value.code == "file_too_large"
    assert reader.bytes_read <= 10_001


def test_an_upload_declaring_more_than_5_mb_is_refused_with_the_limit_in_the_message():
    big = upload(b"\xff\xd8\xff" + b"\0" * (5 * 1024 * 1024))
    exc = refused(big)
    assert exc.code == "file_too_large"
    assert exc.message == "图片太大（超过 5 MB），请压缩后再上传。"


def test_a_plain_file_like_within_the_limit_is_accepted():
    clean = image_clean(CountingReader(encode(solid((30, 20)), "JPEG")))
    assert (clean.width, clean.height) == (30, 20)


@pytest.mark.parametrize(("fmt", "name"), [("TIFF", "scan.tif"), ("BMP", "logo.bmp")])
def test_real_pictures_in_other_formats_are_refused_as_unsupported(fmt, name):
    exc = refused(upload(encode(solid((50, 50)), fmt), name=name))
    assert exc.code == "unsupported_format"
    assert exc.message == "暂不支持该图片格式，请上传 JPG、PNG 或 WebP。"


def test_an_iphone_heic_photo_is_refused_as_unsupported_not_as_not_an_image():
    heic_header = b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\0" * 64
    assert refused(upload(heic_header, name="IMG_0001.HEIC")).code == "unsupported_format"


def test_thumbnail_keeps_the_whole_picture_within_the_size():
    clean = image_clean(upload(encode(solid((1000, 400)), "JPEG")))
    thumb = thumbnail_make(clean)
    img = Image.open(io.BytesIO(thumb.read()))
    assert img.format == "JPEG"
    assert img.size == (256, 102)
    assert RANDOM_NAME.match(thumb.name)
    assert thumbnail_make(clean, size=64).size > 0


# --- storing on models --------------------------------------------------------------------------------


@pytest.fixture
def media(settings, tmp_path) -> Path:
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def stored_files(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}


@pytest.fixture
def employer() -> Employer:
    return EmployerFactory(name="凯里市黔味食品有限公司", verification=VerificationStatus.PENDING)


@pytest.mark.django_db
def test_employer_logo_set_stores_a_logo_and_a_thumbnail(media, employer):
    employer_logo_set(employer=employer, upload=upload(encode(solid((900, 600)), "PNG"), name="我的公司.png"))

    employer.refresh_from_db()
    assert employer.logo.name.startswith("employers/logos/")
    assert employer.logo_thumb.name.startswith("employers/logos/thumbs/")
    assert RANDOM_NAME.match(Path(employer.logo.name).name)
    assert stored_files(media) == {employer.logo.name, employer.logo_thumb.name}
    with Image.open(employer.logo.path) as logo:
        assert (logo.format, logo.size) == ("JPEG", (900, 600))
    with Image.open(employer.logo_thumb.path) as thumb:
        assert thumb.format == "JPEG"
        assert max(thumb.size) <= 256


@pytest.mark.django_db
def test_a_refused_logo_changes_nothing(media, employer, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        employer_logo_set(employer=employer, upload=upload(encode(solid((300, 300)), "JPEG")))
    before = (employer.logo.name, employer.logo_thumb.name)
    files_before = stored_files(media)

    with pytest.raises(ImageRejected), django_capture_on_commit_callbacks(execute=True):
        employer_logo_set(employer=employer, upload=upload(b"not a picture at all", name="logo.jpg"))

    assert (employer.logo.name, employer.logo_thumb.name) == before
    employer.refresh_from_db()
    assert (employer.logo.name, employer.logo_thumb.name) == before
    assert stored_files(media) == files_before


@pytest.mark.django_db
def test_replacing_a_logo_deletes_the_old_files_once_committed(media, employer, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        employer_logo_set(employer=employer, upload=upload(encode(solid((300, 300), RED), "JPEG")))
    old = {employer.logo.name, employer.logo_thumb.name}

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        employer_logo_set(employer=employer, upload=upload(encode(solid((300, 300), BLUE), "JPEG")))
    new = {employer.logo.name, employer.logo_thumb.name}
    assert not old & new
    assert stored_files(media) == old | new  # old files survive until the transaction commits

    for callback in callbacks:
        callback()
    assert stored_files(media) == new
    employer.refresh_from_db()
    assert {employer.logo.name, employer.logo_thumb.name} == new


@pytest.mark.django_db
def test_when_saving_the_row_fails_the_new_files_are_removed(media, employer, monkeypatch):
    def broken_save(*args, **kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr(employer, "save", broken_save)
    with pytest.raises(RuntimeError):
        employer_logo_set(employer=employer, upload=upload(encode(solid((50, 50)), "JPEG")))
    assert stored_files(media) == set()
    assert not employer.logo
    assert not employer.logo_thumb


@pytest.mark.django_db
def test_certificate_photo_set_keeps_more_detail_than_a_logo(media, django_capture_on_commit_callbacks):
    profile = SeekerFactory(profile__name="王芳").profile
    certificate = Certificate.objects.create(profile=profile, name="中式烹调师（四级）")

    with django_capture_on_commit_callbacks(execute=True):
        certificate_photo_set(certificate=certificate, upload=upload(encode(solid((3000, 1500)), "JPEG")))
    first = certificate.photo.name
    certificate.refresh_from_db()
    assert certificate.photo.name == first
    assert first.startswith("certificates/")
    with Image.open(certificate.photo.path) as photo:
        assert photo.size == (2400, 1200)

    with pytest.raises(ImageRejected):
        certificate_photo_set(certificate=certificate, upload=upload(encode(solid((20, 20)), "BMP")))
    certificate.refresh_from_db()
    assert certificate.photo.name == first

    with django_capture_on_commit_callbacks(execute=True):
        certificate_photo_set(certificate=certificate, upload=upload(encode(solid((100, 80)), "PNG")))
    assert stored_files(media) == {certificate.photo.name}
