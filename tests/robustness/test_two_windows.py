"""Two windows on the same database file edit the same organisation: the later save is refused.

Each window opens the file itself (its own engine and sessions), as a second window of the program
does. Window A saves first; window B's save is then refused with the stale-record message in the
window's language, what B typed stays in its fields, nothing of it is stored, and after reopening
the organisation B can apply the change again.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QLineEdit, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from jarjestokeskus import i18n
from jarjestokeskus.db.engine import Database, open_database
from jarjestokeskus.db.errors import StaleRecord
from jarjestokeskus.domain.organisation import FeeForm, OrganisationForm
from jarjestokeskus.i18n import _
from jarjestokeskus.services.organisations.register import get_organisation, save_organisation
from jarjestokeskus.ui.organisations.view import OrganisationsView
from tests import databases

# The municipality's list pops up while it is typed (a window the offscreen platform cannot raise).
pytestmark = [
    pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise|grabbing)"),
    pytest.mark.skipif(databases.on_postgres(), reason="two windows on one database file"),
]


class Warnings:
    """Message boxes recorded instead of blocking the test."""

    def __init__(self) -> None:
        self.shown: list[tuple[str, str]] = []

    def warning(self, _parent: QWidget, title: str, text: str, *_args: object) -> QMessageBox.StandardButton:
        self.shown.append((title, text))
        return QMessageBox.StandardButton.Ok


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> Warnings:
    recorder = Warnings()
    monkeypatch.setattr(QMessageBox, "warning", recorder.warning)
    return recorder


@pytest.fixture
def two_databases(db_path: Path, migrated_template: Path):  # type: ignore[no-untyped-def]
    import shutil

    shutil.copyfile(migrated_template, db_path)
    first, second = open_database(db_path), open_database(db_path)
    assert not first.read_only and not second.read_only  # one program, two windows: both may write
    yield first, second
    second.close()
    first.close()


def window(qtbot: QtBot, db: Database) -> OrganisationsView:
    view = OrganisationsView(db)
    qtbot.addWidget(view)
    view.resize(1100, 700)
    view.show()
    qtbot.waitExposed(view)
    return view


def type_over(view: OrganisationsView, key: str, text: str) -> None:
    """As the user would: the field's text selected and typed over (insert also takes ä and å)."""
    widget = view.editor.fields.inputs[key]
    line = widget.lineEdit() if hasattr(widget, "lineEdit") else widget  # an editable combo box
    assert isinstance(line, QLineEdit)
    line.setFocus()
    line.selectAll()
    line.insert(text)


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_later_save_of_the_same_organisation_is_refused_and_the_typing_kept(
    qtbot: QtBot, two_databases: tuple[Database, Database], warnings: Warnings, language: str
) -> None:
    i18n.set_language(language)
    db_a, db_b = two_databases
    stored = save_organisation(
        db_a, OrganisationForm(name_fi="Närpes Marthaförening ry", fees=[FeeForm("2025", "40")])
    )
    a, b = window(qtbot, db_a), window(qtbot, db_b)
    a.open(stored.id)
    b.open(stored.id)

    type_over(a, "phone", "06 123 4567")
    assert a.save()
    type_over(b, "municipality", "Närpiö")
    type_over(b, "post_office", "Närpes")
    typed = b.editor.fields.values()

    assert not b.save()

    assert warnings.shown == [(_("Save"), StaleRecord().user_message())]
    assert "Närp" not in warnings.shown[0][1] and len(warnings.shown[0][1]) > 60  # the message, not data
    other = "sv" if language == "fi" else "fi"
    i18n.set_language(other)
    assert StaleRecord().user_message() != warnings.shown[0][1]  # it is in the window's language
    i18n.set_language(language)
    assert b.editor.fields.values() == typed  # what B typed is still there to be applied again
    assert b.editor.has_unsaved_changes()
    now = get_organisation(db_a, stored.id)
    assert (now.phone, now.municipality, now.post_office) == ("06 123 4567", "", "")
    assert now.version == stored.version + 1

    # B opens the organisation again (A's change appears) and applies its change once more.
    b.editor.load(stored.id)
    assert b.editor.fields.lines["phone"].text() == "06 123 4567"
    type_over(b, "municipality", str(typed["municipality"]))
    type_over(b, "post_office", str(typed["post_office"]))
    assert b.save()
    now = get_organisation(db_b, stored.id)
    # The municipality of the register is stored by its name in the user's language.
    place = {"fi": "Närpiö", "sv": "Närpes"}[language]
    assert (now.phone, now.municipality, now.post_office) == ("06 123 4567", place, "Närpes")
    assert [fee.amount for fee in now.fees] == [40]
    assert len(warnings.shown) == 1


def test_archive_in_one_window_refuses_a_save_in_the_other(
    qtbot: QtBot,
    two_databases: tuple[Database, Database],
    warnings: Warnings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    db_a, db_b = two_databases
    stored = save_organisation(db_a, OrganisationForm(name_fi="Vaasan Martat ry"))
    a, b = window(qtbot, db_a), window(qtbot, db_b)
    a.open(stored.id)
    b.open(stored.id)
    monkeypatch.setattr(QMessageBox, "question", lambda *_args: QMessageBox.StandardButton.Yes)
    assert a.editor.archive()
    type_over(b, "email", "info@martat.fi")
    assert not b.save()
    assert warnings.shown == [(_("Save"), StaleRecord().user_message())]
    assert b.editor.fields.lines["email"].text() == "info@martat.fi"
    assert get_organisation(db_a, stored.id).email == ""


def test_later_save_of_the_same_project_is_refused_and_the_typing_kept(
    qtbot: QtBot, two_databases: tuple[Database, Database], warnings: Warnings
) -> None:
    from jarjestokeskus.domain.projects import ProjectForm
    from jarjestokeskus.services.projects.register import get_project, save_project
    from jarjestokeskus.ui.projects.view import ProjectsView

    db_a, db_b = two_databases
    owner = save_organisation(db_a, OrganisationForm(name_fi="Vaasan Martat ry"), is_home=True)
    stored = save_project(db_a, ProjectForm(code="KESKUS", name_fi="Järjestökeskus", owner_id=owner.id))
    views = []
    for db in (db_a, db_b):
        view = ProjectsView(db)
        qtbot.addWidget(view)
        view.resize(1100, 700)
        view.show()
        qtbot.waitExposed(view)
        view.open(stored.id)
        views.append(view)
    a, b = views
    for view, name in ((a, "Järjestökeskus 2025"), (b, "Organisationscentralen")):
        line = view.editor.fields.lines["name_fi" if view is a else "name_sv"]
        line.setFocus()
        line.selectAll()
        line.insert(name)
    assert a.save()
    assert not b.save()
    assert warnings.shown == [(_("Save"), StaleRecord().user_message())]
    assert b.editor.fields.lines["name_sv"].text() == "Organisationscentralen"
    assert b.editor.has_unsaved_changes()
    now = get_project(db_a, stored.id)
    assert (now.name_fi, now.name_sv) == ("Järjestökeskus 2025", "")
