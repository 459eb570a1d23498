"""Uploaded evidence: only PDF, JPEG, PNG and plain text get through, decided by the content,
and what could identify the reporter (EXIF, PNG text, PDF author and XMP) is stripped."""

from __future__ import annotations

import io
import random
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from PIL import Image, TiffImagePlugin
from PIL.PngImagePlugin import PngInfo
from pypdf import PdfReader, PdfWriter

from veiligwerk.intake.attachments import AttachmentRejected, CleanFile, attachment_clean

NAME = b"Jan Jansen"

TOO_BIG = "Dit bestand is te groot. Een bestand mag hoogstens"
EMPTY = "Dit bestand is leeg."
WRONG_TYPE = (
    "Dit soort bestand kunnen we niet aannemen. "
    "Stuur een PDF, een foto (JPG of PNG) of een tekstbestand."
)
PASSWORD = "Dit bestand is beveiligd met een wachtwoord. Stuur het zonder wachtwoord."
DAMAGED = "Dit bestand is beschadigd of is niet wat de naam zegt."

XMP = b"""<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
   <dc:creator><rdf:Seq><rdf:li>Jan Jansen</rdf:li></rdf:Seq></dc:creator>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"""


# --- building test files -------------------------------------------------------------------------


def upload(name: str, data: bytes, content_type: str = "application/octet-stream"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def photo(size: tuple[int, int] = (64, 32), mode: str = "RGB") -> Image.Image:
    """A small image with some structure, so JPEG has something to encode."""
    image = Image.new(mode, size, "white" if mode != "RGBA" else (255, 255, 255, 128))
    for x in range(size[0] // 2):
        for y in range(size[1]):
            image.putpixel((x, y), (200, 30, 30) if mode == "RGB" else (200, 30, 30, 255))
    return image


def exif_with_identity(orientation: int | None = None) -> Image.Exif:
    exif = Image.Exif()
    exif[0x013B] = "Jan Jansen"  # Artist
    exif[0x010F] = "Fairphone"  # Make
    exif[0x8825] = {  # GPSInfo
        1: "N",
        2: (TiffImagePlugin.IFDRational(52), 22, 0),
        3: "E",
        4: (TiffImagePlugin.IFDRational(4), 53, 0),
    }
    if orientation is not None:
        exif[0x0112] = orientation
    return exif


def jpeg_bytes(image: Image.Image | None = None, **save_kwargs) -> bytes:
    out = io.BytesIO()
    (image or photo()).save(out, format="JPEG", quality=95, **save_kwargs)
    return out.getvalue()


def png_bytes(image: Image.Image | None = None, **save_kwargs) -> bytes:
    out = io.BytesIO()
    (image or photo()).save(out, format="PNG", **save_kwargs)
    return out.getvalue()


def pdf_bytes(pages: int = 2, *, author: bool = True, xmp: bool = False) -> bytes:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    if author:
        writer.add_metadata(
            {
                "/Author": "Jan Jansen",
                "/Creator": "Jan Jansen's laptop",
                "/Producer": "Word for Jan Jansen",
                "/Title": "Verslag van Jan Jansen",
            }
        )
    if xmp:
        writer.xmp_metadata = XMP
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def rejected(name: str, data: bytes) -> str:
    with pytest.raises(AttachmentRejected) as caught:
        attachment_clean(upload(name, data))
    return caught.value.message


# --- images --------------------------------------------------------------------------------------


def test_jpeg_exif_is_stripped_and_size_kept():
    data = jpeg_bytes(exif=exif_with_identity())
    assert NAME in data
    with Image.open(io.BytesIO(data)) as original:
        assert original.getexif()[0x013B] == "Jan Jansen"

    clean = attachment_clean(upload("vakantie.jpg", data, "image/jpeg"))

    assert isinstance(clean, CleanFile)
    assert clean.content_type == "image/jpeg"
    assert clean.name == "vakantie.jpg"
    assert NAME not in clean.data
    assert b"Fairphone" not in clean.data
    assert b"Exif" not in clean.data
    with Image.open(io.BytesIO(clean.data)) as result:
        assert result.format == "JPEG"
        assert result.size == (64, 32)
        assert len(result.getexif()) == 0
        assert "exif" not in result.info
        assert "icc_profile" not in result.info


def test_jpeg_comment_xmp_and_icc_are_stripped():
    data = jpeg_bytes(
        comment=b"Gemaakt door Jan Jansen",
        xmp=XMP,
        icc_profile=b"ICC profile of Jan Jansen " * 4,
    )
    assert data.count(NAME) >= 3

    clean = attachment_clean(upload("scan.jpeg", data))

    assert NAME not in clean.data
    assert clean.name == "scan.jpg"
    with Image.open(io.BytesIO(clean.data)) as result:
        assert not {"comment", "xmp", "icc_profile", "exif"} & set(result.info)


def test_rotated_photo_comes_back_upright():
    # Orientation 6: the camera was held upright, the pixels are stored turned 90 degrees.
    data = jpeg_bytes(photo((64, 32)), exif=exif_with_identity(orientation=6))

    clean = attachment_clean(upload("IMG_0001.JPG", data))

    with Image.open(io.BytesIO(clean.data)) as result:
        assert result.size == (32, 64)
        assert 0x0112 not in result.getexif()


def test_png_text_chunk_is_stripped():
    text = PngInfo()
    text.add_text("Author", "Jan Jansen")
    text.add_itxt("Description", "Schermafdruk van Jan Jansen", zip=True)
    data = png_bytes(pnginfo=text, exif=exif_with_identity())
    assert NAME in data

    clean = attachment_clean(upload("schermafdruk.png", data, "image/png"))

    assert clean.content_type == "image/png"
    assert clean.name == "schermafdruk.png"
    assert NAME not in clean.data
    with Image.open(io.BytesIO(clean.data)) as result:
        assert result.format == "PNG"
        assert result.size == (64, 32)
        assert getattr(result, "text", {}) == {}
        assert len(result.getexif()) == 0


def test_png_with_transparency_keeps_it():
    data = png_bytes(photo(mode="RGBA"))

    clean = attachment_clean(upload("logo.png", data))

    with Image.open(io.BytesIO(clean.data)) as result:
        assert result.mode == "RGBA"
        assert result.getpixel((63, 0))[3] == 128


def test_png_named_jpg_is_accepted_as_png():
    clean = attachment_clean(upload("x.jpg", png_bytes(), "image/jpeg"))

    assert clean.content_type == "image/png"
    assert clean.name == "x.png"


def test_truncated_jpeg_is_rejected():
    noise = Image.frombytes("RGB", (200, 200), random.Random(1).randbytes(200 * 200 * 3))
    data = jpeg_bytes(noise)

    assert rejected("foto.jpg", data[: len(data) // 2]) == DAMAGED


def test_image_with_too_many_pixels_is_rejected():
    # A tiny file that claims to be 10000 x 10000 pixels (a decompression bomb).
    data = png_bytes(Image.new("1", (10_000, 10_000)))
    assert len(data) < 100_000

    message = rejected("bom.png", data)

    assert message.startswith("Deze foto heeft te veel pixels.")


# --- PDF -----------------------------------------------------------------------------------------


def test_pdf_author_and_xmp_are_stripped():
    data = pdf_bytes(pages=3, xmp=True)
    assert NAME in data
    assert PdfReader(io.BytesIO(data)).metadata["/Author"] == "Jan Jansen"

    clean = attachment_clean(upload("verslag.pdf", data, "application/pdf"))

    assert clean.content_type == "application/pdf"
    assert clean.name == "verslag.pdf"
    assert NAME not in clean.data
    assert b"Jansen" not in clean.data
    result = PdfReader(io.BytesIO(clean.data))
    assert len(result.pages) == 3
    assert not result.metadata
    assert result.xmp_metadata is None
    assert "/Metadata" not in result.trailer["/Root"]


def test_pdf_without_metadata_is_accepted():
    clean = attachment_clean(upload("leeg-verslag.pdf", pdf_bytes(pages=1, author=False)))

    assert len(PdfReader(io.BytesIO(clean.data)).pages) == 1


def test_password_protected_pdf_is_rejected():
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.encrypt("geheim", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)

    assert rejected("geheim.pdf", out.getvalue()) == PASSWORD


def test_broken_pdf_is_rejected():
    assert rejected("kapot.pdf", b"%PDF-1.7\n" + b"dit is geen pdf\n" * 20) == DAMAGED


# --- things that are not what they say -----------------------------------------------------------


ELF = b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 120
MZ = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 120


def zip_bytes() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("virus.exe", MZ)
    return out.getvalue()


@pytest.mark.parametrize("name", ["report.pdf", "foto.jpg", "foto.png", "notitie.txt"])
@pytest.mark.parametrize("data", [ELF, MZ, zip_bytes()], ids=["elf", "mz", "zip"])
def test_executable_or_zip_with_a_good_name_is_rejected(name, data):
    assert rejected(name, data) == DAMAGED


@pytest.mark.parametrize("name", ["programma.exe", "archief.zip", "programma", "brief.docx"])
def test_other_kinds_of_file_are_rejected(name):
    assert rejected(name, zip_bytes()) == WRONG_TYPE


def test_text_named_pdf_is_rejected():
    assert rejected("report.pdf", b"Dit is gewone tekst.\n") == DAMAGED


def test_html_is_not_accepted_as_text():
    assert rejected("pagina.html", b"<script>alert(1)</script>") == WRONG_TYPE


# --- text ----------------------------------------------------------------------------------------


def test_plain_text_is_accepted():
    data = "Op maandag zei mijn leidinggevende ... (café, 9 uur)\n".encode()

    clean = attachment_clean(upload("notities.txt", data, "text/plain"))

    assert clean == CleanFile(name="notities.txt", content_type="text/plain", data=data)


def test_utf16_text_from_windows_becomes_utf8():
    data = "Notitie van dinsdag\r\n".encode("utf-16")

    clean = attachment_clean(upload("notitie.txt", data))

    assert clean.data == b"Notitie van dinsdag\r\n"


def test_text_with_nul_bytes_is_rejected():
    assert rejected("notitie.txt", b"Gewone tekst\x00met een nul-byte") == DAMAGED


def test_text_that_is_not_utf8_is_rejected():
    message = rejected("notitie.txt", "caf\u00e9 met collega's".encode("latin-1"))

    assert message.startswith("We kunnen de tekst in dit bestand niet lezen.")
    assert message.endswith(".")


# --- size ----------------------------------------------------------------------------------------


def test_empty_file_is_rejected():
    assert rejected("notitie.txt", b"") == EMPTY


@override_settings(ATTACHMENT_MAX_SIZE=100)
def test_file_one_byte_over_the_limit_is_rejected():
    assert attachment_clean(upload("a.txt", b"a" * 100)).data == b"a" * 100

    assert rejected("a.txt", b"a" * 101).startswith(TOO_BIG)


def test_limit_is_shown_in_megabytes(settings):
    settings.ATTACHMENT_MAX_SIZE = 10 * 1024 * 1024
    too_big = SimpleUploadedFile("groot.pdf", b"x")
    too_big.size = 10 * 1024 * 1024 + 1  # as reported by Django; nothing is read

    with pytest.raises(AttachmentRejected) as caught:
        attachment_clean(too_big)

    assert caught.value.message == (
        "Dit bestand is te groot. Een bestand mag hoogstens 10 MB zijn."
    )


# --- names ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("uploaded", "expected"),
    [
        ("../../etc/passwd.txt", "passwd.txt"),
        ("C:\\Users\\jan\\Bureaublad\\notitie.txt", "notitie.txt"),
        ("notities", "notities.txt"),
        ("notitie van 3 mei (2).txt", "notitie van 3 mei (2).txt"),
        ("café-notitie.txt", "café-notitie.txt"),
        ("rapport: <jan>?*.txt", "rapport_ _jan.txt"),
        ("regel\nnieuwe\tregel.txt", "regel_nieuwe_regel.txt"),
        (".verborgen", "verborgen.txt"),
        ("***", "bestand.txt"),
        ("...", "bestand.txt"),
        ("a" * 300 + ".txt", "a" * 96 + ".txt"),
    ],
)
def test_name_is_made_safe(uploaded, expected):
    clean = attachment_clean(upload(uploaded, b"tekst"))

    assert clean.name == expected
    assert len(clean.name) <= 100


# --- messages ------------------------------------------------------------------------------------


def test_messages_do_not_contain_the_file_name():
    message = rejected("Jan Jansen geheim.pdf", ELF)

    assert "Jan" not in message
    assert "geheim" not in message
    assert message.endswith(".")


def test_truncated_jpeg_is_rejected_even_after_weasyprint_was_imported():
    # WeasyPrint sets Pillow's process-wide LOAD_TRUNCATED_IMAGES at import (the plan's PDF).
    import weasyprint  # noqa: F401
    from PIL import ImageFile

    ImageFile.LOAD_TRUNCATED_IMAGES = True  # as WeasyPrint leaves it
    noise = Image.frombytes("RGB", (120, 120), random.Random(2).randbytes(120 * 120 * 3))
    data = jpeg_bytes(noise)
    assert rejected("foto.jpg", data[: len(data) // 2]) == DAMAGED
