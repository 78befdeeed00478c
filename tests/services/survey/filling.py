"""Filling a survey form as a person would in a spreadsheet program (openpyxl)."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook


def fill(path: Path, answers: dict[str, str]) -> None:
    """Type `answers` (a question key, or key:option for a mark) into column C of the form."""
    book = load_workbook(path)
    sheet = book.active
    for row in range(1, sheet.max_row + 1):
        key = sheet.cell(row=row, column=1).value
        if key in answers:
            sheet.cell(row=row, column=3).value = answers[key]
    book.save(path)


def cell_of(path: Path, key: str) -> str:
    sheet = load_workbook(path).active
    for row in range(1, sheet.max_row + 1):
        if sheet.cell(row=row, column=1).value == key:
            return f"C{row}"
    raise KeyError(key)
