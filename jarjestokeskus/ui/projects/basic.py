"""The Basic tab of the project editor (names, code, owner, status, period) and form ↔ detail."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from jarjestokeskus.db.engine import Database
from jarjestokeskus.domain.enums import ProjectStatus
from jarjestokeskus.domain.projects import (
    FundingForm,
    InstalmentForm,
    ObligationForm,
    PartnerForm,
    ProjectForm,
    StatusChangeForm,
    label,
)
from jarjestokeskus.i18n import _, format_date
from jarjestokeskus.services.rows import ProjectDetail
from jarjestokeskus.ui.projects.tables import StatusChangeTable, format_amount
from jarjestokeskus.ui.widgets.field_errors import FieldBox
from jarjestokeskus.ui.widgets.organisation_picker import OrganisationPicker

LINE_KEYS = ("name_fi", "name_sv", "code", "start_date", "end_date")
KEYS = ("name_fi", "name_sv", "code", "owner", "status", "start_date", "end_date", "description")


def form_from_detail(detail: ProjectDetail) -> ProjectForm:
    """The stored values as the form shows them: text typed the way the domain parses it."""
    return ProjectForm(
        code=detail.code,
        name_fi=detail.name_fi,
        name_sv=detail.name_sv,
        description=detail.description,
        owner_id=detail.owner_id,
        status=detail.status,
        start_date=format_date(detail.start_date),
        end_date=format_date(detail.end_date),
        status_changes=[
            StatusChangeForm(c.status, format_date(c.changed_on), c.id) for c in detail.status_changes
        ],
        partners=[PartnerForm(p.organisation_id, p.role, p.id) for p in detail.partners],
        fundings=[
            FundingForm(
                instrument=f.instrument,
                funder_id=f.funder_id,
                year=str(f.year),
                amount_applied=format_amount(f.amount_applied),
                applied_on=format_date(f.applied_on),
                decision_number=f.decision_number,
                decision_date=format_date(f.decision_date),
                amount_granted=format_amount(f.amount_granted),
                own_contribution=format_amount(f.own_contribution),
                use_from=format_date(f.use_from),
                use_until=format_date(f.use_until),
                first_grant=f.first_grant,
                instalments=[
                    InstalmentForm(
                        format_date(i.due_date),
                        format_amount(i.amount),
                        format_date(i.paid_on),
                        format_amount(i.paid_amount),
                        i.id,
                    )
                    for i in f.instalments
                ],
                obligations=[
                    ObligationForm(o.kind, format_date(o.due_date), format_date(o.submitted_on), o.id)
                    for o in f.obligations
                ],
                funding_id=f.id,
            )
            for f in detail.fundings
        ],
    )


class ProjectFields(QObject):
    """Owns the project's own inputs; `edited` names the field the user changed."""

    edited = Signal(str)

    def __init__(self, db: Database, parent: QWidget) -> None:
        super().__init__(parent)
        self._setting = False
        self.inputs: dict[str, QWidget] = {}
        self.lines: dict[str, QLineEdit] = {}
        for key in LINE_KEYS:
            edit = QLineEdit()
            edit.textEdited.connect(lambda _t, k=key: self._edited(k))
            self.lines[key] = self.inputs[key] = edit
        self.owner = OrganisationPicker(db)
        self.owner.chosen.connect(lambda _id: self._edited("owner"))
        self.status = QComboBox()
        self.status.currentIndexChanged.connect(lambda _i: self._edited("status"))
        self.description = QPlainTextEdit()
        self.description.setTabChangesFocus(True)
        self.description.setFixedHeight(self.description.fontMetrics().lineSpacing() * 4 + 12)
        self.description.textChanged.connect(lambda: self._edited("description"))
        self.inputs.update(owner=self.owner, status=self.status, description=self.description)
        width = parent.fontMetrics().horizontalAdvance("0") * 14 + 16
        for key in ("code", "start_date", "end_date"):
            self.lines[key].setMaximumWidth(width)
        self.boxes = {key: FieldBox(widget) for key, widget in self.inputs.items()}
        self.captions: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for key in KEYS:
            if key == "end_date":
                continue
            caption = QLabel()
            caption.setBuddy(self.inputs[key])
            self.captions[key] = caption
            if key == "start_date":
                period = QHBoxLayout()
                period.addWidget(self.boxes["start_date"])
                self.until = QLabel("–")
                self.until.setBuddy(self.lines["end_date"])
                period.addWidget(self.until)
                period.addWidget(self.boxes["end_date"])
                period.addStretch(1)
                form.addRow(caption, period)
            else:
                form.addRow(caption, self.boxes[key])
        self.status_table = StatusChangeTable()
        self.status_table.table.setMinimumHeight(parent.fontMetrics().height() * 7)
        self.status_group = QGroupBox()
        QVBoxLayout(self.status_group).addWidget(self.status_table)
        self.page = QWidget()
        layout = QVBoxLayout(self.page)
        layout.addLayout(form)
        layout.addWidget(self.status_group, 1)
        self.retranslate()

    def tab_chain(self) -> list[QWidget]:
        return [self.inputs[key] for key in KEYS] + [
            self.status_table.table,
            self.status_table.add_button,
            self.status_table.remove_button,
        ]

    def retranslate(self) -> None:
        self._setting = True
        try:
            for key, caption in self.captions.items():
                caption.setText(_("Period") if key == "start_date" else label(key))
            self.captions["name_fi"].setText(_("Name in &Finnish"))
            self.lines["start_date"].setPlaceholderText(_("d.m.yyyy"))
            self.lines["end_date"].setPlaceholderText(_("d.m.yyyy"))
            self.lines["start_date"].setToolTip(label("start_date"))
            self.lines["end_date"].setToolTip(label("end_date"))
            current = self.status.currentData()
            self.status.clear()
            for member in ProjectStatus:
                self.status.addItem(member.label, member.value)
            self.status.setCurrentIndex(max(0, self.status.findData(current)))
            self.status_group.setTitle(_("Status changes"))
            self.owner.retranslate()
            self.status_table.retranslate()
        finally:
            self._setting = False

    def _edited(self, key: str) -> None:
        if not self._setting:
            self.boxes[key].clear_error()
            self.edited.emit(key)

    def set_form(self, form: ProjectForm, owner_name: str) -> None:
        self._setting = True
        try:
            for key, edit in self.lines.items():
                edit.setText(getattr(form, key))
                edit.setCursorPosition(0)
            self.owner.set_choice(form.owner_id, owner_name)
            self.status.setCurrentIndex(max(0, self.status.findData(form.status.value)))
            self.description.setPlainText(form.description)
            self.status_table.set_changes(form.status_changes)
        finally:
            self._setting = False

    def values(self) -> dict[str, object]:
        """Keyword arguments of `ProjectForm` for the project's own fields and status changes."""
        self.status_table.commit_editing()
        values: dict[str, object] = {key: edit.text() for key, edit in self.lines.items()}
        values["owner_id"] = self.owner.organisation_id()
        data = self.status.currentData()
        values["status"] = ProjectStatus(data) if data else ProjectStatus.IDEA
        values["description"] = self.description.toPlainText()
        values["status_changes"] = self.status_table.changes()
        return values

    def owner_name(self) -> tuple[uuid.UUID | None, str]:
        return self.owner.organisation_id(), self.owner.text()

    def set_read_only(self, read_only: bool) -> None:
        for edit in (*self.lines.values(), self.owner):
            edit.setReadOnly(read_only)
        self.description.setReadOnly(read_only)
        self.status.setEnabled(not read_only)
        self.status_table.set_read_only(read_only)

    def clear_errors(self) -> None:
        for box in self.boxes.values():
            box.clear_error()
        self.status_table.clear_errors()
