"""The Bodies tab: bodies of municipalities and the county, their seats and meetings, minutes attached."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from jarjestokeskus.db.engine import Database
from jarjestokeskus.domain.cooperation import AreaKind, BodyKind, SeatRole
from jarjestokeskus.i18n import N_, _, current_language, format_date
from jarjestokeskus.services.cooperation.bodies import (
    BodyForm,
    BodyRow,
    SeatForm,
    bodies,
    save_body,
    save_seat,
    seats,
)
from jarjestokeskus.services.cooperation.meetings import (
    MeetingForm,
    MeetingRow,
    attach_minutes,
    list_minutes,
    meetings,
    save_meeting,
)
from jarjestokeskus.ui.cooperation.common import (
    FormBox,
    RowsTableModel,
    enum_combo,
    retranslate_combo,
    run_saving,
    select_data,
    table_for,
)
from jarjestokeskus.ui.widgets.organisation_picker import OrganisationPicker


def _typed(day: date | None) -> str:
    return format_date(day) if day else ""


class BodiesTab(QWidget):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.current: BodyRow | None = None
        self.current_meeting: MeetingRow | None = None
        self.bodies = RowsTableModel(
            [
                (N_("Body"), lambda r: r.name(current_language())),
                (N_("Kind"), lambda r: r.kind),
                (N_("Municipality or county"), lambda r: r.area),
                (N_("Term ends"), lambda r: r.term_end),
            ],
            self,
        )
        self.body_table = table_for(self.bodies, self.show_body)
        self.kind = enum_combo(BodyKind)
        self.name_fi, self.name_sv, self.area = QLineEdit(), QLineEdit(), QLineEdit()
        self.area_kind = enum_combo(AreaKind)
        self.term_start, self.term_end = QLineEdit(), QLineEdit()
        self.note = QLineEdit()
        self.new_button = QPushButton(clicked=self.new_body)
        self.save_button = QPushButton(clicked=self.save_body)
        self.body_box = FormBox(
            N_("Body"),
            [
                (N_("Kind"), self.kind),
                (N_("Name in Finnish"), self.name_fi),
                (N_("Name in Swedish"), self.name_sv),
                (N_("Whose"), self.area_kind),
                (N_("Municipality or county"), self.area),
                (N_("Term from"), self.term_start),
                (N_("Term to"), self.term_end),
                (N_("Note"), self.note),
            ],
            self.new_button,
            self.save_button,
        )
        left = QVBoxLayout()
        left.addWidget(self.body_table, 1)
        left.addWidget(self.body_box)

        self.seats = RowsTableModel(
            [
                (N_("Role"), lambda r: r.role),
                (N_("Representative"), lambda r: r.person),
                (N_("Organisation"), lambda r: r.organisation),
                (N_("From"), lambda r: r.start_date),
                (N_("To"), lambda r: r.end_date),
            ],
            self,
        )
        self.seat_table = table_for(self.seats)
        self.first_name, self.last_name = QLineEdit(), QLineEdit()
        self.organisation = OrganisationPicker(db)
        self.role = enum_combo(SeatRole)
        self.seat_start, self.seat_end = QLineEdit(), QLineEdit()
        self.add_seat_button = QPushButton(clicked=self.add_seat)
        self.seat_box = FormBox(
            N_("Add a representative"),
            [
                (N_("First name"), self.first_name),
                (N_("Last name"), self.last_name),
                (N_("Organisation"), self.organisation),
                (N_("Role"), self.role),
                (N_("From"), self.seat_start),
                (N_("To"), self.seat_end),
            ],
            self.add_seat_button,
        )

        self.meetings = RowsTableModel(
            [
                (N_("Meeting date"), lambda r: r.held_on),
                (N_("Agenda"), lambda r: r.agenda.replace("\n", " · ")),
                (N_("Decisions"), lambda r: r.decisions),
            ],
            self,
        )
        self.meeting_table = table_for(self.meetings, self.show_meeting)
        self.held_on = QLineEdit()
        self.agenda, self.decisions = QPlainTextEdit(), QPlainTextEdit()
        for text in (self.agenda, self.decisions):
            text.setFixedHeight(48)
        self.add_meeting_button = QPushButton(clicked=self.add_meeting)
        self.minutes_button = QPushButton(clicked=self.attach)
        self.meeting_box = FormBox(
            N_("Add a meeting"),
            [
                (N_("Meeting date"), self.held_on),
                (N_("Agenda"), self.agenda),
                (N_("Decisions"), self.decisions),
            ],
            self.add_meeting_button,
            self.minutes_button,
        )
        right = QVBoxLayout()
        seats_row = QHBoxLayout()
        seats_row.addWidget(self.seat_table, 3)
        seats_row.addWidget(self.seat_box, 2)
        meetings_row = QHBoxLayout()
        meetings_row.addWidget(self.meeting_table, 3)
        meetings_row.addWidget(self.meeting_box, 2)
        right.addLayout(seats_row, 1)
        right.addLayout(meetings_row, 1)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 2)
        layout.addLayout(right, 3)
        self.retranslate()

    def retranslate(self) -> None:
        self.new_button.setText(_("&New body"))
        self.save_button.setText(_("&Save body"))
        self.add_seat_button.setText(_("Add &representative"))
        self.add_meeting_button.setText(_("Add &meeting"))
        self.minutes_button.setText(_("Attach minutes…"))
        for box in (self.body_box, self.seat_box, self.meeting_box):
            box.retranslate()
        for combo in (self.kind, self.area_kind, self.role):
            retranslate_combo(combo)
        self.organisation.retranslate()
        for model in (self.bodies, self.seats, self.meetings):
            model.retranslate()

    def refresh(self) -> None:
        chosen = self.current.id if self.current else None
        rows = bodies(self.db, current_language())
        self.bodies.set_rows(rows)
        for index, row in enumerate(rows):
            if row.id == chosen:
                self.body_table.selectRow(index)
        self._enable()

    def _enable(self) -> None:
        writable = not self.db.read_only
        self.save_button.setEnabled(writable)
        for widget in (self.add_seat_button, self.add_meeting_button):
            widget.setEnabled(writable and self.current is not None)
        self.minutes_button.setEnabled(
            writable and self.current_meeting is not None and self.db.path is not None
        )

    # --- a body --------------------------------------------------------------------------
    def show_body(self, row: BodyRow | None) -> None:
        self.current = row
        self.current_meeting = None
        if row is not None:
            select_data(self.kind, row.kind)
            select_data(self.area_kind, row.area_kind)
            self.name_fi.setText(row.name_fi)
            self.name_sv.setText(row.name_sv)
            self.area.setText(row.area)
            self.term_start.setText(_typed(row.term_start))
            self.term_end.setText(_typed(row.term_end))
            self.note.setText(row.note)
            self.seats.set_rows(seats(self.db, row.id, current_language()))
            self.meetings.set_rows(meetings(self.db, row.id))
        else:
            self.seats.set_rows([])
            self.meetings.set_rows([])
        self._enable()

    def new_body(self) -> None:
        self.body_table.clearSelection()
        self.show_body(None)
        for field in (self.name_fi, self.name_sv, self.area, self.term_start, self.term_end, self.note):
            field.clear()
        self.name_fi.setFocus()

    def save_body(self) -> None:
        form = BodyForm(
            self.kind.currentData(),
            self.name_fi.text(),
            self.name_sv.text(),
            self.area_kind.currentData(),
            self.area.text(),
            self.term_start.text(),
            self.term_end.text(),
            self.note.text(),
        )
        current = self.current

        def save() -> None:
            saved = save_body(
                self.db, form, current.id if current else None, current.version if current else None
            )
            self.current = saved

        if run_saving(self, _("Body"), save):
            self.refresh()

    # --- its seats and meetings ------------------------------------------------------------
    def add_seat(self) -> None:
        if self.current is None:
            return
        body = self.current
        form = SeatForm(
            self.first_name.text(),
            self.last_name.text(),
            self.organisation.organisation_id(),
            self.role.currentData(),
            self.seat_start.text(),
            self.seat_end.text(),
        )
        if run_saving(self, _("Add a representative"), lambda: save_seat(self.db, body.id, form)):
            for field in (self.first_name, self.last_name, self.seat_start, self.seat_end):
                field.clear()
            self.organisation.set_choice(None)
            self.show_body(body)

    def show_meeting(self, row: MeetingRow | None) -> None:
        self.current_meeting = row
        self._enable()

    def add_meeting(self) -> None:
        if self.current is None:
            return
        body = self.current
        form = MeetingForm(self.held_on.text(), self.agenda.toPlainText(), self.decisions.toPlainText())
        if run_saving(self, _("Add a meeting"), lambda: save_meeting(self.db, body.id, form)):
            self.held_on.clear()
            self.agenda.clear()
            self.decisions.clear()
            self.show_body(body)

    def attach(self) -> None:
        meeting = self.current_meeting
        if meeting is None:
            return
        name, _filter = QFileDialog.getOpenFileName(self, _("Attach minutes"))
        if name and run_saving(
            self, _("Attach minutes"), lambda: attach_minutes(self.db, meeting.id, Path(name))
        ):
            self.minutes_button.setToolTip(", ".join(m.file_name for m in list_minutes(self.db, meeting.id)))
