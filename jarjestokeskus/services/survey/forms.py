"""The survey as a fillable XLSX form per member organisation (its language, its name and business ID
filled in, lists to choose from), and returned forms read back with each wrong cell named."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path

from sqlalchemy import select

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.models import Organisation, Survey
from jarjestokeskus.domain.enums import MembershipStatus, WorkingLanguage
from jarjestokeskus.domain.survey import QuestionKind
from jarjestokeskus.i18n import _, current_language, localized, sort_key
from jarjestokeskus.services.survey.answers import Value, store_response
from jarjestokeskus.services.survey.questions import QuestionRow, ensure_survey, questions

ORGANISATION, BUSINESS_ID, YEAR, LANGUAGE = "_organisation", "_business_id", "_year", "_language"
MARKS = {"x", "1", "kyllä", "kylla", "k", "ja", "j", "yes"}


def member_organisations(session) -> list[Organisation]:  # type: ignore[no-untyped-def]
    return list(
        session.scalars(
            select(Organisation).where(
                Organisation.archived_at.is_(None),
                Organisation.membership_status == MembershipStatus.MEMBER,
                Organisation.is_home.is_(False),
            )
        )
    )


def form_language(organisation: Organisation) -> str:
    return "sv" if organisation.working_language == WorkingLanguage.SWEDISH else "fi"


def write_forms(
    db: Database, year: int, folder: Path, progress: Callable[[int, int], None] | None = None
) -> list[Path]:
    """One form per member organisation into `folder`; raises OSError."""
    ensure_survey(db, year)
    asked = questions(db, year)
    with db.reading() as session:
        members = [
            (o.name_fi, o.name_sv, o.business_id or "", form_language(o))
            for o in member_organisations(session)
        ]
    members.sort(key=lambda m: sort_key(localized(m[0], m[1], m[3])))
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for index, (fi, sv, business_id, language) in enumerate(members, start=1):
        name = localized(fi, sv, language)
        slug = re.sub(r"[^\w-]+", "-", name).strip("-")[:60] or "jarjesto"
        path = folder / f"{year}-{slug}.xlsx"
        write_form(path, asked, year, name, business_id, language)
        written.append(path)
        if progress:
            progress(index, len(members))
    return written


def write_form(
    path: Path, asked: Sequence[QuestionRow], year: int, name: str, business_id: str, language: str
) -> None:
    from jarjestokeskus.services.survey.form_sheet import build_sheet

    build_sheet(path, asked, year, name, business_id, language)


@dataclass
class ReadForm:
    """A returned form: who answered, for which year, the answers by key, and what was wrong."""

    path: Path
    organisation: str = ""
    business_id: str = ""
    year: int | None = None
    answers: dict[str, Value] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)


def parse_number(text: str) -> Decimal | None:
    value = text.strip().replace("\u00a0", "").replace(" ", "").replace(",", ".")
    if not value:
        return None
    try:
        number = Decimal(value)
    except InvalidOperation as exc:
        raise ValueError(text) from exc
    if not number.is_finite() or number < 0 or number > Decimal("1e11"):
        raise ValueError(text)
    return number


def read_form(path: Path, asked: Sequence[QuestionRow]) -> ReadForm:
    """The answers of a returned form; errors name the cell ("C12: …")."""
    from jarjestokeskus.services.organisations.import_files import ImportFileProblem, read_table

    result = ReadForm(path)
    language = current_language()
    try:
        table = read_table(path)
    except ImportFileProblem as problem:
        result.errors.append(str(problem))
        return result
    by_key = {q.key: q for q in asked}
    marked: dict[str, list[str]] = {}
    for index, row in enumerate(table.rows):
        key, answer = (row[0].strip() if row else ""), (row[2].strip() if len(row) > 2 else "")
        cell = f"C{table.numbers[index]}"
        if key == ORGANISATION:
            result.organisation = answer
        elif key == BUSINESS_ID:
            result.business_id = answer
        elif key == YEAR:
            result.year = int(answer) if answer.isdigit() else None
        elif ":" in key:
            question_key, _sep, option = key.partition(":")
            marked.setdefault(question_key, [])
            if answer.casefold() in MARKS:
                marked[question_key].append(option)
            elif answer:
                result.errors.append(_("{cell}: mark a chosen option with x").format(cell=cell))
        elif key in by_key:
            question = by_key[key]
            if question.kind == QuestionKind.NUMBER:
                try:
                    result.answers[key] = parse_number(answer)
                except ValueError:
                    result.errors.append(
                        _("{cell}: {question}: not a number").format(
                            cell=cell, question=question.text(language)
                        )
                    )
            elif question.kind == QuestionKind.CHOICE:
                chosen = choice_key(question, answer)
                if answer and chosen is None:
                    result.errors.append(
                        _("{cell}: {question}: choose from the list").format(
                            cell=cell, question=question.text(language)
                        )
                    )
                result.answers[key] = chosen or ""
            else:
                result.answers[key] = answer
    for question_key, options in marked.items():
        if question_key in by_key:
            result.answers[question_key] = tuple(options)
    if result.year is None:
        result.errors.append(_("The form has no year: is it the survey's form?"))
    return result


def choice_key(question: QuestionRow, answer: str) -> str | None:
    wanted = answer.strip().casefold()
    for key, fi, sv in question.options:
        if wanted in (key.casefold(), fi.casefold(), sv.casefold()):
            return key
    return None


@dataclass(frozen=True)
class FormOutcome:
    path: Path
    organisation: str
    stored: bool
    errors: tuple[str, ...]


def form_year(path: Path) -> int | None:
    """The year a form is for, read from the form itself (None when it has none)."""
    from jarjestokeskus.services.organisations.import_files import ImportFileProblem, read_table

    try:
        table = read_table(path)
    except ImportFileProblem:
        return None
    for row in table.rows:
        if row and row[0].strip() == YEAR and len(row) > 2 and row[2].strip().isdigit():
            return int(row[2].strip())
    return None


def import_forms(
    db: Database, year: int | None, paths: Sequence[Path], today: date | None = None
) -> list[FormOutcome]:
    """Read and store each returned form (of `year`, or each of its own year when None); a form with
    any error is not stored, and its errors are listed."""
    today = today or date.today()
    outcomes = []
    for path in paths:
        form_of = year if year is not None else (form_year(path) or 0)
        asked = questions(db, form_of)
        form = read_form(path, asked)
        errors = list(form.errors)
        if form.year is not None and form.year != form_of:
            errors.append(_("The form is for {found}, not {year}.").format(found=form.year, year=form_of))
        if not asked and not errors:
            errors.append(_("There is no survey of {year}.").format(year=form_of))
        with db.transaction() as session:
            organisation = find_organisation(session, form.business_id, form.organisation)
            if organisation is None and not errors:
                errors.append(
                    _("No member organisation {name} ({business_id}) in the register.").format(
                        name=form.organisation, business_id=form.business_id or "-"
                    )
                )
            if not errors and organisation is not None:
                survey = session.scalar(
                    select(Survey).where(Survey.year == form_of, Survey.archived_at.is_(None))
                )
                assert survey is not None
                store_response(session, survey, organisation, form.answers, path.name, today)
        outcomes.append(FormOutcome(path, form.organisation, not errors, tuple(errors)))
    return outcomes


def find_organisation(session, business_id: str, name: str) -> Organisation | None:  # type: ignore[no-untyped-def]
    live = select(Organisation).where(Organisation.archived_at.is_(None))
    if business_id.strip():
        found = session.scalar(live.where(Organisation.business_id == business_id.strip()))
        if found is not None:
            return found
    wanted = name.strip().casefold()
    matches = [
        o for o in session.scalars(live) if wanted and wanted in (o.name_fi.casefold(), o.name_sv.casefold())
    ]
    return matches[0] if len(matches) == 1 else None
