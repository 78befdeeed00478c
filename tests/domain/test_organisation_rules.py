"""The organisation form's rules: every wrong field at once, names, fee rows and role rows."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from jarjestokeskus.domain.enums import MembershipStatus, RoleKind
from jarjestokeskus.domain.organisation import FeeForm, OrganisationForm, RoleForm, validate
from jarjestokeskus.domain.validation import ValidationFailed

TODAY = date(2025, 6, 1)


def failed_fields(form: OrganisationForm) -> set[str]:
    with pytest.raises(ValidationFailed) as caught:
        validate(form, TODAY)
    return {e.field for e in caught.value.errors}


def test_valid_form_gives_typed_values() -> None:
    form = OrganisationForm(
        name_fi=" Vaasan Martat ry ",
        business_id="02427462",
        register_number="123456",
        email="martat@example.fi",
        postal_code="65100",
        member_count="1 200",
        membership_status=MembershipStatus.MEMBER,
        member_since="1.1.2020",
        fees=[FeeForm(year="2025", amount="150,00", paid_on="15.3.2025")],
        roles=[RoleForm(first_name="Anna", last_name="Virtanen", kind=RoleKind.CHAIR, start_date="1.1.2024")],
    )
    values = validate(form, TODAY)
    assert values.scalars["name_fi"] == "Vaasan Martat ry"
    assert values.scalars["business_id"] == "0242746-2"
    assert values.scalars["register_number"] == "123.456"
    assert values.scalars["member_count"] == 1200
    assert values.scalars["member_since"] == date(2020, 1, 1)
    assert values.scalars["member_until"] is None
    assert [(f.year, f.amount, f.paid_on) for f in values.fees] == [
        (2025, Decimal("150.00"), date(2025, 3, 15))
    ]
    assert [(r.last_name, r.kind, r.start_date) for r in values.roles] == [
        ("Virtanen", RoleKind.CHAIR, date(2024, 1, 1))
    ]


def test_every_wrong_field_is_named_at_once() -> None:
    form = OrganisationForm(
        name_fi="Kyläyhdistys",
        business_id="2077474-1",
        register_number="abc",
        email="not-an-email",
        postal_code="651",
        member_count="many",
        member_since="31.2.2025",
        abbreviation="x" * 41,
    )
    assert failed_fields(form) == {
        "business_id",
        "register_number",
        "email",
        "postal_code",
        "member_count",
        "member_since",
        "abbreviation",
    }


@pytest.mark.parametrize(("fi", "sv"), [("Kylä ry", ""), ("", "Byaförening rf"), ("Kylä ry", "Bya rf")])
def test_a_name_in_either_language_is_enough(fi: str, sv: str) -> None:
    values = validate(OrganisationForm(name_fi=fi, name_sv=sv), TODAY)
    assert (values.scalars["name_fi"], values.scalars["name_sv"]) == (fi, sv)


def test_a_name_is_required_and_blank_does_not_count() -> None:
    assert failed_fields(OrganisationForm(name_fi="   ", name_sv="")) == {"name_fi"}


@pytest.mark.parametrize("postal", ["6510", "651000", "65 10", "abcde", "²²²²²"])
def test_postal_code_must_be_five_digits(postal: str) -> None:
    assert failed_fields(OrganisationForm(name_fi="X", postal_code=postal)) == {"postal_code"}


def test_postal_code_may_be_empty_or_five_digits() -> None:
    assert validate(OrganisationForm(name_fi="X", postal_code=""), TODAY).scalars["postal_code"] == ""
    assert (
        validate(OrganisationForm(name_fi="X", postal_code="00100"), TODAY).scalars["postal_code"] == "00100"
    )


def test_membership_period_ending_before_it_starts() -> None:
    form = OrganisationForm(name_fi="X", member_since="1.1.2024", member_until="31.12.2023")
    assert failed_fields(form) == {"member_until"}


def test_current_member_cannot_have_an_ended_membership() -> None:
    form = OrganisationForm(name_fi="X", membership_status=MembershipStatus.MEMBER, member_until="31.12.2024")
    assert failed_fields(form) == {"member_until"}
    form.membership_status = MembershipStatus.RESIGNED
    assert validate(form, TODAY).scalars["member_until"] == date(2024, 12, 31)


# --- fee rows ---------------------------------------------------------------------------------------


def test_duplicate_fee_year_is_named_on_the_second_row() -> None:
    form = OrganisationForm(
        name_fi="X", fees=[FeeForm(year="2024", amount="10"), FeeForm(year="2024", amount="20")]
    )
    assert failed_fields(form) == {"fees[1].year"}


def test_fee_without_amount_is_rejected() -> None:
    form = OrganisationForm(name_fi="X", fees=[FeeForm(year="2024", amount="")])
    assert failed_fields(form) == {"fees[0].amount"}


def test_fee_without_year_is_rejected_not_silently_dropped() -> None:
    form = OrganisationForm(name_fi="X", fees=[FeeForm(year="", amount="50")])
    assert failed_fields(form) == {"fees[0].year"}


@pytest.mark.parametrize("year", ["1899", "2101", "20x4"])
def test_fee_year_out_of_range_or_not_a_number(year: str) -> None:
    form = OrganisationForm(name_fi="X", fees=[FeeForm(year=year, amount="50")])
    assert failed_fields(form) == {"fees[0].year"}


def test_fee_row_errors_name_each_row_and_column() -> None:
    form = OrganisationForm(
        name_fi="X",
        fees=[
            FeeForm(year="2023", amount="-1"),
            FeeForm(year="2024", amount="12,345", paid_on="30.2.2024"),
            FeeForm(year="2025", amount="10"),
        ],
    )
    assert failed_fields(form) == {"fees[0].amount", "fees[1].amount", "fees[1].paid_on"}


# --- role rows --------------------------------------------------------------------------------------


def test_role_ending_before_it_starts() -> None:
    form = OrganisationForm(
        name_fi="X", roles=[RoleForm(last_name="Virtanen", start_date="1.6.2025", end_date="31.5.2025")]
    )
    assert failed_fields(form) == {"roles[0].end_date"}


def test_role_needs_a_name() -> None:
    form = OrganisationForm(
        name_fi="X", roles=[RoleForm(last_name="Virtanen"), RoleForm(first_name=" ", last_name="")]
    )
    assert failed_fields(form) == {"roles[1].last_name"}


def test_role_with_first_name_only_is_accepted() -> None:
    values = validate(OrganisationForm(name_fi="X", roles=[RoleForm(first_name="Anna")]), TODAY)
    assert values.roles[0].first_name == "Anna"


def test_role_row_errors_for_email_dates_and_lengths() -> None:
    form = OrganisationForm(
        name_fi="X",
        roles=[
            RoleForm(
                first_name="A" * 101,
                last_name="B",
                email="anna@",
                phone="0" * 41,
                start_date="1.13.2025",
            )
        ],
    )
    assert failed_fields(form) == {
        "roles[0].first_name",
        "roles[0].email",
        "roles[0].phone",
        "roles[0].start_date",
    }


def test_form_and_row_errors_come_together() -> None:
    form = OrganisationForm(
        name_fi="",
        email="x",
        fees=[FeeForm(year="2024", amount="")],
        roles=[RoleForm(start_date="2.1.2025", end_date="1.1.2025")],
    )
    assert failed_fields(form) == {
        "name_fi",
        "email",
        "fees[0].amount",
        "roles[0].last_name",
        "roles[0].end_date",
    }
