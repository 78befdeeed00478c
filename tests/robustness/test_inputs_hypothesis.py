"""Property tests of the organisation form: whatever is typed is saved and read back, or refused.

Any text in any field (names, business ID, dates, money, email, postal code, fees, persons): the
save either stores exactly the checked values, or raises ValidationFailed whose every error names
a field of the form with a message. Never another exception, never a partial write: a refused save
leaves the row counts and the stored organisation as they were. (The import has its own property
tests in tests/services/organisations/test_member_import_hypothesis.py.)
"""

from __future__ import annotations

import os
import re
from datetime import date

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.models import MembershipFee, Organisation, Person, Role
from jarjestokeskus.domain.enums import Field, MembershipStatus, OrganisationKind, RoleKind, WorkingLanguage
from jarjestokeskus.domain.organisation import LABELS, FeeForm, OrganisationForm, RoleForm, validate
from jarjestokeskus.domain.validation import ValidationFailed
from jarjestokeskus.services.organisations.register import get_organisation, save_organisation

TODAY = date(2025, 6, 1)
# Text that can be typed: anything but lone surrogates (no keyboard makes them, no file stores them).
ANY_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=15)
LIKELY = st.sampled_from(
    ["", " ", "0242746-2", "0242746-3", "123.456", "Vaasa", "Närpes", "65100", "6510", "٦٥١٠٠", "1.2.2020",
     "31.2.2020", "2020-02-29", "1 234,50", "12.345,6", "-5", "1e3", "∞", "info@martat.fi", "a@b", "x" * 201,
     "0", "999999999", "1000000000", "²", "\n", "\x00", "'; DROP TABLE organisation; --"]
)  # fmt: skip
CELL = st.one_of(st.just(""), LIKELY, ANY_TEXT)
NAME = st.one_of(st.sampled_from(["Vaasan Martat ry", "Åbo Akademis Studentkår rf", ""]), ANY_TEXT)


def form_strategy(tame: bool) -> st.SearchStrategy[OrganisationForm]:
    """Tame forms have a passing value in each checked field (so saves happen too); wild ones anything."""

    def mostly(*valid: str) -> st.SearchStrategy[str]:
        return st.sampled_from(valid) if tame else st.one_of(st.sampled_from(valid), CELL)

    free = ANY_TEXT if tame else CELL  # a text checked only for its length
    fees = st.lists(
        st.builds(
            FeeForm,
            year=mostly("2024", "2025"),
            amount=mostly("40", "1 234,50", "0,5"),
            paid_on=mostly("", "15.3.2024", "2025-01-31"),
        ),
        max_size=2,
        unique_by=lambda fee: fee.year if tame else object(),
    )
    roles = st.lists(
        st.builds(
            RoleForm,
            first_name=NAME,
            last_name=NAME,
            email=mostly("", "liisa@martat.fi"),
            phone=free,
            kind=st.sampled_from(RoleKind),
            start_date=mostly("", "1.1.2020"),
            end_date=mostly("", "31.12.2026"),
        ),
        max_size=2,
    )
    return st.builds(
        OrganisationForm,
        name_fi=NAME,
        name_sv=NAME,
        abbreviation=free,
        business_id=mostly("", "0242746-2", " 2077474-1 "),
        register_number=mostly("", "123.456", "42"),
        kind=st.sampled_from(OrganisationKind),
        field=st.sampled_from(Field),
        working_language=st.sampled_from(WorkingLanguage),
        municipality=free,
        street_address=free,
        postal_code=mostly("", "65100", "00100"),
        post_office=free,
        email=mostly("", "info@martat.fi"),
        phone=free,
        website=free,
        member_count=mostly("", "0", "1 200"),
        membership_status=st.sampled_from(MembershipStatus),
        member_since=mostly("", "1.2.2020", "2019-12-31"),
        member_until=mostly("", "31.12.2030"),
        notes=ANY_TEXT,
        fees=fees,
        roles=roles,
    )


forms = st.booleans().flatmap(form_strategy)
FORM_ROW_KEY = re.compile(r"^(fees|roles)\[(\d+)\]\.(\w+)$")
SETTINGS = settings(
    max_examples=int(os.environ.get("JK_HYPOTHESIS_EXAMPLES", "60")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


def counts(db: Database) -> tuple[int, ...]:
    with db.reading() as session:
        return tuple(
            session.scalar(select(func.count()).select_from(model)) or 0
            for model in (Organisation, MembershipFee, Role, Person)
        )


def assert_explained(failure: ValidationFailed, form: OrganisationForm) -> None:
    """Every error names a field the form has (a fee's or person's by its row) and says why."""
    assert failure.errors
    for error in failure.errors:
        assert error.message.strip(), error
        row = FORM_ROW_KEY.match(error.field)
        if row:
            rows = form.fees if row.group(1) == "fees" else form.roles
            assert int(row.group(2)) < len(rows), error
            assert row.group(3) in LABELS, error
        else:
            assert error.field in LABELS, error


def assert_stored_as_checked(db: Database, detail_id, form: OrganisationForm) -> None:  # type: ignore[no-untyped-def]
    values = validate(form, TODAY)
    stored = get_organisation(db, detail_id)
    for key, value in values.scalars.items():
        assert getattr(stored, key) == value, key
    assert sorted((f.year, f.amount, f.paid_on) for f in stored.fees) == sorted(
        (f.year, f.amount, f.paid_on) for f in values.fees
    )
    assert sorted((r.first_name, r.last_name, r.email, r.kind) for r in stored.roles) == sorted(
        (r.first_name, r.last_name, r.email, r.kind) for r in values.roles
    )


@SETTINGS
@given(form=forms)
def test_a_new_organisation_is_saved_whole_or_refused_with_reasons(
    db: Database, form: OrganisationForm
) -> None:
    before = counts(db)
    try:
        stored = save_organisation(db, form, today=TODAY)
    except ValidationFailed as failure:
        event("refused")
        assert_explained(failure, form)
        assert counts(db) == before  # nothing written
        return
    event("saved")
    assert counts(db) == (
        before[0] + 1,
        before[1] + len(form.fees),
        before[2] + len(form.roles),
        before[3] + len(form.roles),
    )
    assert_stored_as_checked(db, stored.id, form)


@pytest.fixture
def existing(db: Database):  # type: ignore[no-untyped-def]
    return save_organisation(
        db,
        OrganisationForm(
            name_fi="Vaasan Martat ry",
            business_id="0242746-2",
            fees=[FeeForm("2024", "40")],
            roles=[RoleForm("Liisa", "Virtanen", kind=RoleKind.CHAIR)],
        ),
        today=TODAY,
    )


@SETTINGS
@given(form=forms)
def test_an_update_changes_everything_or_nothing(db: Database, existing, form: OrganisationForm) -> None:  # type: ignore[no-untyped-def]
    current = get_organisation(db, existing.id)
    before = counts(db)
    try:
        stored = save_organisation(db, form, current.id, current.version, today=TODAY)
    except ValidationFailed as failure:
        event("refused")
        assert_explained(failure, form)
        assert counts(db) == before
        assert get_organisation(db, existing.id) == current  # the stored one untouched
        return
    event("saved")
    assert stored.version >= current.version
    assert_stored_as_checked(db, existing.id, form)
