"""The Staff view: the list and the person's form, the ending periods and the year's statistics as tabs."""

from __future__ import annotations

import uuid
from datetime import date

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QPushButton, QSplitter, QTabWidget, QWidget

from jarjestokeskus.db.engine import Database
from jarjestokeskus.i18n import _, format_number, ngettext
from jarjestokeskus.services import changes
from jarjestokeskus.services.staff import employment as service
from jarjestokeskus.ui.staff.editor import EmploymentEditor
from jarjestokeskus.ui.staff.ending_view import EndingView
from jarjestokeskus.ui.staff.statistics import StaffStatistics
from jarjestokeskus.ui.staff.table_model import COL_NAME, ID_ROLE, SORT_ROLE, StaffTableModel
from jarjestokeskus.ui.widgets.register_view import RegisterView, list_table

TAB_STAFF, TAB_ENDING, TAB_STATISTICS = range(3)


class StaffView(RegisterView):
    """Tabs: Staff (list + editor in `splitter`), Ending periods, Statistics."""

    id_role = ID_ROLE
    splitter_sizes = (700, 700)
    stretch = (2, 3)
    areas = (changes.STAFF, changes.PROJECTS)

    def __init__(self, db: Database, parent: QWidget | None = None, today: date | None = None) -> None:
        self.today = today
        self.model = StaffTableModel()
        self.proxy = QSortFilterProxyModel()
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        super().__init__(db, parent)
        self.model.setParent(self)
        self.proxy.setParent(self)
        self.show_archived = self.archived_box
        self.editor.erased.connect(self.after_save)

    def build_table(self) -> QAbstractItemView:
        table = list_table(self.proxy)
        table.sortByColumn(COL_NAME, Qt.SortOrder.AscendingOrder)
        for column, width in enumerate((170, 170, 170, 90)):
            table.horizontalHeader().resizeSection(column, width)
        return table

    def build_editor(self) -> EmploymentEditor:
        return EmploymentEditor(self.db, self)

    def extra_widgets(self) -> list[QWidget]:
        self.limits_button = QPushButton()
        self.limits_button.clicked.connect(self.open_limits)
        return [self.limits_button]

    def body(self, splitter: QSplitter) -> QWidget:
        self.ending = EndingView(self.db, self, today=self.today)
        self.ending.person_chosen.connect(self.show_person)
        self.statistics = StaffStatistics(self.db, self, today=self.today)
        self.tabs = QTabWidget()
        self.tabs.addTab(splitter, "")
        self.tabs.addTab(self.ending, "")
        self.tabs.addTab(self.statistics, "")
        self.tabs.currentChanged.connect(self._tab_changed)
        return self.tabs

    def retranslate(self) -> None:
        self.title.setText(_("Staff"))
        self.search.setPlaceholderText(_("Search by name or title (Ctrl+F)"))
        self.archived_box.setText(_("Show a&rchived"))
        self.limits_button.setText(_("Scheme &limits…"))
        self.tabs.setTabText(TAB_STAFF, _("Staff"))
        self.tabs.setTabText(TAB_ENDING, _("Ending periods"))
        self.tabs.setTabText(TAB_STATISTICS, _("Statistics"))
        self.model.retranslate()
        self.editor.retranslate()
        self.ending.retranslate()
        self.statistics.retranslate()
        self.show_count()

    # --- the list ------------------------------------------------------------------------
    def reload(self) -> None:
        rows = service.list_staff(
            self.db,
            self.today or date.today(),
            archived=self.archived_box.isChecked(),
            text=self.search.text(),
        )
        self.model.set_rows(rows)

    def index_of(self, record_id: uuid.UUID) -> QModelIndex:
        return self.proxy.mapFromSource(self.model.index(self.model.row_of(record_id), COL_NAME))

    def count_text(self, count: int) -> str:
        return ngettext("{count} person", "{count} persons", count).format(count=format_number(count))

    def refresh_after_change(self) -> None:
        super().refresh_after_change()
        self._tab_changed(self.tabs.currentIndex())

    def show_person(self, person_id: uuid.UUID) -> None:
        """From the ending view: open the person on the Staff tab."""
        if not self.confirm_leaving_edits():
            return
        self.tabs.setCurrentIndex(TAB_STAFF)
        if self.model.row_of(person_id) < 0 and self.archived_box.isChecked():
            self.archived_box.setChecked(False)
        self.select(person_id)
        if self.editor.current_id() != person_id:
            self.open(person_id)

    def _tab_changed(self, index: int) -> None:
        if index == TAB_ENDING:
            self.ending.reload()
        elif index == TAB_STATISTICS:
            self.statistics.reload()

    # --- actions from the main window ----------------------------------------------------
    def start_new(self) -> None:
        """A new person starts with one period to fill in (not yet an unsaved change)."""
        self.tabs.setCurrentIndex(TAB_STAFF)
        self.editor.new_person()
        self.editor.add_period()
        self.editor.dirty = False

    def focus_search(self) -> None:
        self.tabs.setCurrentIndex(TAB_STAFF)
        super().focus_search()

    def open_limits(self) -> None:
        from jarjestokeskus.ui.staff.scheme_limits_dialog import SchemeLimitsDialog

        SchemeLimitsDialog(self.db, self).exec()
        self.editor.check_limits()

    def after_save(self, record_id: uuid.UUID) -> None:
        super().after_save(record_id)
        self.ending.reload()
        self.statistics.reload()

    def after_archive(self, record_id: uuid.UUID) -> None:
        super().after_archive(record_id)
        self.ending.reload()
        self.statistics.reload()
