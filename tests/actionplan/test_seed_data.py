"""Checks ``veiligwerk.actionplan.seed_data`` against a byte-exact copy of its source text.

The source is text extracted from a PDF slide deck: hard line wraps, stray page numbers and
slide furniture. Both sides are compared with whitespace normalised; data strings are
mapped back through ``CORRECTIONS`` (as stored -> as in seed) before they are looked up.
The seed is parsed independently of the data where possible (numbered actions, owner
bullets, status bullets, the recommendation rows) so that a forgotten or invented item fails.
"""

from __future__ import annotations

import hashlib
import re
from functools import cache
from itertools import pairwise
from pathlib import Path

import pytest

from veiligwerk.actionplan.seed_data import (
    ACTION_STATUSES,
    CORRECTIONS,
    OWNERS,
    PERIOD_LABEL,
    PREVIOUS_SUMMARY,
    PREVIOUS_SUMMARY_LABEL,
    THEMES,
    ThemeSeed,
)

SEED_PATH = Path(__file__).parent / "data" / "statusupdate-2025-10.txt"
SEED_SHA256 = "89e49db06eea85915244e9d653f65344c30c64dd24b26fb6a2e146da6b01ba9c"

LETTERS = list("ABCDEFGHIJ")
EXPECTED_ACTION_COUNTS = {
    "A": 4,
    "B": 7,
    "C": 7,
    "D": 6,
    "E": 6,
    "F": 7,
    "G": 4,
    "H": 6,
    "I": 5,
    "J": 3,
}
# letter -> (answers the "Conclusie", recommendation numbers)
EXPECTED_MAPPING: dict[str, tuple[bool, list[int]]] = {
    "A": (True, []),
    "B": (False, [13]),
    "C": (False, [1, 2, 3, 4, 5]),
    "D": (False, [8, 9, 10]),
    "E": (False, [6, 7]),
    "F": (False, [14]),
    "G": (False, [11]),
    "H": (False, [12]),
    "I": (True, []),
    "J": (False, [15]),
}
# The reviewed status decisions, one character per action: C(ompleted), P (in progress),
# O(ngoing), N(ot started).
EXPECTED_STATUSES = {
    "A": "CCCC",
    "B": "CCCCPPC",
    "C": "PCOOOOO",
    "D": "CCCOOO",
    "E": "CPPPPP",
    "F": "PPPPPPP",
    "G": "PPPP",
    "H": "OOOOOO",
    "I": "POOPO",
    "J": "CCC",
}
STATUS_CODES = {"completed": "C", "in_progress": "P", "ongoing": "O", "not_started": "N"}

TABLE_HEADER = "Actie(s) Omschrijving Planning Eigenaar"
THEME_MARKER = re.compile(r"^Acties\s+gezamenlijk plan van aanpak Publieke Omroep$")
PREVIOUS_HEADER = "Samenvatting statusupdate sociale veiligheid juni 2025"
SUMMARY_HEADER = "Samenvatting overkoepelende plan van aanpak sociale veiligheid"
STATUS_HEADER = re.compile(r"^(Vervolg: )?[Ss]tatusupdate oktober 2025:$")
THEME_HEADING = re.compile(r"^[A-J]\) ")


def norm(text: str) -> str:
    return " ".join(text.split())


def seed_forms(value: str) -> set[str]:
    """The value as stored, plus the value with each applicable correction undone."""
    forms = {value}
    for as_in_seed, as_stored in CORRECTIONS:
        if as_stored in value:
            forms.add(value.replace(as_stored, as_in_seed))
    return forms


@cache
def seed_raw() -> str:
    return SEED_PATH.read_text(encoding="utf-8")


@cache
def seed_norm() -> str:
    return norm(seed_raw())


def in_seed(value: str, haystack: str | None = None) -> bool:
    text = seed_norm() if haystack is None else haystack
    return any(norm(form) in text for form in seed_forms(value))


@cache
def clean_lines() -> tuple[str, ...]:
    """Seed lines without stray page numbers and the table header furniture."""
    return tuple(
        line
        for line in seed_raw().splitlines()
        if not line.strip().isdigit() and line.strip() != TABLE_HEADER
    )


@cache
def split_seed() -> tuple[list[str], list[list[str]], list[str]]:
    """(preface lines, one list of lines per theme slide, final summary lines)."""
    lines = list(clean_lines())
    summary_at = next(i for i, line in enumerate(lines) if line.strip() == SUMMARY_HEADER)
    body, summary = lines[:summary_at], lines[summary_at + 1 :]
    markers = [i for i, line in enumerate(body) if THEME_MARKER.match(line.strip())]
    bounds = [*markers, len(body)]
    sections = [body[start + 1 : end] for start, end in pairwise(bounds)]
    return body[: markers[0]], sections, summary


def theme_section(letter: str) -> list[str]:
    return split_seed()[1][LETTERS.index(letter)]


