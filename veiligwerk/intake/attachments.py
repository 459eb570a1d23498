"""Checking uploaded files before they are encrypted and stored.

People who report harassment at work can add evidence: screenshots, photos,
PDFs and plain text notes. Before a file is encrypted and stored,
:func:`attachment_clean` checks it and strips what could identify the reporter.

What is checked:

* size: not empty and at most ``settings.ATTACHMENT_MAX_SIZE`` bytes;
* type, decided by the CONTENT only (magic bytes, then actually parsing the
  file), never by the file name or the content type the browser sends.
  Allowed are PDF (parsed with pypdf), JPEG and PNG (decoded with Pillow) and
  plain text (valid UTF-8 without NUL bytes; UTF-16 text with a byte order
  mark is converted to UTF-8). Anything else, such as an executable or a zip
  renamed to ``.pdf``, is rejected;
* PDFs must not be encrypted; images must not be decompression bombs
  (more than ``MAX_IMAGE_PIXELS`` pixels) and must decode completely.

What is stripped:

* images are re-encoded by Pillow after applying the EXIF orientation, so
  EXIF (camera, GPS position, author), XMP, ICC profiles, comments and PNG
  text chunks are all left behind;
* PDFs are rewritten by pypdf without the document information dictionary
  (Author, Creator, Producer, Title, ...) and without XMP metadata streams
  (on the document and on its pages).

The returned name is only the base name of the uploaded name, with unsafe
characters replaced and the extension of the real type. Exceptions and logs
never contain the file's name or content.
"""

from __future__ import annotations

import codecs
import contextlib
import io
import re
import unicodedata
import warnings
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.utils.formats import number_format
from django.utils.translation import gettext
from PIL import Image, ImageFile, ImageOps
from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject

# Decompression bomb guard: Pillow warns above this many pixels and refuses
# above twice as many; we refuse everything above it ourselves.
MAX_IMAGE_PIXELS = 50_000_000
Image.MAX_IMAGE_PIXELS = MAX_IMAGE_PIXELS

JPEG_QUALITY = 90
MAX_NAME_LENGTH = 100
FALLBACK_STEM = "bestand"

PDF = "application/pdf"
JPEG = "image/jpeg"
PNG = "image/png"
TEXT = "text/plain"

EXTENSIONS = {PDF: ".pdf", JPEG: ".jpg", PNG: ".png", TEXT: ".txt"}

# Names under which we accept plain text (text must not hide behind other names).
TEXT_EXTENSIONS = {"", ".txt", ".text", ".log", ".md", ".csv"}
# Extensions that claim a PDF or an image. If the content is something else,
# the file is "not what its name says".
CLAIMED_EXTENSIONS = {".pdf", ".jpg", ".jpeg", ".jpe", ".jfif", ".png"}

_PDF_MAGIC = b"%PDF-"
_JPEG_MAGIC = b"\xff\xd8\xff"
_PNG_MAGIC = b"\x89PNG\r\n\x1a\n"

_UNSAFE_NAME_CHARS = re.compile(r"[^\w .()-]")
_REPEATED_UNDERSCORES = re.compile(r"_{2,}")


@dataclass(frozen=True)
class CleanFile:
    """A checked file with its metadata stripped, ready to encrypt."""

    name: str
    content_type: str
    data: bytes


