"""A web survey tool's export (CSV or XLSX, a row per organisation) as survey answers: its columns
matched to the questions by their headings (or a mapping the user gives), the rows to organisations
by business ID or name."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.models import Survey
from jarjestokeskus.domain.survey import QuestionKind
from jarjestokeskus.i18n import _, current_language
from jarjestokeskus.services.survey.answers import Value, store_response
from jarjestokeskus.services.survey.forms import MARKS, choice_key, find_organisation, parse_number
from jarjestokeskus.services.survey.questions import QuestionRow, ensure_survey, questions

ORGANISATION, BUSINESS_ID = "_organisation", "_business_id"
_ORGANISATION_WORDS = ("järjestö", "jarjesto", "yhdistys", "organisation", "förening", "organization")
_BUSINESS_ID_WORDS = ("y-tunnus", "ytunnus", "fo-nummer", "business id")


def _plain(text: str) -> str:
    return re.sub(r"[^\w]+", " ", text.casefold()).strip()


def guess_mapping(header: tuple[str, ...], asked: list[QuestionRow]) -> dict[int, str]:
    """Column → question key (or key:option for a choice marked in its own column, or the
    organisation's name or business ID). A heading names a question by its key, or starts with the
    question's text in either language; "question: option" headings name an option."""
    mapping: dict[int, str] = {}
    for column, heading in enumerate(header):
        text = heading.strip().casefold()
        if any(word in text for word in _BUSINESS_ID_WORDS):
            mapping[column] = BUSINESS_ID
            continue
        plain = _plain(heading)
        found = None
        for question in asked:
            texts = [_plain(question.text_fi), _plain(question.text_sv)]
            names_it = plain == question.key or any(
                t and (plain.startswith(t[:30]) or t.startswith(plain)) and len(plain) >= 8 for t in texts
            )
            if question.kind == QuestionKind.MULTI:
                for key, fi, sv in question.options:
                    option_names = {_plain(fi), _plain(sv), key}
                    if (names_it or plain.startswith(question.key)) and any(
                        plain.endswith(o) for o in option_names if o
                    ):
                        found = f"{question.key}:{key}"
                        break
            elif names_it:
                found = question.key
            if found:
                break
        if found:
            mapping[column] = found
        elif ORGANISATION not in mapping.values() and any(word in text for word in _ORGANISATION_WORDS):
            mapping[column] = ORGANISATION
    return mapping


@dataclass(frozen=True)
class RowOutcome:
    row: int
    organisation: str
    stored: bool
    errors: tuple[str, ...]


def import_web_export(
    db: Database, year: int, path: Path, mapping: dict[int, str] | None = None, today: date | None = None
) -> list[RowOutcome]:
    """Store each row's answers (a row with errors is left out and its errors listed by column)."""
    from jarjestokeskus.services.organisations.import_files import column_letter, read_table

    today = today or date.today()
    ensure_survey(db, year)
    asked = questions(db, year)
    by_key = {q.key: q for q in asked}
    table = read_table(path)
    mapping = mapping if mapping is not None else guess_mapping(table.header, asked)
    outcomes = []
    for index, row in enumerate(table.rows):
        number = table.numbers[index]
        answers: dict[str, Value] = {}
        marked: dict[str, list[str]] = {}
        errors: list[str] = []
        name = business_id = ""
        for column, key in mapping.items():
            value = row[column].strip() if column < len(row) else ""
            where = f"{column_letter(column)}{number}"
            if key == ORGANISATION:
                name = value
            elif key == BUSINESS_ID:
                business_id = value
            elif ":" in key:
                question_key, _sep, option = key.partition(":")
                marked.setdefault(question_key, [])
                if value.casefold() in MARKS or value.casefold() == option.casefold():
                    marked[question_key].append(option)
            elif key in by_key:
                question = by_key[key]
                if question.kind == QuestionKind.NUMBER:
                    try:
                        answers[key] = parse_number(value)
                    except ValueError:
                        errors.append(
                            _("{cell}: {question}: not a number").format(
                                cell=where, question=question.text(current_language())
                            )
                        )
                elif question.kind == QuestionKind.CHOICE:
                    chosen = choice_key(question, value)
                    if value and chosen is None:
                        errors.append(
                            _("{cell}: {question}: choose from the list").format(
                                cell=where, question=question.text(current_language())
                            )
                        )
                    answers[key] = chosen or ""
                elif question.kind == QuestionKind.MULTI:
                    parts = [p.strip() for p in re.split(r"[;,\n]", value) if p.strip()]
                    chosen_keys = [choice_key(question, part) for part in parts]
                    answers[key] = tuple(k for k in chosen_keys if k)
                else:
                    answers[key] = value
        for question_key, options in marked.items():
            answers[question_key] = tuple(options)
        with db.transaction() as session:
            organisation = find_organisation(session, business_id, name)
            if organisation is None and not errors:
                errors.append(
                    _("No member organisation {name} ({business_id}) in the register.").format(
                        name=name, business_id=business_id or "-"
                    )
                )
            if not errors and organisation is not None:
                survey = session.scalar(
                    select(Survey).where(Survey.year == year, Survey.archived_at.is_(None))
                )
                assert survey is not None
                store_response(session, survey, organisation, answers, path.name, today)
        outcomes.append(RowOutcome(number, name, not errors, tuple(errors)))
    return outcomes
