"""Temporary contracts: month arithmetic, chains, flags and the CSV import."""

from __future__ import annotations

from datetime import date

import pytest
from django.utils import translation

from veiligwerk.actionplan import contracts as contracts_module
from veiligwerk.actionplan.contracts import (
    CURRENT_RULE,
    MAX_BYTES,
    OLD_RULE,
    Contract,
    ContractImportError,
    ContractRule,
    add_months,
    contracts_check,
    contracts_parse,
    contracts_summary,
    period_last_day,
)


@pytest.fixture(autouse=True)
def _dutch():
    with translation.override("nl"):
        yield


def d(value: str) -> date:
    return date.fromisoformat(value)


def c(start: str, end: str, person: str = "1001", line: int = 0) -> Contract:
    return Contract(person=person, start=d(start), end=d(end), line=line)


def numbered(*contracts: Contract) -> list[Contract]:
    """Gives each contract its own line number (2, 3, ...) as if read from a file."""
    return [
        Contract(person=x.person, start=x.start, end=x.end, line=i)
        for i, x in enumerate(contracts, start=2)
    ]


def import_errors(data: bytes) -> ContractImportError:
    with pytest.raises(ContractImportError) as caught:
        contracts_parse(data)
    return caught.value


# --- month arithmetic -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        ("2023-01-31", 1, "2023-02-28"),
        ("2024-01-31", 1, "2024-02-29"),
        ("2023-03-31", -1, "2023-02-28"),
        ("2023-11-15", 3, "2024-02-15"),
        ("2024-02-29", 12, "2025-02-28"),
        ("2023-05-10", 0, "2023-05-10"),
    ],
)
def test_add_months_keeps_the_day_or_clamps_to_month_end(day, months, expected):
    assert add_months(d(day), months) == d(expected)


@pytest.mark.parametrize(
    ("start", "months", "last"),
    [
        ("2023-01-01", 24, "2024-12-31"),
        ("2023-03-01", 1, "2023-03-31"),
        ("2023-03-31", 1, "2023-04-30"),
        ("2023-01-31", 1, "2023-02-28"),
        ("2024-01-31", 1, "2024-02-29"),
        ("2024-02-29", 12, "2025-02-28"),
        ("2024-02-29", 48, "2028-02-28"),
        ("2023-07-01", 6, "2023-12-31"),
        ("2023-09-01", 6, "2024-02-29"),
        ("2023-01-15", 24, "2025-01-14"),
    ],
)
def test_period_last_day(start, months, last):
    assert period_last_day(d(start), months) == d(last)


# --- rules and contracts ----------------------------------------------------------------------


def test_rules():
    assert ContractRule() == CURRENT_RULE == ContractRule(3, 24, 6)
    assert ContractRule(6, 48, 6) == OLD_RULE
    with pytest.raises(ValueError):
        ContractRule(max_contracts=0)
    with pytest.raises(ValueError):
        ContractRule(window_months=0)
    with pytest.raises(ValueError):
        ContractRule(reset_gap_months=-1)


def test_a_contract_cannot_end_before_it_starts():
    with pytest.raises(ValueError):
        c("2024-02-01", "2024-01-31")
    assert c("2024-02-01", "2024-02-01").end == d("2024-02-01")  # a one-day contract


# --- chains and flags -------------------------------------------------------------------------


def test_exactly_three_contracts_in_exactly_24_months_is_not_flagged():
    chain = numbered(
        c("2023-01-01", "2023-08-31"),
        c("2023-09-01", "2024-04-30"),
        c("2024-05-01", "2024-12-31"),
    )
    assert contracts_check(chain, CURRENT_RULE) == []


def test_a_fourth_contract_is_flagged_from_its_start():
    chain = numbered(
        c("2023-01-01", "2023-03-31"),
        c("2023-04-01", "2023-06-30"),
        c("2023-07-01", "2023-09-30"),
        c("2023-10-01", "2023-12-31"),
    )
    [flag] = contracts_check(chain, CURRENT_RULE)
    assert flag.person == "1001"
    assert flag.count == 4
    assert flag.lines == (2, 3, 4, 5)
    assert flag.contracts == tuple(chain)
    assert (flag.span_start, flag.span_end) == (d("2023-01-01"), d("2023-12-31"))
    assert flag.exceeded_on == d("2023-10-01")
    assert flag.reasons == ("4 tijdelijke contracten in een keten; het maximum is 3.",)


