"""The window's meeting copy offers the same parts to add as `meeting-copy --include`."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QCheckBox, QFileDialog, QMessageBox

from jarjestokeskus.domain.organisation import OrganisationForm
from jarjestokeskus.services.database.meeting_copy import INCLUDE_CHOICES, meeting_copy_info
from jarjestokeskus.services.organisations.register import save_organisation
from jarjestokeskus.ui.main_window import MainWindow
from jarjestokeskus.ui.window.meeting_copy_options import MeetingCopyOptions
from tests.people import worker_and_contact

pytestmark = pytest.mark.sqlite_only  # a meeting copy is a SQLite file taken from a SQLite file here


@pytest.fixture
def window(qtbot, db):  # type: ignore[no-untyped-def]
    save_organisation(db, OrganisationForm(name_fi="Koti ry"), is_home=True)
    member = save_organisation(db, OrganisationForm(name_fi="Kokousyhdistys ry")).id
    worker_and_contact(db, member)
    main = MainWindow(db)
    qtbot.addWidget(main)
    main.show()
    return main


def answer(qtbot, ticked: tuple[str, ...], *, cancel: bool = False) -> list[list[str]]:  # type: ignore[no-untyped-def]
    """Answer the options dialog when it opens, as a user: tick boxes, then the button."""
    offered: list[list[str]] = []

    def act() -> None:
        dialog = next(
            (
                w
                for w in QApplication.topLevelWidgets()
                if isinstance(w, MeetingCopyOptions) and w.isVisible()
            ),
            None,
        )
        if dialog is None:
            QTimer.singleShot(20, act)
            return
        boxes = dialog.findChildren(QCheckBox)
        offered.append([box.objectName().removeprefix("include_") for box in boxes])
        for box in boxes:
            assert box.isVisible() and not box.isChecked()  # nothing added unless asked
            if box.objectName().removeprefix("include_") in ticked:
                qtbot.mouseClick(
                    box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2)
                )  # the box itself
                assert box.isChecked()
        if cancel:
            dialog.reject()
        else:
            qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, act)
    return offered


def _take(window: MainWindow, qtbot, monkeypatch, target: Path, ticked: tuple[str, ...]) -> list[list[str]]:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    monkeypatch.setattr(QMessageBox, "information", lambda *_a: None)
    offered = answer(qtbot, ticked)
    window.database_actions.meeting_copy_action.trigger()
    return offered


def test_the_dialog_offers_the_commands_parts_and_the_default_leaves_them_out(  # type: ignore[no-untyped-def]
    window: MainWindow, qtbot, monkeypatch, tmp_path: Path
) -> None:
    target = tmp_path / "kokous.sqlite"
    offered = _take(window, qtbot, monkeypatch, target, ())
    assert offered == [[*INCLUDE_CHOICES, "notebook"]]  # and a notebook copy is asked for knowingly too
    assert meeting_copy_info(target) is not None
    data = target.read_bytes()
    for secret in (b"KUNTOUTUS-77", b"ville@example.fi", b"kaisa@example.fi", b"050 222"):
        assert secret not in data, secret
    assert b"Kaisa" in data


def test_ticked_parts_are_added_to_the_copy(window: MainWindow, qtbot, monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "kokous.sqlite"
    _take(window, qtbot, monkeypatch, target, ("contacts", "staff"))
    data = target.read_bytes()
    assert b"KUNTOUTUS-77" in data and b"kaisa@example.fi" in data and b"050 222" in data


def test_cancel_in_the_options_writes_nothing(window: MainWindow, qtbot, monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    asked: list[object] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **_k: asked.append(a) or ("", ""))
    answer(qtbot, ("staff",), cancel=True)
    window.database_actions.meeting_copy_action.trigger()
    assert asked == [] and list(tmp_path.glob("*.sqlite")) == [tmp_path / "register.sqlite"]
