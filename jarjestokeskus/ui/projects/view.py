"""The Projects view: filters by status, funder, instrument and year on the shared register view."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QWidget

from jarjestokeskus.db.engine import Database
from jarjestokeskus.domain.enums import FundingInstrument, ProjectStatus
from jarjestokeskus.i18n import _, current_language, format_number, localized, ngettext
from jarjestokeskus.services import changes
from jarjestokeskus.services.projects import register as service
from jarjestokeskus.ui.projects.editor import ProjectEditor
from jarjestokeskus.ui.projects.table_model import COL_NAME, ID_ROLE, SORT_ROLE, ProjectTableModel
from jarjestokeskus.ui.widgets.register_view import RegisterView, fill_combo, list_table


class ProjectsView(RegisterView):
    """Every project the umbrella runs or takes part in; the archive behind a check box."""

    id_role = ID_ROLE
    areas = (changes.PROJECTS, changes.ORGANISATIONS, changes.STAFF)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        self.model = ProjectTableModel()
        self.proxy = QSortFilterProxyModel()
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        super().__init__(db, parent)
        self.model.setParent(self)
        self.proxy.setParent(self)

    # The hooks of the register view: alike in shape in every register, their contents its own.
    def build_table(self) -> QAbstractItemView:
        table = list_table(self.proxy)
        table.sortByColumn(COL_NAME, Qt.SortOrder.AscendingOrder)
        table.horizontalHeader().resizeSection(COL_NAME, 260)
        return table

    def build_editor(self) -> ProjectEditor:
        return ProjectEditor(self.db, self)

    def build_filters(self) -> list[QWidget]:
        self.status_filter = QComboBox()
        self.funder_filter = QComboBox()
        self.instrument_filter = QComboBox()
        self.year_filter = QComboBox()
        self.funder_filter.setMaximumWidth(self.fontMetrics().horizontalAdvance("0") * 30)
        return [self.status_filter, self.funder_filter, self.instrument_filter, self.year_filter]

    def retranslate(self) -> None:
        self.title.setText(_("Projects"))
        self.search.setPlaceholderText(_("Search by name, code or owner (Ctrl+F)"))
        self.archived_box.setText(_("Show archi&ved projects"))
        fill_combo(self.status_filter, _("All statuses"), [(m.label, m) for m in ProjectStatus])
        fill_combo(self.instrument_filter, _("All instruments"), [(m.label, m) for m in FundingInstrument])
        if self._loaded:
            self.reload_choices()
        self.model.retranslate()
        self.proxy.invalidate()
        self.editor.retranslate()
        self.show_count()

    def reload_choices(self) -> None:
        """The funders and years in use change when fundings are saved."""
        language = current_language()
        # As text: a combo's findData() does not compare UUID objects by value.
        funders = [
            (localized(fi, sv, language), str(funder_id)) for funder_id, fi, sv in service.funders(self.db)
        ]
        fill_combo(self.funder_filter, _("All funders"), funders)
        fill_combo(self.year_filter, _("All years"), [(str(y), y) for y in service.funding_years(self.db)])

    def reload_filters(self) -> None:
        self.reload_choices()

    def query(self) -> service.ProjectQuery:
        funder = self.funder_filter.currentData()
        return service.ProjectQuery(
            text=self.search.text(),
            status=self.status_filter.currentData(),
            funder_id=uuid.UUID(funder) if funder else None,
            instrument=self.instrument_filter.currentData(),
            year=self.year_filter.currentData(),
            archived=self.archived_box.isChecked(),
        )

    def reload(self) -> None:
        rows = service.list_projects(self.db, self.query())
        first = self.model.rowCount() == 0
        self.model.set_rows(rows)
        if first and rows:
            for column in range(COL_NAME + 1, self.model.columnCount() - 1):
                self.table.resizeColumnToContents(column)

    def index_of(self, record_id: uuid.UUID) -> QModelIndex:
        return self.proxy.mapFromSource(self.model.index(self.model.row_of(record_id), COL_NAME))

    def count_text(self, count: int) -> str:
        return ngettext("{count} project", "{count} projects", count).format(count=format_number(count))
