"""The Agreements view: the register as a tree (renewals under their originals) on the shared register view."""

from __future__ import annotations

import uuid
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QTreeWidget, QTreeWidgetItem, QWidget

from jarjestokeskus.db.engine import Database
from jarjestokeskus.domain.enums import AgreementKind, AgreementStatus
from jarjestokeskus.i18n import _, current_language, format_date, format_number, localized, ngettext
from jarjestokeskus.services import changes
from jarjestokeskus.services.agreements import register as service
from jarjestokeskus.services.agreements.rows import AgreementNode, AgreementRow
from jarjestokeskus.ui.agreements.editor import AgreementEditor
from jarjestokeskus.ui.widgets.register_view import RegisterView, fill_combo

ID_ROLE = Qt.ItemDataRole.UserRole
COL_TITLE, COL_KIND, COL_STATUS, COL_PERIOD, COL_PARTIES = range(5)
RENEWAL_MARK = "↻"


def period_text(row: AgreementRow) -> str:
    if row.valid_from is None and row.valid_to is None:
        return ""
    return _("{start} – {end}").format(start=format_date(row.valid_from), end=format_date(row.valid_to))


class AgreementsView(RegisterView):
    """Every agreement with the city, the county and the associations; the archive behind a check box.

    `table` is a QTreeWidget: use `table.header()`.
    """

    areas = (changes.AGREEMENTS, changes.ORGANISATIONS)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        self._count = 0
        super().__init__(db, parent)

    # The hooks of the register view: alike in shape in every register, their contents its own.
    def build_table(self) -> QTreeWidget:
        table = QTreeWidget()
        table.setColumnCount(5)
        table.setAlternatingRowColors(True)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setUniformRowHeights(True)
        table.header().resizeSection(COL_TITLE, 360)
        return table

    def build_editor(self) -> AgreementEditor:
        return AgreementEditor(self.db, self)

    def build_filters(self) -> list[QWidget]:
        self.kind_filter = QComboBox()
        self.status_filter = QComboBox()
        self.counterparty_filter = QComboBox()
        self.year_filter = QComboBox()
        self.counterparty_filter.setMaximumWidth(self.fontMetrics().horizontalAdvance("0") * 30)
        return [self.kind_filter, self.status_filter, self.counterparty_filter, self.year_filter]

    def retranslate(self) -> None:
        self.title.setText(_("Agreements"))
        self.search.setPlaceholderText(_("Search titles, parties, goals and commitments (Ctrl+F)"))
        self.archived_box.setText(_("Show archi&ved agreements"))
        self.table.setHeaderLabels([_("Agreement"), _("Kind"), _("Status"), _("Valid"), _("Parties")])
        fill_combo(self.kind_filter, _("All kinds"), [(m.label, m) for m in AgreementKind])
        fill_combo(self.status_filter, _("All statuses"), [(m.label, m) for m in AgreementStatus])
        self.editor.retranslate()
        if self._loaded:
            self.reload_choices()
            self.apply_filters()

    def reload_choices(self) -> None:
        language = current_language()
        # As text: a combo's findData() does not compare UUID objects by value.
        names = [(localized(fi, sv, language), str(i)) for i, fi, sv in service.counterparties(self.db)]
        fill_combo(self.counterparty_filter, _("All counterparties"), names)
        this_year = date.today().year
        years = [(str(y), y) for y in range(this_year + 3, this_year - 15, -1)]
        fill_combo(self.year_filter, _("All years"), years)

    def reload_filters(self) -> None:
        self.reload_choices()

    # --- the register ----------------------------------------------------------------------
    def query(self) -> service.AgreementQuery:
        counterparty = self.counterparty_filter.currentData()
        return service.AgreementQuery(
            text=self.search.text(),
            kind=self.kind_filter.currentData(),
            status=self.status_filter.currentData(),
            counterparty_id=uuid.UUID(counterparty) if counterparty else None,
            year=self.year_filter.currentData(),
            archived=self.archived_box.isChecked(),
        )

    def reload(self) -> None:
        rows = service.list_agreements(self.db, self.query())
        titles = {r.id: localized(r.title_fi, r.title_sv, current_language()) for r in rows}
        self.table.blockSignals(True)
        self.table.clear()
        for node in service.agreement_tree(rows):
            self.table.addTopLevelItem(self._item(node, titles))
        self.table.expandAll()
        self.table.blockSignals(False)
        for column in (COL_KIND, COL_STATUS, COL_PERIOD):
            self.table.resizeColumnToContents(column)
        self._count = len(rows)

    def _item(self, node: AgreementNode, titles: dict[uuid.UUID, str]) -> QTreeWidgetItem:
        row = node.row
        language = current_language()
        title = titles[row.id] or _("Untitled agreement")
        if row.predecessor_id is not None:
            title = f"{RENEWAL_MARK} {title}"
        parties = ", ".join(n for n in (localized(fi, sv, language) for fi, sv in row.party_names) if n)
        item = QTreeWidgetItem([title, row.kind.label, row.status.label, period_text(row), parties])
        item.setData(COL_TITLE, ID_ROLE, row.id)
        item.setToolTip(COL_PARTIES, parties)
        if row.predecessor_id is not None:
            item.setToolTip(COL_TITLE, _("A renewal of an earlier agreement"))
        for child in node.children:
            item.addChild(self._item(child, titles))
        return item

    def _items(self) -> list[QTreeWidgetItem]:
        found: list[QTreeWidgetItem] = []

        def walk(item: QTreeWidgetItem) -> None:
            found.append(item)
            for index in range(item.childCount()):
                walk(item.child(index))

        for index in range(self.table.topLevelItemCount()):
            walk(self.table.topLevelItem(index))
        return found

    def row_count(self) -> int:
        return self._count

    def row_total(self) -> int:
        return self._count

    def count_text(self, count: int) -> str:
        return ngettext("{count} agreement", "{count} agreements", count).format(count=format_number(count))

    def after_archive(self, record_id: uuid.UUID) -> None:
        """The archived (or restored) agreement stays open, with its notice and Restore."""
        self.after_save(record_id)
