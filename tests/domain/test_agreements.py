"""Agreement form rules: dates in order, sums not negative, oral and premises details, the parent."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

import pytest

from jarjestokeskus.domain.agreements import (
    AgreementForm,
    GoalForm,
    MonitoringForm,
    PartyForm,
    validate,
    validate_entry,
)
from jarjestokeskus.domain.enums import AgreementKind, MonitoringStatus
from jarjestokeskus.domain.validation import ValidationFailed


def _keys(form: AgreementForm, **kwargs: object) -> set[str]:
    with pytest.raises(ValidationFailed) as caught:
        validate(form, **kwargs)  # type: ignore[arg-type]
    return {e.field for e in caught.value.errors}


def test_a_plain_agreement_is_accepted() -> None:
    org = uuid.uuid4()
    values = validate(
        AgreementForm(
            title_fi="Yhteistyösopimus",
            valid_from="1.1.2024",
            valid_to="31.12.2027",
            renewal_notice_date="30.9.2027",
            yearly_value="12 000,50",
            parties=[PartyForm(org, "Kaupunki", "Pormestari")],
            goals=[GoalForm(title_fi="Kohtaamispaikka", our_commitment="Ylläpidämme")],
        )
    )
    assert values.scalars["valid_to"] == date(2027, 12, 31)
    assert values.scalars["yearly_value"] == Decimal("12000.50")
    assert values.parties[0].organisation_id == org
    assert values.goals[0].position == 0 and values.goals[0].our_commitment == "Ylläpidämme"


def test_dates_out_of_order_and_negative_sums_are_refused() -> None:
    form = AgreementForm(
        title_fi="X",
        valid_from="1.1.2024",
        valid_to="31.12.2023",
        yearly_value="-5",
        premises_area_m2="-1",
    )
    assert {"valid_to", "yearly_value", "premises_area_m2"} <= _keys(form)


def test_the_renewal_notice_comes_before_the_end() -> None:
    form = AgreementForm(title_fi="X", valid_to="31.12.2027", renewal_notice_date="1.1.2028")
    assert _keys(form) == {"renewal_notice_date"}
    validate(AgreementForm(title_fi="X", valid_to="31.12.2027", renewal_notice_date="31.12.2027"))


def test_an_oral_agreement_needs_who_agreed_and_when() -> None:
    assert _keys(AgreementForm(kind=AgreementKind.ORAL, title_fi="Suullinen")) == {
        "oral_agreed_by",
        "signed_on",
    }
    validate(
        AgreementForm(
            kind=AgreementKind.ORAL, title_fi="S", oral_agreed_by="Kirkkoherra", signed_on="1.9.2025"
        )
    )


def test_premises_free_of_charge_need_a_value_and_no_rent() -> None:
    form = AgreementForm(
        kind=AgreementKind.PREMISES, title_fi="Tilat", premises_free_of_charge=True, premises_rent="100"
    )
    assert _keys(form) == {"premises_estimated_value", "premises_rent"}
    values = validate(
        AgreementForm(title_fi="Tilat", premises_free_of_charge=True, premises_estimated_value="22 300")
    )
    assert values.scalars["premises_rent"] == Decimal("0.00")
    assert values.scalars["premises_estimated_value"] == Decimal("22300.00")


def test_the_parent_must_be_another_framework_agreement() -> None:
    own, parent = uuid.uuid4(), uuid.uuid4()
    form = AgreementForm(kind=AgreementKind.IMPLEMENTATION, title_fi="T", parent_id=parent)
    assert _keys(form, parent_kind=AgreementKind.PREMISES) == {"parent"}
    validate(form, parent_kind=AgreementKind.FRAMEWORK_COOPERATION)
    itself = AgreementForm(title_fi="T", parent_id=own)
    assert _keys(itself, agreement_id=own, parent_kind=AgreementKind.FRAMEWORK_COOPERATION) == {"parent"}


def test_goals_and_parties_are_named_by_row() -> None:
    org = uuid.uuid4()
    form = AgreementForm(
        title_sv="Avtal",
        parties=[PartyForm(org), PartyForm(org), PartyForm(None)],
        goals=[GoalForm(title_fi="Hyvä"), GoalForm(indicator="ilman nimeä")],
    )
    assert _keys(form) == {"parties[1].organisation", "parties[2].organisation", "goals[1].title_fi"}


def test_a_title_in_either_language_is_needed() -> None:
    assert _keys(AgreementForm()) == {"title_fi"}


def test_monitoring_entry() -> None:
    goal = uuid.uuid4()
    values = validate_entry(
        MonitoringForm(goal, "1.3.2026", MonitoringStatus.DELAYED, " myöhässä "), today=date(2026, 3, 1)
    )
    assert values.entry_date == date(2026, 3, 1) and values.note == "myöhässä"
    with pytest.raises(ValidationFailed) as caught:
        validate_entry(MonitoringForm(goal, "2.3.2026"), today=date(2026, 3, 1))
    assert [e.field for e in caught.value.errors] == ["entry_date"]
    with pytest.raises(ValidationFailed):
        validate_entry(MonitoringForm(None, ""))
