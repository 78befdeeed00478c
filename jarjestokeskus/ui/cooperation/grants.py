"""The Members' grants tab: a year's grants from municipalities and the county, each one's editor
beside the list, and a grantor's decision list imported."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QComboBox, QFileDialog, QMessageBox, QPushButton, QWidget

from jarjestokeskus.domain.cooperation import AreaKind, GrantInstrument
from jarjestokeskus.i18n import N_, _, current_language, format_money, ngettext
from jarjestokeskus.services.cooperation.grants import (
    GrantForm,
    GrantRow,
    archive_grant,
    get_grant,
    member_grants,
    restore_grant,
    save_grant,
)
from jarjestokeskus.services.organisations.import_files import ImportFileProblem, read_table
from jarjestokeskus.ui.cooperation.editor import CooperationEditor
from jarjestokeskus.ui.cooperation.fields import AREA, CHOICE, ORGANISATION, TEXT, Field
from jarjestokeskus.ui.cooperation.grant_import import GrantImportDialog
from jarjestokeskus.ui.cooperation.register import CooperationRegister
from jarjestokeskus.ui.widgets.record_editor import RecordServices
from jarjestokeskus.ui.widgets.register_view import fill_combo


class GrantEditor(CooperationEditor):
    fields = (
        Field("organisation_id", N_("&Organisation"), ORGANISATION),
        Field("year", N_("&Year")),
        Field("grantor_kind", N_("W&hose"), CHOICE, AreaKind),
        Field("grantor", N_("&Grantor"), AREA, whose="grantor_kind"),
        Field("instrument", N_("&Instrument"), CHOICE, GrantInstrument),
        Field("amount_applied", N_("A&pplied")),
        Field("amount_granted", N_("Gra&nted")),
        Field("note", N_("No&te"), TEXT),
    )
    form_type = GrantForm
    services = RecordServices(get_grant, save_grant, archive_grant, restore_grant, GrantRow.form)

    @staticmethod
    def blank_form() -> dict[str, Any]:
        return {"year": str(date.today().year)}

    def record_name(self, record: GrantRow) -> str:
        return f"{record.organisation} · {record.grantor_name(current_language())} {record.year}"

    def texts(self) -> dict[str, str]:
        return {
            "new": _("New grant"),
            "archived": _("This grant is archived (since {date}). Restore it to bring it back to the list."),
            "archive_title": _("Archive grant"),
            "archive_question": _("Archive the grant {name}? It can be restored."),
            "restore_title": _("Restore grant"),
            "leave": _("The grant has changes that are not saved. Save them?"),
            "save_tip": _("Save the grant (Ctrl+S)"),
            "archive_tip": _("Move the grant to the archive; it can be restored"),
            "restore_tip": _("Bring the grant back to the list"),
        }


class GrantsRegister(CooperationRegister):
    columns = (
        (N_("Organisation"), lambda r: r.organisation),
        (N_("Municipality"), lambda r: r.municipality),
        (N_("Year"), lambda r: r.year),
        (N_("Grantor"), lambda r: r.grantor_name(current_language())),
        (N_("Instrument"), lambda r: r.instrument),
        (N_("Applied"), lambda r: r.amount_applied),
        (N_("Granted"), lambda r: r.amount_granted),
    )

    def build_editor(self) -> GrantEditor:
        return GrantEditor(self.db, self)

    def build_filters(self) -> list[QWidget]:
        self.year_filter = QComboBox()
        return [self.year_filter]

    def extra_widgets(self) -> list[QWidget]:
        self.import_button = QPushButton(clicked=self.import_file)
        return [self.import_button]

    def retranslate(self) -> None:
        self.title.setText(_("Members' grants"))
        self.search.setPlaceholderText(_("Search by organisation or grantor (Ctrl+F)"))
        self.archived_box.setText(_("Show archived"))
        self.import_button.setText(_("&Import a decision list…"))
        if self.year_filter.count():
            self.year_filter.setItemText(0, _("All years"))
        super().retranslate()

    def reload_choices(self) -> None:
        years = {g.year for g in member_grants(self.db)} | {date.today().year}
        fill_combo(self.year_filter, _("All years"), [(str(y), y) for y in sorted(years, reverse=True)])
        self.import_button.setEnabled(not self.db.read_only)

    def rows(self) -> list[GrantRow]:
        language = current_language()
        rows = member_grants(
            self.db, self.year_filter.currentData(), language=language, archived=self.showing_archive()
        )
        needle = self.search.text().strip().casefold()
        return [r for r in rows if needle in f"{r.organisation} {r.grantor_name(language)}".casefold()]

    def count_text(self, count: int) -> str:
        granted = sum((r.amount_granted or Decimal(0) for r in self.model.rows), Decimal(0))
        return ngettext(
            "{count} grant, granted {amount} in total", "{count} grants, granted {amount} in total", count
        ).format(count=count, amount=format_money(granted))

    def import_file(self) -> None:
        """A decision list read; its columns and defaults chosen, saved only when every row is right."""
        title = _("Import a decision list")
        name, _filter = QFileDialog.getOpenFileName(self, title, "", _("Tables (*.xlsx *.csv)"))
        if not name:
            return
        try:
            table = read_table(Path(name))
        except ImportFileProblem as problem:
            QMessageBox.warning(self, title, str(problem))
            return
        dialog = GrantImportDialog(self.db, table, self.year_filter.currentData(), self)
        saved = dialog.exec()
        dialog.deleteLater()
        if saved:
            self.refresh_after_change()
