"""Fee terms and classes as data, issuing a year's invoices, reminders."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.models import MembershipFee
from jarjestokeskus.domain.fees import FeeYearForm, ReferenceKind
from jarjestokeskus.domain.validation import ValidationFailed
from jarjestokeskus.services.fees.invoicing import (
    NoFeeTerms,
    issue_invoices,
    list_invoices,
    plan_invoices,
    send_reminders,
)
from jarjestokeskus.services.fees.terms import (
    FeeClassForm,
    copy_terms,
    fee_classes,
    get_fee_year,
    save_fee_terms,
)
from tests.services.fees.scenario import ACCOUNT, TODAY, register


def test_plan_names_who_gets_what(db: Database) -> None:
    ids = register(db)
    plan = plan_invoices(db, 2027)
    got = {p.organisation_id: p.amount for p in plan.planned}
    # A: 30 members → small 50; B: 250 → large 120; C: a foundation → 200; F: its typed fee 55.
    assert got == {
        ids["A"]: Decimal("50"),
        ids["B"]: Decimal("120"),
        ids["C"]: Decimal("200"),
        ids["F"]: Decimal("55"),
    }
    assert plan.already == 1  # D paid by hand; E resigned is no member


def test_issue_numbers_references_and_languages(db: Database) -> None:
    ids = register(db)
    issued = issue_invoices(db, 2027, today=TODAY)
    by_org = {row.organisation_id: row for row in issued}
    # Numbers by name; references with the 7-3-1 check digit worked out by hand:
    # 20270001 → 7·1 + 3·2 + 1·7 (from the right: 1,0,0,0,7,2,0,2 · 7,3,1,7,3,1,7,3) = 36 → 4
    assert (by_org[ids["A"]].number, by_org[ids["A"]].reference) == (20270001, "202700014")
    assert (by_org[ids["B"]].number, by_org[ids["B"]].reference) == (20270002, "202700027")
    assert (by_org[ids["C"]].number, by_org[ids["C"]].reference) == (20270003, "202700030")
    assert (by_org[ids["F"]].number, by_org[ids["F"]].reference) == (20270004, "202700043")
    assert by_org[ids["B"]].language == "sv" and by_org[ids["A"]].language == "fi"
    assert {row.due_date for row in issued} == {date(2027, 3, 31)}
    # Each has its fee row of the year, unpaid; F's typed fee was used, not replaced.
    with db.reading() as session:
        fees = {
            f.organisation_id: (f.amount, f.paid_on)
            for f in session.scalars(select(MembershipFee).where(MembershipFee.year == 2027))
        }
    assert fees[ids["A"]] == (Decimal("50.00"), None)
    assert fees[ids["F"]] == (Decimal("55.00"), None)
    # Issuing again adds nobody.
    assert issue_invoices(db, 2027, today=TODAY) == []
    assert len(list_invoices(db, 2027)) == 4


def test_rf_references(db: Database) -> None:
    register(db, ReferenceKind.RF)
    first = issue_invoices(db, 2027, today=TODAY)[0]
    assert first.reference.startswith("RF") and first.reference.endswith("202700014")


def test_no_terms_no_invoices(db: Database) -> None:
    register(db)
    with pytest.raises(NoFeeTerms) as raised:
        issue_invoices(db, 2028, today=TODAY)
    assert "2028" in raised.value.user_message()


def test_a_late_invoice_gets_two_weeks(db: Database) -> None:
    register(db)
    issued = issue_invoices(db, 2027, today=date(2027, 3, 25))
    assert {row.due_date for row in issued} == {date(2027, 4, 8)}


def test_reminders_after_the_due_date(db: Database) -> None:
    register(db)
    issue_invoices(db, 2027, today=TODAY)
    assert send_reminders(db, 2027, today=date(2027, 3, 31)) == []  # due today: not late yet
    reminded = send_reminders(db, 2027, today=date(2027, 4, 10))
    assert len(reminded) == 4
    assert {r.reminder_due_date for r in reminded} == {date(2027, 4, 24)}
    # Reminded once: not again before the second due date.
    assert send_reminders(db, 2027, today=date(2027, 4, 20)) == []


def test_wrong_terms_name_their_fields(db: Database) -> None:
    with pytest.raises(ValidationFailed) as raised:
        save_fee_terms(
            db,
            FeeYearForm("2027", "31.2.2027", "x", "FI00 1234", "NOPE", ReferenceKind.NATIONAL),
            [FeeClassForm("", "", "abc", None, "10", "5")],
        )
    fields = {e.field for e in raised.value.errors}
    assert fields == {"due_date", "reminder_days", "account_iban", "account_bic"}
    assert get_fee_year(db, 2027) is None


def test_wrong_classes_name_their_cells(db: Database) -> None:
    with pytest.raises(ValidationFailed) as raised:
        save_fee_terms(
            db,
            FeeYearForm("2027", "31.3.2027", "14", ACCOUNT, "", ReferenceKind.NATIONAL),
            [FeeClassForm("Ok", "", "10"), FeeClassForm("", "", "abc", None, "10", "5")],
        )
    assert {e.field for e in raised.value.errors} == {
        "classes[1].name_fi",
        "classes[1].amount",
        "classes[1].max_members",
    }


def test_next_year_starts_as_a_copy_and_a_removed_class_is_archived(db: Database) -> None:
    register(db)
    copied = copy_terms(db, 2027, 2028)
    assert copied is not None and copied.due_date == date(2028, 3, 31)
    assert [c.name_fi for c in fee_classes(db, 2028)] == ["Pieni yhdistys", "Suuri yhdistys", "Säätiö"]
    assert copy_terms(db, 2027, 2028) is None  # never over existing terms
    terms = get_fee_year(db, 2028)
    assert terms is not None
    kept = [c for c in fee_classes(db, 2028) if c.name_fi != "Säätiö"]
    save_fee_terms(
        db,
        FeeYearForm("2028", "31.3.2028", "14", ACCOUNT, "", ReferenceKind.NATIONAL),
        [
            FeeClassForm(
                c.name_fi,
                c.name_sv,
                str(c.amount),
                c.kind,
                "" if c.min_members is None else str(c.min_members),
                "" if c.max_members is None else str(c.max_members),
                c.id,
            )
            for c in kept
        ],
        expected_version=terms.version,
    )
    assert [c.name_fi for c in fee_classes(db, 2028)] == ["Pieni yhdistys", "Suuri yhdistys"]


def test_invoices_and_reminders_are_in_the_contact_log(db: Database) -> None:
    from jarjestokeskus.domain.outreach import ContactKind
    from jarjestokeskus.services.outreach.contact_log import contact_log

    ids = register(db)
    issue_invoices(db, 2027, today=TODAY)
    send_reminders(db, 2027, today=date(2027, 4, 10))
    log = contact_log(db, ids["A"])
    assert [(e.happened_on, e.kind, e.subject) for e in log] == [
        (date(2027, 4, 10), ContactKind.INVOICE, "Jäsenmaksulaskun 20270001 maksumuistutus"),
        (TODAY, ContactKind.INVOICE, "Jäsenmaksulasku 20270001"),
    ]