def test_two_contracts_spanning_more_than_24_months_are_flagged():
    chain = numbered(c("2023-01-01", "2023-12-31"), c("2024-01-01", "2025-01-01"))
    [flag] = contracts_check(chain, CURRENT_RULE)
    assert flag.count == 2
    assert flag.reasons == ("De keten duurt langer dan 24 maanden.",)
    assert flag.exceeded_on == d("2025-01-01")


def test_a_chain_ending_on_the_last_day_of_24_months_is_not_over():
    chain = numbered(c("2023-01-01", "2023-12-31"), c("2024-01-01", "2024-12-31"))
    assert contracts_check(chain, CURRENT_RULE) == []


def test_window_exceeded_by_a_contract_starting_after_the_window():
    # Window 2023-01-01 up to and including 2024-12-31; the gap of four months keeps the chain.
    chain = numbered(c("2023-01-01", "2024-10-31"), c("2025-03-01", "2025-04-30"))
    [flag] = contracts_check(chain, CURRENT_RULE)
    assert flag.exceeded_on == d("2025-03-01")


def test_both_reasons_and_the_earliest_moment():
    chain = numbered(
        c("2023-01-01", "2024-06-30"),
        c("2024-07-01", "2024-12-31"),
        c("2025-01-01", "2025-03-31"),  # window exceeded on 2025-01-01
        c("2025-04-01", "2025-06-30"),  # fourth contract on 2025-04-01
    )
    [flag] = contracts_check(chain, CURRENT_RULE)
    assert flag.reasons == (
        "4 tijdelijke contracten in een keten; het maximum is 3.",
        "De keten duurt langer dan 24 maanden.",
    )
    assert flag.exceeded_on == d("2025-01-01")


def _with_fourth_starting(start: str) -> list[Contract]:
    return numbered(
        c("2023-01-01", "2023-02-28"),
        c("2023-03-01", "2023-04-30"),
        c("2023-05-01", "2023-06-30"),
        c(start, "2024-03-31"),
    )


def test_a_gap_of_exactly_six_months_continues_the_chain():
    # Gap 2023-07-01 up to and including 2023-12-31: six months.
    [flag] = contracts_check(_with_fourth_starting("2024-01-01"), CURRENT_RULE)
    assert flag.count == 4
    assert flag.exceeded_on == d("2024-01-01")


def test_a_gap_of_six_months_and_a_day_starts_a_new_chain():
    data = _with_fourth_starting("2024-01-02")
    assert contracts_check(data, CURRENT_RULE) == []
    assert contracts_summary(data, CURRENT_RULE)["chains"] == 2


def test_gap_across_a_short_february():
    before = numbered(
        c("2023-03-01", "2023-04-30"),
        c("2023-05-01", "2023-06-30"),
        c("2023-07-01", "2023-08-31"),
    )
    # Gap 2023-09-01 up to and including 2024-02-29: six months.
    continued = [*before, Contract("1001", d("2024-03-01"), d("2024-03-31"), 9)]
    reset = [*before, Contract("1001", d("2024-03-02"), d("2024-03-31"), 9)]
    assert [f.count for f in contracts_check(continued, CURRENT_RULE)] == [4]
    assert contracts_check(reset, CURRENT_RULE) == []


def test_contracts_following_on_directly_form_one_chain():
    data = numbered(c("2023-01-01", "2023-01-31"), c("2023-02-01", "2023-02-28"))
    assert contracts_summary(data, ContractRule(reset_gap_months=0))["chains"] == 1
    later = numbered(c("2023-01-01", "2023-01-31"), c("2023-02-02", "2023-02-28"))
    assert contracts_summary(later, ContractRule(reset_gap_months=0))["chains"] == 2


