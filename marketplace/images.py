"""Safe handling of user-uploaded pictures: employer logos and certificate photos.

Workers photograph their certificates with phones; employers upload logos from whatever they have.
None of those bytes can be trusted, so every upload goes through :func:`image_clean`:

* size and pixel-count limits are enforced *before* any pixel data is decoded, so a tiny file that
  declares a 30000×30000 canvas (a decompression bomb) costs nothing;
* only the formats phones and browsers actually produce are parsed (JPEG, PNG, WebP, GIF), which
  also keeps Pillow's rarely exercised decoders away from hostile input;
* the picture is re-encoded from pixels as a fresh JPEG, which drops all metadata — in particular
  the GPS position a phone writes into EXIF, which would reveal where a worker lives;
* stored names are random, never the uploader's file name (which may contain a person's name or
  ID number, and must not be able to influence the storage path).
"""

from __future__ import annotations

import contextlib
import io
import logging
import threading
import uuid
import warnings
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import models, transaction
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

from marketplace.effects import after_commit

if TYPE_CHECKING:
    from django.core.files.storage import Storage

    from marketplace.models import ArrearsEvidence, Certificate, Employer, WageArrearsCase

logger = logging.getLogger(__name__)

MB = 1024 * 1024
DEFAULT_MAX_BYTES = 5 * MB
DEFAULT_MAX_PIXELS = 40_000_000
# What decoding may cost, in bytes of pixels (width × height × channels, after JPEG's draft
# scaling): a 155 KB PNG of 6320×6320 RGBA is 160 MB decoded and several copies more while it is
# flattened and turned; six at once took a server to 4 GB. 64 MB passes any phone photo (JPEGs
# decode at reduced scale) and a 4000×4000 RGBA logo.
DEFAULT_MAX_DECODED_BYTES = 64 * MB
# Pictures decoded at once in one process; the rest wait their turn (bounded memory, not refusal).
DECODE_SLOTS = threading.BoundedSemaphore(2)
DECODE_WAIT_S = 20.0
DEFAULT_MAX_SIDE = 2000
CERTIFICATE_MAX_SIDE = 2400  # small print on certificates must stay legible
THUMBNAIL_SIZE = 256
JPEG_QUALITY = 85

# Pillow format names we are willing to parse. Everything else is refused before decoding.
ALLOWED_FORMATS = ("JPEG", "PNG", "WEBP", "GIF")

_READ_CHUNK = 64 * 1024


class ImageRejected(ValueError):
    """An upload that cannot be accepted as a picture.

    ``message`` is Chinese and meant for the person who uploaded the file; ``code`` is stable and
    meant for code (forms, API responses, metrics). Forms can re-raise it as
    ``ValidationError(exc.message, code=exc.code)``.
    """

    def __init__(self, message: str, code: str) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


@dataclass(frozen=True)
class CleanImage:
    """A re-encoded, metadata-free JPEG ready to be saved to a FileField."""

    content: ContentFile
    width: int
    height: int


def _random_jpeg_name() -> str:
    return f"{uuid.uuid4().hex}.jpg"


def _mb(n_bytes: int) -> str:
    return f"{n_bytes / MB:g}"


def _too_large(max_bytes: int) -> ImageRejected:
    return ImageRejected(_("图片太大（超过 %(mb)s MB），请压缩后再上传。") % {"mb": _mb(max_bytes)}, "file_too_large")


def _read_capped(upload: UploadedFile | IO[bytes], max_bytes: int) -> bytes:
    """Read at most ``max_bytes + 1`` bytes: enough to know the file is too big, never more."""
    declared = getattr(upload, "size", None)
    if isinstance(declared, int) and declared > max_bytes:
        raise _too_large(max_bytes)
    with contextlib.suppress(AttributeError, OSError, ValueError):
        upload.seek(0)  # not seekable: read from wherever it is
    limit = max_bytes + 1
    parts: list[bytes] = []
    total = 0
    while total < limit:
        # Some file-likes (sockets, raw streams) return short reads: loop until EOF or the cap.
        chunk = upload.read(min(_READ_CHUNK, limit - total))
        if not chunk:
            break
        parts.append(chunk)
        total += len(chunk)
    data = b"".join(parts)
    if len(data) > max_bytes:
        raise _too_large(max_bytes)
    return data


