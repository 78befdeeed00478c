"""The main window: navigation, menus and shortcuts, language, read-only banner, the database."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from jarjestokeskus import __version__, i18n
from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.errors import DatabaseProblem
from jarjestokeskus.i18n import N_, _
from jarjestokeskus.services.database.backups import automatic_backup
from jarjestokeskus.services.database.maintenance import backup_database
from jarjestokeskus.services.database.meeting_copy import meeting_copy_info
from jarjestokeskus.services.organisations import register as service
from jarjestokeskus.services.settings import load_settings, save_settings
from jarjestokeskus.ui.agreements.followup_view import FollowUpView
from jarjestokeskus.ui.agreements.view import AgreementsView
from jarjestokeskus.ui.history.audit_view import AuditView
from jarjestokeskus.ui.organisations.view import OrganisationsView
from jarjestokeskus.ui.persons.unattached import PersonActions
from jarjestokeskus.ui.projects.funding_overview import FundingOverview
from jarjestokeskus.ui.projects.view import ProjectsView
from jarjestokeskus.ui.reports.view import ReportsView
from jarjestokeskus.ui.start.page import StartPage
from jarjestokeskus.ui.widgets.background import Cancelled, run_with_progress
from jarjestokeskus.ui.widgets.mnemonics import make_unique, mnemonic
from jarjestokeskus.ui.window.backup_dialog import DailyBackup, RestoreDialog, run_restore
from jarjestokeskus.ui.window.database_actions import DatabaseActions, banner_and_title, describe
from jarjestokeskus.ui.window.qt_language import apply_language
from jarjestokeskus.ui.window.window_state import restore_window_state, save_window_state
from jarjestokeskus.ui.year_clock.view import YearClockView

LANGUAGE_NAMES = {"fi": "Suomi", "sv": "Svenska"}
# The navigation, in order; Ctrl+1… switch to them.
VIEW_TITLES = (
    N_("Start page"),
    N_("Organisations"),
    N_("Archive"),
    N_("Projects"),
    N_("Funding overview"),
    N_("Agreements"),
    N_("Follow-up of agreements"),
    N_("Staff"),
    N_("Year clock"),
    N_("Reaching members"),
    N_("Membership fees"),
    N_("Events"),
    N_("Welfare survey"),
    N_("Cooperation"),
    N_("Reports"),
    N_("Change history"),
)
REPORTS_ROW = VIEW_TITLES.index(N_("Reports"))


class MainWindow(QMainWindow):
    def __init__(self, db: Database) -> None:
        super().__init__()
        self.database = db
        self._views: list[QWidget] = []
        self._build()
        self._install_views(db)
        self._build_actions()
        self.retranslate()
        restore_window_state(self, self.navigation, self.splitter, self._views)
        self.daily_backup = DailyBackup(self)

    def _build(self) -> None:
        self.navigation = QListWidget(objectName="navigation")
        self.navigation.setMaximumWidth(200)
        self.navigation.setMinimumWidth(120)
        for _title in VIEW_TITLES:
            self.navigation.addItem(QListWidgetItem())
        self.stack = QStackedWidget()
        self.navigation.currentRowChanged.connect(self._show_view)
        self.banner = QLabel(objectName="readOnlyBanner", wordWrap=True)
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
        """Views on `db`; replaces the views of a database opened before."""
        row = max(0, self.navigation.currentRow())
        for view in self._views:
            self.stack.removeWidget(view)
            view.deleteLater()
        self.database = db
        # A meeting copy is opened read-only (services.meeting_copy); its mark gives the date.
        self.meeting_copy = meeting_copy_info(db.path) if db.read_only else None
        from jarjestokeskus.ui.cooperation.view import CooperationView
        from jarjestokeskus.ui.events.view import EventsView
        from jarjestokeskus.ui.fees.view import FeesView
        from jarjestokeskus.ui.outreach.view import OutreachView
        from jarjestokeskus.ui.staff.view import StaffView
        from jarjestokeskus.ui.survey.view import SurveyView

        self.start = StartPage(db)
        self.organisations = OrganisationsView(db, archived=False)
        self.archive = OrganisationsView(db, archived=True)
        self.projects = ProjectsView(db)
        self.funding = FundingOverview(db)
        self.staff = StaffView(db)
        self.agreements = AgreementsView(db)
        self.followup = FollowUpView(db)
        self.year_clock = YearClockView(db)
        self.outreach = OutreachView(db)
        self.fees = FeesView(db)
        self.events = EventsView(db)
        self.survey = SurveyView(db)
        self.cooperation = CooperationView(db)
        self.reports = ReportsView(db)
        self.audit = AuditView(db)
        self._views = [
            self.start,
            self.organisations,
            self.archive,
            self.projects,
            self.funding,
            self.agreements,
            self.followup,
            self.staff,
            self.year_clock,
            self.outreach,
            self.fees,
            self.events,
            self.survey,
            self.cooperation,
            self.reports,
            self.audit,
        ]
        for view in self._views:
            self.stack.addWidget(view)
        self.organisations.editor.archived.connect(lambda _id: self.archive.apply_filters())
        self.archive.editor.restored.connect(lambda _id: self.organisations.apply_filters())
        self.start.open_record.connect(self.open_record)
        self.start.open_municipality.connect(self.open_municipality)
        self.banner.setVisible(db.read_only)
        self.navigation.setCurrentRow(row)
        self.stack.setCurrentIndex(row)
        self.statusBar().showMessage(describe(db.url))

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
        self.about_action = self._action(None, self.about)
        self.backup_action = self._action(None, self.back_up_now)
        self.restore_action = self._action(None, self.restore_from_backup)
        self.import_action = self._action(None, self.import_members)
        self.export_action = self._action("Ctrl+E", self.export_list)
        self.database_actions = DatabaseActions(self)
        self.person_actions = PersonActions(self)
        self.language_group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code, name in LANGUAGE_NAMES.items():
            action = QAction(name, self, checkable=True)
            action.triggered.connect(lambda _checked=False, c=code: self.set_language(c))
            self.language_group.addAction(action)
            self.language_actions[code] = action

    def retranslate(self) -> None:
        for action in (self.new_action, self.save_action):
            action.setEnabled(not self.database.read_only)
        banner, title = banner_and_title(self.database, self.meeting_copy)
        self.banner.setText(banner)
        self.setWindowTitle(title)
        for row, view_title in enumerate(VIEW_TITLES):
            self.navigation.item(row).setText(_(view_title))
            self.view_actions[row].setText(_(view_title))
        # The longest name in this language fits without a scroll bar.
        self.navigation.setMinimumWidth(
            self.navigation.sizeHintForColumn(0) + 2 * self.navigation.frameWidth() + 8
        )
        self.new_action.setText(_("&New"))
        self.backup_action.setText(_("&Back up now"))
        self.restore_action.setText(_("&Restore from a backup…"))
        self.import_action.setText(_("Import member organisations…"))
        self.export_action.setText(_("Export &list…"))
        self.import_action.setEnabled(not self.database.read_only)
        self.save_action.setText(_("&Save"))
        self.find_action.setText(_("&Find"))
        self.quit_action.setText(_("&Quit"))
        self.about_action.setText(_("&About Järjestökeskus"))
        for code, action in self.language_actions.items():
            action.setChecked(code == i18n.current_language())
        menu_bar = self.menuBar()
        menu_bar.clear()
        file_menu = menu_bar.addMenu(_("&File"))
        file_menu.addActions([self.new_action, self.save_action])
        file_menu.addSeparator()
        self.database_actions.retranslate()
        file_menu.addAction(self.database_actions.open_action)
        file_menu.addMenu(self.database_actions.recent_menu)
        file_menu.addAction(self.database_actions.meeting_copy_action)
        file_menu.addSeparator()
        file_menu.addActions([self.export_action, self.import_action])
        self.person_actions.retranslate()
        file_menu.addAction(self.person_actions.unattached_action)
        file_menu.addSeparator()
        file_menu.addActions([self.backup_action, self.restore_action])
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = menu_bar.addMenu(_("&Edit"))
        edit_menu.addAction(self.find_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.database_actions.settings_action)
        view_menu = menu_bar.addMenu(_("&View"))
        view_menu.addActions(self.view_actions)
        language_menu = menu_bar.addMenu(_("&Language"))
        language_menu.addActions(list(self.language_actions.values()))
        help_menu = menu_bar.addMenu(_("&Help"))
        help_menu.addAction(self.about_action)
        menu_letters = [mnemonic(action.text()) or "" for action in menu_bar.actions()]
        for view in self._views:
            view.retranslate()
            make_unique(view, menu_letters)

    # --- actions ---------------------------------------------------------------------------
    def current_view(self) -> QWidget:
        return self.stack.currentWidget()

    def _show_view(self, row: int) -> None:
        if 0 <= row < len(self._views):
            self.stack.setCurrentIndex(row)
            view = self._views[row]
            if view in (self.start, self.funding, self.followup, self.audit, self.fees, self.survey):
                view.refresh()  # records may have changed meanwhile

    def open_record(self, view_name: str, record_id: object) -> None:
        """From the start page: show the record's view with the record open."""
        target = {
            "organisations": self.organisations,
            "projects": self.projects,
            "agreements": self.agreements,
            "staff": self.staff,
            "year_clock": self.year_clock,
            "cooperation": self.cooperation,
            "events": self.events,
            "survey": self.survey,
        }[view_name]
        if not target.confirm_leaving_edits():
            return
        self.navigation.setCurrentRow(self._views.index(target))
        if target is self.staff:
            self.staff.show_person(record_id)
        else:
            target.open(record_id)

    def open_municipality(self, name: str) -> None:
        """From the start page: the Organisations list filtered to the municipality."""
        if not self.organisations.confirm_leaving_edits():
            return
        self.navigation.setCurrentRow(self._views.index(self.organisations))
        self.organisations.filter_municipality(name)

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

    def back_up_now(self) -> None:
        try:
            path = run_with_progress(
                self, _("Backing up…"), lambda progress: backup_database(self.database, progress=progress)
            )
        except Cancelled:
            return
        except DatabaseProblem as problem:
            QMessageBox.warning(self, _("Backups"), problem.user_message())
            return
        self.statusBar().showMessage(_("Backup saved to {path}").format(path=path), 10000)

    def export_list(self) -> None:
        """The current view's list, as shown (filter, sort, columns), to CSV or Excel."""
        from jarjestokeskus.ui.widgets.table_export import export_current_view

        export_current_view(self, self.current_view(), _(VIEW_TITLES[self.navigation.currentRow()]))

    def import_members(self) -> None:
        from jarjestokeskus.ui.organisations.import_dialog import open_import_dialog

        if self.organisations.confirm_leaving_edits() and open_import_dialog(self, self.database):
            self.organisations.apply_filters()

    def restore_from_backup(self) -> None:
        """Choose a backup; the window lets go of the database while it is restored, then reopens it."""
        dialog = RestoreDialog(self.database, self)
        if not dialog.exec() or dialog.chosen_backup is None:
            return
        db = run_restore(self, self.database, dialog.chosen_backup)  # shows its own messages
        if db is None:  # nothing could be reopened
            self.close()
        elif db is not self.database:
            self.switch_database(db)

    def set_language(self, language: str) -> None:
        """Switch the whole window now and remember the choice."""
        apply_language(language)
        save_settings(load_settings().with_(language=language))
        self.retranslate()

    def about(self) -> None:
        QMessageBox.about(
            self,
            _("About Järjestökeskus"),
            _("Järjestökeskus {version}\nThe register of an umbrella organisation of associations.").format(
                version=__version__
            ),
        )

    def offer_first_start(self) -> None:
        """An empty register: offer to create the home organisation or open the demo."""
        if self.database.read_only or service.home_organisation(self.database) is not None:
            return
        if service.count_organisations(
            self.database, service.OrganisationQuery()
        ) or service.count_organisations(self.database, service.OrganisationQuery(archived=True)):
            return
        from jarjestokeskus.ui.window.welcome import WelcomeDialog

        dialog = WelcomeDialog(self.database, self)
        if dialog.exec() and dialog.demo_database is not None:
            self.switch_database(dialog.demo_database)
        else:
            self.organisations.apply_filters()

    def confirm_leaving_edits(self) -> bool:
        """Every view's unsaved edits saved or thrown away; False when the user stays."""
        return all(getattr(view, "confirm_leaving_edits", lambda: True)() for view in self._views)

    def switch_database(self, db: Database) -> None:
        """Open another database in this window; the caller has checked for unsaved edits."""
        old = self.database
        self._install_views(db)
        self.retranslate()
        old.close()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if not self.confirm_leaving_edits():
            event.ignore()
            return
        save_window_state(self, self.navigation, self.splitter, self._views)
        try:
            if self.meeting_copy is None:  # a meeting copy is not backed up: it is itself a copy
                automatic_backup(self.database)  # at most daily, rotated: ~1 s per 100 MB
        except DatabaseProblem as problem:
            QMessageBox.warning(self, _("Backups"), problem.user_message())
        event.accept()