def test_reset_gap_none_never_resets():
    data = numbered(
        c("2010-01-01", "2010-12-31"),
        c("2015-01-01", "2015-12-31"),
        c("2020-01-01", "2020-12-31"),
        c("2025-01-01", "2025-12-31"),
    )
    assert contracts_check(data, CURRENT_RULE) == []
    [flag] = contracts_check(data, ContractRule(3, 24, None))
    assert flag.count == 4
    assert len(flag.reasons) == 2
    assert flag.exceeded_on == d("2015-01-01")  # the window, before the fourth contract
    assert contracts_summary(data, ContractRule(3, 24, None))["chains"] == 1


def test_old_rule_and_current_rule_differ_on_the_same_data():
    five_in_thirty_months = numbered(
        c("2020-01-01", "2020-06-30", person="A"),
        c("2020-07-01", "2020-12-31", person="A"),
        c("2021-01-01", "2021-06-30", person="A"),
        c("2021-07-01", "2021-12-31", person="A"),
        c("2022-01-01", "2022-06-30", person="A"),
    )
    seven_in_a_year = [
        Contract("B", d(f"2022-{m:02d}-01"), d(f"2022-{m:02d}-28"), 10 + m) for m in range(1, 8)
    ]
    data = five_in_thirty_months + seven_in_a_year

    current = contracts_check(data, CURRENT_RULE)
    old = contracts_check(data, OLD_RULE)
    assert [f.person for f in current] == ["A", "B"]
    assert [f.person for f in old] == ["B"]
    assert old[0].reasons == ("7 tijdelijke contracten in een keten; het maximum is 6.",)
    assert old[0].exceeded_on == d("2022-07-01")
    assert current[1].exceeded_on == d("2022-04-01")
    assert current[0].exceeded_on == d("2021-07-01")  # fourth contract, before month 25


def test_old_rule_window_of_48_months():
    data = numbered(c("2019-01-01", "2020-12-31"), c("2021-01-01", "2023-01-01"))
    [flag] = contracts_check(data, OLD_RULE)
    assert flag.reasons == ("De keten duurt langer dan 48 maanden.",)
    assert flag.exceeded_on == d("2023-01-01")


def test_one_month_window_message_is_singular():
    [flag] = contracts_check([c("2023-01-01", "2023-02-01")], ContractRule(3, 1, 6))
    assert flag.reasons == ("De keten duurt langer dan 1 maand.",)


def test_one_person_can_have_two_bad_chains():
    first = [Contract("7", d(f"2019-0{m}-01"), d(f"2019-0{m}-20"), m) for m in range(1, 5)]
    second = [Contract("7", d(f"2023-0{m}-01"), d(f"2023-0{m}-20"), 10 + m) for m in range(1, 5)]
    flags = contracts_check(second + first, CURRENT_RULE)
    assert [f.span_start for f in flags] == [d("2019-01-01"), d("2023-01-01")]
    assert contracts_summary(second + first, CURRENT_RULE) == {
        "people": 1,
        "contracts": 8,
        "chains": 2,
        "flagged": 1,
        "flagged_chains": 2,
    }


def test_flags_are_sorted_by_person_in_natural_order():
    def four(person: str) -> list[Contract]:
        return [Contract(person, d(f"2023-0{m}-01"), d(f"2023-0{m}-20"), m) for m in range(1, 5)]

    data = four("10") + four("A2") + four("9") + four("A10")
    assert [f.person for f in contracts_check(data, CURRENT_RULE)] == ["9", "10", "A2", "A10"]


def test_input_order_does_not_matter():
    chain = numbered(
        c("2023-10-01", "2023-12-31"),
        c("2023-01-01", "2023-03-31"),
        c("2023-07-01", "2023-09-30"),
        c("2023-04-01", "2023-06-30"),
    )
    [flag] = contracts_check(chain, CURRENT_RULE)
    assert flag.lines == (3, 5, 4, 2)
    assert flag.exceeded_on == d("2023-10-01")


