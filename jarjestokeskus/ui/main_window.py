"""The main window: navigation, menus and shortcuts, language, read-only banner, the database.

A view is built when first shown or asked for: only the shown view's modules and data are read.
Made without a database (the program's start, ui/window/start_up.py) it is the shell, menus and
navigation without the database layer, until `switch_database` gives it one.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from jarjestokeskus.i18n import _
from jarjestokeskus.services.settings import load_settings, save_settings
from jarjestokeskus.ui.widgets.mnemonics import make_unique
from jarjestokeskus.ui.window.appearance import AppearanceActions
from jarjestokeskus.ui.window.icons import apply_icons, set_icons
from jarjestokeskus.ui.window.menus import build_menus, show_about
from jarjestokeskus.ui.window.navigation import (
    REFRESHED_WHEN_SHOWN,
    REPORTS_ROW,
    ROWS,
    START_ROW,
    VIEW_TITLES,
    VIEWS,
    BuiltView,
)
from jarjestokeskus.ui.window.qt_language import apply_language
from jarjestokeskus.ui.window.window_state import restore_view_state, restore_window_state, save_window_state

if TYPE_CHECKING:
    from jarjestokeskus.db.engine import Database

LANGUAGE_NAMES = {"fi": "Suomi", "sv": "Svenska"}


class MainWindow(QMainWindow):
    start = BuiltView()
    organisations = BuiltView()
    archive = BuiltView()
    projects = BuiltView()
    funding = BuiltView()
    agreements = BuiltView()
    followup = BuiltView()
    staff = BuiltView()
    year_clock = BuiltView()
    outreach = BuiltView()
    fees = BuiltView()
    events = BuiltView()
    survey = BuiltView()
    cooperation = BuiltView()
    reports = BuiltView()
    audit = BuiltView()

    def __init__(self, db: Database | None = None) -> None:
        super().__init__()
        self.database: Database = None  # type: ignore[assignment]  # None: the shell, still opening
        self.meeting_copy = None
        self._views: list[QWidget | None] = [None] * len(VIEWS)  # by row; None until first shown
        self._menu_letters: list[str] = []
        self._after_opening: Callable[[], None] | None = None  # asked for before the database was open
        self._build()
        self.opening = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)  # shown until the database is open
        self.stack.addWidget(self.opening)
        self._build_actions()
        if db is not None:
            self._install_views(db)
        apply_icons(self)
        self.retranslate()
        restore_window_state(self, self.navigation, self.splitter)  # chooses the view: builds it

    def _build(self) -> None:
        self.navigation = QListWidget(objectName="navigation")
        self.navigation.setMaximumWidth(200)
        self.navigation.setMinimumWidth(120)
        for _entry in VIEWS:
            self.navigation.addItem(QListWidgetItem())
        self.stack = QStackedWidget()
        self.navigation.currentRowChanged.connect(self._show_view)
        self.banner = QLabel(objectName="readOnlyBanner", wordWrap=True, visible=False)  # read-only
        self.banner.setStyleSheet(
            "QLabel#readOnlyBanner { background: #fff3c4; color: #5a4500; padding: 6px; }"
        )
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.navigation)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([190, 1160])
        self.splitter.setChildrenCollapsible(False)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.banner)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)

    def _install_views(self, db: Database) -> None:
        """Views on `db`: those of a database opened before go (the caller shows the chosen one)."""
        from jarjestokeskus.ui.window.database_actions import describe

        early = self._views[START_ROW] if self.database is None else None  # read before the layer loaded
        for view in self.built_views():
            if view is not early:
                self.stack.removeWidget(view)
                view.deleteLater()
        self._views = [None] * len(VIEWS)
        if early is not None:
            early.attach(db)  # type: ignore[attr-defined]
            self._views[START_ROW] = early
        self.database = db
        if not hasattr(self, "database_actions"):  # the first database: its menu actions and backup
            self._build_database_actions()
        # A meeting copy is opened read-only (services.meeting_copy); its mark gives the date.
        self.meeting_copy = None
        if db.read_only:
            from jarjestokeskus.services.database.meeting_copy import meeting_copy_info

            self.meeting_copy = meeting_copy_info(db.path)
        self.banner.setVisible(db.read_only)
        self.statusBar().showMessage(describe(db.url))

    def view(self, row: int) -> QWidget:
        """The view at `row` of the navigation, built (in the current language) when first asked for."""
        view = self._views[row]
        if view is None and self.database is None:  # still opening: the view comes with the database
            return self.opening
        if view is None:
            entry = VIEWS[row]
            module, _colon, name = entry.factory.partition(":")
            view = getattr(importlib.import_module(module), name)(self.database, **entry.options)
            self._add_view(row, view)
        return view

    def _add_view(self, row: int, view: QWidget) -> None:
        self._views[row] = view
        self.stack.addWidget(view)
        restore_view_state(row, view)
        view.retranslate()  # type: ignore[attr-defined]
        make_unique(view, self._menu_letters)
        self._connect(VIEWS[row].name, view)

    def show_early_start_page(self, page: QWidget) -> None:
        """The start page read from the file before the database layer has loaded (start_up.py):
        shown at once; the database the window then opens is given to it (`_install_views`)."""
        self._add_view(START_ROW, page)
        self.stack.setCurrentWidget(page)

    def built_views(self) -> list[QWidget]:
        return [view for view in self._views if view is not None]

    def _built(self, name: str) -> QWidget | None:
        return self._views[ROWS[name]]

    def _connect(self, name: str, view: QWidget) -> None:
        """What one view tells another; a view not built yet reads everything when it is."""
        if name == "organisations":
            view.editor.archived.connect(lambda _id: self._apply_filters("archive"))  # type: ignore[attr-defined]
        elif name == "archive":
            view.editor.restored.connect(lambda _id: self._apply_filters("organisations"))  # type: ignore[attr-defined]
        elif name == "start":
            view.open_record.connect(self.open_record)  # type: ignore[attr-defined]
            view.open_municipality.connect(self.open_municipality)  # type: ignore[attr-defined]

    def _apply_filters(self, name: str) -> None:
        view = self._built(name)
        if view is not None:
            view.apply_filters()  # type: ignore[attr-defined]

    def _action(self, shortcut: QKeySequence | str | None, slot) -> QAction:  # type: ignore[no-untyped-def]
        action = QAction(self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.new_action = self._action(QKeySequence.StandardKey.New, self.new_record)
        self.save_action = self._action(QKeySequence.StandardKey.Save, self.save)
        self.find_action = self._action(QKeySequence.StandardKey.Find, self.find)
        self.quit_action = self._action(QKeySequence.StandardKey.Quit, self.close)
        self.view_actions = [
            self._action(
                f"Ctrl+{row + 1}"
                if row < 9
                else QKeySequence.StandardKey.Print
                if row == REPORTS_ROW
                else None,
                lambda _checked=False, r=row: self.navigation.setCurrentRow(r),
            )
            for row in range(len(VIEW_TITLES))
        ]
        self.about_action = self._action(None, lambda _checked=False: show_about(self))
        self.backup_action = self._action(None, lambda _checked=False: self._backups("back_up_now"))
        self.restore_action = self._action(None, lambda _checked=False: self._backups("restore_from_backup"))
        self.import_action = self._action(None, self.import_members)
        self.export_action = self._action("Ctrl+E", self.export_list)
        self.appearance = AppearanceActions(self)
        self.language_group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code, name in LANGUAGE_NAMES.items():
            action = QAction(name, self, checkable=True)
            action.triggered.connect(lambda _checked=False, c=code: self.set_language(c))
            self.language_group.addAction(action)
            self.language_actions[code] = action

    def _build_database_actions(self) -> None:
        """Opening, copying and choosing the database, persons' data, the daily backup."""
        from jarjestokeskus.ui.persons.unattached import PersonActions
        from jarjestokeskus.ui.window.backup_dialog import DailyBackup
        from jarjestokeskus.ui.window.database_actions import DatabaseActions

        self.database_actions = DatabaseActions(self)
        self.person_actions = PersonActions(self)
        self.daily_backup = DailyBackup(self)
        set_icons(self)

    def retranslate(self) -> None:
        opened = self.database is not None
        writable = opened and not self.database.read_only
        for action in (self.new_action, self.save_action, self.import_action):
            action.setEnabled(writable)
        for action in (self.find_action, self.backup_action, self.restore_action, self.export_action):
            action.setEnabled(opened)
        banner, title = "", _("Järjestökeskus")
        if opened:
            from jarjestokeskus.ui.window.database_actions import banner_and_title

            banner, title = banner_and_title(self.database, self.meeting_copy)
        self.banner.setText(banner)
        self.setWindowTitle(title)
        self.opening.setText(_("Opening the database…"))
        for row, view_title in enumerate(VIEW_TITLES):
            self.navigation.item(row).setText(_(view_title))
            self.view_actions[row].setText(_(view_title))
        # The longest name in this language fits without a scroll bar.
        self.navigation.setMinimumWidth(
            self.navigation.sizeHintForColumn(0) + 2 * self.navigation.frameWidth() + 8
        )
        self._menu_letters = build_menus(self)
        for view in self.built_views():  # the others are built in the language of their day
            view.retranslate()
            make_unique(view, self._menu_letters)

    # --- actions ---------------------------------------------------------------------------
    def current_view(self) -> QWidget:
        return self.stack.currentWidget()

    def _show_view(self, row: int) -> None:
        if 0 <= row < len(VIEWS):
            if self.database is None:  # still opening: the row chosen is built when it is open
                self.stack.setCurrentWidget(self._views[row] or self.opening)
                return
            built = self._views[row] is not None
            view = self.view(row)
            self.stack.setCurrentWidget(view)
            if built and VIEWS[row].name in REFRESHED_WHEN_SHOWN:
                view.refresh()  # type: ignore[attr-defined]  # records may have changed meanwhile

    def open_record(self, view_name: str, record_id: object) -> None:
        """From the start page: show the record's view with the record open."""
        if self._wait_for_database(lambda: self.open_record(view_name, record_id)):
            return
        row = ROWS[view_name]
        target = self.view(row)
        if not target.confirm_leaving_edits():  # type: ignore[attr-defined]
            return
        self.navigation.setCurrentRow(row)
        if view_name == "staff":
            target.show_person(record_id)  # type: ignore[attr-defined]
        else:
            target.open(record_id)  # type: ignore[attr-defined]

    def open_municipality(self, name: str) -> None:
        """From the start page: the Organisations list filtered to the municipality."""
        if self._wait_for_database(lambda: self.open_municipality(name)):
            return
        row = ROWS["organisations"]
        target = self.view(row)
        if not target.confirm_leaving_edits():  # type: ignore[attr-defined]
            return
        self.navigation.setCurrentRow(row)
        target.filter_municipality(name)  # type: ignore[attr-defined]

    def _call(self, name: str) -> None:
        """The current view's own action (new, save, find), where the view has one."""
        action = getattr(self.current_view(), name, None)
        if action is not None:
            action()

    def new_record(self) -> None:
        self._call("new_record")

    def save(self) -> None:
        self._call("save")

    def find(self) -> None:
        self._call("focus_search")

    def _backups(self, name: str) -> None:
        """File ▸ Back up now, Restore from a backup (ui/window/backup_dialog.py, loaded when used)."""
        from jarjestokeskus.ui.window import backup_dialog

        getattr(backup_dialog, name)(self)

    def export_list(self) -> None:
        """The current view's list, as shown (filter, sort, columns), to CSV or Excel."""
        from jarjestokeskus.ui.widgets.table_export import export_current_view

        export_current_view(self, self.current_view(), _(VIEW_TITLES[self.navigation.currentRow()]))

    def import_members(self) -> None:
        from jarjestokeskus.ui.organisations.import_dialog import open_import_dialog

        organisations = self._built("organisations")
        if organisations is not None and not organisations.confirm_leaving_edits():  # type: ignore[attr-defined]
            return
        if open_import_dialog(self, self.database):
            self._apply_filters("organisations")

    def set_language(self, language: str) -> None:
        """Switch the whole window now and remember the choice."""
        apply_language(language)
        save_settings(load_settings().with_(language=language))
        self.retranslate()

    def offer_first_start(self) -> None:
        """An empty register: offer to create the home organisation or open the demo."""
        from jarjestokeskus.services.organisations.home import has_organisations

        if self.database.read_only or has_organisations(self.database):
            return
        from jarjestokeskus.ui.window.welcome import WelcomeDialog

        dialog = WelcomeDialog(self.database, self)
        if dialog.exec() and dialog.demo_database is not None:
            self.switch_database(dialog.demo_database)
        else:
            self._apply_filters("organisations")

    def confirm_leaving_edits(self) -> bool:
        """Every view's unsaved edits saved or thrown away; False when the user stays."""
        return all(getattr(view, "confirm_leaving_edits", lambda: True)() for view in self.built_views())

    def switch_database(self, db: Database) -> None:
        """Open another database in this window (the first one in the shell); the caller has
        checked for unsaved edits."""
        old = self.database
        self._install_views(db)
        self.retranslate()
        self._show_view(self.navigation.currentRow())  # built in the language now chosen: read once
        if old is not None:
            old.close()
        asked, self._after_opening = self._after_opening, None
        if asked is not None:
            asked()

    def _wait_for_database(self, then: Callable[[], None]) -> bool:
        """While the database is still opening (a row of the start page read before it was):
        `then` is done once it is open. True when it waits."""
        if self.database is not None:
            return False
        self._after_opening = then
        self.statusBar().showMessage(self.opening.text())
        return True

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if not self.confirm_leaving_edits():
            event.ignore()
            return
        save_window_state(self, self.navigation, self.splitter, self._views)
        if self.database is None:  # closed while opening: nothing of it to back up
            event.accept()
            return
        from PySide6.QtWidgets import QMessageBox

        from jarjestokeskus.db.errors import DatabaseProblem
        from jarjestokeskus.services.database.backups import automatic_backup

        try:
            if self.meeting_copy is None:  # a meeting copy is not backed up: it is itself a copy
                automatic_backup(self.database)  # at most daily, rotated: ~1 s per 100 MB
        except DatabaseProblem as problem:
            QMessageBox.warning(self, _("Backups"), problem.user_message())
        event.accept()
