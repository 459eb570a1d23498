"""Dutch first, English complete: every message has an English translation, and the compiled
catalogue that Django loads matches the source catalogue."""

from __future__ import annotations

import gettext
from pathlib import Path

import polib

LOCALE = Path(__file__).resolve().parent.parent / "locale"


def _catalogue() -> polib.POFile:
    return polib.pofile(str(LOCALE / "en" / "LC_MESSAGES" / "django.po"))


def test_every_message_has_an_english_translation():
    po = _catalogue()
    untranslated = [e.msgid for e in po if not e.obsolete and not e.translated()]
    assert len(po) > 100
    assert untranslated == []


def test_no_translation_is_marked_fuzzy():
    assert [e.msgid for e in _catalogue().fuzzy_entries()] == []


def test_compiled_catalogue_matches_the_source():
    po = _catalogue()
    with open(LOCALE / "en" / "LC_MESSAGES" / "django.mo", "rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    for entry in po.translated_entries():
        if entry.msgid_plural:
            assert compiled.ngettext(entry.msgid, entry.msgid_plural, 1) == entry.msgstr_plural[0]
        elif entry.msgctxt:
            assert compiled.pgettext(entry.msgctxt, entry.msgid) == entry.msgstr
        else:
            assert compiled.gettext(entry.msgid) == entry.msgstr, entry.msgid