def test_overlapping_contracts_given_directly_are_counted_in_one_chain():
    data = numbered(
        c("2023-01-01", "2023-12-31"),
        c("2023-02-01", "2023-02-28"),
        c("2023-03-01", "2023-03-31"),
        c("2024-05-01", "2024-05-31"),  # gap measured from 2023-12-31, not 2023-03-31
    )
    [flag] = contracts_check(data, CURRENT_RULE)
    assert flag.count == 4


def test_summary_counts_people_contracts_and_flagged():
    data = [
        *_with_fourth_starting("2024-01-01"),
        c("2024-01-01", "2024-06-30", person="2002"),
        c("2024-07-01", "2024-12-31", person="2002"),
    ]
    assert contracts_summary(data, CURRENT_RULE) == {
        "people": 2,
        "contracts": 6,
        "chains": 2,
        "flagged": 1,
        "flagged_chains": 1,
    }
    assert contracts_summary([], CURRENT_RULE) == {
        "people": 0,
        "contracts": 0,
        "chains": 0,
        "flagged": 0,
        "flagged_chains": 0,
    }
    assert contracts_check([], CURRENT_RULE) == []


# --- CSV import -------------------------------------------------------------------------------


def test_parse_comma_separated_english_headers_iso_dates():
    data = b"employee,start,end\n1001,2023-01-01,2023-06-30\n1002,2023-02-01,2023-02-28\n"
    assert contracts_parse(data) == [
        Contract("1001", d("2023-01-01"), d("2023-06-30"), 2),
        Contract("1002", d("2023-02-01"), d("2023-02-28"), 3),
    ]


def test_parse_semicolon_with_bom_dutch_headers_and_day_month_year():
    text = (
        "Personeelsnummer;Naam;BEGIN;Einde\r\n"
        "1001;Jansen, P.;01-01-2023;30-06-2023\r\n"
        "1001;Jansen, P.;1-7-2023;31-12-2023\r\n"
    )
    data = "\ufeff".encode() + text.encode("utf-8")
    assert contracts_parse(data) == [
        Contract("1001", d("2023-01-01"), d("2023-06-30"), 2),
        Contract("1001", d("2023-07-01"), d("2023-12-31"), 3),
    ]


def test_parse_slash_dates_quotes_extra_columns_and_spacing():
    data = (
        b'afdeling,"Medewerker ", startdatum ,EINDDATUM,opmerking\n'
        b'"Redactie, Hilversum", 1001 ,31/01/2025,28/02/2025,"met ; en , erin"\n'
    )
    assert contracts_parse(data) == [Contract("1001", d("2025-01-31"), d("2025-02-28"), 2)]


def test_parse_excel_sep_line():
    data = b"sep=;\nperson;start;end\n1001;2023-01-01;2023-06-30\n"
    assert contracts_parse(data) == [Contract("1001", d("2023-01-01"), d("2023-06-30"), 3)]


def test_parse_skips_blank_rows_and_keeps_physical_line_numbers():
    data = b"person;start;end\n\n;;\n1001;2023-01-01;2023-06-30\n\n1002;2023-01-01;2023-06-30\n"
    assert [x.line for x in contracts_parse(data)] == [4, 6]


def test_line_numbers_follow_quoted_newlines():
    data = b'person;start;end;note\n1001;2023-01-01;2023-06-30;"two\nlines"\n1002;2023-13-01;2023-06-30;x\n'
    error = import_errors(data)
    assert [e.line for e in error.errors] == [4]
    assert "Regel 4" in error.errors[0].message


