"""The main window's navigation: its views in order, and the attributes that build one when first asked for."""

from __future__ import annotations

from typing import NamedTuple, Protocol

from PySide6.QtWidgets import QWidget

from jarjestokeskus.i18n import N_


class Window(Protocol):
    def view(self, row: int) -> QWidget: ...


class ViewEntry(NamedTuple):
    """One entry of the navigation: its title, the window's attribute, and how to build the view."""

    title: str
    name: str
    factory: str  # "module:Class", called with the database and `options`
    options: dict[str, object] = {}


_UI = "jarjestokeskus.ui."
# The navigation, in order; Ctrl+1… switch to them.
VIEWS = (
    ViewEntry(N_("Start page"), "start", _UI + "start.page:StartPage"),
    ViewEntry(
        N_("Organisations"),
        "organisations",
        _UI + "organisations.view:OrganisationsView",
        {"archived": False},
    ),
    ViewEntry(N_("Archive"), "archive", _UI + "organisations.view:OrganisationsView", {"archived": True}),
    ViewEntry(N_("Projects"), "projects", _UI + "projects.view:ProjectsView"),
    ViewEntry(N_("Funding overview"), "funding", _UI + "projects.funding_overview:FundingOverview"),
    ViewEntry(N_("Agreements"), "agreements", _UI + "agreements.view:AgreementsView"),
    ViewEntry(N_("Follow-up of agreements"), "followup", _UI + "agreements.followup_view:FollowUpView"),
    ViewEntry(N_("Staff"), "staff", _UI + "staff.view:StaffView"),
    ViewEntry(N_("Year clock"), "year_clock", _UI + "year_clock.view:YearClockView"),
    ViewEntry(N_("Reaching members"), "outreach", _UI + "outreach.view:OutreachView"),
    ViewEntry(N_("Membership fees"), "fees", _UI + "fees.view:FeesView"),
    ViewEntry(N_("Events"), "events", _UI + "events.view:EventsView"),
    ViewEntry(N_("Welfare survey"), "survey", _UI + "survey.view:SurveyView"),
    ViewEntry(N_("Cooperation"), "cooperation", _UI + "cooperation.view:CooperationView"),
    ViewEntry(N_("Reports"), "reports", _UI + "reports.view:ReportsView"),
    ViewEntry(N_("Change history"), "audit", _UI + "history.audit_view:AuditView"),
)
VIEW_TITLES = tuple(entry.title for entry in VIEWS)
ROWS = {entry.name: row for row, entry in enumerate(VIEWS)}
REPORTS_ROW = ROWS["reports"]
START_ROW = ROWS["start"]
# Views that read again each time they are shown (records may have changed meanwhile).
REFRESHED_WHEN_SHOWN = frozenset({"start", "funding", "followup", "audit", "fees", "survey"})


class BuiltView:
    """`window.organisations` and the like: the view, built now if it was not yet."""

    def __set_name__(self, owner: type, name: str) -> None:
        self.row = ROWS[name]

    def __get__(self, window: Window | None, owner: type | None = None):  # type: ignore[no-untyped-def]
        return self if window is None else window.view(self.row)
