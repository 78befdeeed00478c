"""The Activities and services tab: the members' activities searched, narrowed by municipality and
language, edited beside the list, and exported for service guidance."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QComboBox, QFileDialog, QMessageBox, QPushButton, QWidget

from jarjestokeskus.domain.cooperation import AreaKind
from jarjestokeskus.i18n import N_, _, current_language, ngettext
from jarjestokeskus.services.cooperation.activities import (
    LANGUAGE_CODES,
    ActivityForm,
    ActivityRow,
    activities,
    archive_activity,
    export_activities,
    get_activity,
    restore_activity,
    save_activity,
)
from jarjestokeskus.services.cooperation.areas import area_choices
from jarjestokeskus.services.exports.files import ExportFailed, format_from_suffix
from jarjestokeskus.ui.cooperation.editor import CooperationEditor
from jarjestokeskus.ui.cooperation.fields import AREA, ORGANISATION, TEXT, Field
from jarjestokeskus.ui.cooperation.register import CooperationRegister
from jarjestokeskus.ui.widgets.record_editor import RecordServices
from jarjestokeskus.ui.widgets.register_view import fill_combo


class ActivityEditor(CooperationEditor):
    fields = (
        Field("organisation_id", N_("&Organisation"), ORGANISATION),
        Field("title_fi", N_("Name in &Finnish")),
        Field("title_sv", N_("Name in S&wedish")),
        Field("description", N_("&Description"), TEXT),
        Field("audience", N_("For w&hom")),
        Field("place", N_("W&here")),
        Field("municipality", N_("M&unicipality"), AREA),
        Field("schedule", N_("Wh&en")),
        Field("languages", N_("&Languages")),
        Field("contact", N_("&Contact")),
    )
    form_type = ActivityForm
    services = RecordServices(
        get_activity, save_activity, archive_activity, restore_activity, ActivityRow.form
    )

    def record_name(self, record: ActivityRow) -> str:
        return record.title(current_language())

    def texts(self) -> dict[str, str]:
        return {
            "new": _("New activity"),
            "archived": _(
                "This activity is archived (since {date}). Restore it to bring it back to the list."
            ),
            "archive_title": _("Archive activity"),
            "archive_question": _("Archive {name}? It can be restored."),
            "restore_title": _("Restore activity"),
            "leave": _("The activity has changes that are not saved. Save them?"),
            "save_tip": _("Save the activity (Ctrl+S)"),
            "archive_tip": _("Move the activity to the archive; it can be restored"),
            "restore_tip": _("Bring the activity back to the list"),
        }


class ActivitiesRegister(CooperationRegister):
    columns = (
        (N_("Activity"), lambda r: r.title(current_language())),
        (N_("Organisation"), lambda r: r.organisation),
        (N_("For whom"), lambda r: r.audience),
        (N_("Where"), lambda r: r.place),
        (N_("Municipality"), lambda r: r.municipality_name(current_language())),
        (N_("When"), lambda r: r.schedule),
        (N_("Languages"), lambda r: r.languages),
        (N_("Contact"), lambda r: r.contact),
    )

    def build_editor(self) -> ActivityEditor:
        return ActivityEditor(self.db, self)

    def build_filters(self) -> list[QWidget]:
        self.municipality_filter = QComboBox()
        self.language_filter = QComboBox()
        return [self.municipality_filter, self.language_filter]

    def extra_widgets(self) -> list[QWidget]:
        self.export_button = QPushButton(clicked=self.export)
        return [self.export_button]

    def retranslate(self) -> None:
        self.title.setText(_("Activities and services"))
        self.search.setPlaceholderText(_("Search by any word: what, for whom, where, who (Ctrl+F)"))
        self.archived_box.setText(_("Show archived"))
        self.export_button.setText(_("E&xport…"))
        fill_combo(self.language_filter, _("All languages"), [(code, code) for code in LANGUAGE_CODES])
        self.reload_choices()
        super().retranslate()

    def reload_choices(self) -> None:
        names = area_choices(AreaKind.MUNICIPALITY, current_language())
        fill_combo(self.municipality_filter, _("All municipalities"), [(name, name) for name in names])

    def listed(self) -> list[ActivityRow]:
        return activities(
            self.db,
            self.search.text(),
            self.municipality_filter.currentData() or "",
            self.language_filter.currentData() or "",
            current_language(),
            self.showing_archive(),
        )

    def rows(self) -> list[ActivityRow]:
        return self.listed()

    def count_text(self, count: int) -> str:
        return ngettext("{count} activity listed", "{count} activities listed", count).format(count=count)

    def export(self) -> None:
        title = _("Export activities")
        name, _filter = QFileDialog.getSaveFileName(
            self, title, "", _("Excel workbook (*.xlsx);;CSV (*.csv)")
        )
        if not name:
            return
        path = Path(name)
        try:
            export_activities(self.listed(), path, format_from_suffix(path) or "xlsx", current_language())
        except ExportFailed as failed:
            QMessageBox.warning(self, title, failed.user_message())
