"""The Mailing lists tab: choose the recipients by filter, see who has no address, copy or export them."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from urllib.parse import quote

from PySide6.QtCore import QDir, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.errors import DatabaseProblem
from jarjestokeskus.domain.enums import Field, MembershipStatus, RoleKind, StaffProfile, WorkingLanguage
from jarjestokeskus.domain.outreach import MailingResult, RecipientFilter, batches
from jarjestokeskus.domain.validation import ValidationFailed
from jarjestokeskus.i18n import _, current_language
from jarjestokeskus.services.exports.files import ExportFailed
from jarjestokeskus.services.outreach.contact_log import log_mailing
from jarjestokeskus.services.outreach.files import write_mailing_list
from jarjestokeskus.services.outreach.mailing import archive_list, recipients, save_list, saved_lists


class ChoiceList(QListWidget):
    """Checkable members of an enum, row by row in `members`; none checked means any."""

    def __init__(self, members: list, checked: tuple = ()) -> None:  # type: ignore[type-arg]
        super().__init__()
        self.members = members
        for member in members:
            item = QListWidgetItem()
            item.setCheckState(Qt.CheckState.Checked if member in checked else Qt.CheckState.Unchecked)
            self.addItem(item)
        self.setMaximumHeight(self.fontMetrics().height() * min(len(members), 5) + 24)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def retranslate(self) -> None:
        blocked = self.blockSignals(True)  # a new label is no new choice: no list read per item
        for row, member in enumerate(self.members):
            self.item(row).setText(member.label)
        self.blockSignals(blocked)
        # Wide enough for the longest label in this language: no horizontal scrolling.
        self.setMinimumWidth(self.sizeHintForColumn(0) + 2 * self.frameWidth() + 24)

    def checked(self) -> tuple:  # type: ignore[type-arg]
        return tuple(
            member
            for row, member in enumerate(self.members)
            if self.item(row).checkState() == Qt.CheckState.Checked
        )

    def set_checked(self, members: tuple) -> None:  # type: ignore[type-arg]
        for row, member in enumerate(self.members):
            on = member in members
            self.item(row).setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)


class MailingTab(QWidget):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.result = MailingResult()
        self.batch = 0
        self.saved = QComboBox()
        self.saved.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.saved.activated.connect(self._choose_saved)
        self.save_button = QPushButton(clicked=self.save_current)
        self.remove_button = QPushButton(clicked=self.remove_saved)
        self.statuses = ChoiceList(list(MembershipStatus), (MembershipStatus.MEMBER,))
        self.fields = ChoiceList(list(Field))
        self.languages = ChoiceList(list(WorkingLanguage))
        self.profiles = ChoiceList(list(StaffProfile))
        self.roles = ChoiceList(list(RoleKind))
        self.municipalities = QLineEdit()
        for choice in (self.statuses, self.fields, self.languages, self.profiles, self.roles):
            choice.itemChanged.connect(lambda _item: self.refresh())
        self.municipalities.editingFinished.connect(self.refresh)
        self.filters = QFormLayout()
        self.filter_labels = [QLabel() for _ in range(6)]
        for label, widget in zip(
            self.filter_labels,
            (self.statuses, self.fields, self.languages, self.profiles, self.roles, self.municipalities),
            strict=True,
        ):
            label.setBuddy(widget)
            self.filters.addRow(label, widget)
        saved_row = QHBoxLayout()
        saved_row.addWidget(self.save_button)
        saved_row.addWidget(self.remove_button)
        saved_row.addStretch(1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.saved)
        left_layout.addLayout(saved_row)
        left_layout.addLayout(self.filters)
        left_layout.addStretch(1)

        self.table = QTableWidget(0, 4)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.count_label = QLabel()
        self.missing = QListWidget()
        self.missing.setMaximumHeight(110)
        self.missing_label = QLabel()
        self.copy_button = QPushButton(clicked=self.copy_batch)
        self.batch_label = QLabel()
        self.mail_button = QPushButton(clicked=self.open_mail)
        self.export_button = QPushButton(clicked=self.export)
        self.log_button = QPushButton(clicked=self.log_sent)
        actions = QHBoxLayout()
        actions.addWidget(self.copy_button)
        actions.addWidget(self.batch_label)
        for button in (self.mail_button, self.export_button, self.log_button):
            actions.addWidget(button)
        actions.addStretch(1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.table, 1)
        right_layout.addWidget(self.count_label)
        right_layout.addLayout(actions)
        right_layout.addWidget(self.missing_label)
        right_layout.addWidget(self.missing)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([400, 860])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.retranslate()

    def retranslate(self) -> None:
        texts = (
            _("Membership"),
            _("Field"),
            _("Language"),
            _("Staff profile"),
            _("Roles"),
            _("Municipalities"),
        )
        for label, text in zip(self.filter_labels, texts, strict=True):
            label.setText(text)
        for choice in (self.statuses, self.fields, self.languages, self.profiles, self.roles):
            choice.retranslate()
        self.municipalities.setPlaceholderText(_("Vaasa, Korsholm…"))
        self.save_button.setText(_("&Save list…"))
        self.remove_button.setText(_("Remove list"))
        self.copy_button.setText(_("&Copy the addresses"))
        self.export_button.setText(_("E&xport…"))
        self.mail_button.setText(_("Open in the &mail program"))
        self.log_button.setText(_("&Log as sent…"))
        self.missing_label.setText(_("Without an address:"))
        self.table.setHorizontalHeaderLabels([_("Organisation"), _("Person"), _("Role"), _("Email")])
        self._fill_saved()
        self.refresh()  # the recipients, their roles in this language: read once

    def current_filter(self) -> RecipientFilter:
        places = tuple(p.strip() for p in self.municipalities.text().split(",") if p.strip())
        return RecipientFilter(
            self.statuses.checked(),
            self.fields.checked(),
            places,
            self.languages.checked(),
            self.profiles.checked(),
            self.roles.checked(),
        )

    def refresh(self) -> None:
        try:
            self.result = recipients(self.db, self.current_filter(), current_language())
        except DatabaseProblem as problem:
            QMessageBox.warning(self, _("Mailing lists"), problem.user_message())
            return
        self.batch = 0
        self.table.setRowCount(len(self.result.recipients))
        for row, r in enumerate(self.result.recipients):
            values = (r.organisation, r.person, r.role.label if r.role else "", r.email)
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.missing.clear()
        for _id, name, why in self.result.without_address:
            self.missing.addItem(f"{name} – {why}")
        self._show_counts()

    def _show_counts(self) -> None:
        parts = batches(self.result.addresses)
        self.count_label.setText(
            _("{count} addresses · {missing} without an address").format(
                count=len(self.result.addresses), missing=len(self.result.without_address)
            )
        )
        total = max(1, len(parts))
        self.batch_label.setText(
            _("batch {batch}/{batches}").format(batch=min(self.batch + 1, total), batches=total)
        )
        for button in (self.copy_button, self.mail_button, self.export_button):
            button.setEnabled(bool(parts))
        self.log_button.setEnabled(bool(parts) and not self.db.read_only)

    def _fill_saved(self) -> None:
        current = self.saved.currentData()
        self.saved.clear()
        self.saved.addItem(_("(choose a saved list)"), None)
        try:
            for saved in saved_lists(self.db):
                self.saved.addItem(saved.name, saved)
        except DatabaseProblem:
            return
        index = self.saved.findText(current.name) if current is not None else 0
        self.saved.setCurrentIndex(max(0, index))
        self.remove_button.setEnabled(self.saved.currentData() is not None and not self.db.read_only)
        self.save_button.setEnabled(not self.db.read_only)

    def _choose_saved(self, _index: int) -> None:
        saved = self.saved.currentData()
        self.remove_button.setEnabled(saved is not None and not self.db.read_only)
        if saved is None:
            return
        chosen: RecipientFilter = saved.filters
        for choice, members in (
            (self.statuses, chosen.statuses),
            (self.fields, chosen.fields),
            (self.languages, chosen.languages),
            (self.profiles, chosen.staff_profiles),
            (self.roles, chosen.roles),
        ):
            choice.blockSignals(True)
            choice.set_checked(members)
            choice.blockSignals(False)
        self.municipalities.setText(", ".join(chosen.municipalities))
        self.refresh()

    def save_current(self) -> None:
        current = self.saved.currentData()
        name, ok = QInputDialog.getText(
            self, _("Save list"), _("Name of the list"), text=current.name if current else ""
        )
        if not ok:
            return
        try:
            same = current is not None and name.strip().casefold() == current.name.casefold()
            save_list(self.db, name, self.current_filter(), current.id if same else None)
        except ValidationFailed as failed:
            QMessageBox.warning(self, _("Save list"), "\n".join(e.message for e in failed.errors))
            return
        except DatabaseProblem as problem:
            QMessageBox.warning(self, _("Save list"), problem.user_message())
            return
        self._fill_saved()
        self.saved.setCurrentIndex(max(0, self.saved.findText(name.strip())))

    def remove_saved(self) -> None:
        current = self.saved.currentData()
        if current is None:
            return
        question = _("Remove the saved list {name}? Its recipients are not touched.").format(
            name=current.name
        )
        if QMessageBox.question(self, _("Remove list"), question) != QMessageBox.StandardButton.Yes:
            return
        try:
            archive_list(self.db, current.id)
        except DatabaseProblem as problem:
            QMessageBox.warning(self, _("Remove list"), problem.user_message())
        self._fill_saved()

    def _current_batch(self) -> list[str]:
        parts = batches(self.result.addresses)
        return parts[self.batch % len(parts)] if parts else []

    def copy_batch(self) -> None:
        """The next batch of at most 50 addresses to the clipboard, for the BCC field."""
        QGuiApplication.clipboard().setText("; ".join(self._current_batch()))
        parts = max(1, len(batches(self.result.addresses)))
        self.batch = (self.batch + 1) % parts
        self._show_counts()

    def open_mail(self) -> None:
        bcc = ",".join(quote(address, safe="@") for address in self._current_batch())
        QDesktopServices.openUrl(QUrl(f"mailto:?bcc={bcc}"))

    def export(self) -> None:
        name, _chosen = QFileDialog.getSaveFileName(
            self,
            _("Export the mailing list"),
            QDir.homePath(),
            _("Addresses (*.txt);;Table for a newsletter service (*.csv);;Address cards (*.vcf)"),
        )
        if not name:
            return
        path = Path(name)
        format = {".csv": "csv", ".vcf": "vcf"}.get(path.suffix.lower(), "text")
        try:
            write_mailing_list(self.result, path, format)  # type: ignore[arg-type]
        except ExportFailed as failed:
            QMessageBox.warning(self, _("Mailing lists"), failed.user_message())

    def log_sent(self) -> None:
        subject, ok = QInputDialog.getText(self, _("Log as sent"), _("Subject of the message"))
        if not ok:
            return
        saved = self.saved.currentData()
        try:
            count = log_mailing(
                self.db, self.result.organisation_ids, subject, date.today(), saved.id if saved else None
            )
        except ValidationFailed as failed:
            QMessageBox.warning(self, _("Log as sent"), "\n".join(e.message for e in failed.errors))
            return
        except DatabaseProblem as problem:
            QMessageBox.warning(self, _("Log as sent"), problem.user_message())
            return
        window = self.window()
        if hasattr(window, "statusBar"):
            window.statusBar().showMessage(
                _("Logged in the contact log of {count} organisations").format(count=count), 8000
            )