def _sniff_other_image_format(head: bytes) -> str | None:
    """Name a picture format we do not parse, so the user hears "unsupported" rather than "not a picture".

    Pillow is only allowed to try :data:`ALLOWED_FORMATS`; iPhone HEIC photos, scanner TIFFs,
    Windows BMPs and SVG logos are real pictures and deserve the more helpful message.
    """
    if head[:4] in (b"II*\x00", b"MM\x00*"):
        return "TIFF"
    if head[:2] == b"BM":
        return "BMP"
    if head[4:8] == b"ftyp" and head[8:12] in (b"heic", b"heix", b"hevc", b"heim", b"heis", b"mif1", b"msf1"):
        return "HEIF"
    if head[4:8] == b"ftyp" and head[8:12] in (b"avif", b"avis"):
        return "AVIF"
    if head[:4] == b"8BPS":
        return "PSD"
    if head[:12] == b"\x00\x00\x00\x0cjP  \r\n\x87\n" or head[:4] == b"\xff\x4f\xff\x51":
        return "JPEG2000"
    if b"<svg" in head[:1024].lower():
        return "SVG"
    return None


def _flatten_to_rgb(img: Image.Image) -> Image.Image:
    """Return an RGB image; transparency is composited on white (JPEG has no alpha channel).

    White rather than black because logos with transparent backgrounds are designed for light pages.
    """
    if img.mode in ("I;16", "I;16L", "I;16B", "I;16N", "I"):
        # 16-/32-bit greyscale PNGs: scale to 8 bits instead of clipping everything to white.
        img = img.point(lambda v: v / 256).convert("L")
    has_alpha = img.mode in ("RGBA", "LA", "PA", "La", "RGBa") or (
        img.mode in ("P", "L", "RGB") and "transparency" in img.info
    )
    if has_alpha:
        rgba = img.convert("RGBA")
        out = Image.new("RGB", rgba.size, (255, 255, 255))
        out.paste(rgba, mask=rgba.getchannel("A"))
        return out
    return img.convert("RGB")


def _encode_jpeg(img: Image.Image) -> bytes:
    buf = io.BytesIO()
    # No exif/icc_profile/xmp arguments and a cleared info dict: nothing but pixels is written.
    img.info = {}
    img.save(buf, format="JPEG", quality=JPEG_QUALITY, optimize=True)
    return buf.getvalue()


