"""Value rules: identifiers, email, dates, money and counts as a user types them."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from jarjestokeskus.domain.validation import (
    Errors,
    FieldError,
    ValidationFailed,
    check_business_id,
    check_email,
    check_length,
    check_period,
    check_register_number,
    parse_count,
    parse_date,
    parse_money,
)
from jarjestokeskus.i18n import _


def fields(errors: Errors) -> list[str]:
    return [e.field for e in errors.items]


# --- business ID (Y-tunnus) -------------------------------------------------------------------


@pytest.mark.parametrize("text", ["0242746-2", "0211675-2", "0207669-0", "0207604-1", "3221317-4"])
def test_valid_business_ids_are_accepted_as_typed(text: str) -> None:
    errors = Errors()
    assert check_business_id(text, "business_id", "Business ID", errors) == text
    assert errors.items == []


@pytest.mark.parametrize("typed", ["02427462", " 0242746-2 ", "0242746 2", "FI02427462"])
def test_business_id_is_returned_in_the_standard_form(typed: str) -> None:
    errors = Errors()
    assert check_business_id(typed, "business_id", "Business ID", errors) == "0242746-2"
    assert errors.items == []


@pytest.mark.parametrize("text", ["2077474-1", "0242746-3", "242746-2", "abcdefg-h", "0242746-22", "-"])
def test_invalid_business_ids_are_rejected_under_their_field(text: str) -> None:
    errors = Errors()
    assert check_business_id(text, "business_id", "Business ID", errors) is None
    assert fields(errors) == ["business_id"]


def test_empty_business_id_is_no_value_and_no_error() -> None:
    errors = Errors()
    assert check_business_id("  ", "business_id", "Business ID", errors) is None
    assert errors.items == []


# --- association register number ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("123456", "123.456"), ("123.456", "123.456"), ("1234", "1.234"), ("123", "123"), ("12.345", "12.345")],
)
def test_register_number_is_stored_with_a_dot(typed: str, stored: str) -> None:
    errors = Errors()
    assert check_register_number(typed, "register_number", "Register number", errors) == stored
    assert errors.items == []


@pytest.mark.parametrize("typed", ["1234567", "12a456", "abc", "123.4567"])
def test_register_number_of_wrong_shape_is_rejected(typed: str) -> None:
    errors = Errors()
    assert check_register_number(typed, "register_number", "Register number", errors) is None
    assert fields(errors) == ["register_number"]


# --- email ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("typed", ["toimisto@example.fi", "  anna.virtanen@kyla.example.com  "])
def test_valid_email_is_kept_without_surrounding_space(typed: str) -> None:
    errors = Errors()
    assert check_email(typed, "email", "Email", errors) == typed.strip()
    assert errors.items == []


@pytest.mark.parametrize(
    "typed", ["toimisto", "toimisto@", "@example.fi", "a b@example.fi", "a@b@c.fi", "a@fi"]
)
def test_invalid_email_is_rejected(typed: str) -> None:
    errors = Errors()
    assert check_email(typed, "email", "Email", errors) is None
    assert fields(errors) == ["email"]


def test_email_longer_than_the_column_is_rejected() -> None:
    errors = Errors()
    assert check_email("a" * 190 + "@example.fi", "email", "Email", errors) is None
    assert fields(errors) == ["email"]


# --- dates ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("5.3.2025", date(2025, 3, 5)),
        ("05.03.2025", date(2025, 3, 5)),
        (" 31.12.2024 ", date(2024, 12, 31)),
        ("2025-03-05", date(2025, 3, 5)),
        ("29.2.2024", date(2024, 2, 29)),
    ],
)
def test_dates_typed_in_finnish_or_iso_form(typed: str, expected: date) -> None:
    errors = Errors()
    assert parse_date(typed, "start_date", "Start date", errors) == expected
    assert errors.items == []


@pytest.mark.parametrize(
    "typed",
    ["31.2.2025", "29.2.2025", "32.1.2025", "1.13.2025", "2025-02-30", "5.3.25", "5/3/2025", "huomenna"],
)
def test_impossible_or_unreadable_dates_are_rejected(typed: str) -> None:
    errors = Errors()
    assert parse_date(typed, "start_date", "Start date", errors) is None
    assert fields(errors) == ["start_date"]


def test_empty_date_is_none_without_error() -> None:
    errors = Errors()
    assert parse_date("", "start_date", "Start date", errors) is None
    assert parse_date(None, "start_date", "Start date", errors) is None
    assert errors.items == []


def test_date_error_message_comes_from_the_catalogue() -> None:
    errors = Errors()
    parse_date("31.2.2025", "start_date", "Alkupäivä", errors)
    expected = _("{field}: not a valid date, write it as d.m.yyyy").format(field="Alkupäivä")
    assert errors.items == [FieldError("start_date", expected)]


# --- money ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("1 234,50", Decimal("1234.50")),
        ("1\u00a0234,50", Decimal("1234.50")),
        ("1234.50", Decimal("1234.50")),
        ("1.234,50", Decimal("1234.50")),
        ("€ 12", Decimal("12.00")),
        ("12 €", Decimal("12.00")),
        ("0", Decimal("0.00")),
        ("0,5", Decimal("0.50")),
    ],
)
def test_money_typed_in_finnish_or_plain_form(typed: str, expected: Decimal) -> None:
    errors = Errors()
    amount = parse_money(typed, "amount", "Amount", errors)
    assert amount == expected
    assert amount is not None and amount.as_tuple().exponent == -2  # always in cents
    assert errors.items == []


@pytest.mark.parametrize(
    "typed",
    ["-5", "-0,01", "1,234", "12.345", "abc", "12 euroa", "1e3", "NaN", "Infinity", "1_000", "1,2,3", "+-5"],
)
def test_money_that_is_negative_too_precise_or_text_is_rejected(typed: str) -> None:
    errors = Errors()
    assert parse_money(typed, "fees[0].amount", "Amount", errors) is None
    assert fields(errors) == ["fees[0].amount"]


def test_negative_money_has_its_own_message() -> None:
    errors = Errors()
    parse_money("-5", "amount", "Summa", errors)
    assert errors.items[0].message == _("{field}: cannot be negative").format(field="Summa")


def test_money_too_large_for_the_column_is_rejected() -> None:
    errors = Errors()
    assert parse_money("10 000 000 000", "amount", "Amount", errors) is None
    assert parse_money("9 999 999 999,99", "amount", "Amount", errors) == Decimal("9999999999.99")
    assert fields(errors) == ["amount"]


# --- counts -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "expected"), [("0", 0), ("42", 42), ("1 200", 1200), (" 7 ", 7), ("", None)]
)
def test_counts(typed: str, expected: int | None) -> None:
    errors = Errors()
    assert parse_count(typed, "member_count", "Members", errors) == expected
    assert errors.items == []


@pytest.mark.parametrize("typed", ["-1", "1,5", "12a", "²", "1234567890"])
def test_counts_that_are_not_whole_numbers_are_rejected(typed: str) -> None:
    errors = Errors()
    assert parse_count(typed, "member_count", "Members", errors) is None
    assert fields(errors) == ["member_count"]


# --- periods and lengths ----------------------------------------------------------------------------


def test_period_end_before_start_is_rejected_under_the_end_field() -> None:
    errors = Errors()
    check_period(date(2025, 5, 1), date(2025, 4, 30), "end_date", "End date", errors)
    assert fields(errors) == ["end_date"]


@pytest.mark.parametrize(
    ("start", "end"),
    [(date(2025, 5, 1), date(2025, 5, 1)), (date(2025, 5, 1), None), (None, date(2025, 5, 1)), (None, None)],
)
def test_period_that_is_open_or_in_order_is_accepted(start: date | None, end: date | None) -> None:
    errors = Errors()
    check_period(start, end, "end_date", "End date", errors)
    assert errors.items == []


def test_length_limit() -> None:
    errors = Errors()
    check_length("x" * 40, 40, "abbreviation", "Abbreviation", errors)
    assert errors.items == []
    check_length("x" * 41, 40, "abbreviation", "Abbreviation", errors)
    assert fields(errors) == ["abbreviation"]


def test_errors_raise_all_collected_fields_at_once() -> None:
    errors = Errors()
    errors.raise_if_any()  # nothing collected: no exception
    parse_date("x", "a", "A", errors)
    parse_money("x", "b", "B", errors)
    with pytest.raises(ValidationFailed) as caught:
        errors.raise_if_any()
    assert [e.field for e in caught.value.errors] == ["a", "b"]


def test_business_id_written_so_is_checked_as_python_stdnum_checks_it() -> None:
    """The import's fast path computes the check digit itself: it must agree with python-stdnum."""
    import random

    from stdnum.fi import ytunnus

    from jarjestokeskus.domain.validation import business_id_form

    rng = random.Random(18)
    for _number in range(5000):
        text = f"{rng.randrange(10**7):07d}-{rng.randrange(10)}"
        assert (business_id_form(text) == text) == ytunnus.is_valid(text), text
    assert business_id_form("0242746-2") == "0242746-2" and business_id_form("0242746-3") is None
    assert (
        business_id_form("02427462") == business_id_form("0242746 2") == "0242746-2"
    )  # python-stdnum reads it
