"""Members' grants from a grantor's published decision list (CSV or XLSX) with a column mapping.

The file is read by the member import's reader; each row names the organisation (by business ID
or by its Finnish or Swedish name), the amounts and, where the file has them, the year, grantor
and instrument (else the defaults given). Every row that cannot be read names its row, column
and reason; nothing is saved while any row is wrong.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass

from sqlalchemy import select

from jarjestokeskus import i18n
from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.models import MemberGrant, Organisation
from jarjestokeskus.domain.cooperation import AreaKind, GrantInstrument
from jarjestokeskus.domain.validation import Errors, FieldError, ValidationFailed, clean
from jarjestokeskus.i18n import N_, _
from jarjestokeskus.services.cooperation.grants import GrantForm, GrantValues, check_grant
from jarjestokeskus.services.organisations.import_files import Table

FIELDS = {
    "organisation": N_("Organisation"),
    "business_id": N_("Business ID"),
    "year": N_("Year"),
    "grantor": N_("Grantor"),
    "instrument": N_("Instrument"),
    "amount_applied": N_("Applied"),
    "amount_granted": N_("Granted"),
    "note": N_("Note"),
}
# Words seen in the headings of municipalities' decision lists (folded: no case, no punctuation).
_HEADINGS = {
    "organisation": (
        "hakija",
        "jarjesto",
        "järjestö",
        "yhdistys",
        "nimi",
        "sökande",
        "förening",
        "namn",
        "applicant",
    ),
    "business_id": ("ytunnus", "fonummer", "businessid"),
    "year": ("vuosi", "år", "year"),
    "grantor": ("myöntäjä", "beviljare", "grantor"),
    "instrument": ("avustuslaji", "avustusmuoto", "bidragsform", "understödsform", "instrument", "laji"),
    "amount_applied": ("haettu", "haettusumma", "ansökt", "sökt", "applied"),
    "amount_granted": ("myönnetty", "myönnetty€", "beviljat", "beviljade", "granted", "päätös", "beslut"),
    "note": ("huomautus", "lisätieto", "anmärkning", "note"),
}
_INSTRUMENT_WORDS = {
    "toiminta": GrantInstrument.OPERATING,
    "verksamhet": GrantInstrument.OPERATING,
    "hanke": GrantInstrument.PROJECT,
    "projekt": GrantInstrument.PROJECT,
    "tila": GrantInstrument.PREMISES,
    "lokal": GrantInstrument.PREMISES,
    "kerta": GrantInstrument.ONE_OFF,
    "engång": GrantInstrument.ONE_OFF,
}
_FOLD = re.compile(r"[\W_]+")


def _fold(text: str) -> str:
    return _FOLD.sub("", text.casefold())


@dataclass(frozen=True)
class GrantDefaults:
    """What a row means where the file has no such column (or the cell is empty)."""

    year: str
    grantor_kind: AreaKind
    grantor: str
    instrument: GrantInstrument = GrantInstrument.OPERATING


@dataclass(frozen=True)
class ImportedGrant:
    row: int
    organisation_id: uuid.UUID
    organisation: str
    values: GrantValues


@dataclass(frozen=True)
class RowProblem:
    row: int
    column: str
    message: str


@dataclass(frozen=True)
class GrantPreview:
    grants: tuple[ImportedGrant, ...]
    problems: tuple[RowProblem, ...]


def guess_grant_mapping(header: tuple[str, ...]) -> dict[int, str]:
    """{column: field} from the headings; a field goes to the first column that names it."""
    mapping: dict[int, str] = {}
    for column, heading in enumerate(header):
        folded = _fold(heading)
        for key, words in _HEADINGS.items():
            if key not in mapping.values() and any(_fold(word) == folded for word in words):
                mapping[column] = key
                break
    for column, heading in enumerate(header):
        folded = _fold(heading)
        if column in mapping or not folded:
            continue
        for key, words in _HEADINGS.items():
            if key not in mapping.values() and any(len(_fold(w)) >= 5 and _fold(w) in folded for w in words):
                mapping[column] = key
                break
    return dict(sorted(mapping.items()))


def instrument_from_text(text: str) -> GrantInstrument | None:
    folded = _fold(text)
    if not folded:
        return None
    for member in GrantInstrument:
        labels = member._labels()[member.value]
        texts = (member.value, labels, i18n.catalog("fi").gettext(labels), i18n.catalog("sv").gettext(labels))
        if folded in {_fold(t) for t in texts}:
            return member
    for word, member in _INSTRUMENT_WORDS.items():
        if _fold(word) in folded:
            return member
    return None


def preview_grants(
    db: Database, table: Table, mapping: dict[int, str], defaults: GrantDefaults
) -> GrantPreview:
    """Each row read and matched to an organisation; nothing is saved."""
    with db.reading() as session:
        organisations = session.execute(
            select(
                Organisation.id, Organisation.name_fi, Organisation.name_sv, Organisation.business_id
            ).where(Organisation.archived_at.is_(None))
        ).all()
    by_name: dict[str, tuple[uuid.UUID, str]] = {}
    by_business_id: dict[str, tuple[uuid.UUID, str]] = {}
    for oid, fi, sv, business_id in organisations:
        for name in (fi, sv):
            if name:
                by_name.setdefault(_fold(name), (oid, fi or sv))
        if business_id:
            by_business_id[business_id] = (oid, fi or sv)
    column_of = {key: column for column, key in mapping.items()}
    grants: list[ImportedGrant] = []
    problems: list[RowProblem] = []
    for index, number in enumerate(table.numbers):

        def cell(key: str, row: int = index) -> str:
            return clean(table.cell(row, column_of[key])) if key in column_of else ""

        def heading(key: str) -> str:
            return table.column_name(column_of[key]) if key in column_of else _(FIELDS[key])

        found = by_business_id.get(cell("business_id")) or by_name.get(_fold(cell("organisation")))
        if found is None:
            named = cell("organisation") or cell("business_id")
            problems.append(
                RowProblem(
                    number,
                    heading("organisation"),
                    _("No organisation {name} in the register").format(name=named),
                )
            )
        instrument = defaults.instrument
        if cell("instrument"):
            read = instrument_from_text(cell("instrument"))
            if read is None:
                problems.append(
                    RowProblem(
                        number,
                        heading("instrument"),
                        _("{value}: not one of {choices}").format(
                            value=cell("instrument"), choices=", ".join(m.label for m in GrantInstrument)
                        ),
                    )
                )
            else:
                instrument = read
        form = GrantForm(
            cell("year") or defaults.year,
            defaults.grantor_kind,
            cell("grantor") or defaults.grantor,
            instrument,
            cell("amount_applied"),
            cell("amount_granted"),
            cell("note"),
        )
        errors = Errors()
        values = check_grant(form, errors)
        for error in errors.items:
            problems.append(RowProblem(number, heading(error.field), error.message))
        if found is not None and not errors.items:
            grants.append(ImportedGrant(number, found[0], found[1], values))
    return GrantPreview(tuple(grants), tuple(problems))


def import_grants(db: Database, preview: GrantPreview) -> int:
    """Every previewed grant saved in one go; refused (ValidationFailed) while any row is wrong."""
    if preview.problems:
        raise ValidationFailed([FieldError("file", problem_text(p)) for p in preview.problems])
    with db.transaction() as session:
        for grant in preview.grants:
            session.add(
                MemberGrant(id=uuid.uuid4(), organisation_id=grant.organisation_id, **grant.values.__dict__)
            )
    return len(preview.grants)


def problem_text(problem: RowProblem) -> str:
    return _("Row {row}, column {column}: {reason}").format(
        row=problem.row, column=problem.column, reason=problem.message
    )
