"""The Members' premises tab: whose premises each member uses, where, on what terms, with the
premises' editor beside the list."""

from __future__ import annotations

from jarjestokeskus.domain.cooperation import PremisesOwner
from jarjestokeskus.i18n import N_, _, current_language, ngettext
from jarjestokeskus.services.cooperation.grants import (
    PremisesForm,
    PremisesRow,
    archive_premises,
    get_premises,
    member_premises,
    restore_premises,
    save_premises,
)
from jarjestokeskus.ui.cooperation.editor import CooperationEditor
from jarjestokeskus.ui.cooperation.fields import AREA, CHECK, CHOICE, ORGANISATION, TEXT, Field
from jarjestokeskus.ui.cooperation.register import CooperationRegister
from jarjestokeskus.ui.widgets.record_editor import RecordServices


def _yes_no(value: bool) -> str:
    return _("yes") if value else _("no")


class PremisesEditor(CooperationEditor):
    fields = (
        Field("organisation_id", N_("&Organisation"), ORGANISATION),
        Field("owner_kind", N_("W&hose"), CHOICE, PremisesOwner),
        Field("owner", N_("O&wner"), AREA, whose="owner_kind"),
        Field("address", N_("&Address")),
        Field("terms", N_("&Terms"), TEXT),
        Field("free_of_charge", N_("&Free of charge"), CHECK),
        Field("rent", N_("&Rent a month")),
        Field("accessible", N_("A&ccessible"), CHECK),
        Field("start_date", N_("F&rom")),
        Field("end_date", N_("T&o")),
    )
    form_type = PremisesForm
    services = RecordServices(
        get_premises, save_premises, archive_premises, restore_premises, PremisesRow.form
    )

    def record_name(self, record: PremisesRow) -> str:
        return f"{record.organisation} · {record.address}"

    def texts(self) -> dict[str, str]:
        return {
            "new": _("New premises"),
            "archived": _("These premises are archived (since {date}). Restore them to bring them back."),
            "archive_title": _("Archive premises"),
            "archive_question": _("Archive the premises {name}? They can be restored."),
            "restore_title": _("Restore premises"),
            "leave": _("The premises have changes that are not saved. Save them?"),
            "save_tip": _("Save the premises (Ctrl+S)"),
            "archive_tip": _("Move the premises to the archive; they can be restored"),
            "restore_tip": _("Bring the premises back to the list"),
        }


class PremisesRegister(CooperationRegister):
    columns = (
        (N_("Organisation"), lambda r: r.organisation),
        (N_("Whose"), lambda r: r.owner_kind),
        (N_("Owner"), lambda r: r.owner_name(current_language())),
        (N_("Address"), lambda r: r.address),
        (N_("Free of charge"), lambda r: _yes_no(r.free_of_charge)),
        (N_("Rent a month"), lambda r: r.rent),
        (N_("Accessible"), lambda r: _yes_no(r.accessible)),
        (N_("To"), lambda r: r.end_date),
    )

    def build_editor(self) -> PremisesEditor:
        return PremisesEditor(self.db, self)

    def retranslate(self) -> None:
        self.title.setText(_("Members' premises"))
        self.search.setPlaceholderText(_("Search by organisation, owner or address (Ctrl+F)"))
        self.archived_box.setText(_("Show archived"))
        super().retranslate()

    def rows(self) -> list[PremisesRow]:
        language = current_language()
        rows = member_premises(self.db, language=language, archived=self.showing_archive())
        needle = self.search.text().strip().casefold()
        return [
            r for r in rows if needle in f"{r.organisation} {r.owner_name(language)} {r.address}".casefold()
        ]

    def count_text(self, count: int) -> str:
        return ngettext("{count} premises", "{count} premises", count).format(count=count)
