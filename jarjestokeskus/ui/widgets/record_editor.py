"""The base of every record editor: the record shown, unsaved edits, save, cancel, archive, restore.

A register's editor supplies its fields (`build_body`, `fill`, `form`), its service calls (`fetch`,
`store`, `archive_record`, `restore_record`) and its words; the state, the read-only refusal, the
questions before archiving and the messages of a refused or stale save are written here once.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.errors import DatabaseProblem, ReadOnlyDatabase
from jarjestokeskus.domain.validation import FieldError, ValidationFailed
from jarjestokeskus.i18n import _, format_date
from jarjestokeskus.ui.history.panel import local_time
from jarjestokeskus.ui.widgets.closed_year import NotConfirmed, confirming
from jarjestokeskus.ui.widgets.field_errors import STYLE_SHEET
from jarjestokeskus.ui.widgets.layout_fit import fit_columns
from jarjestokeskus.ui.widgets.record_buttons import RecordButtons


def heading_label(scale: float, object_name: str = "") -> QLabel:
    """A bold label `scale` times the normal size: a view's title or an editor's heading."""
    label = QLabel(objectName=object_name, wordWrap=True)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    label.setFont(font)
    return label


def fit_into_small_window(body: QWidget) -> None:
    """Every tab of a form's tab bar shown (no scroll arrows: the editor is as wide as its tabs);
    a choice list as wide as the form gives it, not as its longest choice (an agreement's title)."""
    for tabs in [body, *body.findChildren(QTabWidget)]:
        if isinstance(tabs, QTabWidget):
            tabs.setUsesScrollButtons(False)
    for combo in body.findChildren(QComboBox):
        if combo.sizeAdjustPolicy() == QComboBox.SizeAdjustPolicy.AdjustToContentsOnFirstShow:
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(12)


def ask_yes_no(parent: QWidget, title: str, text: str) -> bool:
    answer = QMessageBox.question(
        parent,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


@dataclass(frozen=True)
class RecordServices:
    """A register's service calls: get(db, id), save(db, form, id, version), archive and restore
    (db, id, version), history(db, id); and form_of(record), the stored record as a form."""

    get: Callable[..., Any]
    save: Callable[..., Any]
    archive: Callable[..., Any]
    restore: Callable[..., Any]
    form_of: Callable[[Any], Any]
    history: Callable[..., list[Any]] | None = None


class RecordEditor(QWidget):
    """One record, new or stored; every change is one service call. `record` has id, version, archived_at."""

    saved = Signal(object)  # the record's id after a successful save
    archived = Signal(object)
    restored = Signal(object)

    # An archived record is shown read-only (else it can be edited and saved while archived).
    archived_is_read_only = False
    services: RecordServices
    blank_form: Callable[[], Any] = dict  # the form of a new record

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self._record: Any = None
        self._history: list[Any] = []
        self._blank: Any = None  # the form a new record starts from
        self._baseline: Any = None
        self._loading = False
        self.setStyleSheet(STYLE_SHEET + self.extra_style())
        self.heading = heading_label(1.25, "editorHeading")
        self.archived_notice = QLabel(objectName="archivedNotice", wordWrap=True)
        self.archived_notice.setVisible(False)
        body = self.build_body()
        fit_into_small_window(body)
        self.buttons = RecordButtons(self, left=self.extra_buttons())
        self.save_button, self.cancel_button, self.archive_button, self.restore_button, self.unsaved_label = (
            self.buttons.parts()
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        for widget in (self.heading, self.archived_notice, *self.top_widgets()):
            layout.addWidget(widget)
        layout.addWidget(body, 1)
        layout.addWidget(self.buttons)
        chain = [*self.tab_chain(), self.save_button, self.cancel_button, self.archive_button]
        chain.append(self.restore_button)
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)
        self.retranslate()
        self.new_record()

    # --- what each register supplies ---------------------------------------------------------
    def extra_style(self) -> str:
        return ""

    def build_body(self) -> QWidget:
        """The fields (usually tabs); called once, before the buttons exist."""
        raise NotImplementedError

    def top_widgets(self) -> list[QWidget]:
        """Shown between the heading and the fields (the list of a refused save's errors)."""
        return []

    def extra_buttons(self) -> list[QPushButton]:
        """Buttons of this register before Archive/Restore (for example Renew)."""
        return []

    def tab_chain(self) -> list[QWidget]:
        """The fields in Tab order; the buttons follow."""
        return []

    def first_widget(self) -> QWidget:
        """Where Tab from the list lands."""
        chain = self.tab_chain()
        return chain[0] if chain else self.save_button

    def fetch(self, record_id: uuid.UUID) -> Any:
        return self.services.get(self.db, record_id)

    def history_of(self, record_id: uuid.UUID) -> list[Any]:
        return self.services.history(self.db, record_id) if self.services.history else []

    def form_of(self, record: Any) -> Any:
        return self.services.form_of(record)

    def fill(self, record: Any, form: Any, history: list[Any]) -> None:
        """Show `form` (of `record`, None for a new one) in the fields."""
        raise NotImplementedError

    def form(self) -> Any:
        """The form as typed."""
        raise NotImplementedError

    def commit_editing(self) -> None:
        """A table cell still being typed in counts too."""

    def store(self, form: Any, record_id: uuid.UUID | None, version: int | None) -> Any:
        return self.services.save(self.db, form, record_id, version)

    def archive_record(self, record_id: uuid.UUID, version: int) -> None:
        self.services.archive(self.db, record_id, version)

    def restore_record(self, record_id: uuid.UUID, version: int) -> None:
        self.services.restore(self.db, record_id, version)

    def record_name(self, record: Any) -> str:
        raise NotImplementedError

    def set_read_only(self, read_only: bool) -> None:
        raise NotImplementedError

    def check(self) -> list[FieldError]:
        """Problems found before the service is asked (a name typed but not chosen from a list)."""
        return []

    def show_errors(self, errors: list[FieldError]) -> None:
        raise NotImplementedError

    def clear_errors(self) -> None:
        raise NotImplementedError

    def focus_first_field(self) -> None:
        raise NotImplementedError

    def texts(self) -> dict[str, str]:
        """new, archived (with {date}), archive_title, archive_question (with {name}), restore_title,
        leave (the question before leaving unsaved edits), save_tip, archive_tip, restore_tip."""
        raise NotImplementedError

    # --- the words -----------------------------------------------------------------------------
    def retranslate(self) -> None:
        texts = self.texts()
        self.buttons.retranslate()
        self.save_button.setToolTip(texts["save_tip"])
        self.cancel_button.setToolTip(_("Throw away the changes and show the stored values (Esc)"))
        self.archive_button.setToolTip(texts["archive_tip"])
        self.restore_button.setToolTip(texts["restore_tip"])
        self._show_heading()

    def leave_question(self) -> str:
        return self.texts()["leave"]

    def _show_heading(self) -> None:
        record = self._record
        texts = self.texts()
        self.heading.setText(texts["new"] if record is None else self.record_name(record))
        archived_at = getattr(record, "archived_at", None)
        if archived_at is not None:
            when = local_time(archived_at).date() if hasattr(archived_at, "tzinfo") else archived_at
            self.archived_notice.setText(texts["archived"].format(date=format_date(when)))
        self.archived_notice.setVisible(archived_at is not None)

    # --- showing a record ----------------------------------------------------------------------
    def current_id(self) -> uuid.UUID | None:
        return self._record.id if self._record is not None else None

    def current_record(self) -> Any:
        return self._record

    def is_archived(self) -> bool:
        return self._record is not None and self._record.archived_at is not None

    def new_record(self, blank: Any = None) -> None:
        """An empty form (or `blank`); saving it creates the record."""
        self._blank = blank if blank is not None else type(self).blank_form()
        self._show(None, [])
        tabs = getattr(self, "tabs", None)
        if tabs is not None:
            tabs.setCurrentIndex(0)

    def load(self, record_id: uuid.UUID) -> None:
        """Show the stored record; DatabaseProblem (it no longer exists, say) goes to the caller."""
        record = self.fetch(record_id)
        self._show(record, self.history_of(record_id))

    def _show(self, record: Any, history: list[Any]) -> None:
        self._loading = True
        try:
            self._record = record
            self._history = history
            self.clear_errors()
            self.fill(record, self.form_of(record) if record is not None else self._blank, history)
            for table in self.findChildren(QTableView):
                fit_columns(table)
        finally:
            self._loading = False
        self._baseline = self.form()
        self._show_heading()
        self.update_state()

    def has_unsaved_changes(self, commit: bool = True) -> bool:
        if commit:
            self.commit_editing()
        return self.form() != self._baseline

    def update_state(self) -> None:
        """Enable what can be done now (called after every edit)."""
        if self._loading:
            return
        read_only = self.db.read_only
        archived = self.is_archived()
        locked = read_only or (archived and self.archived_is_read_only)
        self.set_read_only(locked)
        self.buttons.show_state(
            read_only=read_only,
            archived=archived,
            stored=self._record is not None,
            unsaved=self.has_unsaved_changes(commit=False),
            save=not locked,
        )

    def _history_after_change(self, record_id: uuid.UUID) -> list[Any]:
        """After a change has been stored, a failure to read the history must not hide that."""
        try:
            return self.history_of(record_id)
        except DatabaseProblem:
            return []

    # --- actions -------------------------------------------------------------------------------
    def refuse_read_only(self) -> bool:
        """True (and a message naming who has the database) when nothing can be changed."""
        if not self.db.read_only:
            return False
        holder = self.db.holder.describe() if self.db.holder else ""
        QMessageBox.warning(self, _("Save"), ReadOnlyDatabase(holder).user_message())
        return True

    def save(self) -> bool:
        """Store what is typed; on refusal the fields are marked and nothing typed is lost."""
        if self.refuse_read_only():
            return False
        self.commit_editing()
        problems = self.check()
        if problems:
            self.show_errors(problems)
            return False
        record = self._record
        form = self.form()
        try:
            stored = confirming(
                self,
                lambda: self.store(form, record.id if record else None, record.version if record else None),
            )
        except NotConfirmed:  # a closed year's figures left as they were; the form keeps the typing
            return False
        except ValidationFailed as exc:
            self.show_errors(exc.errors)
            return False
        except DatabaseProblem as exc:  # a stale save says so and keeps the form as typed
            QMessageBox.warning(self, _("Save"), exc.user_message())
            return False
        self._show(stored, self._history_after_change(stored.id))
        self.saved.emit(stored.id)
        return True

    def cancel(self) -> None:
        """Throw away the edits: the stored values again, or the empty form of a new record."""
        if not self.db.read_only:
            self._show(self._record, self._history)

    def archive(self) -> bool:
        """Soft delete after a confirmation; the record can be restored from the archive."""
        record = self._record
        if record is None or self.db.read_only or record.archived_at is not None:
            return False
        texts = self.texts()
        text = texts["archive_question"].format(name=self.record_name(record))
        if self.has_unsaved_changes():
            text += "\n\n" + _("The changes that are not saved will be thrown away.")
        if not ask_yes_no(self, texts["archive_title"], text):
            return False
        return self._set_archived(record, self.archive_record, self.archived, texts["archive_title"])

    def restore(self) -> bool:
        """Back to the register; asks first only when unsaved changes would be thrown away."""
        record = self._record
        if record is None or self.db.read_only or record.archived_at is None:
            return False
        texts = self.texts()
        if self.has_unsaved_changes() and not ask_yes_no(
            self,
            texts["restore_title"],
            _("Restore {name}? The changes that are not saved will be thrown away.").format(
                name=self.record_name(record)
            ),
        ):
            return False
        return self._set_archived(record, self.restore_record, self.restored, texts["restore_title"])

    def _set_archived(self, record: Any, action: Any, signal: Any, title: str) -> bool:
        try:
            confirming(self, lambda: action(record.id, record.version))
        except NotConfirmed:
            return False
        except DatabaseProblem as exc:
            QMessageBox.warning(self, title, exc.user_message())
            return False
        try:  # the stored values again: the change gave the record a new version
            self._show(self.fetch(record.id), self._history_after_change(record.id))
        except DatabaseProblem:
            self.new_record()
        signal.emit(record.id)
        return True

    def field_edited(self, _key: str = "") -> None:
        """A field changed by the user: the state (Save, "Unsaved changes") follows."""
        if not self._loading:
            self.update_state()