def image_clean(
    upload: UploadedFile | IO[bytes],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_pixels: int = DEFAULT_MAX_PIXELS,
    max_side: int = DEFAULT_MAX_SIDE,
    max_decoded_bytes: int = DEFAULT_MAX_DECODED_BYTES,
) -> CleanImage:
    """Validate an uploaded picture and re-encode it as a small, metadata-free JPEG.

    Raises :class:`ImageRejected` (with a Chinese message for the uploader) for files that are too
    big, are not pictures, use a format we do not parse, declare too many pixels, or are damaged.
    The original bytes are never stored: only the re-encoded pixels are, so nothing hidden in the
    file (EXIF GPS, comments, polyglot payloads) survives.
    """
    data = _read_capped(upload, max_bytes)

    with warnings.catch_warnings():
        # Pillow only *warns* between MAX_IMAGE_PIXELS and twice that; treat it as the refusal it is.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            # Lazy: reads the header only; no pixel data is decoded here.
            img = Image.open(io.BytesIO(data), formats=ALLOWED_FORMATS)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
            logger.warning("Image upload refused: decompression bomb at open (%s)", exc)
            raise ImageRejected(_("图片尺寸过大，无法处理。"), "too_many_pixels") from exc
        except UnidentifiedImageError as exc:
            other = _sniff_other_image_format(data[:1024])
            if other:
                logger.info("Image upload refused: unsupported format %s", other)
                raise ImageRejected(_("暂不支持该图片格式，请上传 JPG、PNG 或 WebP。"), "unsupported_format") from exc
            logger.info("Image upload refused: not an image (%d bytes)", len(data))
            raise ImageRejected(_("文件不是图片，请上传 JPG 或 PNG 照片。"), "not_image") from exc
        except (OSError, ValueError, SyntaxError) as exc:
            # A recognised signature with a header Pillow cannot make sense of.
            logger.info("Image upload refused: unreadable header (%s)", exc)
            raise ImageRejected(_("图片已损坏，请重新拍照上传。"), "corrupt") from exc

        with img:
            fmt = img.format
            if fmt not in ALLOWED_FORMATS:  # belt and braces: formats= already restricts this
                logger.info("Image upload refused: unsupported format %s", fmt)
                raise ImageRejected(_("暂不支持该图片格式，请上传 JPG、PNG 或 WebP。"), "unsupported_format")
            width, height = img.size
            if width <= 0 or height <= 0 or width * height > max_pixels:
                logger.warning(
                    "Image upload refused: %s declares %dx%d pixels (limit %d)",
                    fmt,
                    width,
                    height,
                    max_pixels,
                )
                raise ImageRejected(_("图片尺寸过大，无法处理。"), "too_many_pixels")

            if fmt == "JPEG":
                # Let libjpeg decode at 1/2, 1/4 or 1/8 scale when that still covers max_side.
                img.draft(None, (max_side, max_side))
            decoded = img.size[0] * img.size[1] * max(len(img.getbands()), 1)
            if decoded > max_decoded_bytes:
                logger.warning("Image upload refused: %s %dx%d %s would decode to %d bytes (limit %d)",
                               fmt, width, height, img.mode, decoded, max_decoded_bytes)  # fmt: skip
                raise ImageRejected(_("图片尺寸过大，无法处理。"), "too_many_pixels")
            if not DECODE_SLOTS.acquire(timeout=DECODE_WAIT_S):
                raise ImageRejected(_("服务器繁忙，请稍后再上传。"), "busy")
            try:
                return _decode_and_encode(img, fmt, width, height, len(data), max_side)
            finally:
                DECODE_SLOTS.release()


def _decode_and_encode(img: Image.Image, fmt: str, width: int, height: int, size: int, max_side: int) -> CleanImage:
    """Load the pixels, turn them upright, flatten and shrink them, and write a fresh JPEG."""
    try:
        img.load()  # GIF, animated WebP/PNG: the first frame is the one loaded
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        logger.warning("Image upload refused: decompression bomb at load (%s)", exc)
        raise ImageRejected(_("图片尺寸过大，无法处理。"), "too_many_pixels") from exc
    except (OSError, ValueError, SyntaxError, EOFError, IndexError, MemoryError) as exc:
        logger.info("Image upload refused: corrupt or truncated %s (%s)", fmt, exc)
        raise ImageRejected(_("图片已损坏，请重新拍照上传。"), "corrupt") from exc

    try:
        # Phones store pictures sideways and record the rotation in EXIF; bake it into pixels
        # because the EXIF is about to be discarded.
        oriented = ImageOps.exif_transpose(img)
    except Exception as exc:
        # Malformed EXIF must not cost the user the upload: keep the pixels as stored.
        logger.info("Image upload: ignoring unreadable EXIF orientation (%s)", exc)
        oriented = img.copy()

    rgb = _flatten_to_rgb(oriented)
    del oriented  # one full-size copy at a time
    if max(rgb.size) > max_side:
        rgb.thumbnail((max_side, max_side), Image.Resampling.LANCZOS)
    encoded = _encode_jpeg(rgb)
    logger.info("Image upload accepted: %s %dx%d -> JPEG %dx%d (%d -> %d bytes)",
                fmt, width, height, rgb.width, rgb.height, size, len(encoded))  # fmt: skip
    return CleanImage(content=ContentFile(encoded, name=_random_jpeg_name()), width=rgb.width, height=rgb.height)


