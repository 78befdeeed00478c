"""The year clock's form rules and the date a task falls on in a year."""

from __future__ import annotations

from datetime import date

import pytest

from jarjestokeskus import i18n
from jarjestokeskus.domain.validation import ValidationFailed
from jarjestokeskus.domain.year_clock import (
    YearClockCategory,
    YearClockForm,
    month_name,
    occurrence,
    validate_task,
)


def errors(form: YearClockForm) -> dict[str, str]:
    with pytest.raises(ValidationFailed) as failed:
        validate_task(form)
    return {e.field: e.message for e in failed.value.errors}


def test_a_valid_task_is_cleaned() -> None:
    values = validate_task(
        YearClockForm(" Kevätkokous ", "", "4", "", YearClockCategory.ASSOCIATION, " sääntöjen mukaan ")
    )
    assert values == {
        "title_fi": "Kevätkokous",
        "title_sv": "",
        "month": 4,
        "day": None,
        "category": YearClockCategory.ASSOCIATION,
        "notes": "sääntöjen mukaan",
    }
    assert validate_task(YearClockForm("", "Vårmöte", "12", "31"))["title_sv"] == "Vårmöte"


def test_a_title_in_one_language_is_required() -> None:
    assert set(errors(YearClockForm("", "  ", "4"))) == {"title_fi"}


@pytest.mark.parametrize("month", ["", "0", "13", "x", "-1", "４"])
def test_month_from_1_to_12(month: str) -> None:
    assert "month" in errors(YearClockForm("Tehtävä", month=month))


@pytest.mark.parametrize(
    ("month", "day", "ok"),
    [
        ("2", "29", True),  # a leap day: falls on 28.2 in other years
        ("2", "30", False),
        ("4", "30", True),
        ("4", "31", False),
        ("12", "31", True),
        ("1", "0", False),
        ("1", "32", False),
        ("1", "1.", False),
    ],
)
def test_day_valid_for_the_month(month: str, day: str, ok: bool) -> None:
    form = YearClockForm("Tehtävä", month=month, day=day)
    if ok:
        assert validate_task(form)["day"] == int(day)
    else:
        assert set(errors(form)) == {"day"}


def test_messages_name_the_field_in_the_users_language() -> None:
    i18n.set_language("sv")
    found = errors(YearClockForm("Tehtävä", month="4", day="31"))
    assert found["day"].startswith(i18n._("Day") + ":")
    assert "30" in found["day"]


def test_too_long_texts() -> None:
    found = errors(YearClockForm("x" * 201, "y" * 201, "1", notes="z" * 2001))
    assert set(found) == {"title_fi", "title_sv", "notes"}


def test_occurrence_in_a_year() -> None:
    assert occurrence(2026, 5, 31) == date(2026, 5, 31)
    assert occurrence(2026, 4, None) == date(2026, 4, 30)  # no day: by the end of the month
    assert occurrence(2026, 2, None) == date(2026, 2, 28)
    assert occurrence(2028, 2, None) == date(2028, 2, 29)
    assert occurrence(2027, 2, 29) == date(2027, 2, 28)
    assert occurrence(2028, 2, 29) == date(2028, 2, 29)


def test_month_names() -> None:
    assert month_name(1, "fi") == "Tammikuu"
    assert month_name(12, "sv") == "December"
