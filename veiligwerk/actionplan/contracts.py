"""Indicator "temporary contracts": reads HR's contract list and flags chains that break the rule.

The action plan's indicator is "at most three temporary contracts in 24 months (was: six in 48
months)". This mirrors the Dutch chain rule (ketenregeling, art. 7:668a BW) with the sector's
stricter numbers. Pure: no ORM, no views.

Month arithmetic (``add_months`` and ``period_last_day``)
    A period of N months starting on day D ends the day before the same day number N months
    later; when that month has no such day (31 March + 1 month, 29 February + 12 months) the
    period ends on the last day of that month. So a period of 24 months from 2023-01-01 ends
    on 2024-12-31, one month from 2023-03-31 ends on 2023-04-30 and twelve months from
    2024-02-29 end on 2025-02-28.

Chains
    Per person the contracts are sorted by start date. A contract continues the chain when the
    gap before it (the days from the day after the latest end so far in the chain up to the day
    before its start) is at most ``reset_gap_months`` months; a gap of more than that starts a
    new chain. Contracts that follow on directly (gap of zero days) continue the chain. Example
    with a gap of 6 months: a contract ending 2023-06-30 and the next starting 2024-01-01 (gap
    2023-07-01 up to and including 2023-12-31: exactly 6 months) are one chain; starting
    2024-01-02 starts a new chain. ``reset_gap_months=None`` never starts a new chain.

Flags
    A chain is flagged when it holds more than ``max_contracts`` contracts, or when it spans more
    than ``window_months`` months: its latest end falls after the last day of the period of
    ``window_months`` months starting on the chain's first start. Exactly 3 contracts from
    2023-01-01 up to and including 2024-12-31 is not flagged under the current rule. The count
    limit applies to the chain as a whole, whatever its length. ``exceeded_on`` is the start of
    the first contract over the count, or the first day under contract after the window's last
    day, whichever comes first. A person with two bad chains gets two flags.

CSV import (``contracts_parse``)
    UTF-8 with or without BOM only (other encodings get a clear error naming the line with the
    first bad byte); delimiter ``;`` or ``,`` chosen from the header row (an Excel ``sep=;``
    first line is honoured); a header row with, case-insensitive, one person column
    (medewerker, personeelsnummer, employee, person), one start column (begin, begindatum,
    start, startdatum) and one end column (einde, einddatum, end); other columns are ignored.
    Dates as 2025-01-31, 31-01-2025 or 31/01/2025 (leading zeros optional). Blank rows are
    skipped. Every bad row is reported at once in ``ContractImportError``; nothing is returned
    then. Identical rows and overlapping contracts of one person (including a contract starting
    on the day the other ends) are errors, since counting them would distort the chain.
    Messages name the line, the column and, for dates only, the offending value; never the
    person. ``RowError.line`` 0 means the file as a whole. The person identifier is kept as
    given (trimmed), so "00123" and "123" are different people.
"""

from __future__ import annotations

import calendar
import csv
import io
import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 100_000
MAX_PERSON_LENGTH = 64
MIN_YEAR = 1900
MAX_YEAR = 2100

PERSON_COLUMNS = ("medewerker", "personeelsnummer", "employee", "person")
START_COLUMNS = ("begin", "begindatum", "start", "startdatum")
END_COLUMNS = ("einde", "einddatum", "end")

_ONE_DAY = timedelta(days=1)
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_DUTCH_DATE = re.compile(r"(\d{1,2})([-/])(\d{1,2})\2(\d{4})")
_SEP_LINE = re.compile(r"sep=([;,])\s*", re.IGNORECASE)
_VALUE_SHOWN = 40


