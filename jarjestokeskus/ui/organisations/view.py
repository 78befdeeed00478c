"""The Organisations view (and the Archive): its columns, filters and editor on the shared register view."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QStyle, QWidget

from jarjestokeskus.db.engine import Database
from jarjestokeskus.domain.enums import Field, MembershipStatus, OrganisationKind
from jarjestokeskus.i18n import _, current_language, format_number, ngettext
from jarjestokeskus.services import changes
from jarjestokeskus.services.municipalities import municipality_key
from jarjestokeskus.services.organisations import register as service
from jarjestokeskus.ui.organisations.editor import OrganisationEditor
from jarjestokeskus.ui.organisations.table_model import COL_NAME, ID_ROLE, OrganisationTableModel, ServiceRows
from jarjestokeskus.ui.widgets.layout_fit import WIDE_COLUMN, fit_columns
from jarjestokeskus.ui.widgets.register_view import RegisterView, fill_combo, list_table


class OrganisationsView(RegisterView):
    """One list of organisations, the current ones or (archived=True) the archive."""

    id_role = ID_ROLE
    has_archive_box = False  # the archive is a view of its own
    lazy = True
    splitter_sizes = (680, 560)
    stretch = (3, 2)
    areas = (changes.ORGANISATIONS,)

    def __init__(self, db: Database, archived: bool = False, parent: QWidget | None = None) -> None:
        self.archived = archived
        self.model = OrganisationTableModel(ServiceRows(db))
        self._fitted: dict[int, tuple[int, int]] | None = None  # see fit_list
        super().__init__(db, parent)
        self.model.setParent(self)

    def build_table(self) -> QAbstractItemView:
        table = list_table(self.model)
        table.horizontalHeader().setSortIndicator(COL_NAME, Qt.SortOrder.AscendingOrder)
        table.horizontalHeader().resizeSection(COL_NAME, 320)
        # A search counted only so far: going to the end counts the rest first, so the end is real.
        table.installEventFilter(self)
        table.verticalScrollBar().valueChanged.connect(self._scrolled)
        return table

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.matches(QKeySequence.StandardKey.MoveToEndOfDocument)
        ):
            self._count_all()
        return super().eventFilter(watched, event)

    def _scrolled(self, value: int) -> None:
        if value == self.table.verticalScrollBar().maximum():
            self._count_all()

    def _count_all(self) -> None:
        if self.model.more:
            self.model.complete_count()
            self.show_count()

    def build_editor(self) -> OrganisationEditor:
        return OrganisationEditor(self.db, self)

    def build_filters(self) -> list[QWidget]:
        self.status_filter = QComboBox()
        self.field_filter = QComboBox()
        self.kind_filter = QComboBox()
        self.municipality_filter = QComboBox()
        self.municipality_filter.setMinimumContentsLength(12)
        return [self.status_filter, self.field_filter, self.kind_filter, self.municipality_filter]

    def retranslate(self) -> None:
        self.title.setText(_("Archive: archived organisations") if self.archived else _("Organisations"))
        self.search.setPlaceholderText(
            _("Search by name, abbreviation, business ID or municipality (Ctrl+F)")
        )
        fill_combo(self.status_filter, _("All membership statuses"), [(m.label, m) for m in MembershipStatus])
        fill_combo(self.field_filter, _("All fields"), [(m.label, m) for m in Field])
        fill_combo(self.kind_filter, _("All kinds"), [(m.label, m) for m in OrganisationKind])
        if self.municipality_filter.count():
            self.municipality_filter.setItemText(0, _("All municipalities"))
        self.model.retranslate()
        self._fitted = None  # other labels and headers: measured again
        if self._loaded and self.model.query.language != current_language():
            self.apply_filters()
        self.editor.retranslate()
        self.show_count()

    def reload_choices(self) -> None:
        names = service.municipalities(self.db)
        fill_combo(self.municipality_filter, _("All municipalities"), [(name, name) for name in names])

    def reload_municipalities(self) -> None:
        self.reload_choices()

    def filter_municipality(self, name: str) -> None:
        """Only the organisations of the municipality `name` (either language's name)."""
        self.ensure_loaded()
        index = self.municipality_filter.findData(name)
        if index < 0:  # named otherwise in the list (the other language): the same municipality
            key = municipality_key(name)
            texts = [self.municipality_filter.itemData(i) for i in range(self.municipality_filter.count())]
            index = next((i for i, text in enumerate(texts) if text and municipality_key(text) == key), -1)
        if max(index, 0) == self.municipality_filter.currentIndex():
            self.apply_filters()
        else:
            self.municipality_filter.setCurrentIndex(max(index, 0))  # the filters apply on the change

    def reload(self) -> None:
        query = self.model.query.with_(
            text=self.search.text(),
            membership_status=self.status_filter.currentData(),
            field=self.field_filter.currentData(),
            kind=self.kind_filter.currentData(),
            municipality=self.municipality_filter.currentData(),
            archived=self.archived,
            language=current_language(),
        )
        self.model.set_query(query)

    def index_of(self, record_id: object):  # type: ignore[no-untyped-def]
        return self.model.index(self.model.row_of(record_id), COL_NAME)

    def row_total(self) -> int:
        return self.model.total

    def fit_list(self) -> None:
        """The columns widened, as every register's, when a text read is wider than its column.
        Qt measures every cell of the page read, which costs more than the search itself: only
        done when a text is wider (in pixels) than those its column fitted when last measured."""
        table, header = self.table, self.table.horizontalHeader()
        metrics = table.fontMetrics()
        # A cell's margins as the style draws them, and the grid line and rounding to spare.
        padding = 2 * (table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1) + 4
        widths = {c: header.sectionSize(c) for c in range(header.count()) if not header.isSectionHidden(c)}
        widest = {
            column: max(map(metrics.horizontalAdvance, self.model.loaded_texts(column)), default=0)
            for column, width in widths.items()
            if width < WIDE_COLUMN
        }
        fitted = self._fitted  # the widest text and the width of each column when Qt last measured
        if fitted is not None and all(
            text + padding <= widths[c]
            or (c in fitted and text <= fitted[c][0] and widths[c] >= fitted[c][1])
            for c, text in widest.items()
        ):
            return
        fit_columns(table)
        self._fitted = {c: (text, header.sectionSize(c)) for c, text in widest.items()}

    def count_text(self, count: int) -> str:
        if self.model.more:
            return ngettext("over {count} organisation", "over {count} organisations", count).format(
                count=format_number(count)
            )
        return ngettext("{count} organisation", "{count} organisations", count).format(
            count=format_number(count)
        )

    def showing_archive(self) -> bool:
        return self.archived

    def new_record(self) -> None:
        if not self.archived:
            super().new_record()
