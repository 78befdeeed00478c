"""Editing a closed year's figures in the window: the user is told the year is closed and saves
anyway, or cancels and nothing is saved (follow-up entries, staff periods, an agreement, a project)."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.models import ClosedYear, MonitoringEntry
from jarjestokeskus.domain.agreements import AgreementForm, GoalForm, PartyForm
from jarjestokeskus.domain.employment import EmploymentForm, PersonForm
from jarjestokeskus.domain.enums import AgreementKind, AgreementStatus, EmploymentScheme, ProjectStatus
from jarjestokeskus.domain.organisation import OrganisationForm
from jarjestokeskus.domain.projects import ProjectForm
from jarjestokeskus.i18n import _
from jarjestokeskus.services.agreements.store import get_agreement, save_agreement
from jarjestokeskus.services.organisations.register import save_organisation
from jarjestokeskus.services.projects.register import get_project, save_project
from jarjestokeskus.services.staff.employment import get_person, save_person
from jarjestokeskus.ui.agreements.followup_view import FollowUpView
from jarjestokeskus.ui.agreements.view import AgreementsView
from jarjestokeskus.ui.projects.view import ProjectsView
from jarjestokeskus.ui.staff.view import StaffView
from jarjestokeskus.ui.widgets.closed_year import CLOSED_YEAR_BOX
from tests.services.test_closed_year_guard import city_agreement

LEFT = Qt.MouseButton.LeftButton


def close_2025(db: Database) -> None:
    """As `close-year 2025` leaves it (the reports themselves are not needed here)."""
    with db.transaction() as session:
        session.add(ClosedYear(id=uuid.uuid4(), year=2025, closed_on=date(2026, 1, 20), closed_by="anna"))


def answer(save: bool, seen: list[str]) -> None:
    """When the question opens: note its text and press "Save anyway" (`save`) or Cancel."""

    def press() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or box.objectName() != CLOSED_YEAR_BOX:
            QTimer.singleShot(20, press)  # not open yet
            return
        seen.append(box.text())
        if save:
            next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole).click()
        else:
            box.button(QMessageBox.StandardButton.Cancel).click()

    QTimer.singleShot(0, press)


def expected_message() -> str:
    return _(
        "{years} is closed: the reports already sent of it may differ from the figures after this change."
    ).format(years="2025")


def test_a_follow_up_entry_of_the_closed_year(qtbot: QtBot, db: Database) -> None:
    city = save_organisation(db, OrganisationForm(name_fi="Vaasan kaupunki")).id
    save_agreement(
        db,
        AgreementForm(
            kind=AgreementKind.FRAMEWORK_COOPERATION,
            title_fi="Yhteistyösopimus",
            status=AgreementStatus.IN_FORCE,
            valid_from="1.1.2024",
            valid_to="31.12.2027",
            parties=[PartyForm(city)],
            goals=[GoalForm(title_fi="Seminaari")],
        ),
    )
    close_2025(db)
    view = FollowUpView(db)
    qtbot.addWidget(view)
    view.show()
    view.counterparty.setCurrentIndex(view.counterparty.findData(str(city)))
    view.year.setCurrentIndex(view.year.findData(2025))
    view.table.selectRow(0)
    view.entry_date.insert("20.12.2025")
    seen: list[str] = []
    answer(False, seen)
    qtbot.mouseClick(view.add_button, LEFT)
    assert seen and expected_message() in seen[0]
    with db.reading() as session:
        assert session.scalars(select(MonitoringEntry)).all() == []
    assert view.entry_date.text() == "20.12.2025"  # the typing stays
    answer(True, seen)
    qtbot.mouseClick(view.add_button, LEFT)
    with db.reading() as session:
        assert list(session.scalars(select(MonitoringEntry.entry_date))) == [date(2025, 12, 20)]
    assert len(seen) == 2


def test_a_staff_period_in_the_closed_year(qtbot: QtBot, db: Database) -> None:
    save_organisation(db, OrganisationForm(name_fi="Kotijärjestö ry"), is_home=True)
    person = save_person(
        db,
        PersonForm(
            "Aino",
            "Aalto",
            employments=[
                EmploymentForm(EmploymentScheme.FIXED_TERM, "Ohjaaja", "1.3.2025", hours_per_week="30")
            ],
        ),
    ).id
    close_2025(db)
    view = StaffView(db, today=date(2026, 6, 15))
    qtbot.addWidget(view)
    view.resize(1300, 850)
    view.show()
    view.select(person)
    hours = view.editor.period_fields.line("hours_per_week")
    hours.setText("37,5")
    view.editor.period_fields._edited("hours_per_week")
    seen: list[str] = []
    answer(False, seen)
    qtbot.mouseClick(view.editor.save_button, LEFT)
    assert seen and expected_message() in seen[0]
    assert get_person(db, person).employments[0].hours_per_week == 30
    assert view.editor.has_unsaved_changes()
    answer(True, seen)
    qtbot.mouseClick(view.editor.save_button, LEFT)
    assert get_person(db, person).employments[0].hours_per_week == 37.5
    assert not view.editor.has_unsaved_changes()


def test_an_agreement_and_a_project_of_the_closed_year(
    qtbot: QtBot, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    agreement = city_agreement(db, AgreementKind.PREMISES, "Tilasopimus").id
    project = save_project(
        db, ProjectForm(name_fi="Kohtaamispaikka", status=ProjectStatus.RUNNING, start_date="1.1.2025")
    ).id
    close_2025(db)
    view = AgreementsView(db)
    qtbot.addWidget(view)
    view.resize(1400, 800)
    view.show()
    item = next(i for i in view._items() if "Tilasopimus" in i.text(0))
    view.table.setCurrentItem(item)
    line = view.editor.fields.inputs["valid_from"]
    line.setFocus()
    line.selectAll()
    line.insert("1.7.2025")
    line.textEdited.emit(line.text())  # type: ignore[attr-defined]
    seen: list[str] = []
    answer(True, seen)
    qtbot.mouseClick(view.editor.save_button, LEFT)
    assert len(seen) == 1
    assert get_agreement(db, agreement).valid_from == date(2025, 7, 1)

    projects = ProjectsView(db)
    qtbot.addWidget(projects)
    projects.resize(1400, 800)
    projects.show()
    projects.select(project)
    # "Archive …?" answered yes; then the closed year's question is cancelled.
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    answer(False, seen)
    qtbot.mouseClick(projects.editor.archive_button, LEFT)
    assert len(seen) == 2 and expected_message() in seen[1]
    assert get_project(db, project).archived_at is None
