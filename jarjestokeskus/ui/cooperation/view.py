"""The Cooperation view: bodies, who represents us where, the checklist, grants, premises, activities."""

from __future__ import annotations

import uuid

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from jarjestokeskus.db.engine import Database
from jarjestokeskus.i18n import _
from jarjestokeskus.ui.cooperation.activities import ActivitiesRegister
from jarjestokeskus.ui.cooperation.bodies import BodiesRegister
from jarjestokeskus.ui.cooperation.checklist_tab import ChecklistTab
from jarjestokeskus.ui.cooperation.grants import GrantsRegister
from jarjestokeskus.ui.cooperation.premises import PremisesRegister
from jarjestokeskus.ui.cooperation.register import CooperationRegister
from jarjestokeskus.ui.cooperation.representation_tab import RepresentationTab
from jarjestokeskus.ui.widgets.record_editor import heading_label


class CooperationView(QWidget):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.title = heading_label(1.4, "viewTitle")
        self.title.setWordWrap(False)
        self.bodies = BodiesRegister(db)
        self.representation = RepresentationTab(db)
        self.checklist = ChecklistTab(db)
        self.grants = GrantsRegister(db)
        self.premises = PremisesRegister(db)
        self.activities = ActivitiesRegister(db)
        self.tabs = QTabWidget()
        for tab in self._tabs():
            self.tabs.addTab(tab, "")
        self._shown: QWidget = self.bodies
        self.tabs.currentChanged.connect(self._tab_changed)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.tabs, 1)
        self._loaded = False
        self.retranslate()

    def _tabs(self) -> tuple[QWidget, ...]:
        return (self.bodies, self.representation, self.checklist, self.grants, self.premises, self.activities)

    def _registers(self) -> tuple[CooperationRegister, ...]:
        return (self.bodies, self.grants, self.premises, self.activities)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        if not self._loaded:
            self.refresh()
        super().showEvent(event)

    def _tab_changed(self, _index: int) -> None:
        """Leaving a register's unsaved edits is asked first (saved, thrown away, or the tab stays)."""
        previous = self._shown
        if isinstance(previous, CooperationRegister) and not previous.confirm_leaving_edits():
            self.tabs.blockSignals(True)
            self.tabs.setCurrentWidget(previous)
            self.tabs.blockSignals(False)
            return
        self._shown = self.tabs.currentWidget()
        self.refresh()

    def refresh(self) -> None:
        """Read the register again for the tab on show."""
        self._loaded = True
        tab = self.tabs.currentWidget()
        if isinstance(tab, CooperationRegister):
            tab.ensure_loaded()
            tab.refresh_after_change()  # records may have changed on another tab or view
        else:
            tab.refresh()  # type: ignore[attr-defined]

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
        self.bodies.ensure_loaded()
        if self.bodies.index_of(record_id).isValid():
            self.bodies.select(record_id)
        else:
            self.tabs.setCurrentWidget(self.checklist)

    # --- the window's actions go to the register shown --------------------------------------------
    def _register(self) -> CooperationRegister | None:
        tab = self.tabs.currentWidget()
        return tab if isinstance(tab, CooperationRegister) else None

    def new_record(self) -> None:
        if (register := self._register()) is not None:
            register.new_record()

    def save(self) -> bool:
        register = self._register()
        return register.save() if register is not None else False

    def focus_search(self) -> None:
        if (register := self._register()) is not None:
            register.focus_search()

    def confirm_leaving_edits(self) -> bool:
        register = self._register()
        return register.confirm_leaving_edits() if register is not None else True
