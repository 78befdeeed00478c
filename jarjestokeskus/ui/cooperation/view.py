"""The Cooperation view: bodies, who represents us where, the checklist, grants, premises, activities."""

from __future__ import annotations

import uuid

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from jarjestokeskus.db.engine import Database
from jarjestokeskus.i18n import _
from jarjestokeskus.ui.cooperation.activities_tab import ActivitiesTab
from jarjestokeskus.ui.cooperation.bodies_tab import BodiesTab
from jarjestokeskus.ui.cooperation.checklist_tab import ChecklistTab
from jarjestokeskus.ui.cooperation.grants_tab import GrantsTab
from jarjestokeskus.ui.cooperation.premises_tab import PremisesTab
from jarjestokeskus.ui.cooperation.representation_tab import RepresentationTab
from jarjestokeskus.ui.widgets.record_editor import heading_label


class CooperationView(QWidget):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.title = heading_label(1.4, "viewTitle")
        self.title.setWordWrap(False)
        self.bodies = BodiesTab(db)
        self.representation = RepresentationTab(db)
        self.checklist = ChecklistTab(db)
        self.grants = GrantsTab(db)
        self.premises = PremisesTab(db)
        self.activities = ActivitiesTab(db)
        self.tabs = QTabWidget()
        for tab in self._tabs():
            self.tabs.addTab(tab, "")
        self.tabs.currentChanged.connect(lambda _index: self.refresh())
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.tabs, 1)
        self._loaded = False
        self.retranslate()

    def _tabs(self) -> tuple[QWidget, ...]:
        return (self.bodies, self.representation, self.checklist, self.grants, self.premises, self.activities)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        if not self._loaded:
            self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        """Read the register again for the tab on show."""
        self._loaded = True
        self.tabs.currentWidget().refresh()  # type: ignore[attr-defined]

    def retranslate(self) -> None:
        self.title.setText(_("Cooperation"))
        texts = (
            _("&Bodies"),
            _("&Who represents us where"),
            _("&Cooperation checklist"),
            _("Members' &grants"),
            _("Members' &premises"),
            _("&Activities and services"),
        )
        for index, text in enumerate(texts):
            self.tabs.setTabText(index, text)
        for tab in self._tabs():
            tab.retranslate()  # type: ignore[attr-defined]
        if self._loaded:
            self.refresh()

    def open(self, record_id: uuid.UUID) -> None:
        """From the start page: a body (its seat ending or meeting) or a checklist entry."""
        self.tabs.setCurrentWidget(self.bodies)
        self.bodies.refresh()
        for row, body in enumerate(self.bodies.bodies.rows):
            if body.id == record_id:
                self.bodies.body_table.selectRow(row)
                return
        self.tabs.setCurrentWidget(self.checklist)

    def confirm_leaving_edits(self) -> bool:
        return True
