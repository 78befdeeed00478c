"""The Events view: the events by year and kind, searchable, with the event's editor beside them."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QPushButton, QWidget

from jarjestokeskus.db.engine import Database
from jarjestokeskus.domain.events import EventKind
from jarjestokeskus.i18n import _, current_language, ngettext
from jarjestokeskus.services import changes
from jarjestokeskus.services.events.links import event_link_choices
from jarjestokeskus.services.events.register import list_events
from jarjestokeskus.ui.events.editor import EventEditor
from jarjestokeskus.ui.events.table_model import COL_DATE, ID_ROLE, SORT_ROLE, EventTableModel
from jarjestokeskus.ui.widgets.register_view import RegisterView, fill_combo, list_table


class EventsView(RegisterView):
    id_role = ID_ROLE
    lazy = True
    splitter_sizes = (800, 480)  # the list with its figures whole at 1280×720; the form fits in less
    areas = (changes.EVENTS, changes.PROJECTS, changes.AGREEMENTS)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        self.model = EventTableModel()
        self.proxy = QSortFilterProxyModel()
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        super().__init__(db, parent)
        self.model.setParent(self)
        self.proxy.setParent(self)
        self.editor.registrations.changed.connect(self.apply_filters)

    def build_table(self) -> QAbstractItemView:
        table = list_table(self.proxy)
        table.sortByColumn(COL_DATE, Qt.SortOrder.DescendingOrder)
        return table

    def build_editor(self) -> EventEditor:
        return EventEditor(self.db, self)

    def build_filters(self) -> list[QWidget]:
        self.year_filter = QComboBox()
        self.kind_filter = QComboBox()
        return [self.year_filter, self.kind_filter]

    def extra_widgets(self) -> list[QWidget]:
        self.reduce_button = QPushButton(clicked=self.reduce_old_lists)
        self.reduce_button.setEnabled(not self.db.read_only)
        return [self.reduce_button]

    def reduce_old_lists(self) -> None:
        from jarjestokeskus.ui.events.old_lists import reduce_old_lists

        if reduce_old_lists(self, self.db):
            self.apply_filters()
            if self.editor.current_id() is not None:  # its registrations may be counts now
                self.editor.registrations.show_event(self.editor.current_record())

    def retranslate(self) -> None:
        self.title.setText(_("Events"))
        self.reduce_button.setText(_("Reduce old attendance lists…"))
        self.reduce_button.setToolTip(
            _("Registrations of events older than the settings keep lists for become counts")
        )
        self.search.setPlaceholderText(_("Search by title or place (Ctrl+F)"))
        self.archived_box.setText(_("Show archived"))
        fill_combo(self.kind_filter, _("All kinds"), [(k.label, k) for k in EventKind])
        if self.year_filter.count():
            self.year_filter.setItemText(0, _("All years"))
        self.model.retranslate()
        self.editor.retranslate()
        self.show_count()

    def reload_choices(self) -> None:
        years = sorted({e.starts_on.year for e in list_events(self.db)} | {date.today().year}, reverse=True)
        fill_combo(self.year_filter, _("All years"), [(str(y), y) for y in years])
        self.editor.fields.set_choices(event_link_choices(self.db, current_language()))

    def reload(self) -> None:
        kind = self.kind_filter.currentData()
        rows = list_events(
            self.db,
            self.search.text(),
            self.year_filter.currentData(),
            self.showing_archive(),
            current_language(),
        )
        self.model.set_rows([r for r in rows if kind is None or r.kind == kind])

    def count_text(self, count: int) -> str:
        return ngettext("{count} event", "{count} events", count).format(count=count)
