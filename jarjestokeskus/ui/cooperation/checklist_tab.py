"""The Cooperation checklist tab: one municipality's or the county's elements in a year, each one's state."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from jarjestokeskus.db.engine import Database
from jarjestokeskus.domain.cooperation import AreaKind, ChecklistStatus, ChecklistTemplate
from jarjestokeskus.i18n import N_, _, current_language, format_date
from jarjestokeskus.services.cooperation.areas import area_name, canonical_area
from jarjestokeskus.services.cooperation.checklist import (
    ChecklistLine,
    EntryForm,
    checklist,
    checklist_areas,
    retire_element,
    save_element,
    save_entry,
    start_year_from_last,
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
from jarjestokeskus.ui.cooperation.fields import Field, area_combo, fill_area_combo
from jarjestokeskus.ui.cooperation.sub_records import RecordDialog

NAME_FIELDS = (Field("name_fi", N_("Name in &Finnish")), Field("name_sv", N_("Name in S&wedish")))


class ChecklistTab(QWidget):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.line: ChecklistLine | None = None
        self.template = enum_combo(ChecklistTemplate)
        self.area_kind = enum_combo(AreaKind)
        self.area = area_combo()
        self.year = QSpinBox(minimum=2000, maximum=2100, value=date.today().year)
        self.show_button = QPushButton(clicked=self.refresh)
        self.copy_button = QPushButton(clicked=self.copy_last_year)
        self.top_labels = [QLabel(), QLabel(), QLabel(), QLabel()]
        top = QHBoxLayout()
        for label, widget in zip(
            self.top_labels, (self.template, self.area_kind, self.area, self.year), strict=True
        ):
            label.setBuddy(widget)
            top.addWidget(label)
            top.addWidget(widget)
        self.area.setMinimumWidth(200)
        top.addStretch(1)
        for combo in (self.template, self.area_kind):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(14)
        actions = QHBoxLayout()  # on a row of their own: the Swedish row is wider than 1280 px
        actions.addWidget(self.show_button)
        actions.addWidget(self.copy_button)
        actions.addStretch(1)
        self.template.currentIndexChanged.connect(lambda _i: self._template_changed())
        self.year.valueChanged.connect(lambda _y: self.refresh())
        self.area.activated.connect(lambda _i: self.refresh())
        self.area.lineEdit().editingFinished.connect(self.refresh)
        self.area_kind.activated.connect(lambda _i: self._area_kind_changed())
        self.model = RowsTableModel(
            [
                (N_("Element"), lambda r: r.element.name(current_language())),
                (N_("Status"), lambda r: r.entry.status if r.entry else _("not assessed")),
                (N_("Owner"), lambda r: r.entry.owner if r.entry else ""),
                (N_("Date"), lambda r: r.entry.due_date if r.entry else None),
                (N_("Note"), lambda r: r.entry.note if r.entry else ""),
            ],
            self,
        )
        self.table = table_for(self.model, self.show_line)
        self.status = enum_combo(ChecklistStatus)
        self.owner, self.due_date, self.note = QLineEdit(), QLineEdit(), QLineEdit()
        self.save_button = QPushButton(clicked=self.save)
        self.entry_box = FormBox(
            N_("State of the element"),
            [
                (N_("Status"), self.status),
                (N_("Owner"), self.owner),
                (N_("Date"), self.due_date),
                (N_("Note"), self.note),
            ],
            self.save_button,
        )
        self.add_element_button = QPushButton(clicked=self.add_element)
        self.rename_button = QPushButton(clicked=self.rename_element)
        self.retire_button = QPushButton(clicked=self.retire)
        element_buttons = QVBoxLayout()
        for button in (self.add_element_button, self.rename_button, self.retire_button):
            element_buttons.addWidget(button)
        element_buttons.addStretch(1)
        side = QVBoxLayout()
        side.addWidget(self.entry_box)
        side.addLayout(element_buttons)
        middle = QHBoxLayout()
        middle.addWidget(self.table, 3)
        middle.addLayout(side, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(actions)
        layout.addLayout(middle, 1)
        self.retranslate()

    def retranslate(self) -> None:
        for label, text in zip(
            self.top_labels, (_("Te&mplate"), _("Whose"), _("&Area"), _("&Year")), strict=True
        ):
            label.setText(text)
        self.show_button.setText(_("S&how"))
        self.copy_button.setText(_("Start from last year"))
        self.save_button.setText(_("&Save state"))
        self.add_element_button.setText(_("Add element…"))
        self.rename_button.setText(_("Rename element…"))
        self.retire_button.setText(_("Retire element"))
        self.entry_box.retranslate()
        for combo in (self.template, self.area_kind, self.status):
            retranslate_combo(combo)
        self.model.retranslate()

    def _template_changed(self) -> None:
        county = self.template.currentData() == ChecklistTemplate.COUNTY_DOCUMENT
        select_data(self.area_kind, AreaKind.WELLBEING_COUNTY if county else AreaKind.MUNICIPALITY)
        self.area.setCurrentText("")
        self.refresh()

    def refresh(self) -> None:
        """The chosen area's checklist; at first the first area that has one."""
        kind, language = self.area_kind.currentData(), current_language()
        typed = self.area.currentText().strip()
        if not typed:
            assessed = [area for k, area in checklist_areas(self.db) if k == kind]
            typed = assessed[0] if assessed else ""
        found = canonical_area(kind, typed) if typed else None  # shown in the window's language
        fill_area_combo(self.area, kind, area_name(kind, found, language) if found else typed)
        area = self.area.currentText().strip()
        lines = checklist(
            self.db, self.template.currentData(), self.area_kind.currentData(), area, self.year.value()
        )
        self.model.set_rows(lines if area else [])
        self.line = None
        self._enable()

    def _area_kind_changed(self) -> None:
        self.area.setCurrentText("")
        self.refresh()

    def _enable(self) -> None:
        writable = not self.db.read_only
        self.save_button.setEnabled(writable and self.line is not None)
        self.rename_button.setEnabled(writable and self.line is not None)
        self.retire_button.setEnabled(writable and self.line is not None)
        self.add_element_button.setEnabled(writable)
        self.copy_button.setEnabled(writable and bool(self.area.currentText().strip()))

    def show_line(self, line: ChecklistLine | None) -> None:
        self.line = line
        entry = line.entry if line else None
        select_data(self.status, entry.status if entry else ChecklistStatus.NONE)
        self.owner.setText(entry.owner if entry else "")
        self.due_date.setText(format_date(entry.due_date) if entry and entry.due_date else "")
        self.note.setText(entry.note if entry else "")
        self._enable()

    def _keep_row(self, row: int) -> None:
        self.refresh()
        self.table.selectRow(row)

    def save(self) -> None:
        line = self.line
        if line is None:
            return
        row = self.table.currentIndex().row()
        form = EntryForm(self.status.currentData(), self.owner.text(), self.due_date.text(), self.note.text())
        version = line.entry.version if line.entry else None
        args = (
            line.element.id,
            self.area_kind.currentData(),
            self.area.currentText(),
            self.year.value(),
            form,
        )
        if run_saving(self, _("Cooperation checklist"), lambda: save_entry(self.db, *args, version)):
            self._keep_row(row)

    def copy_last_year(self) -> None:
        args = (
            self.template.currentData(),
            self.area_kind.currentData(),
            self.area.currentText(),
            self.year.value(),
        )
        if run_saving(self, _("Cooperation checklist"), lambda: start_year_from_last(self.db, *args)):
            self.refresh()

    def add_element(self) -> None:
        template = self.template.currentData()
        self._names(
            _("Add element"), {}, lambda v: save_element(self.db, template, v["name_fi"], v["name_sv"])
        )

    def rename_element(self) -> None:
        """Both names of the element, Finnish and Swedish, in one dialog."""
        line = self.line
        if line is None:
            return
        e = line.element
        self._names(
            _("Rename element"),
            {"name_fi": e.name_fi, "name_sv": e.name_sv},
            lambda v: save_element(self.db, e.template, v["name_fi"], v["name_sv"], e.id, e.version),
        )

    def _names(self, title: str, values: dict[str, str], save: Callable[[dict[str, Any]], object]) -> None:
        dialog = RecordDialog(self.db, title, NAME_FIELDS, save, self)
        dialog.fields.set_values(values)
        accepted = dialog.exec()
        dialog.deleteLater()
        if accepted:
            row = self.table.currentIndex().row()
            self._keep_row(row)

    def retire(self) -> None:
        line = self.line
        if line is not None and run_saving(
            self, _("Retire element"), lambda: retire_element(self.db, line.element.id, line.element.version)
        ):
            self.refresh()