def theme(letter: str) -> ThemeSeed:
    return next(t for t in THEMES if t["letter"] == letter)


def status_heading(t: ThemeSeed) -> str:
    return f"{t['letter']}) {t['title']} Statusupdate oktober 2025:"


def status_pieces(section: list[str]) -> list[str]:
    """The status paragraphs of a theme slide, split at every "•" and every page break.

    Independent of the data: everything after the first "Statusupdate oktober 2025:" line,
    with the "X) ... / Vervolg: Statusupdate oktober 2025:" continuation headings removed.
    """
    start = next(i for i, line in enumerate(section) if STATUS_HEADER.match(line.strip()))
    pieces: list[list[str]] = []
    current: list[str] | None = None
    for line in section[start + 1 :]:
        text = line.strip()
        if not text:
            continue
        if THEME_HEADING.match(text) or STATUS_HEADER.match(text):
            current = None
        elif text.startswith("•"):
            current = [text[1:]]
            pieces.append(current)
        elif current is None:
            current = [text]
            pieces.append(current)
        else:
            current.append(text)
    return [norm(" ".join(piece)) for piece in pieces]


def boundaries(parts: list[str]) -> set[int]:
    offsets, position = set(), 0
    for part in parts:
        position += len(part) + 1
        offsets.add(position)
    return offsets


def all_data_strings() -> list[str]:
    strings = [*PREVIOUS_SUMMARY]
    for owner in OWNERS:
        strings += [owner["code"], owner["name"]]
    for t in THEMES:
        strings += [t["title"], t["table_title"], t["summary_title"], t["summary"]]
        strings += [t["description"], t["planning"], *t["owners"], *t["status_update"]]
        for action in t["actions"]:
            strings += [action["title"], action["note"]]
    return strings


def test_seed_copy_has_ten_theme_slides():
    """The copy is byte-exact (sha256 of /work/shared/seed/000_0620cb3ca74cbfeb.txt)."""
    assert hashlib.sha256(SEED_PATH.read_bytes()).hexdigest() == SEED_SHA256
    assert len(split_seed()[1]) == 10


def test_ten_themes_a_to_j_in_order():
    assert [t["letter"] for t in THEMES] == LETTERS


def test_labels_appear_in_seed():
    assert f"Statusupdate {PERIOD_LABEL}:" in seed_norm()
    assert PREVIOUS_HEADER in seed_norm()
    assert PREVIOUS_HEADER.endswith(PREVIOUS_SUMMARY_LABEL)


def test_strings_are_whitespace_normalised():
    for value in all_data_strings():
        assert value == norm(value), repr(value)


@pytest.mark.parametrize("letter", LETTERS)
def test_theme_texts_appear_in_seed(letter):
    t = theme(letter)
    for value in (t["title"], t["table_title"], t["description"], t["planning"], t["summary"]):
        assert in_seed(value), value
    assert in_seed(t["summary_title"])


@pytest.mark.parametrize("letter", LETTERS)
def test_theme_slide_layout(letter):
    """Table title, actions, description, planning, owners, heading: in this order."""
    t = theme(letter)
    section = norm("\n".join(theme_section(letter)))
    assert section.startswith(f"{t['table_title']} 1. ")
    assert in_seed(f"{t['description']} {t['planning']} •", section)
    assert in_seed(status_heading(t), section)


@pytest.mark.parametrize("letter", LETTERS)
def test_actions_match_numbered_items_of_seed(letter):
    t = theme(letter)
    actions = t["actions"]
    assert [a["number"] for a in actions] == list(range(1, len(actions) + 1))
    for action in actions:
        assert in_seed(f"{action['number']}. {action['title']}"), action["title"]

    section = norm("\n".join(theme_section(letter)))
    block = section[len(t["table_title"]) : section.index(norm(t["description"]))].strip()
    numbers = [int(n) for n in re.findall(r"(?:^| )(\d+)\. ", block)]
    assert numbers == list(range(1, EXPECTED_ACTION_COUNTS[letter] + 1))
    assert len(actions) == EXPECTED_ACTION_COUNTS[letter]
    # The whole action column, titles with their wrapped and parenthetical lines.
    assert block == " ".join(f"{a['number']}. {a['title']}" for a in actions)


@pytest.mark.parametrize("letter", LETTERS)
def test_owners_match_owner_column(letter):
    t = theme(letter)
    section = norm("\n".join(theme_section(letter)))
    start = section.index(f"{t['description']} {t['planning']}") + len(
        f"{t['description']} {t['planning']}"
    )
    end = section.index(status_heading(t))
    column = [item.strip() for item in section[start:end].split("•") if item.strip()]
    assert len(column) == len(t["owners"]), column
    for as_in_seed, code in zip(column, t["owners"], strict=True):
        assert as_in_seed in seed_forms(code)
    defined = {owner["code"] for owner in OWNERS}
    assert set(t["owners"]) <= defined


