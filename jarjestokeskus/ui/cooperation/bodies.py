"""The Bodies tab: the bodies of the municipalities and the county, searched, and the chosen
body's editor with its representatives and its meetings (minutes attached) on tabs of their own."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QWidget

from jarjestokeskus.domain.cooperation import AreaKind, BodyKind
from jarjestokeskus.i18n import N_, _, current_language, ngettext
from jarjestokeskus.services.cooperation.bodies import (
    BodyForm,
    BodyRow,
    archive_body,
    bodies,
    get_body,
    restore_body,
    save_body,
)
from jarjestokeskus.ui.cooperation.body_parts import MeetingsPanel, SeatsPanel
from jarjestokeskus.ui.cooperation.editor import CooperationEditor
from jarjestokeskus.ui.cooperation.fields import AREA, CHOICE, TEXT, Field
from jarjestokeskus.ui.cooperation.register import CooperationRegister
from jarjestokeskus.ui.widgets.record_editor import RecordServices
from jarjestokeskus.ui.widgets.register_view import fill_combo


def _get(db: Any, body_id: Any, _language: str = "fi") -> BodyRow:
    return get_body(db, body_id)


class BodyEditor(CooperationEditor):
    fields = (
        Field("kind", N_("&Kind"), CHOICE, BodyKind),
        Field("name_fi", N_("Name in &Finnish")),
        Field("name_sv", N_("Name in S&wedish")),
        Field("area_kind", N_("W&hose"), CHOICE, AreaKind),
        Field("area", N_("M&unicipality or county"), AREA, whose="area_kind"),
        Field("term_start", N_("&Term from")),
        Field("term_end", N_("Term t&o")),
        Field("note", N_("&Note"), TEXT),
    )
    form_type = BodyForm
    services = RecordServices(_get, save_body, archive_body, restore_body, BodyRow.form)

    def extra_tabs(self) -> list[QWidget]:
        self.seats = SeatsPanel(self.db, self)
        self.meetings = MeetingsPanel(self.db, self)
        return [self.seats, self.meetings]

    def tab_texts(self) -> list[str]:
        return [_("&Basic"), _("&Representatives"), _("&Meetings")]

    def retranslate(self) -> None:
        self.seats.retranslate()
        self.meetings.retranslate()
        super().retranslate()

    def show_record(self, record: BodyRow | None) -> None:
        self.seats.show_body(record)
        self.meetings.show_body(record)
        for index in (1, 2):
            self.tabs.setTabEnabled(index, record is not None)

    def record_name(self, record: BodyRow) -> str:
        return record.name(current_language())

    def texts(self) -> dict[str, str]:
        return {
            "new": _("New body"),
            "archived": _("This body is archived (since {date}). Restore it to bring it back to the list."),
            "archive_title": _("Archive body"),
            "archive_question": _(
                "Archive {name}? Its representatives and meetings stay with it, and it can be restored."
            ),
            "restore_title": _("Restore body"),
            "leave": _("The body has changes that are not saved. Save them?"),
            "save_tip": _("Save the body (Ctrl+S)"),
            "archive_tip": _("Move the body to the archive; it can be restored"),
            "restore_tip": _("Bring the body back to the list"),
        }


class BodiesRegister(CooperationRegister):
    columns = (
        (N_("Body"), lambda r: r.name(current_language())),
        (N_("Kind"), lambda r: r.kind),
        (N_("Municipality or county"), lambda r: r.area_name(current_language())),
        (N_("Term ends"), lambda r: r.term_end),
    )

    def build_editor(self) -> BodyEditor:
        return BodyEditor(self.db, self)

    def build_filters(self) -> list[QWidget]:
        self.kind_filter = QComboBox()
        return [self.kind_filter]

    def retranslate(self) -> None:
        self.title.setText(_("Bodies"))
        self.search.setPlaceholderText(_("Search by name or municipality (Ctrl+F)"))
        self.archived_box.setText(_("Show archived"))
        fill_combo(self.kind_filter, _("All kinds"), [(k.label, k) for k in BodyKind])
        super().retranslate()

    def rows(self) -> list[BodyRow]:
        kind = self.kind_filter.currentData()
        rows = bodies(self.db, current_language(), self.showing_archive(), self.search.text())
        return [r for r in rows if kind is None or r.kind == kind]

    def count_text(self, count: int) -> str:
        return ngettext("{count} body", "{count} bodies", count).format(count=count)
