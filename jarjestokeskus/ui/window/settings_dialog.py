"""Settings…: the database (a file or a shared server), the language, the backup folder, how long
attendance lists are kept, and which organisation of the register is one's own."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from jarjestokeskus import i18n
from jarjestokeskus.db.engine import Database, default_database_path
from jarjestokeskus.i18n import _
from jarjestokeskus.services.database.connection import (
    DEFAULT_PORT,
    ServerAddress,
    check_connection,
    server_address,
)
from jarjestokeskus.services.settings import Settings
from jarjestokeskus.ui.widgets.field_errors import STYLE_SHEET, set_invalid
from jarjestokeskus.ui.window.home_organisation import HomeOrganisationBox

LANGUAGE_NAMES = {"fi": "Suomi", "sv": "Svenska"}
DATABASE_FILTER_HINT = "(*.sqlite *.db)"


@dataclass(frozen=True)
class SettingsChoice:
    """What OK asks for: the settings to save, and the database to open now when it changed."""

    settings: Settings
    open_now: str | None  # a file path or a server URL (with the password typed, if any)


class SettingsDialog(QDialog):
    """OK checks the fields, then `apply(choice)`; it returns an error for the database or None.

    Cancel changes nothing. The password is never saved: see the note under the field.
    """

    def __init__(
        self,
        current: Settings,
        open_database: str,
        apply: Callable[[SettingsChoice], str | None] | None = None,
        parent: QWidget | None = None,
        db: Database | None = None,
    ) -> None:
        super().__init__(parent)
        self.current = current
        self.apply = apply
        self.db = db
        self.choice: SettingsChoice | None = None
        self.setWindowTitle(_("Settings"))
        self.setStyleSheet(STYLE_SHEET)
        self._errors: dict[QWidget, QLabel] = {}
        layout = QVBoxLayout(self)
        layout.addWidget(self._database_box(open_database))
        layout.addWidget(self._general_box())
        self.home = HomeOrganisationBox(db) if db is not None else None
        if self.home is not None:
            layout.addWidget(self.home)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._fill(current)
        self.resize(560, self.sizeHint().height())

    # --- building ----------------------------------------------------------------------------
    def _field(
        self, form: QFormLayout, label: str, field: QWidget, button: QPushButton | None = None
    ) -> None:
        error = QLabel(objectName="fieldError", wordWrap=True, visible=False)
        error.setTextFormat(Qt.TextFormat.PlainText)
        self._errors[field] = error
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        row = QHBoxLayout()
        row.addWidget(field, 1)
        if button is not None:
            row.addWidget(button)
        column.addLayout(row)
        column.addWidget(error)
        form.addRow(label, holder)

    def _database_box(self, open_database: str) -> QGroupBox:
        box = QGroupBox(_("Database"))
        layout = QVBoxLayout(box)
        self.open_now_label = QLabel(_("Open now: {database}").format(database=open_database), wordWrap=True)
        self.open_now_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.open_now_label)
        self.file_choice = QRadioButton(_("A file on this computer"))
        self.server_choice = QRadioButton(_("A shared server (PostgreSQL)"))
        self.kind = QButtonGroup(self)
        self.kind.addButton(self.file_choice)
        self.kind.addButton(self.server_choice)
        layout.addWidget(self.file_choice)
        self.file_part = QWidget()
        file_form = QFormLayout(self.file_part)
        self.file_path = QLineEdit(objectName="filePath", placeholderText=str(default_database_path()))
        self.file_path.setToolTip(_("Empty: the database in your data folder."))
        browse = QPushButton(_("Browse…"))
        browse.clicked.connect(self.browse_file)
        self._field(file_form, _("File"), self.file_path, browse)
        layout.addWidget(self.file_part)
        layout.addWidget(self.server_choice)
        self.server_part = QWidget()
        server_form = QFormLayout(self.server_part)
        self.host = QLineEdit(objectName="host")
        self.port = QLineEdit(str(DEFAULT_PORT), objectName="port")
        self.database_name = QLineEdit(objectName="databaseName")
        self.user = QLineEdit(objectName="user")
        self.password = QLineEdit(objectName="password", echoMode=QLineEdit.EchoMode.Password)
        for label, field in (
            (_("Server"), self.host),
            (_("Port"), self.port),
            (_("Database name"), self.database_name),
            (_("User name"), self.user),
            (_("Password"), self.password),
        ):
            self._field(server_form, label, field)
        note = QLabel(
            _(
                "The password is not saved in the settings. It is used now; at the next start the "
                "program takes it from the PostgreSQL password file (.pgpass) or asks for it."
            ),
            wordWrap=True,
        )
        note.setStyleSheet("color: #555;")
        server_form.addRow(note)
        self.test_button = QPushButton(_("&Test connection"))
        self.test_button.clicked.connect(self.test_connection)
        self.test_result = QLabel(wordWrap=True, objectName="testResult")
        self.test_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        server_form.addRow(self.test_button, self.test_result)
        layout.addWidget(self.server_part)
        self.database_error = QLabel(objectName="fieldError", wordWrap=True, visible=False)
        layout.addWidget(self.database_error)
        self.file_choice.toggled.connect(self._enable)
        return box

    def _general_box(self) -> QGroupBox:
        box = QGroupBox(_("General"))
        form = QFormLayout(box)
        self.language = QComboBox(objectName="language")
        for code, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, code)
        self._field(form, _("Language"), self.language)
        self.backup_folder = QLineEdit(
            objectName="backupFolder", placeholderText=_("The folder “backups” beside the database file")
        )
        browse = QPushButton(_("Browse…"))
        browse.clicked.connect(self.browse_backup_folder)
        self._field(form, _("Backup folder"), self.backup_folder, browse)
        self.attendance_years = QSpinBox(objectName="attendanceYears", minimum=1, maximum=50)
        self.attendance_years.setSuffix(_(" years"))
        self.attendance_years.setToolTip(
            _("Events that ended longer ago may have their attendance lists reduced to counts (Events view).")
        )
        self._field(form, _("Attendance lists kept for"), self.attendance_years)
        return box

    def _fill(self, current: Settings) -> None:
        address = server_address(current.database)
        self.server_choice.setChecked(address is not None)
        self.file_choice.setChecked(address is None)
        if address is not None:
            self.host.setText(address.host)
            self.port.setText(str(address.port))
            self.database_name.setText(address.database)
            self.user.setText(address.user)
        elif current.database:
            self.file_path.setText(current.database)
        self.language.setCurrentIndex(
            max(0, self.language.findData(current.language or i18n.current_language()))
        )
        self.backup_folder.setText(current.backup_folder or "")
        self.attendance_years.setValue(current.attendance_years)
        self._enable()

    def _enable(self) -> None:
        on_file = self.file_choice.isChecked()
        self.file_part.setEnabled(on_file)
        self.server_part.setEnabled(not on_file)

    # --- actions -----------------------------------------------------------------------------
    def browse_file(self) -> None:
        start = self.file_path.text().strip() or str(default_database_path())
        chosen, _filter = QFileDialog.getSaveFileName(
            self,
            _("Database file"),
            start,
            _("Järjestökeskus databases") + f" {DATABASE_FILTER_HINT}",
            options=QFileDialog.Option.DontConfirmOverwrite,  # an existing file is opened, not replaced
        )
        if chosen:
            self.file_path.setText(chosen)

    def browse_backup_folder(self) -> None:
        start = self.backup_folder.text().strip() or str(Path.home())
        chosen = QFileDialog.getExistingDirectory(self, _("Backup folder"), start)
        if chosen:
            self.backup_folder.setText(chosen)

    def test_connection(self) -> bool:
        self._clear_errors()
        address = self._server_address()
        if address is None:
            return False
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            result = check_connection(address.url(self.password.text()))
        finally:
            QGuiApplication.restoreOverrideCursor()
        message = result.message
        if result.needs_password:
            message += "\n" + _("Give the password, or put it in the PostgreSQL password file (.pgpass).")
        self.test_result.setText(message)
        self.test_result.setStyleSheet("color: #1b5e20;" if result.ok else "color: #b00020;")
        self._fit()
        return result.ok

    def accept(self) -> None:
        choice = self.validated_choice()
        if choice is None:
            return
        if self.home is not None and not self.home.save():
            return
        if self.apply is not None:
            problem = self.apply(choice)
            if problem:
                self.database_error.setText(problem)
                self.database_error.setVisible(True)
                self._fit()
                return
        self.choice = choice
        super().accept()

    # --- checking ----------------------------------------------------------------------------
    def validated_choice(self) -> SettingsChoice | None:
        """The choice, or None after showing each problem at its field."""
        self._clear_errors()
        folder = self.backup_folder.text().strip()
        if folder and not Path(folder).expanduser().is_absolute():
            self._error(self.backup_folder, _("Give the folder's whole path, or choose it with Browse…"))
        elif folder and Path(folder).expanduser().exists() and not Path(folder).expanduser().is_dir():
            self._error(self.backup_folder, _("This is a file, not a folder."))
        target, open_now = None, None
        if self.file_choice.isChecked():
            text = self.file_path.text().strip()
            if text and Path(text).expanduser().is_dir():
                self._error(self.file_path, _("This is a folder. Choose a database file."))
            target = open_now = text or None
        else:
            address = self._server_address()
            if address is not None:
                target, open_now = address.url(), address.url(self.password.text())
        if any(label.isVisibleTo(self) for label in self._errors.values()):
            return None
        changed = (target or None) != (self.current.database or None) or bool(self.password.text())
        settings = self.current.with_(
            database=target,
            backup_folder=folder or None,
            language=self.language.currentData(),
            attendance_years=self.attendance_years.value(),
        )
        return SettingsChoice(settings, open_now if changed else None)

    def _server_address(self) -> ServerAddress | None:
        host, name, user = (f.text().strip() for f in (self.host, self.database_name, self.user))
        if not host:
            self._error(self.host, _("Give the server's name or address."))
        port_text = self.port.text().strip() or str(DEFAULT_PORT)
        port = int(port_text) if port_text.isdigit() else 0
        if not 1 <= port <= 65535:
            self._error(self.port, _("The port is a number from 1 to 65535."))
        if not name:
            self._error(self.database_name, _("Give the name of the database on the server."))
        if not user:
            self._error(self.user, _("Give the user name."))
        if not (host and name and user and 1 <= port <= 65535):
            return None
        return ServerAddress(host, port, name, user)

    def _error(self, field: QWidget, message: str) -> None:
        set_invalid(field, True)
        self._errors[field].setText(message)
        self._errors[field].setVisible(True)
        self._fit()

    def _fit(self) -> None:
        """Grow to show the messages that appeared; wrapped labels do not ask for it themselves."""
        self.layout().activate()
        self.resize(self.width(), max(self.height(), self.sizeHint().height()))

    def _clear_errors(self) -> None:
        for field, label in self._errors.items():
            set_invalid(field, False)
            label.setVisible(False)
        self.database_error.setVisible(False)

    def errors(self) -> dict[str, str]:
        """The messages shown, by field object name: for tests and for reading the dialog."""
        return {
            field.objectName() or type(field).__name__: label.text()
            for field, label in self._errors.items()
            if label.isVisibleTo(self)
        }
