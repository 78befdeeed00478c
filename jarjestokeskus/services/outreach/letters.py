"""Letters from templates: the templates, their fields checked, and each letter filled for a member."""

from __future__ import annotations

import string
import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from jarjestokeskus.db.base import utcnow
from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.errors import RecordNotFound, StaleRecord
from jarjestokeskus.db.models import LetterTemplate, MembershipFee
from jarjestokeskus.domain.enums import RoleKind, WorkingLanguage
from jarjestokeskus.domain.outreach import RecipientFilter
from jarjestokeskus.domain.validation import Errors, check_length, clean
from jarjestokeskus.i18n import _, format_date, format_money, localized, sort_key
from jarjestokeskus.services.outreach.mailing import chosen_organisations, current_roles

FIELDS = ("organisation", "contact_person", "address", "fee", "year", "last_year", "date", "sender")


@dataclass(frozen=True)
class TemplateRow:
    id: uuid.UUID
    version: int
    name: str
    title_fi: str
    title_sv: str
    body_fi: str
    body_sv: str


@dataclass(frozen=True)
class TemplateForm:
    name: str
    title_fi: str
    title_sv: str
    body_fi: str
    body_sv: str


@dataclass(frozen=True)
class Letter:
    """One filled letter, in the organisation's language, with its window-envelope address."""

    organisation_id: uuid.UUID
    language: str
    address: tuple[str, ...]
    title: str
    body: str


def _row(t: LetterTemplate) -> TemplateRow:
    return TemplateRow(t.id, t.version, t.name, t.title_fi, t.title_sv, t.body_fi, t.body_sv)


def templates(db: Database) -> list[TemplateRow]:
    with db.reading() as session:
        rows = [
            _row(t)
            for t in session.scalars(select(LetterTemplate).where(LetterTemplate.archived_at.is_(None)))
        ]
    return sorted(rows, key=lambda r: sort_key(r.name))


def _unknown_fields(text: str) -> list[str]:
    try:
        parsed = list(string.Formatter().parse(text))
    except ValueError:
        return ["{"]
    return [name for _literal, name, _spec, _conv in parsed if name is not None and name not in FIELDS]


def check_template(form: TemplateForm) -> dict[str, str]:
    """Each text checked: a name, and only the known fields in braces; every wrong field named."""
    errors = Errors()
    values = {key: clean(getattr(form, key)) for key in ("name", "title_fi", "title_sv")}
    values["body_fi"], values["body_sv"] = form.body_fi.strip(), form.body_sv.strip()
    labels = {
        "name": _("Name of the template"),
        "title_fi": _("Title in Finnish"),
        "title_sv": _("Title in Swedish"),
        "body_fi": _("Letter in Finnish"),
        "body_sv": _("Letter in Swedish"),
    }
    if not values["name"]:
        errors.add("name", _("{field}: required").format(field=labels["name"]))
    check_length(values["name"], 120, "name", labels["name"], errors)
    if not values["body_fi"] and not values["body_sv"]:
        errors.add(
            "body_fi", _("{field}: write the letter in at least one language").format(field=labels["body_fi"])
        )
    for key in ("title_fi", "title_sv", "body_fi", "body_sv"):
        unknown = _unknown_fields(values[key])
        if unknown:
            errors.add(
                key,
                _("{field}: unknown field {names}; the fields are {known}").format(
                    field=labels[key],
                    names=", ".join("{" + name + "}" if name != "{" else "{" for name in unknown),
                    known=", ".join("{" + name + "}" for name in FIELDS),
                ),
            )
    errors.raise_if_any()
    return values


def save_template(
    db: Database,
    form: TemplateForm,
    template_id: uuid.UUID | None = None,
    expected_version: int | None = None,
) -> TemplateRow:
    values = check_template(form)
    with db.transaction() as session:
        if template_id is None:
            row = LetterTemplate(id=uuid.uuid4())
            session.add(row)
        else:
            row = session.get(LetterTemplate, template_id)
            if row is None or row.archived_at is not None:
                raise RecordNotFound()
            if expected_version is not None and row.version != expected_version:
                raise StaleRecord()
        for key, value in values.items():
            setattr(row, key, value)
        session.flush()
        return _row(row)


def archive_template(db: Database, template_id: uuid.UUID) -> None:
    with db.transaction() as session:
        row = session.get(LetterTemplate, template_id)
        if row is None or row.archived_at is not None:
            raise RecordNotFound()
        row.archived_at = utcnow()


def letters(
    db: Database,
    template: TemplateRow,
    chosen: RecipientFilter,
    sender: tuple[str, str],
    year: int,
    today: date | None = None,
) -> list[Letter]:
    """The template filled for each chosen organisation, in its language (Swedish for the Swedish-speaking)."""
    today = today or date.today()
    with db.reading() as session:
        organisations = chosen_organisations(session, chosen)
        roles = current_roles(session, [o.id for o in organisations], today)
        fees = {
            f.organisation_id: f.amount
            for f in session.scalars(
                select(MembershipFee).where(MembershipFee.year == year, MembershipFee.archived_at.is_(None))
            )
        }
        out = []
        for org in organisations:
            language = "sv" if org.working_language == WorkingLanguage.SWEDISH else "fi"
            name = localized(org.name_fi, org.name_sv, language)
            people = roles.get(org.id, [])
            contact = next((p for r, p in people if r.kind == RoleKind.CONTACT_PERSON), None) or next(
                (p for r, p in people if r.kind == RoleKind.CHAIR), None
            )
            person = f"{contact.first_name} {contact.last_name}".strip() if contact else ""
            address = tuple(
                line
                for line in (name, org.street_address, f"{org.postal_code} {org.post_office}".strip())
                if line
            )
            fee = fees.get(org.id)
            values = {
                "organisation": name,
                "contact_person": person or name,
                "address": ", ".join(address[1:]),
                "fee": format_money(fee, language) if fee is not None else "",
                "year": str(year),
                "last_year": str(year - 1),
                "date": format_date(today, language),
                "sender": localized(*sender, language),
            }
            title = localized(template.title_fi, template.title_sv, language).format_map(values)
            body = localized(template.body_fi, template.body_sv, language).format_map(values)
            out.append(Letter(org.id, language, address, title, body))
    return sorted(out, key=lambda letter: sort_key(letter.address[0] if letter.address else ""))
