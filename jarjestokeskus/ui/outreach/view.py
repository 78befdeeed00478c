"""The Reaching members view: the Mailing lists, Contact log and Letters tabs."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from jarjestokeskus.db.engine import Database
from jarjestokeskus.i18n import _
from jarjestokeskus.ui.outreach.contact_tab import ContactTab
from jarjestokeskus.ui.outreach.letters_tab import LettersTab
from jarjestokeskus.ui.outreach.mailing_tab import MailingTab
from jarjestokeskus.ui.widgets.record_editor import heading_label


class OutreachView(QWidget):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.title = heading_label(1.4, "viewTitle")
        self.title.setWordWrap(False)
        self.mailing = MailingTab(db)
        self.contacts = ContactTab(db)
        self.letters = LettersTab(db, self.mailing.current_filter)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.mailing, "")
        self.tabs.addTab(self.contacts, "")
        self.tabs.addTab(self.letters, "")
        self.tabs.currentChanged.connect(lambda _index: self.refresh())
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.tabs, 1)
        self._loaded = False
        self.retranslate()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        if not self._loaded:
            self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        """Read the register again: the list and the log follow it."""
        self._loaded = True
        self.tabs.currentWidget().refresh()  # type: ignore[attr-defined]

    def retranslate(self) -> None:
        self.title.setText(_("Reaching members"))
        self.tabs.setTabText(0, _("&Mailing lists"))
        self.tabs.setTabText(1, _("C&ontact log"))
        self.tabs.setTabText(2, _("Le&tters"))
        self.mailing.retranslate()
        self.contacts.retranslate()
        self.letters.retranslate()
        if self._loaded:
            self.refresh()
