"""A year's fee terms and fee classes: read, save, and start a year as a copy of the one before."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select

from jarjestokeskus.db.base import utcnow
from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.errors import StaleRecord
from jarjestokeskus.db.models import FeeClass, FeeYear
from jarjestokeskus.domain.enums import OrganisationKind
from jarjestokeskus.domain.fees import FeeClassRule, FeeYearForm, ReferenceKind, check_fee_year
from jarjestokeskus.domain.validation import Errors, clean, parse_count, parse_money
from jarjestokeskus.i18n import _


@dataclass(frozen=True)
class FeeYearRow:
    id: uuid.UUID
    version: int
    year: int
    due_date: date
    reminder_days: int
    account_iban: str
    account_bic: str
    reference_kind: ReferenceKind
    message_fi: str
    message_sv: str

    def message(self, language: str) -> str:
        return (
            (self.message_sv or self.message_fi) if language == "sv" else (self.message_fi or self.message_sv)
        )


@dataclass(frozen=True)
class FeeClassForm:
    """One fee class as typed in the table of classes."""

    name_fi: str
    name_sv: str
    amount: str
    kind: OrganisationKind | None = None
    min_members: str = ""
    max_members: str = ""
    id: uuid.UUID | None = None


def _year_row(row: FeeYear) -> FeeYearRow:
    return FeeYearRow(
        row.id,
        row.version,
        row.year,
        row.due_date,
        row.reminder_days,
        row.account_iban,
        row.account_bic,
        row.reference_kind,
        row.message_fi,
        row.message_sv,
    )


def _class_rule(row: FeeClass) -> FeeClassRule:
    return FeeClassRule(
        row.amount, row.kind, row.min_members, row.max_members, row.name_fi, row.name_sv, row.id
    )


def get_fee_year(db: Database, year: int) -> FeeYearRow | None:
    with db.reading() as session:
        row = session.scalar(select(FeeYear).where(FeeYear.year == year, FeeYear.archived_at.is_(None)))
        return _year_row(row) if row is not None else None


def fee_classes(db: Database, year: int) -> list[FeeClassRule]:
    with db.reading() as session:
        rows = session.scalars(
            select(FeeClass).where(FeeClass.year == year, FeeClass.archived_at.is_(None))
        ).all()
        return sorted((_class_rule(r) for r in rows), key=lambda r: (r.amount, r.name_fi))


def check_fee_classes(forms: list[FeeClassForm]) -> list[dict[str, object]]:
    """The classes' values; each wrong cell named as classes[row].column (ValidationFailed)."""
    errors = Errors()
    values: list[dict[str, object]] = []
    for index, form in enumerate(forms):
        key = f"classes[{index}]"
        name_fi, name_sv = clean(form.name_fi), clean(form.name_sv)
        if not name_fi and not name_sv:
            errors.add(f"{key}.name_fi", _("{field}: required").format(field=_("Fee class")))
        amount = parse_money(form.amount, f"{key}.amount", _("Fee"), errors)
        if amount is None and not clean(form.amount):
            errors.add(f"{key}.amount", _("{field}: required").format(field=_("Fee")))
        low = parse_count(form.min_members, f"{key}.min_members", _("Members from"), errors)
        high = parse_count(form.max_members, f"{key}.max_members", _("Members up to"), errors)
        if low is not None and high is not None and high < low:
            errors.add(
                f"{key}.max_members",
                _("{field}: cannot be smaller than the lower limit").format(field=_("Members up to")),
            )
        values.append(
            {
                "id": form.id,
                "name_fi": name_fi,
                "name_sv": name_sv,
                "amount": amount or Decimal("0.00"),
                "kind": form.kind,
                "min_members": low,
                "max_members": high,
            }
        )
    errors.raise_if_any()
    return values


def save_fee_terms(
    db: Database,
    form: FeeYearForm,
    classes: list[FeeClassForm],
    expected_version: int | None = None,
) -> FeeYearRow:
    """The year's terms and its classes in one go; a class left out of the list is archived."""
    values = check_fee_year(form)
    class_values = check_fee_classes(classes)
    with db.transaction() as session:
        row = session.scalar(select(FeeYear).where(FeeYear.year == values.year))
        if row is None:
            row = FeeYear(id=uuid.uuid4(), year=values.year)
            session.add(row)
        elif expected_version is not None and row.version != expected_version:
            raise StaleRecord()
        row.archived_at = None
        for key in ("due_date", "reminder_days", "account_iban", "account_bic", "reference_kind"):
            setattr(row, key, getattr(values, key))
        row.message_fi, row.message_sv = values.message_fi, values.message_sv
        existing = {c.id: c for c in session.scalars(select(FeeClass).where(FeeClass.year == values.year))}
        kept: set[uuid.UUID] = set()
        for item in class_values:
            fee_class = existing.get(item["id"]) if item["id"] is not None else None  # type: ignore[arg-type]
            if fee_class is None:
                fee_class = FeeClass(id=uuid.uuid4(), year=values.year)
                session.add(fee_class)
            fee_class.archived_at = None
            for key in ("name_fi", "name_sv", "amount", "kind", "min_members", "max_members"):
                setattr(fee_class, key, item[key])
            kept.add(fee_class.id)
        for fee_class in existing.values():
            if fee_class.id not in kept and fee_class.archived_at is None:
                fee_class.archived_at = utcnow()
        session.flush()
        saved = _year_row(row)
    return saved


def copy_terms(db: Database, from_year: int, to_year: int) -> FeeYearRow | None:
    """Next year's terms as a copy of this year's (the due date a year later); None when none to copy."""
    source = get_fee_year(db, from_year)
    if source is None or get_fee_year(db, to_year) is not None:
        return None
    due = source.due_date
    try:
        due = due.replace(year=due.year + to_year - from_year)
    except ValueError:  # 29.2.
        due = due.replace(year=due.year + to_year - from_year, day=28)
    form = FeeYearForm(
        str(to_year),
        due.strftime("%d.%m.%Y"),
        str(source.reminder_days),
        source.account_iban,
        source.account_bic,
        source.reference_kind,
        source.message_fi,
        source.message_sv,
    )
    classes = [
        FeeClassForm(
            c.name_fi,
            c.name_sv,
            str(c.amount),
            c.kind,
            "" if c.min_members is None else str(c.min_members),
            "" if c.max_members is None else str(c.max_members),
        )
        for c in fee_classes(db, from_year)
    ]
    return save_fee_terms(db, form, classes)