def test_owner_table():
    codes = [owner["code"] for owner in OWNERS]
    assert len(codes) == len(set(codes))
    used = {code for t in THEMES for code in t["owners"]}
    assert used == set(codes)
    assert all(owner["name"] for owner in OWNERS)
    for code in codes:
        assert in_seed(code), code


@pytest.mark.parametrize("letter", LETTERS)
def test_status_update_items_appear_in_seed(letter):
    t = theme(letter)
    assert t["status_update"]
    section = norm("\n".join(theme_section(letter)))
    for item in t["status_update"]:
        assert in_seed(item, section), item


@pytest.mark.parametrize("letter", LETTERS)
def test_status_update_contains_every_seed_bullet(letter):
    t = theme(letter)
    pieces = status_pieces(theme_section(letter))
    items = [norm(item) for item in t["status_update"]]
    for piece in pieces:
        assert piece in " ".join(items), piece
    assert " ".join(items) == " ".join(pieces)
    # Items may split a source paragraph, but never join two bullets.
    assert boundaries(pieces) <= boundaries(items)


def test_status_bullet_total():
    """26 "•" status bullets in the seed, plus two paragraphs without a bullet (C, D)."""
    bullets = 0
    for section in split_seed()[1]:
        start = next(i for i, line in enumerate(section) if STATUS_HEADER.match(line.strip()))
        bullets += sum(1 for line in section[start:] if line.strip().startswith("•"))
    assert bullets == 26
    assert sum(len(t["status_update"]) for t in THEMES) == bullets + 2


@pytest.mark.parametrize("letter", LETTERS)
def test_summary_slide(letter):
    t = theme(letter)
    summary = norm("\n".join(split_seed()[2]))
    assert f"{letter}) {t['summary_title']} {t['summary']}" in summary


def test_summary_slides_hold_nothing_else():
    """The summary slides are exactly the ten "X) title summary" blocks, in order."""
    lines = [
        line
        for line in split_seed()[2]
        if line.strip() != "Kernacties overkoepelend plan van aanpak"
        and not line.strip().startswith(("Conclusie", "Aanbeveling"))
    ]
    expected = " ".join(f"{t['letter']}) {t['summary_title']} {t['summary']}" for t in THEMES)
    assert norm("\n".join(lines)) == expected


def parse_mapping_row(row: str) -> list[tuple[bool, list[int]]]:
    result: list[tuple[bool, list[int]]] = []
    for match in re.finditer(r"Conclusie|Aanbeveling (\d+)(?: ([–&]) (\d+))?", row):
        if match.group(0) == "Conclusie":
            result.append((True, []))
        elif match.group(2) == "–":
            result.append((False, list(range(int(match.group(1)), int(match.group(3)) + 1))))
        elif match.group(2) == "&":
            result.append((False, [int(match.group(1)), int(match.group(3))]))
        else:
            result.append((False, [int(match.group(1))]))
    return result


def test_recommendation_mapping():
    actual = {t["letter"]: (t["answers_conclusion"], t["recommendations"]) for t in THEMES}
    assert actual == EXPECTED_MAPPING

    rows = [
        line.strip()
        for line in split_seed()[2]
        if line.strip().startswith(("Conclusie", "Aanbeveling"))
    ]
    assert len(rows) == 2
    parsed = parse_mapping_row(rows[0]) + parse_mapping_row(rows[1])
    assert dict(zip(LETTERS, parsed, strict=True)) == actual


def test_statuses():
    for t in THEMES:
        for action in t["actions"]:
            assert action["status"] in ACTION_STATUSES
        codes = "".join(STATUS_CODES[a["status"]] for a in t["actions"])
        assert codes == EXPECTED_STATUSES[t["letter"]], t["letter"]


def test_judged_statuses_carry_a_note():
    """Where the planning text does not name each action, the decision is explained."""
    for letter in "CEFGI":
        for action in theme(letter)["actions"]:
            assert action["note"], (letter, action["number"])
    for number in (5, 6):
        assert theme("B")["actions"][number - 1]["note"]


def test_previous_summary():
    preface = norm("\n".join(split_seed()[0]))
    assert preface.startswith(PREVIOUS_HEADER)
    body = preface[len(PREVIOUS_HEADER) :].replace("•", " ")
    assert norm(body) == " ".join(norm(item) for item in PREVIOUS_SUMMARY)
    bullets = [line for line in split_seed()[0] if line.strip().startswith("•")]
    assert len(bullets) == 7
    assert len(PREVIOUS_SUMMARY) == 10  # 7 bullets, 3 sub-bullets under the first


def test_corrections():
    data = all_data_strings()
    for as_in_seed, as_stored in CORRECTIONS:
        assert as_in_seed != as_stored
        assert as_in_seed in seed_norm()
        assert any(as_stored in value for value in data)
