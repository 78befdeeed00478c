"""The year clock view: a chosen year's twelve months with their tasks, done per year, and the editor."""

from __future__ import annotations

import uuid
from datetime import date

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.errors import DatabaseProblem
from jarjestokeskus.domain.year_clock import month_name
from jarjestokeskus.i18n import _, current_language, format_date
from jarjestokeskus.services import changes
from jarjestokeskus.services.calendar import year_clock as service
from jarjestokeskus.services.calendar.year_clock import YearClockRow
from jarjestokeskus.services.closed_years import closed_year
from jarjestokeskus.ui.widgets.field_errors import ERROR_COLOUR
from jarjestokeskus.ui.widgets.register_view import RegisterView
from jarjestokeskus.ui.year_clock.editor import YearClockEditor
from jarjestokeskus.ui.year_clock.export import export_calendar
from jarjestokeskus.ui.year_clock.keys import space_ticks_done

COL_DATE, COL_TASK, COL_CATEGORY, COL_DONE = range(4)
ID_ROLE = Qt.ItemDataRole.UserRole
MONTH_ROLE = Qt.ItemDataRole.UserRole + 1
WARNING_SIGN = "⚠"


class YearClockView(RegisterView):
    """Recurring yearly tasks month by month; a task's done box is for the chosen year only."""

    has_search = False
    splitter_sizes = (800, 500)
    stretch = (3, 2)
    areas = (changes.YEAR_CLOCK,)

    def __init__(self, db: Database, parent: QWidget | None = None, today: date | None = None) -> None:
        self.today = today
        self.rows: list[YearClockRow] = []
        self._filling = False
        super().__init__(db, parent)
        self.count_label.setVisible(False)  # the months show what there is
        archive = QShortcut(QKeySequence(Qt.Key.Key_Delete), self.table, self.archive_current)
        archive.setContext(Qt.ShortcutContext.WidgetShortcut)
        space_ticks_done(self.table, COL_DONE)

    def _today(self) -> date:
        return self.today or date.today()

    def build_table(self) -> QTreeWidget:
        table = QTreeWidget()
        table.setColumnCount(4)
        table.setRootIsDecorated(False)
        table.setItemsExpandable(False)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setAlternatingRowColors(True)
        header = table.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COL_TASK, QHeaderView.ResizeMode.Stretch)
        table.itemChanged.connect(self._item_changed)
        return table

    def build_editor(self) -> YearClockEditor:
        return YearClockEditor(self.db, self)

    def build_filters(self) -> list[QWidget]:
        self.year_label = QLabel()
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(self._today().year)
        self.year_label.setBuddy(self.year)
        self.year.valueChanged.connect(self._year_changed)
        self.closed_label = QLabel(objectName="yearClosed")  # a closed reported year says so
        return [self.year_label, self.year, self.closed_label]

    def extra_widgets(self) -> list[QWidget]:
        self.new_button = QPushButton(clicked=self.new_record)
        self.export_button = QPushButton(clicked=self.export_calendar)
        return [self.new_button, self.export_button]

    def below_list(self) -> list[QWidget]:
        self.hint = QLabel(wordWrap=True)
        self.survey_label = QLabel(wordWrap=True)  # the welfare survey's answering period
        return [self.survey_label, self.hint]

    def retranslate(self) -> None:
        self.title.setText(_("Year clock"))
        self.year_label.setText(_("&Year:"))
        self.archived_box.setText(_("Show archi&ved tasks"))
        self.new_button.setText(_("&New task"))
        self.new_button.setToolTip(_("Add a task to the year clock (Ctrl+N)"))
        self.export_button.setText(_("E&xport to calendar (.ics)…"))
        self.export_button.setToolTip(
            _("Save the deadlines and the year clock of the coming year for Outlook or Thunderbird")
        )
        self.table.setHeaderLabels([_("Date"), _("Task"), _("Category"), _("Done")])
        self.hint.setText(
            _(
                "Tick a task done for the chosen year; the next year stays open. Delete archives the chosen task."
            )
        )
        self.editor.retranslate()
        if self._loaded:
            self.refresh()

    def count_text(self, count: int) -> str:
        return ""

    # --- the months ------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the tasks of the chosen year again; the task open in the editor stays chosen."""
        self.apply_filters()

    def reload(self) -> None:
        try:
            self.rows = service.list_tasks(
                self.db,
                self.year.value(),
                archived=self.archived_box.isChecked(),
                language=current_language(),
            )
        except DatabaseProblem:
            self.rows = []
            raise
        finally:
            self._fill()
            self._show_closed()
            self._show_survey()

    def _show_survey(self) -> None:
        from jarjestokeskus.services.survey.questions import survey_period

        period = survey_period(self.db, self.year.value())
        shown = period is not None and (period.opens_on is not None or period.closes_on is not None)
        self.survey_label.setVisible(shown)
        if period is not None and shown:
            language = current_language()
            self.survey_label.setText(
                _("Welfare survey {year}: answers from {opens} to {closes}").format(
                    year=period.year,
                    opens=format_date(period.opens_on, language) or "…",
                    closes=format_date(period.closes_on, language) or "…",
                )
            )

    def _show_closed(self) -> None:
        closing = closed_year(self.db, self.year.value())
        self.closed_label.setVisible(closing is not None)
        if closing is not None:
            self.closed_label.setText(
                _("Closed on {date}: its reports as sent are in Reports.").format(
                    date=format_date(closing.closed_on, current_language())
                )
            )

    def _fill(self) -> None:
        language = current_language()
        today = self._today()
        self._filling = True
        self.table.blockSignals(True)
        try:
            self.table.clear()
            bold = self.table.font()
            bold.setBold(True)
            months = []
            for month in range(1, 13):
                heading = QTreeWidgetItem([month_name(month, language)])
                heading.setFirstColumnSpanned(True)
                heading.setFont(COL_DATE, bold)
                heading.setFlags(Qt.ItemFlag.ItemIsEnabled)
                heading.setData(COL_DATE, MONTH_ROLE, month)
                months.append(heading)
            self.table.addTopLevelItems(months)
            for row in self.rows:
                months[row.month - 1].addChild(self._item(row, today, language))
            for heading in months:
                heading.setFirstColumnSpanned(True)
                heading.setExpanded(True)
                if heading.childCount() == 0:
                    empty = QTreeWidgetItem(["", _("no tasks")])
                    empty.setFlags(Qt.ItemFlag.NoItemFlags)
                    heading.addChild(empty)
            self.table.resizeColumnToContents(COL_DATE)
            self.table.resizeColumnToContents(COL_CATEGORY)
            self.table.resizeColumnToContents(COL_DONE)
        finally:
            self.table.blockSignals(False)
            self._filling = False

    def _item(self, row: YearClockRow, today: date, language: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem()
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not self.db.read_only and row.archived_at is None:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        item.setFlags(flags)
        item.setData(COL_DATE, ID_ROLE, row.id)
        self._style(item, row, today, language)
        return item

    def _style(self, item: QTreeWidgetItem, row: YearClockRow, today: date, language: str) -> None:
        """Texts, the done box and the overdue marking (bold, red, a sign and a tooltip)."""
        overdue = row.is_overdue(today)
        day = format_date(row.due_date, language)
        texts = [f"{WARNING_SIGN} {day}" if overdue else day, row.name(language), row.category.label]
        font = self.table.font()
        font.setBold(overdue)
        for column, text in enumerate(texts):
            item.setText(column, text)
        for column in range(4):
            item.setFont(column, font)
            item.setData(
                column, Qt.ItemDataRole.ForegroundRole, QBrush(QColor(ERROR_COLOUR)) if overdue else None
            )
            item.setToolTip(column, _("Overdue") if overdue else "")
        item.setCheckState(COL_DONE, Qt.CheckState.Checked if row.done else Qt.CheckState.Unchecked)
        if row.done_on is not None:
            item.setToolTip(COL_DONE, _("Done on {date}.").format(date=format_date(row.done_on, language)))
        if row.notes and not overdue:
            item.setToolTip(COL_TASK, row.notes)

    def task_items(self) -> list[QTreeWidgetItem]:
        """The task rows in the order shown (months in order, each month's tasks by date)."""
        items = []
        for index in range(self.table.topLevelItemCount()):
            heading = self.table.topLevelItem(index)
            items.extend(
                heading.child(i)
                for i in range(heading.childCount())
                if heading.child(i).data(COL_DATE, ID_ROLE)
            )
        return items

    def item_of(self, task_id: uuid.UUID) -> QTreeWidgetItem | None:
        return next((i for i in self.task_items() if i.data(COL_DATE, ID_ROLE) == task_id), None)

    def _row_of(self, task_id: uuid.UUID) -> YearClockRow | None:
        return next((r for r in self.rows if r.id == task_id), None)

    def _item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        """The done box: one service call for the chosen year."""
        task_id = item.data(COL_DATE, ID_ROLE)
        if self._filling or column != COL_DONE or task_id is None:
            return
        done = item.checkState(COL_DONE) == Qt.CheckState.Checked
        try:
            service.set_done(self.db, task_id, self.year.value(), done, today=self._today())
            row = service.get_task(self.db, task_id, self.year.value())
        except DatabaseProblem as problem:
            QMessageBox.warning(self, _("Year clock"), problem.user_message())
            QTimer.singleShot(0, self.refresh)  # not now: Qt is still inside this item's change
            return
        # Restyled in place: clearing the tree here would delete the item Qt is changing.
        self.rows = [row if r.id == task_id else r for r in self.rows]
        self._filling = True
        self.table.blockSignals(True)
        try:
            self._style(item, row, self._today(), current_language())
        finally:
            self.table.blockSignals(False)
            self._filling = False

    def set_done(self, task_id: uuid.UUID, done: bool) -> None:
        """Tick or clear a task's done box as the user would."""
        item = self.item_of(task_id)
        if item is not None:
            item.setCheckState(COL_DONE, Qt.CheckState.Checked if done else Qt.CheckState.Unchecked)

    def _year_changed(self) -> None:
        self.editor.year = self.year.value()
        self.refresh()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        if self._loaded:
            self.refresh()  # tasks may have been marked elsewhere, or the day changed
        super().showEvent(event)

    # --- actions, also from the main window ------------------------------------------------
    def open(self, task_id: uuid.UUID) -> None:
        """Show the task (from the start page too): the archive is switched to when it is there."""
        self.ensure_loaded()
        archived = self._row_of(task_id) is None and any(
            r.id == task_id for r in service.list_tasks(self.db, self.year.value(), archived=True)
        )
        if archived != self.archived_box.isChecked() and self._row_of(task_id) is None:
            self.archived_box.blockSignals(True)
            self.archived_box.setChecked(archived)
            self.archived_box.blockSignals(False)
            self.refresh()
        self.editor.year = self.year.value()
        super().open(task_id)
        self.select(task_id, load=False)

    def open_record(self, record_id: uuid.UUID) -> None:
        """The start page's way in: the view name of a year-clock deadline is "year_clock"."""
        if self.confirm_leaving_edits():
            self.open(record_id)

    def start_new(self) -> None:
        """A new task in the month of the chosen row."""
        current = self.table.currentItem()
        month = None
        if current is not None:
            heading = current.parent() or current
            month = heading.data(COL_DATE, MONTH_ROLE)
        self.editor.new_task(month)

    def focus_search(self) -> None:
        self.table.setFocus()

    def archive_current(self) -> None:
        item = self.table.currentItem()
        task_id = item.data(COL_DATE, ID_ROLE) if item is not None else None
        if task_id is None:
            return
        if task_id != self.editor.current_id():
            self.open(task_id)
        self.editor.archive()

    def clear_editor(self) -> None:
        """Nothing chosen: a blank form for a new task (none in the archive or read-only)."""
        self.editor.year = self.year.value()
        super().clear_editor()

    def export_calendar(self) -> None:
        """Ask for a file and write the coming year's deadlines and year clock into it."""
        export_calendar(self, self.db, self._today())
