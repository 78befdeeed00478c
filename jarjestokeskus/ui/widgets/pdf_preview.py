"""A built PDF shown inside the window: all pages scrolling, fit to width, zoom, "page x / y"."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStackedWidget, QToolButton, QVBoxLayout, QWidget

from jarjestokeskus.i18n import _

ZOOM_STEP = 1.25
ZOOM_MIN, ZOOM_MAX = 0.25, 6.0


class PdfPreview(QWidget):
    """`show_pdf(data)` replaces what is shown; the bytes and their buffer live as long as the document."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = QPdfDocument(self)
        # QPdfDocument reads from the device while it shows the pages: keep both alive with it.
        self._data = QByteArray()
        self._buffer: QBuffer | None = None
        self.view = QPdfView()
        self.view.setObjectName("reportPreview")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.pageNavigator().currentPageChanged.connect(self._show_page)
        self.placeholder = QLabel(alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.placeholder.setObjectName("reportPlaceholder")
        self.pages = QStackedWidget()
        self.pages.addWidget(self.placeholder)
        self.pages.addWidget(self.view)
        self.zoom_out_button = QToolButton(text="−", autoRaise=True)
        self.zoom_in_button = QToolButton(text="+", autoRaise=True)
        self.fit_button = QToolButton(checkable=True, autoRaise=True)
        self.fit_button.setChecked(True)
        self.page_label = QLabel()
        self.zoom_out_button.clicked.connect(self.zoom_out)
        self.zoom_in_button.clicked.connect(self.zoom_in)
        self.fit_button.clicked.connect(self.fit_width)
        tools = QHBoxLayout()
        tools.setContentsMargins(0, 0, 0, 0)
        for button in (self.zoom_out_button, self.zoom_in_button, self.fit_button):
            tools.addWidget(button)
        tools.addStretch(1)
        tools.addWidget(self.page_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(tools)
        layout.addWidget(self.pages, 1)
        self.shortcuts: list[QShortcut] = []
        for keys, slot in (
            (QKeySequence.StandardKey.ZoomIn, self.zoom_in),
            ("Ctrl+=", self.zoom_in),
            (QKeySequence.StandardKey.ZoomOut, self.zoom_out),
            ("Ctrl+0", self.fit_width),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)  # only while the view is shown
            shortcut.activated.connect(slot)
            self.shortcuts.append(shortcut)
        self._enable()
        self.retranslate()

    def show_pdf(self, data: bytes) -> int:
        """Show `data` (a PDF) from its first page; its number of pages.

        A PDF that cannot be read gives 0 and leaves the report shown before in place.
        """
        if not data.startswith(b"%PDF"):
            return 0
        array = QByteArray(data)
        buffer = QBuffer()
        buffer.setData(array)
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(buffer)  # closes the document shown before, then reads this one
        if not self.has_document():
            buffer.close()
            if self._buffer is not None:  # back to the one shown before
                self._buffer.seek(0)
                self.document.load(self._buffer)
            return 0
        old = self._buffer
        self._data, self._buffer = array, buffer
        if old is not None:
            old.close()
        self.pages.setCurrentWidget(self.view)
        self.view.pageNavigator().jump(0, QPointF(0, 0))
        self._enable()
        self._show_page(0)
        return self.page_count()

    def clear(self) -> None:
        """Show no report: the placeholder again."""
        self.document.close()
        if self._buffer is not None:
            self._buffer.close()
        self._data, self._buffer = QByteArray(), None
        self.pages.setCurrentWidget(self.placeholder)
        self._enable()

    def page_count(self) -> int:
        return self.document.pageCount() if self.has_document() else 0

    def has_document(self) -> bool:
        return self.document.status() == QPdfDocument.Status.Ready and self.document.pageCount() > 0

    def current_page(self) -> int:
        return self.view.pageNavigator().currentPage()

    def zoom_factor(self) -> float:
        """The zoom in use; in "fit width" the factor that the width gives."""
        if self.view.zoomMode() == QPdfView.ZoomMode.Custom or not self.has_document():
            return self.view.zoomFactor()
        margins = self.view.documentMargins()
        width = self.view.viewport().width() - margins.left() - margins.right()
        page_points = self.document.pagePointSize(max(self.current_page(), 0)).width()
        if page_points <= 0:
            return 1.0
        return width / (page_points * self.view.logicalDpiX() / 72)

    def zoom_in(self) -> None:
        self._zoom(self.zoom_factor() * ZOOM_STEP)

    def zoom_out(self) -> None:
        self._zoom(self.zoom_factor() / ZOOM_STEP)

    def _zoom(self, factor: float) -> None:
        if not self.has_document():
            return
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(min(ZOOM_MAX, max(ZOOM_MIN, factor)))
        self.fit_button.setChecked(False)

    def fit_width(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.fit_button.setChecked(True)

    def _enable(self) -> None:
        shown = self.has_document()
        for button in (self.zoom_out_button, self.zoom_in_button, self.fit_button):
            button.setEnabled(shown)
        self.page_label.setVisible(shown)

    def _show_page(self, page: int) -> None:
        if self.has_document():
            self.page_label.setText(_("Page {page} / {pages}").format(page=page + 1, pages=self.page_count()))

    def retranslate(self) -> None:
        self.placeholder.setText(_("Choose a report and press “Build report”. The report is shown here."))
        self.zoom_out_button.setToolTip(_("Zoom out (Ctrl+-)"))
        self.zoom_in_button.setToolTip(_("Zoom in (Ctrl++)"))
        self.fit_button.setText(_("Fit width"))
        self.fit_button.setToolTip(_("Fit the page to the width of the view (Ctrl+0)"))
        self._show_page(max(self.current_page(), 0))