@dataclass(frozen=True)
class ContractRule:
    """At most ``max_contracts`` temporary contracts, spanning at most ``window_months``.

    A gap of more than ``reset_gap_months`` months between contracts starts a new chain;
    ``None`` means the chain never resets.
    """

    max_contracts: int = 3
    window_months: int = 24
    reset_gap_months: int | None = 6

    def __post_init__(self) -> None:
        if self.max_contracts < 1 or self.window_months < 1:
            raise ValueError("max_contracts and window_months must be at least 1")
        if self.reset_gap_months is not None and self.reset_gap_months < 0:
            raise ValueError("reset_gap_months must not be negative")


CURRENT_RULE = ContractRule(max_contracts=3, window_months=24, reset_gap_months=6)
OLD_RULE = ContractRule(max_contracts=6, window_months=48, reset_gap_months=6)


@dataclass(frozen=True)
class Contract:
    person: str
    start: date
    end: date  # last day of the contract, inclusive
    line: int  # line in the uploaded file (0 when not from a file)

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError("a contract cannot end before it starts")


@dataclass(frozen=True)
class RowError:
    line: int  # 0: the file as a whole
    message: str  # translated


class ContractImportError(Exception):
    """The upload was refused; ``errors`` holds every problem found, sorted by line."""

    def __init__(self, errors: Sequence[RowError]) -> None:
        self.errors: list[RowError] = sorted(errors, key=lambda e: e.line)
        super().__init__(" ".join(e.message for e in self.errors))


@dataclass(frozen=True)
class ContractFlag:
    """One chain of one person that breaks the rule."""

    person: str
    contracts: tuple[Contract, ...]  # the whole chain, by start date
    count: int
    span_start: date
    span_end: date
    reasons: tuple[str, ...]  # translated
    exceeded_on: date

    @property
    def lines(self) -> tuple[int, ...]:
        return tuple(c.line for c in self.contracts)


# --- month arithmetic -------------------------------------------------------------------------


