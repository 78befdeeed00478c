"""The survey's answers as a table for the welfare report's appendix (XLSX or CSV): a row per
organisation that answered, a column per question, choices by their labels in the table's language."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from sqlalchemy import select

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.models import Organisation, Survey, SurveyAnswer, SurveyResponse
from jarjestokeskus.domain.survey import QuestionKind
from jarjestokeskus.i18n import _, localized, sort_key
from jarjestokeskus.services.exports.files import Format, write_table
from jarjestokeskus.services.survey.questions import questions


def appendix_table(
    db: Database, year: int, municipalities: Iterable[str] = (), language: str = "fi"
) -> tuple[list[str], list[list[object]]]:
    asked = questions(db, year)
    wanted = {m.strip().casefold() for m in municipalities if m.strip()}
    header = [_("Organisation"), _("Municipality")] + [q.text(language) for q in asked]
    rows: list[list[object]] = []
    with db.reading() as session:
        survey = session.scalar(select(Survey).where(Survey.year == year, Survey.archived_at.is_(None)))
        if survey is None:
            return header, rows
        pairs = session.execute(
            select(SurveyResponse, Organisation)
            .join(Organisation, Organisation.id == SurveyResponse.organisation_id)
            .where(SurveyResponse.survey_id == survey.id, SurveyResponse.archived_at.is_(None))
        ).all()
        for response, organisation in pairs:
            if wanted and response.municipality.strip().casefold() not in wanted:
                continue
            given = {
                a.question_id: a
                for a in session.scalars(
                    select(SurveyAnswer).where(
                        SurveyAnswer.response_id == response.id, SurveyAnswer.archived_at.is_(None)
                    )
                )
            }
            row: list[object] = [
                localized(organisation.name_fi, organisation.name_sv, language),
                response.municipality,
            ]
            for question in asked:
                answer = given.get(question.id)
                if answer is None:
                    row.append(None)
                elif question.kind == QuestionKind.NUMBER:
                    row.append(answer.number_value)
                elif question.kind in (QuestionKind.CHOICE, QuestionKind.MULTI):
                    row.append(
                        ", ".join(
                            question.option_label(k, language) for k in answer.text_value.splitlines() if k
                        )
                    )
                else:
                    row.append(answer.text_value)
            rows.append(row)
    rows.sort(key=lambda r: sort_key(str(r[0])))
    return header, rows


def write_appendix(
    db: Database,
    year: int,
    path: Path,
    format: Format = "xlsx",
    municipalities: Iterable[str] = (),
    language: str = "fi",
) -> int:
    """Write the table; returns its number of organisations. Raises ExportFailed."""
    header, rows = appendix_table(db, year, municipalities, language)
    write_table(path, header, rows, format, sheet_title=_("Survey {year}").format(year=year)[:31])
    return len(rows)
