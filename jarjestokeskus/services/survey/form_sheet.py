"""Laying out one survey form as an XLSX sheet: hidden keys in column A, the answers in column C,
lists to choose from where a question has options, and only the answer cells open for writing."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

from jarjestokeskus.domain.survey import QuestionKind
from jarjestokeskus.i18n import N_, catalog, localized
from jarjestokeskus.services.survey.questions import QuestionRow

SHEET = N_("Survey {year}")
CODE, QUESTION, ANSWER, HELP = N_("Code"), N_("Question"), N_("Answer"), N_("Instructions")
ORGANISATION, BUSINESS_ID, YEAR = N_("Organisation"), N_("Business ID"), N_("Year")
NO_PERSONAL_DATA = N_(
    "Answer for the organisation as a whole. Do not write names or other personal data in the answers."
)
HELP_NUMBER, HELP_CHOICE = N_("a number"), N_("choose from the list")
HELP_MARK, HELP_TEXT = N_("mark with x"), N_("free text")


def build_sheet(
    path: Path, asked: Sequence[QuestionRow], year: int, name: str, business_id: str, language: str
) -> None:
    """Write the form to `path` (whole or not at all)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill, Protection
    from openpyxl.worksheet.datavalidation import DataValidation

    t = catalog(language).gettext
    book = Workbook()
    sheet = book.active
    sheet.title = t(SHEET).format(year=year)[:31]
    sheet.append([t(CODE), t(QUESTION), t(ANSWER), t(HELP)])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.append(["_organisation", t(ORGANISATION), name, ""])
    sheet.append(["_business_id", t(BUSINESS_ID), business_id, ""])
    sheet.append(["_year", t(YEAR), str(year), ""])
    sheet.append(["_language", "", language, ""])
    sheet.append(["", t(NO_PERSONAL_DATA), "", ""])
    sheet.cell(row=sheet.max_row, column=2).font = Font(italic=True)
    open_cells: list[str] = []
    answer_fill = PatternFill("solid", fgColor="FFF8DC")
    marks = DataValidation(type="list", formula1='"x"', allow_blank=True)
    numbers = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0", allow_blank=True)
    sheet.add_data_validation(marks)
    sheet.add_data_validation(numbers)
    section = None
    for question in asked:
        if question.section(language) != section:
            section = question.section(language)
            sheet.append(["", section, "", ""])
            sheet.cell(row=sheet.max_row, column=2).font = Font(bold=True, size=12)
        text = question.text(language)
        if question.kind == QuestionKind.MULTI:
            sheet.append(["", text, "", t(HELP_MARK)])
            for key, fi, sv in question.options:
                sheet.append(
                    [f"{question.key}:{key}", "    " + (sv or fi if language == "sv" else fi or sv), "", ""]
                )
                marks.add(f"C{sheet.max_row}")
                open_cells.append(f"C{sheet.max_row}")
            continue
        help_text = {QuestionKind.NUMBER: HELP_NUMBER, QuestionKind.CHOICE: HELP_CHOICE}.get(
            question.kind, HELP_TEXT
        )
        sheet.append([question.key, text, "", t(help_text)])
        row = sheet.max_row
        open_cells.append(f"C{row}")
        if question.kind == QuestionKind.NUMBER:
            numbers.add(f"C{row}")
        elif question.kind == QuestionKind.CHOICE:
            labels = [localized(fi, sv, language) for _key, fi, sv in question.options]
            choice = DataValidation(
                type="list",
                formula1='"' + ",".join(label.replace(",", " ") for label in labels) + '"',
                allow_blank=True,
            )
            sheet.add_data_validation(choice)
            choice.add(f"C{row}")
        else:
            sheet.row_dimensions[row].height = 60
    for reference in open_cells:
        cell = sheet[reference]
        cell.protection = Protection(locked=False)
        cell.fill = answer_fill
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for row in sheet.iter_rows(min_col=2, max_col=2):
        row[0].alignment = Alignment(wrap_text=True, vertical="top")
    sheet.column_dimensions["A"].hidden = True
    sheet.column_dimensions["B"].width = 60
    sheet.column_dimensions["C"].width = 45
    sheet.column_dimensions["D"].width = 22
    sheet.protection.sheet = True
    sheet.protection.formatCells = False
    sheet.protection.formatRows = False
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".partial", dir=path.parent)
    os.close(handle)
    try:
        book.save(temporary)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