def thumbnail_make(clean: CleanImage, *, size: int = THUMBNAIL_SIZE) -> ContentFile:
    """A JPEG whose longest side is at most ``size``, for lists and cards.

    The whole picture is kept (no square crop): cropping would cut the words off a wide logo.
    Input is our own re-encoded JPEG, so decoding it again is safe; ``draft`` keeps it cheap.
    """
    clean.content.seek(0)
    data = clean.content.read()
    clean.content.seek(0)
    with Image.open(io.BytesIO(data), formats=("JPEG",)) as img:
        img.draft("RGB", (size, size))
        img.load()
        thumb = img.convert("RGB")
    thumb.thumbnail((size, size), Image.Resampling.LANCZOS)
    return ContentFile(_encode_jpeg(thumb), name=_random_jpeg_name())


def _replace_files(instance: models.Model, new_files: dict[str, ContentFile]) -> None:
    """Store ``new_files`` on ``instance``'s file fields, save, and delete the files they replace.

    The row is locked while the old names are read, so two simultaneous uploads cannot both miss
    each other's file. Old files are deleted only once the transaction commits: if it rolls back,
    the row still points at them. If storing or saving fails, the new files are removed again and
    the instance is left as it was.
    """
    if instance.pk is None:
        raise ValueError(f"{type(instance).__name__} must be saved before its images are set")
    model = type(instance)
    names = list(new_files)
    before = {name: getattr(instance, name).name for name in names}
    stored: list[tuple[models.fields.files.FieldFile, str]] = []
    try:
        with transaction.atomic():
            locked = model._default_manager.select_for_update().only(*names).get(pk=instance.pk)
            old = {name: getattr(locked, name).name for name in names}
            for name, content in new_files.items():
                field_file = getattr(instance, name)
                field_file.save(content.name, content, save=False)
                stored.append((field_file, field_file.name))
            instance.save(update_fields=names)
            for name in names:
                old_name = old[name]
                if old_name and old_name != getattr(instance, name).name:
                    storage = getattr(instance, name).storage
                    after_commit(lambda s=storage, n=old_name: _delete_quietly(s, n), what=f"delete {old_name}")
    except BaseException:
        for field_file, stored_name in stored:
            _delete_quietly(field_file.storage, stored_name)
        for name, old_name in before.items():
            setattr(instance, name, old_name)
        raise


def _delete_quietly(storage: Storage, name: str) -> None:
    """Delete a stored file; a missing file is not worth failing a user's upload over."""
    try:
        storage.delete(name)
    except Exception:
        logger.exception("Could not delete stored image %s", name)


def employer_logo_set(*, employer: Employer, upload: UploadedFile | IO[bytes]) -> None:
    """Replace an employer's logo and its thumbnail with a cleaned copy of ``upload``.

    Raises :class:`ImageRejected` before anything on the employer or in storage changes.
    """
    clean = image_clean(upload)
    thumb = thumbnail_make(clean)
    _replace_files(employer, {"logo": clean.content, "logo_thumb": thumb})
    logger.info("Employer %s logo replaced (%dx%d)", employer.pk, clean.width, clean.height)


def certificate_photo_set(*, certificate: Certificate, upload: UploadedFile | IO[bytes]) -> None:
    """Replace a certificate's photo with a cleaned copy of ``upload``.

    Allows a larger longest side than logos: certificate numbers and seals must stay readable for
    the staff who verify them. Raises :class:`ImageRejected` before anything changes.
    """
    clean = image_clean(upload, max_side=CERTIFICATE_MAX_SIDE)
    _replace_files(certificate, {"photo": clean.content})
    logger.info("Certificate %s photo replaced (%dx%d)", certificate.pk, clean.width, clean.height)


def arrears_evidence_store(*, case: WageArrearsCase, clean: CleanImage) -> ArrearsEvidence:
    """Store an evidence photo already cleaned by `image_clean` (all of a complaint's photos are checked
    before anything is stored, so one bad photo leaves no half-filed case behind)."""
    evidence = case.evidence.model(case=case)
    evidence.photo.save(clean.content.name, clean.content, save=True)
    logger.info("Arrears case %s evidence %s stored (%dx%d)", case.pk, evidence.pk, clean.width, clean.height)
    return evidence
