"""A body's seats (who represents which organisation there) and its meetings with their minutes:
the tabs of the body's editor."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QWidget,
)

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.errors import DatabaseProblem
from jarjestokeskus.domain.cooperation import SeatRole
from jarjestokeskus.i18n import N_, _, current_language, format_date
from jarjestokeskus.services.cooperation.bodies import SeatForm, archive_seat, restore_seat, save_seat, seats
from jarjestokeskus.services.cooperation.meetings import (
    MeetingForm,
    archive_meeting,
    attach_minutes,
    list_minutes,
    meetings,
    minutes_path,
    remove_minutes,
    restore_meeting,
    save_meeting,
)
from jarjestokeskus.ui.cooperation.fields import CHOICE, ORGANISATION, TEXT, Field
from jarjestokeskus.ui.cooperation.sub_records import SubRecords
from jarjestokeskus.ui.widgets.record_editor import ask_yes_no


class SeatsPanel(SubRecords):
    columns = (
        (N_("Role"), lambda r: r.role),
        (N_("Representative"), lambda r: r.person),
        (N_("Organisation"), lambda r: r.organisation),
        (N_("From"), lambda r: r.start_date),
        (N_("To"), lambda r: r.end_date),
    )
    fields = (
        Field("first_name", N_("&First name")),
        Field("last_name", N_("&Last name")),
        Field("organisation_id", N_("&Organisation"), ORGANISATION),
        Field("role", N_("&Role"), CHOICE, SeatRole),
        Field("start_date", N_("F&rom")),
        Field("end_date", N_("&To")),
    )

    def texts(self) -> dict[str, str]:
        return {
            "add": _("&Add representative…"),
            "edit": _("&Edit…"),
            "archive": _("Arc&hive"),
            "restore": _("Rest&ore"),
            "new_title": _("Add a representative"),
            "edit_title": _("Edit a representative"),
            "archive_question": _(
                "Archive the seat of {name}? A seat that ended is kept with its end date instead; "
                "an archived one can be restored."
            ),
        }

    def load_rows(self, body_id: uuid.UUID, archived: bool) -> list[Any]:
        return seats(self.db, body_id, current_language(), archived)

    def store(self, values: dict[str, Any], record_id: uuid.UUID | None, version: int | None) -> uuid.UUID:
        return save_seat(self.db, self.body.id, SeatForm(**values), record_id, version)

    def set_archived(self, row: Any, archived: bool) -> None:
        (archive_seat if archived else restore_seat)(self.db, row.id, row.version)

    def row_name(self, row: Any) -> str:
        return row.person


class MeetingsPanel(SubRecords):
    """The meetings, and under them the chosen meeting's minutes: attached, opened, removed."""

    meeting_part = True

    columns = (
        (N_("Meeting date"), lambda r: r.held_on),
        (N_("Agenda"), lambda r: r.agenda.replace("\n", " · ")),
        (N_("Decisions"), lambda r: r.decisions.replace("\n", " · ")),
    )
    fields = (
        Field("held_on", N_("Meeting &date")),
        Field("agenda", N_("&Agenda"), TEXT),
        Field("decisions", N_("Decisions in &short"), TEXT),
    )

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(db, parent)
        self.minutes_label = QLabel()
        self.minutes = QListWidget()
        self.minutes.setMaximumHeight(self.fontMetrics().height() * 5)
        self.minutes.currentRowChanged.connect(lambda _row: self.update_buttons())
        self.minutes.itemActivated.connect(lambda _item: self.open_minutes())
        self.attach_button = QPushButton(clicked=self.attach)
        self.open_button = QPushButton(clicked=self.open_minutes)
        self.remove_button = QPushButton(clicked=self.remove_minutes)
        buttons = QHBoxLayout()
        for button in (self.attach_button, self.open_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.minutes_label.setBuddy(self.minutes)
        self.layout_.addWidget(self.minutes_label)
        self.layout_.addWidget(self.minutes)
        self.layout_.addLayout(buttons)
        self.table.selectionModel().currentRowChanged.connect(lambda _c, _p: self.show_minutes())
        self.update_buttons()

    def texts(self) -> dict[str, str]:
        return {
            "add": _("&Add meeting…"),
            "edit": _("&Edit…"),
            "archive": _("Arc&hive"),
            "restore": _("Rest&ore"),
            "new_title": _("Add a meeting"),
            "edit_title": _("Edit a meeting"),
            "archive_question": _("Archive the meeting of {name} with its minutes? It can be restored."),
        }

    def retranslate(self) -> None:
        super().retranslate()
        self.minutes_label.setText(_("&Minutes and documents of the chosen meeting"))
        self.attach_button.setText(_("Atta&ch…"))
        self.open_button.setText(_("O&pen"))
        self.remove_button.setText(_("Re&move"))

    def load_rows(self, body_id: uuid.UUID, archived: bool) -> list[Any]:
        return meetings(self.db, body_id, archived)

    def store(self, values: dict[str, Any], record_id: uuid.UUID | None, version: int | None) -> uuid.UUID:
        return save_meeting(self.db, self.body.id, MeetingForm(**values), record_id, version)

    def set_archived(self, row: Any, archived: bool) -> None:
        (archive_meeting if archived else restore_meeting)(self.db, row.id, row.version)

    def row_name(self, row: Any) -> str:
        return format_date(row.held_on)

    def refresh(self) -> None:
        super().refresh()
        self.show_minutes()

    # --- minutes -------------------------------------------------------------------------------
    def show_minutes(self) -> None:
        meeting = self.current()
        self.minutes.clear()
        if meeting is not None:
            for minutes in list_minutes(self.db, meeting.id):
                item = QListWidgetItem(minutes.file_name)
                item.setData(Qt.ItemDataRole.UserRole, minutes.id)
                self.minutes.addItem(item)
        self.update_buttons()

    def update_buttons(self) -> None:
        super().update_buttons()
        if not hasattr(self, "attach_button"):
            return
        meeting = self.current()
        writable = not self.db.read_only and self.body is not None and self.body.archived_at is None
        live_meeting = meeting is not None and meeting.archived_at is None
        chosen = self.minutes.currentItem() is not None
        self.attach_button.setEnabled(writable and live_meeting)
        self.open_button.setEnabled(chosen)
        self.remove_button.setEnabled(writable and live_meeting and chosen)

    def _chosen_minutes(self) -> uuid.UUID | None:
        item = self.minutes.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def attach(self) -> None:
        meeting = self.current()
        if meeting is None:
            return
        title = _("Attach minutes")
        name, _filter = QFileDialog.getOpenFileName(self, title)
        if not name:
            return
        try:
            attach_minutes(self.db, meeting.id, Path(name))
        except DatabaseProblem as problem:
            QMessageBox.warning(self, title, problem.user_message())
            return
        except OSError as problem:
            QMessageBox.warning(self, title, _("The file could not be read: {reason}").format(reason=problem))
            return
        self.show_minutes()
        self.minutes.setCurrentRow(self.minutes.count() - 1)

    def open_minutes(self) -> None:
        minutes_id = self._chosen_minutes()
        if minutes_id is None:
            return
        try:
            path = minutes_path(self.db, minutes_id)
        except DatabaseProblem as problem:
            QMessageBox.warning(self, _("Open"), problem.user_message())
            return
        if not path.is_file():
            QMessageBox.warning(self, _("Open"), _("The file {path} is missing.").format(path=path))
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def remove_minutes(self) -> None:
        minutes_id = self._chosen_minutes()
        item = self.minutes.currentItem()
        if minutes_id is None or item is None:
            return
        question = _("Remove {name} from the meeting? It is kept in the archive with the change history.")
        if not ask_yes_no(self, _("Remove"), question.format(name=item.text())):
            return
        try:
            remove_minutes(self.db, minutes_id)
        except DatabaseProblem as problem:
            QMessageBox.warning(self, _("Remove"), problem.user_message())
            return
        self.show_minutes()
