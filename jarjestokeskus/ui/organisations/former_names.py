"""The window for an organisation's earlier names: Finnish and Swedish name, used from and until,
stored all at once by one service call."""

from __future__ import annotations

import re
import uuid

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QMessageBox, QVBoxLayout, QWidget

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.errors import DatabaseProblem
from jarjestokeskus.domain.organisation import FormerNameForm
from jarjestokeskus.domain.organisation import former_name_label as label
from jarjestokeskus.domain.validation import ValidationFailed
from jarjestokeskus.i18n import _, current_language, format_date
from jarjestokeskus.services.organisations.names import FormerNameRow, former_names, save_former_names
from jarjestokeskus.ui.widgets.form_table import DateDelegate, FormTable

KEYS = ("name_fi", "name_sv", "valid_from", "valid_until")
_ERROR_FIELD = re.compile(r"^former_names\[(\d+)\]\.(\w+)$")


def former_names_text(rows: list[FormerNameRow]) -> str:
    """One line for the organisation's form: each earlier name in the user's language and its days."""
    language = current_language()
    parts = [
        _("{name} (until {until})").format(name=row.name(language), until=format_date(row.valid_until))
        for row in rows
    ]
    return "; ".join(parts) if parts else _("None recorded")


class FormerNameTable(FormTable):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(KEYS, parent)
        for key in ("valid_from", "valid_until"):
            self.table.setItemDelegateForColumn(KEYS.index(key), DateDelegate(self.table))
        self.retranslate()

    def header_text(self, key: str) -> str:
        return label(key)

    def button_texts(self) -> tuple[str, str]:
        return _("A&dd name"), _("Re&move name")

    def column_samples(self) -> dict[str, str]:
        sample = "Vaasan Seudun Yhdistykset ry"
        return {"name_fi": sample, "name_sv": sample, "valid_from": "30.12.2000", "valid_until": "30.12.2000"}

    def set_names(self, rows: list[FormerNameRow]) -> None:
        self.clear()
        for row in rows:
            values = {
                "name_fi": row.name_fi,
                "name_sv": row.name_sv,
                "valid_from": format_date(row.valid_from) if row.valid_from else "",
                "valid_until": format_date(row.valid_until),
            }
            self.append(values, (row.id, row.version))

    def forms(self) -> tuple[list[FormerNameForm], list[int]]:
        """The rows as typed and the table row of each (blank rows are left out)."""
        forms: list[FormerNameForm] = []
        rows: list[int] = []
        for row in range(self.row_count()):
            if self.is_blank(row):
                continue
            ids = self.ids(row)
            name_id, version = ids if isinstance(ids, tuple) else (None, None)
            texts = {key: self.text(row, key) for key in KEYS}
            forms.append(FormerNameForm(**texts, name_id=name_id, version=version))
            rows.append(row)
        return forms, rows


class FormerNamesDialog(QDialog):
    """Shown for a stored organisation; read-only when the database is."""

    def __init__(self, db: Database, organisation_id: uuid.UUID, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.organisation_id = organisation_id
        self.setWindowTitle(_("Earlier names of {name}").format(name=name))
        intro = QLabel(
            _(
                "Names the organisation had before, with the days they were used. Papers of those days "
                "show the name of their day, and a search finds the organisation by these names too."
            ),
            wordWrap=True,
        )
        self.table = FormerNameTable()
        self.table.set_names(former_names(db, organisation_id))
        self.table.set_read_only(db.read_only)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(not db.read_only)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.resize(self.fontMetrics().averageCharWidth() * 110, self.fontMetrics().height() * 22)

    def save(self) -> None:
        """Store the rows; a refused cell is marked and the window stays open with what was typed."""
        self.table.commit_editing()
        self.table.clear_errors()
        forms, rows = self.table.forms()
        try:
            save_former_names(self.db, self.organisation_id, forms)
        except ValidationFailed as exc:
            for error in exc.errors:
                match = _ERROR_FIELD.match(error.field)
                if match and int(match.group(1)) < len(rows):
                    self.table.mark_error(rows[int(match.group(1))], match.group(2), error.message)
            return
        except DatabaseProblem as exc:
            QMessageBox.warning(self, self.windowTitle(), exc.user_message())
            return
        self.accept()