def test_several_bad_rows_are_reported_at_once_and_nothing_is_returned():
    data = (
        b"medewerker;begin;einde\n"
        b"1001;2023-01-01;2023-06-30\n"  # 2: fine
        b";2023-01-01;2023-06-30\n"  # 3: no person
        b"1003;2023-02-30;2023-06-30\n"  # 4: no such date
        b"1004;2023-06-30;2023-01-01\n"  # 5: end before start
        b"1005;morgen;\n"  # 6: bad start, no end
        b"1006;2023-01-01;2023-06-30\n"  # 7: fine
    )
    result = None
    with pytest.raises(ContractImportError) as caught:
        result = contracts_parse(data)
    assert result is None
    errors = caught.value.errors
    assert [e.line for e in errors] == [3, 4, 5, 6, 6]
    messages = [e.message for e in errors]
    assert messages[0] == "Regel 3, kolom ‘medewerker’: het personeelsnummer ontbreekt."
    assert messages[1] == (
        "Regel 4, kolom ‘begin’: ‘2023-02-30’ is geen geldige datum. "
        "Gebruik bijvoorbeeld 31-01-2025 of 2025-01-31."
    )
    assert messages[2] == (
        "Regel 5, kolom ‘einde’: de einddatum 2023-01-01 ligt vóór de begindatum 2023-06-30."
    )
    assert "Regel 6, kolom ‘begin’: ‘morgen’ is geen geldige datum" in messages[3]
    assert messages[4] == "Regel 6, kolom ‘einde’: de datum ontbreekt."
    for error in errors:
        assert f"Regel {error.line}" in error.message
    assert "Regel 3" in str(caught.value)


def test_errors_do_not_echo_the_person_or_other_columns():
    data = b"person;name;start;end\nP-778899;Geheim Persoon;2023-01-01;gisteren\n"
    [error] = import_errors(data).errors
    assert "P-778899" not in error.message
    assert "Geheim" not in error.message
    assert "gisteren" in error.message


def test_long_date_values_are_shortened_in_messages():
    data = ("person;start;end\n1001;2023-01-01;" + "x" * 500 + "\n").encode()
    [error] = import_errors(data).errors
    assert len(error.message) < 200
    assert "…" in error.message


@pytest.mark.parametrize(
    "value",
    ["2023-1-32", "31-01-23", "2023/01/31", "31-01/2023", "0001-01-01", "3000-01-01", "31.01.2023"],
)
def test_rejected_date_formats(value):
    data = f"person;start;end\n1001;2023-01-01;{value}\n".encode()
    [error] = import_errors(data).errors
    assert error.line == 2
    assert value in error.message


def test_short_rows_count_as_missing_values():
    [error] = import_errors(b"person;start;end\n1001;2023-01-01\n").errors
    assert error.message == "Regel 2, kolom ‘end’: de datum ontbreekt."


def test_person_identifier_too_long():
    data = ("person;start;end\n" + "9" * 65 + ";2023-01-01;2023-01-31\n").encode()
    [error] = import_errors(data).errors
    assert "Regel 2" in error.message
    assert "64" in error.message


def test_missing_columns_give_one_error_on_line_one():
    data = b"medewerker;van;tot\n1001;2023-01-01;2023-06-30\n1002;x;y\n"
    [error] = import_errors(data).errors
    assert error.line == 1
    assert error.message.startswith("Regel 1: verplichte kolom ontbreekt:")
    assert "begindatum (kolomnaam: begin, begindatum, start, startdatum)" in error.message
    assert "einddatum (kolomnaam: einde, einddatum, end)" in error.message
    assert "personeelsnummer" not in error.message


def test_a_field_named_twice_is_refused():
    data = b"medewerker;personeelsnummer;begin;einde\nJan;1001;2023-01-01;2023-06-30\n"
    [error] = import_errors(data).errors
    assert error.line == 1
    assert "‘medewerker’, ‘personeelsnummer’" in error.message


def test_non_utf8_bytes_are_refused_with_the_line():
    data = "medewerker;begin;einde\n1001;2023-01-01;2023-06-30\n1002 café;2023-01-01;2023-06-30\n"
    [error] = import_errors(data.encode("cp1252")).errors
    assert error.line == 3
    assert "Regel 3" in error.message
    assert "UTF-8" in error.message


def test_utf16_is_refused():
    data = "person;start;end\n1001;2023-01-01;2023-06-30\n".encode("utf-16")
    [error] = import_errors(data).errors
    assert "UTF-8" in error.message


def test_nul_bytes_are_refused():
    [error] = import_errors(b"person;start;end\n1001\x00;2023-01-01;2023-06-30\n").errors
    assert error.line == 2
    assert "Regel 2" in error.message


