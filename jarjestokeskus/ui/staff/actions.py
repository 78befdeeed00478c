"""Helpers of the staff form: a stored person as typed text, questions, exporting a person's data
and telling what an erasure reached."""

from __future__ import annotations

import json
import uuid
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.errors import DatabaseProblem, os_reason
from jarjestokeskus.domain.employment import EmploymentForm, FundingShareForm, PersonForm
from jarjestokeskus.i18n import _, current_language, format_date
from jarjestokeskus.services.database.erased_copies import copies_failed_notice
from jarjestokeskus.services.person_data import ErasureResult, erase_person
from jarjestokeskus.services.staff.rows import EmploymentRow, PersonDetail


def typed_number(value: Decimal | None) -> str:
    """A stored number as a user would type it: "37,5", "4", "1260"."""
    if value is None:
        return ""
    text = format(value.normalize(), "f")
    return text.replace(".", ",")


def typed_money(value: Decimal | None) -> str:
    return "" if value is None else f"{value:.2f}".replace(".", ",")


def period_form(row: EmploymentRow) -> EmploymentForm:
    return EmploymentForm(
        scheme=row.scheme,
        title=row.title,
        start_date=format_date(row.start_date),
        end_date=format_date(row.end_date),
        hours_per_week=typed_number(row.hours_per_week),
        days_per_week=typed_number(row.days_per_week),
        hours_per_day=typed_number(row.hours_per_day),
        supervisor_id=row.supervisor_id,
        deciding_authority_kind=row.deciding_authority_kind,
        deciding_authority=row.deciding_authority,
        decision_number=row.decision_number,
        decision_date=format_date(row.decision_date),
        subsidy_percent=typed_number(row.subsidy_percent),
        subsidy_monthly_cap=typed_money(row.subsidy_monthly_cap),
        allowance_per_day=typed_money(row.allowance_per_day),
        long_term_unemployed=row.long_term_unemployed,
        unemployed_months="" if row.unemployed_months is None else str(row.unemployed_months),
        decided_max_months="" if row.decided_max_months is None else str(row.decided_max_months),
        outcome=row.outcome,
        outcome_note=row.outcome_note,
        fundings=[FundingShareForm(f.project_id, typed_number(f.share_percent), f.id) for f in row.fundings],
        employment_id=row.id,
    )


def form_of(detail: PersonDetail) -> PersonForm:
    """The stored person as the form shows it."""
    return PersonForm(
        detail.first_name,
        detail.last_name,
        detail.email,
        detail.phone,
        [period_form(e) for e in detail.employments],
    )


def ask(parent: QWidget, title: str, text: str, yes_text: str) -> bool:
    """A question with a named yes-button and Cancel (the default); True when the user says yes."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.NoButton, parent)
    yes = box.addButton(yes_text, QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is yes


def erasure_message(name: str, result: ErasureResult) -> str:
    """What the erasure reached and what the user must still delete by hand."""
    text = _(
        "{name} was erased from the register and from its backups in the backup folder ({count} rewritten)."
    ).format(name=name, count=len(result.rewritten))
    if result.failed:
        text += "\n\n" + copies_failed_notice(result.failed)
    if result.unreachable:
        text += "\n\n" + _(
            "The program wrote these files earlier (backups saved elsewhere, meeting copies, "
            "exports). They may still hold the person's data; delete them yourself:"
        )
        text += "\n" + "\n".join(str(path) for path in result.unreachable)
    return text


def erase_everywhere(parent: QWidget, db: Database, person_id: uuid.UUID) -> ErasureResult:
    """Erase the person in the register and in its backups, off the GUI thread behind a progress
    dialog counting the backups; no Cancel: the register's part is saved first."""
    from jarjestokeskus.ui.widgets.background import run_with_progress

    return run_with_progress(
        parent,
        _("Erasing the person, also in the backups…"),
        lambda progress: erase_person(db, person_id, progress),
        cancellable=False,
    )


def tell_erased(parent: QWidget, name: str, result: ErasureResult) -> QMessageBox:
    """Show what the erasure reached; the box stays open beside the window until closed."""
    box = QMessageBox(
        QMessageBox.Icon.Information,
        _("Erase the person"),
        erasure_message(name, result),
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def export_person_file(parent: QWidget, db: Database, person_id: uuid.UUID, name: str) -> bool:
    """Ask for a file (PDF or JSON by its ending) and write the person's data into it."""
    from jarjestokeskus.reports.person_data import person_data_pdf
    from jarjestokeskus.services.organisations.report_data import home_names
    from jarjestokeskus.services.person_data import export_person

    pdf_filter, json_filter = _("PDF document (*.pdf)"), _("JSON file (*.json)")
    suggested = str(Path.home() / (_("personal data") + f" {name}.pdf"))
    path, chosen = QFileDialog.getSaveFileName(
        parent, _("Export the person's data"), suggested, f"{pdf_filter};;{json_filter}"
    )
    if not path:
        return False
    target = Path(path)
    as_json = target.suffix.lower() == ".json" or (chosen == json_filter and target.suffix.lower() != ".pdf")
    if as_json and target.suffix.lower() != ".json":
        target = target.with_suffix(".json")
    try:
        data = export_person(db, person_id)
        if as_json:
            target.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
        else:
            target.write_bytes(person_data_pdf(data, current_language(), home_names(db)))
    except DatabaseProblem as problem:
        QMessageBox.warning(parent, _("Export the person's data"), problem.user_message())
        return False
    except OSError as error:
        QMessageBox.warning(
            parent,
            _("Export the person's data"),
            _("Cannot write {path}: {reason}").format(path=target, reason=os_reason(error)),
        )
        return False
    from jarjestokeskus.services.database.written_files import remember_written

    remember_written(db.path or db.url, target, "person-export")
    return True