def add_months(day: date, months: int) -> date:
    """The same day number ``months`` later (or earlier), clamped to the month's last day."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def period_last_day(start: date, months: int) -> date:
    """The last day (inclusive) of a period of ``months`` calendar months beginning on ``start``."""
    same_day = add_months(start, months)
    if same_day.day != start.day:  # no such day in that month: the period fills the month
        return same_day
    return same_day - _ONE_DAY


# --- parsing ----------------------------------------------------------------------------------


def _field_label(field: str) -> str:
    labels = {
        "person": _("personeelsnummer"),
        "start": _("begindatum"),
        "end": _("einddatum"),
    }
    return labels[field]


_FIELD_COLUMNS = {"person": PERSON_COLUMNS, "start": START_COLUMNS, "end": END_COLUMNS}


def _shown(value: str) -> str:
    value = value.strip()
    return value if len(value) <= _VALUE_SHOWN else value[:_VALUE_SHOWN] + "…"


def _date_parse(value: str) -> date | None:
    value = value.strip()
    if match := _ISO_DATE.fullmatch(value):
        year, month, day = (int(g) for g in match.groups())
    elif match := _DUTCH_DATE.fullmatch(value):
        day, month, year = int(match[1]), int(match[3]), int(match[4])
    else:
        return None
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


class _Unreadable(Exception):
    def __init__(self, line: int) -> None:
        super().__init__(line)
        self.line = line


def _records(text: str, delimiter: str) -> Iterator[tuple[int, list[str]]]:
    """Non-blank records with the physical line they start on.

    Raises ``_Unreadable`` with the line of a record the csv module cannot read (an unclosed
    quote, a field over the csv module's size limit).
    """
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    next_line = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error:
            raise _Unreadable(next_line) from None
        line, next_line = next_line, reader.line_num + 1
        if any(cell.strip() for cell in row):
            yield line, row


def _normalise(name: str) -> str:
    return name.strip().casefold()


def _header_score(header: list[str]) -> tuple[int, int]:
    names = {_normalise(h) for h in header}
    known = sum(1 for columns in _FIELD_COLUMNS.values() for c in columns if c in names)
    return known, len(header)


def _delimiter(text: str) -> tuple[str, str]:
    """The delimiter, and the text with an Excel ``sep=`` line blanked (line numbers kept)."""
    first, newline, rest = text.partition("\n")
    if match := _SEP_LINE.fullmatch(first):
        return match[1], newline + rest
    best, best_score = ";", (-1, -1)
    for candidate in (";", ","):
        try:
            header = next((row for _line, row in _records(text, candidate)), [])
        except _Unreadable:
            continue
        score = _header_score(header)
        if score > best_score:
            best, best_score = candidate, score
    return best, text


def _decode(data: bytes) -> str:
    if len(data) > MAX_BYTES:
        raise ContractImportError(
            [
                RowError(
                    0,
                    _("Het bestand is groter dan %(size)d MB. Splits het bestand op.")
                    % {"size": MAX_BYTES // (1024 * 1024)},
                )
            ]
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ContractImportError(
            [
                RowError(
                    line,
                    _(
                        "Regel %(line)d bevat tekens die geen UTF-8 zijn. Sla het bestand op "
                        "als ‘CSV UTF-8’ en probeer het opnieuw."
                    )
                    % {"line": line},
                )
            ]
        ) from None
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise ContractImportError(
            [
                RowError(
                    line,
                    _("Regel %(line)d bevat een ongeldig teken. Is dit wel een CSV-bestand?")
                    % {"line": line},
                )
            ]
        )
    if not text.strip():
        raise ContractImportError([RowError(0, _("Het bestand is leeg."))])
    return text


def _columns(line: int, header: list[str]) -> dict[str, tuple[int, str]]:
    """Maps each field to (index, name as written); raises for missing or doubled columns."""
    found: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for index, name in enumerate(header):
        for field, names in _FIELD_COLUMNS.items():
            if _normalise(name) in names:
                found[field].append((index, name.strip()))
    errors = []
    missing = [field for field in _FIELD_COLUMNS if not found[field]]
    if missing:
        parts = [
            _("%(field)s (kolomnaam: %(names)s)")
            % {"field": _field_label(field), "names": ", ".join(_FIELD_COLUMNS[field])}
            for field in missing
        ]
        errors.append(
            RowError(
                line,
                _("Regel %(line)d: verplichte kolom ontbreekt: %(columns)s.")
                % {"line": line, "columns": "; ".join(parts)},
            )
        )
    for field, matches in found.items():
        if len(matches) > 1:
            errors.append(
                RowError(
                    line,
                    _(
                        "Regel %(line)d: de kolommen %(names)s geven allemaal de %(field)s aan. "
                        "Laat er één staan."
                    )
                    % {
                        "line": line,
                        "names": ", ".join(f"‘{name}’" for _index, name in matches),
                        "field": _field_label(field),
                    },
                )
            )
    if errors:
        raise ContractImportError(errors)
    return {field: matches[0] for field, matches in found.items()}


def _cell(row: list[str], index: int) -> str:
    return row[index] if index < len(row) else ""


def _row_parse(
    line: int, row: list[str], columns: dict[str, tuple[int, str]]
) -> tuple[Contract | None, list[RowError]]:
    errors = []
    person_index, person_column = columns["person"]
    person = _cell(row, person_index).strip()
    if not person:
        errors.append(
            RowError(
                line,
                _("Regel %(line)d, kolom ‘%(column)s’: het personeelsnummer ontbreekt.")
                % {"line": line, "column": person_column},
            )
        )
    elif len(person) > MAX_PERSON_LENGTH:
        errors.append(
            RowError(
                line,
                _(
                    "Regel %(line)d, kolom ‘%(column)s’: het personeelsnummer is langer dan "
                    "%(max)d tekens."
                )
                % {"line": line, "column": person_column, "max": MAX_PERSON_LENGTH},
            )
        )
    dates: dict[str, date] = {}
    for field in ("start", "end"):
        index, column = columns[field]
        value = _cell(row, index)
        if not value.strip():
            errors.append(
                RowError(
                    line,
                    _("Regel %(line)d, kolom ‘%(column)s’: de datum ontbreekt.")
                    % {"line": line, "column": column},
                )
            )
            continue
        parsed = _date_parse(value)
        if parsed is None:
            errors.append(
                RowError(
                    line,
                    _(
                        "Regel %(line)d, kolom ‘%(column)s’: ‘%(value)s’ is geen geldige datum. "
                        "Gebruik bijvoorbeeld 31-01-2025 of 2025-01-31."
                    )
                    % {"line": line, "column": column, "value": _shown(value)},
                )
            )
            continue
        dates[field] = parsed
    if "start" in dates and "end" in dates and dates["end"] < dates["start"]:
        errors.append(
            RowError(
                line,
                _(
                    "Regel %(line)d, kolom ‘%(column)s’: de einddatum %(end)s ligt vóór de "
                    "begindatum %(start)s."
                )
                % {
                    "line": line,
                    "column": columns["end"][1],
                    "end": _shown(_cell(row, columns["end"][0])),
                    "start": _shown(_cell(row, columns["start"][0])),
                },
            )
        )
    if errors:
        return None, errors
    return Contract(person=person, start=dates["start"], end=dates["end"], line=line), []


def _overlaps(contracts: Sequence[Contract]) -> list[RowError]:
    by_person: dict[str, list[Contract]] = defaultdict(list)
    for contract in contracts:
        by_person[contract.person].append(contract)
    errors = []
    for own in by_person.values():
        own.sort(key=lambda c: (c.start, c.end, c.line))
        seen: dict[tuple[date, date], Contract] = {}
        furthest: Contract | None = None
        for contract in own:
            twin = seen.get((contract.start, contract.end))
            if twin is not None:
                errors.append(
                    RowError(
                        contract.line,
                        _(
                            "Regel %(line)d is gelijk aan regel %(other)d (zelfde medewerker, "
                            "begin- en einddatum). Verwijder een van beide."
                        )
                        % {"line": contract.line, "other": twin.line},
                    )
                )
            elif furthest is not None and contract.start <= furthest.end:
                errors.append(
                    RowError(
                        contract.line,
                        _(
                            "Regel %(line)d: dit contract overlapt met het contract op regel "
                            "%(other)d van dezelfde medewerker."
                        )
                        % {"line": contract.line, "other": furthest.line},
                    )
                )
            seen.setdefault((contract.start, contract.end), contract)
            if furthest is None or contract.end > furthest.end:
                furthest = contract
    return errors


def contracts_parse(data: bytes) -> list[Contract]:
    """The contracts in an uploaded CSV file, in file order.

    Raises ``ContractImportError`` with every problem found; never returns part of a file.
    """
    text = _decode(data)
    delimiter, text = _delimiter(text)
    contracts: list[Contract] = []
    errors: list[RowError] = []
    columns: dict[str, tuple[int, str]] | None = None
    rows = 0
    try:
        for line, row in _records(text, delimiter):
            if columns is None:
                columns = _columns(line, row)
                continue
            rows += 1
            if rows > MAX_ROWS:
                raise ContractImportError(
                    [
                        RowError(
                            0,
                            _(
                                "Het bestand bevat meer dan %(max)d contracten. Splits het "
                                "bestand op."
                            )
                            % {"max": MAX_ROWS},
                        )
                    ]
                )
            contract, row_errors = _row_parse(line, row, columns)
            errors.extend(row_errors)
            if contract is not None:
                contracts.append(contract)
    except _Unreadable as unreadable:
        errors.append(
            RowError(
                unreadable.line,
                _(
                    "Regel %(line)d en verder kunnen niet worden gelezen. Controleer de "
                    "aanhalingstekens op regel %(line)d."
                )
                % {"line": unreadable.line},
            )
        )
        raise ContractImportError(errors) from None
    if columns is None:  # only a sep= line
        raise ContractImportError([RowError(0, _("Het bestand is leeg."))])
    if rows == 0:
        raise ContractImportError(
            [RowError(0, _("Het bestand bevat alleen een kopregel en geen contracten."))]
        )
    errors.extend(_overlaps(contracts))
    if errors:
        raise ContractImportError(errors)
    return contracts


# --- checking ---------------------------------------------------------------------------------


def _continues(chain_end: date, start: date, reset_gap_months: int | None) -> bool:
    if reset_gap_months is None or start <= chain_end + _ONE_DAY:
        return True
    return start - _ONE_DAY <= period_last_day(chain_end + _ONE_DAY, reset_gap_months)


def _chains(contracts: Sequence[Contract], rule: ContractRule) -> list[list[Contract]]:
    """The chains of one person's contracts."""
    chains: list[list[Contract]] = []
    chain_end: date | None = None
    for contract in sorted(contracts, key=lambda c: (c.start, c.end, c.line)):
        if chain_end is None or not _continues(chain_end, contract.start, rule.reset_gap_months):
            chains.append([])
            chain_end = contract.end
        chains[-1].append(contract)
        chain_end = max(chain_end, contract.end)
    return chains


def _chain_check(person: str, chain: list[Contract], rule: ContractRule) -> ContractFlag | None:
    span_start = chain[0].start
    span_end = max(c.end for c in chain)
    reasons = []
    moments = []
    if len(chain) > rule.max_contracts:
        reasons.append(
            _("%(count)d tijdelijke contracten in een keten; het maximum is %(max)d.")
            % {"count": len(chain), "max": rule.max_contracts}
        )
        moments.append(chain[rule.max_contracts].start)
    window_last = period_last_day(span_start, rule.window_months)
    if span_end > window_last:
        reasons.append(
            ngettext(
                "De keten duurt langer dan %(months)d maand.",
                "De keten duurt langer dan %(months)d maanden.",
                rule.window_months,
            )
            % {"months": rule.window_months}
        )
        crossing = next(c for c in chain if c.end > window_last)
        moments.append(max(crossing.start, window_last + _ONE_DAY))
    if not reasons:
        return None
    return ContractFlag(
        person=person,
        contracts=tuple(chain),
        count=len(chain),
        span_start=span_start,
        span_end=span_end,
        reasons=tuple(reasons),
        exceeded_on=min(moments),
    )


def _person_key(person: str) -> tuple[tuple[tuple[int, int, str], ...], str]:
    """Natural order: personnel number 9 before 10."""
    parts = tuple(
        (0, int(part), "") if part.isdigit() else (1, 0, part.casefold())
        for part in re.split(r"(\d+)", person)
        if part
    )
    return parts, person


def contracts_check(contracts: Sequence[Contract], rule: ContractRule) -> list[ContractFlag]:
    """Every chain that breaks ``rule``, by person (natural order), then by start."""
    by_person: dict[str, list[Contract]] = defaultdict(list)
    for contract in contracts:
        by_person[contract.person].append(contract)
    flags = []
    for person in sorted(by_person, key=_person_key):
        for chain in _chains(by_person[person], rule):
            flag = _chain_check(person, chain, rule)
            if flag is not None:
                flags.append(flag)
    return flags


def contracts_summary(contracts: Sequence[Contract], rule: ContractRule) -> dict[str, int]:
    """Counts for the report: people, contracts, chains, flagged people and flagged chains."""
    by_person: dict[str, list[Contract]] = defaultdict(list)
    for contract in contracts:
        by_person[contract.person].append(contract)
    flags = contracts_check(contracts, rule)
    return {
        "people": len(by_person),
        "contracts": len(contracts),
        "chains": sum(len(_chains(own, rule)) for own in by_person.values()),
        "flagged": len({flag.person for flag in flags}),
        "flagged_chains": len(flags),
    }