class AttachmentRejected(Exception):
    """The file may not be stored; `message` says why, translated, for the person uploading."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _too_big() -> AttachmentRejected:
    max_mb = settings.ATTACHMENT_MAX_SIZE / (1024 * 1024)
    shown = str(int(max_mb)) if max_mb.is_integer() else number_format(max_mb, decimal_pos=1)
    return AttachmentRejected(
        gettext("Dit bestand is te groot. Een bestand mag hoogstens %(max)s MB zijn.")
        % {"max": shown}
    )


def _empty() -> AttachmentRejected:
    return AttachmentRejected(gettext("Dit bestand is leeg."))


def _wrong_type() -> AttachmentRejected:
    return AttachmentRejected(
        gettext(
            "Dit soort bestand kunnen we niet aannemen. "
            "Stuur een PDF, een foto (JPG of PNG) of een tekstbestand."
        )
    )


def _damaged() -> AttachmentRejected:
    return AttachmentRejected(gettext("Dit bestand is beschadigd of is niet wat de naam zegt."))


def _password() -> AttachmentRejected:
    return AttachmentRejected(
        gettext("Dit bestand is beveiligd met een wachtwoord. Stuur het zonder wachtwoord.")
    )


def _image_too_large() -> AttachmentRejected:
    return AttachmentRejected(
        gettext("Deze foto heeft te veel pixels. Maak de foto kleiner en stuur hem opnieuw.")
    )


def _text_unreadable() -> AttachmentRejected:
    return AttachmentRejected(
        gettext(
            "We kunnen de tekst in dit bestand niet lezen. "
            "Sla het bestand op als UTF-8 en stuur het opnieuw."
        )
    )


# --- reading -----------------------------------------------------------------


def _read(upload: UploadedFile) -> bytes:
    max_size: int = settings.ATTACHMENT_MAX_SIZE
    if upload.size is not None and upload.size > max_size:
        raise _too_big()
    with contextlib.suppress(AttributeError, OSError, ValueError):
        upload.seek(0)  # if it cannot seek, read from where it is
    data = upload.read(max_size + 1)
    if not isinstance(data, bytes):
        data = bytes(data)
    if len(data) > max_size:
        raise _too_big()
    if not data:
        raise _empty()
    return data


# --- names -------------------------------------------------------------------


def _split_name(raw_name: str | None) -> tuple[str, str]:
    """Return (stem, lower-case extension) of the base name of ``raw_name``."""
    name = unicodedata.normalize("NFC", raw_name or "")
    name = re.split(r"[/\\]", name)[-1]
    stem, dot, ext = name.rpartition(".")
    if not dot or not stem.strip(" ."):
        return name, ""
    return stem, "." + ext.lower()


def _safe_name(stem: str, content_type: str) -> str:
    ext = EXTENSIONS[content_type]
    stem = _UNSAFE_NAME_CHARS.sub("_", stem)
    stem = _REPEATED_UNDERSCORES.sub("_", stem)
    stem = stem.strip(" ._")
    stem = stem[: MAX_NAME_LENGTH - len(ext)].rstrip(" .")
    if not stem:
        stem = FALLBACK_STEM
    return stem + ext


# --- images ------------------------------------------------------------------


def _clean_image(data: bytes, content_type: str) -> bytes:
    pil_format = "JPEG" if content_type == JPEG else "PNG"
    # Pillow's switch is process-wide and WeasyPrint turns it on when imported (the plan's PDF
    # report): a truncated image must stay an error here, so it is switched off again.
    ImageFile.LOAD_TRUNCATED_IMAGES = False
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data), formats=[pil_format]) as opened:
                width, height = opened.size
                if width <= 0 or height <= 0:
                    raise _damaged()
                if width * height > MAX_IMAGE_PIXELS:
                    raise _image_too_large()
                opened.load()
                image = ImageOps.exif_transpose(opened)
                has_alpha = "A" in image.getbands() or "transparency" in image.info
                if pil_format == "JPEG":
                    if image.mode not in ("L", "RGB"):
                        image = image.convert("RGB")
                elif image.mode not in ("1", "L", "LA", "RGB", "RGBA") or (
                    "transparency" in image.info
                ):
                    image = image.convert("RGBA" if has_alpha else "RGB")
                # Drop everything Pillow read besides the pixels: EXIF, XMP,
                # ICC profile, comments, PNG text chunks, DPI.
                image.info = {}
                out = io.BytesIO()
                if pil_format == "JPEG":
                    image.save(out, format="JPEG", quality=JPEG_QUALITY, optimize=True)
                else:
                    image.save(out, format="PNG", optimize=True)
    except AttachmentRejected:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise _image_too_large() from None
    except Exception:
        # Pillow raises many kinds of errors for broken or truncated files.
        raise _damaged() from None
    return out.getvalue()


# --- PDF ---------------------------------------------------------------------


def _clean_pdf(data: bytes) -> bytes:
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise _password()
        page_count = len(reader.pages)
        if page_count == 0:
            raise _damaged()
        for page in reader.pages:
            page.mediabox  # noqa: B018  (parse every page)
        writer = PdfWriter(clone_from=reader)
        writer.metadata = None  # the document information dictionary
        writer.xmp_metadata = None  # the XMP stream in the document root
        for page in writer.pages:
            for key in ("/Metadata", "/PieceInfo"):
                if key in page:
                    del page[NameObject(key)]
        # Leave out objects nothing refers to any more (such as the old XMP stream).
        writer.compress_identical_objects(remove_duplicates=False, remove_unreferenced=True)
        out = io.BytesIO()
        writer.write(out)
        cleaned = out.getvalue()
        if len(PdfReader(io.BytesIO(cleaned)).pages) != page_count:
            raise _damaged()
    except AttachmentRejected:
        raise
    except Exception:
        # pypdf raises many kinds of errors for broken files.
        raise _damaged() from None
    return cleaned


# --- text --------------------------------------------------------------------


def _clean_text(data: bytes, binary_error: Callable[[], AttachmentRejected]) -> bytes:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise _text_unreadable() from None
        if "\x00" in text:
            raise binary_error()
        return text.encode("utf-8")
    if b"\x00" in data:
        raise binary_error()
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        raise _text_unreadable() from None
    return data


# --- entry point -------------------------------------------------------------


def _sniff(data: bytes) -> str | None:
    if data.startswith(_PDF_MAGIC):
        return PDF
    if data.startswith(_JPEG_MAGIC):
        return JPEG
    if data.startswith(_PNG_MAGIC):
        return PNG
    return None


def attachment_clean(upload: UploadedFile) -> CleanFile:
    """Check ``upload`` and return it with its metadata stripped.

    Raises :class:`AttachmentRejected` with a message for the person uploading
    when the file is too big, empty, of a type we do not accept, damaged or
    protected with a password.
    """
    data = _read(upload)
    stem, ext = _split_name(upload.name)
    content_type = _sniff(data)

    if content_type == PDF:
        cleaned = _clean_pdf(data)
    elif content_type in (JPEG, PNG):
        cleaned = _clean_image(data, content_type)
    elif ext in TEXT_EXTENSIONS:
        content_type = TEXT
        cleaned = _clean_text(data, binary_error=_wrong_type if ext == "" else _damaged)
    elif ext in CLAIMED_EXTENSIONS:
        # For example an executable or a zip renamed to .pdf or .jpg.
        raise _damaged()
    else:
        raise _wrong_type()

    return CleanFile(name=_safe_name(stem, content_type), content_type=content_type, data=cleaned)