@pytest.mark.parametrize("data", [b"", b"   \r\n\n", "\ufeff".encode(), b"sep=;\n"])
def test_empty_file(data):
    [error] = import_errors(data).errors
    assert error.line == 0
    assert error.message == "Het bestand is leeg."


def test_only_a_header():
    [error] = import_errors(b"medewerker;begin;einde\r\n\r\n").errors
    assert error.line == 0
    assert error.message == "Het bestand bevat alleen een kopregel en geen contracten."


def test_file_too_large():
    data = b"person;start;end\n" + b" " * MAX_BYTES
    [error] = import_errors(data).errors
    assert error.message == "Het bestand is groter dan 5 MB. Splits het bestand op."


def test_too_many_rows(monkeypatch):
    monkeypatch.setattr(contracts_module, "MAX_ROWS", 3)
    rows = [f"{n};2023-01-01;2023-01-31\n" for n in range(4)]
    [error] = import_errors(("person;start;end\n" + "".join(rows)).encode()).errors
    assert error.line == 0
    assert error.message == "Het bestand bevat meer dan 3 contracten. Splits het bestand op."
    assert len(contracts_parse(("person;start;end\n" + "".join(rows[:3])).encode())) == 3


def test_the_default_row_limit():
    assert contracts_module.MAX_ROWS == 100_000
    assert MAX_BYTES == 5 * 1024 * 1024


def test_an_unclosed_quote_is_reported_with_its_line():
    data = b'person;start;end\n1001;2023-01-01;2023-01-31\n"1002;2023-01-01;2023-01-31\n'
    [error] = import_errors(data).errors
    assert error.line == 3
    assert "Regel 3" in error.message


def test_overlapping_contracts_name_the_other_line():
    data = (
        b"person;start;end\n"
        b"1001;2023-01-01;2023-06-30\n"  # 2
        b"1002;2023-03-01;2023-09-30\n"  # 3: other person, fine
        b"1001;2023-06-30;2023-12-31\n"  # 4: starts on the day line 2 ends
        b"1001;2023-07-01;2023-07-31\n"  # 5: inside line 4
    )
    errors = import_errors(data).errors
    assert [e.message for e in errors] == [
        "Regel 4: dit contract overlapt met het contract op regel 2 van dezelfde medewerker.",
        "Regel 5: dit contract overlapt met het contract op regel 4 van dezelfde medewerker.",
    ]


def test_contracts_following_on_directly_do_not_overlap():
    data = b"person;start;end\n1001;2023-07-01;2023-12-31\n1001;2023-01-01;2023-06-30\n"
    assert [x.line for x in contracts_parse(data)] == [2, 3]


def test_identical_rows_are_refused():
    data = b"person;start;end\n1001;2023-01-01;2023-06-30\n1001;01-01-2023;30-06-2023\n"
    [error] = import_errors(data).errors
    assert error.line == 3
    assert error.message.startswith("Regel 3 is gelijk aan regel 2")


def test_row_errors_and_overlaps_are_reported_together_in_line_order():
    data = (
        b"person;start;end\n"
        b"1001;2023-01-01;2023-06-30\n"  # 2
        b"1001;2023-05-01;2023-08-31\n"  # 3: overlaps line 2
        b"1002;2023-01-01;nooit\n"  # 4: bad date
    )
    assert [e.line for e in import_errors(data).errors] == [3, 4]


def test_parse_then_check():
    data = (
        b"personeelsnummer;begin;einde\n"
        b"1001;01-01-2023;31-03-2023\n"
        b"1001;01-04-2023;30-06-2023\n"
        b"1001;01-07-2023;30-09-2023\n"
        b"1001;01-10-2023;31-12-2023\n"
        b"1002;01-01-2023;31-12-2024\n"
    )
    parsed = contracts_parse(data)
    [flag] = contracts_check(parsed, CURRENT_RULE)
    assert (flag.person, flag.lines, flag.exceeded_on) == ("1001", (2, 3, 4, 5), d("2023-10-01"))
    assert contracts_check(parsed, OLD_RULE) == []
