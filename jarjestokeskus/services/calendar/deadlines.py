"""Deadlines computed from the register, and the key figures of the start page.

Rules (a row is listed when its due date is on or before today + `within_days` and it is not done;
it is *overdue* when its due date is before today):
- Agreement in force ends: due = valid to. Renewal notice: due = renewal notice date; done when a
  renewal (an agreement naming it as predecessor) exists, and left out once the agreement's end
  has passed (the end row says it then). Only agreements in force.
- Goal follow-up: due = latest monitoring entry + 180 days (no entry: valid from + 180 days, or
  today when the agreement has no start); goals closed by their latest entry (achieved, not
  achieved, dropped) are done. Only goals of agreements in force.
- Grant report: due date of a reporting obligation not submitted. Instalment expected: due date
  of an instalment not paid.
- Employment period ends: today ≤ end ≤ today + `within_days` and no outcome yet; an ended period
  without an outcome is overdue (due = its end). Archived and erased persons are left out.
- Membership fee unpaid: fees of the current year only, of organisations that are members, not
  paid; due = 31 March of the year (earlier years' fees are for the member register).
- Year clock (only when asked for with `year_clock=True`): each live task's date in this year and,
  when the window reaches it, in the next; done for that year: left out; a date before the task was
  added (`counts_from`) is left out too. Last year's dates are not carried over into January.
- Cooperation: a representative's seat ending, a body's meeting, a checklist item with a date
  (rules in services/cooperation/dates.py).
- Welfare survey: the day a year's survey opens and the day it closes, until that day has passed
  (a survey period is a date to know, not a task to be late with).
Archived records (and records under an archived project, funding or agreement) are left out.

Read in plain SQL (db.plain.reader), with every read they call: the start page fills from a file
read with sqlite3 alone, without loading SQLAlchemy or the models; on a server, the same SQL.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, NamedTuple

from jarjestokeskus.db.driver_values import as_date, as_money, as_uuid
from jarjestokeskus.db.plain import Execute, reader
from jarjestokeskus.domain.enums import (
    AgreementStatus,
    LabelledEnum,
    MembershipStatus,
    ProjectStatus,
    ReportKind,
)
from jarjestokeskus.i18n import N_, localized
from jarjestokeskus.services.agreements.goal_follow_up import FINAL, STALE_DAYS, follow_up
from jarjestokeskus.services.calendar.year_clock_tasks import occurrences
from jarjestokeskus.services.cooperation.dates import cooperation_dates
from jarjestokeskus.services.organisations.member_register import members_on
from jarjestokeskus.services.staff.ending import ended_without_outcome, ending_periods

if TYPE_CHECKING:
    from jarjestokeskus.db.engine import Database
    from jarjestokeskus.db.plain import PlainDatabase

FEE_DUE_MONTH, FEE_DUE_DAY = 3, 31  # when the year has no fee terms (Membership fees) yet

VIEW_AGREEMENTS = "agreements"
VIEW_PROJECTS = "projects"
VIEW_STAFF = "staff"
VIEW_ORGANISATIONS = "organisations"
VIEW_YEAR_CLOCK = "year_clock"
VIEW_COOPERATION = "cooperation"
VIEW_SURVEY = "survey"


class DeadlineKind(LabelledEnum):
    AGREEMENT_ENDS = "agreement_ends"
    RENEWAL_NOTICE = "renewal_notice"
    GOAL_FOLLOW_UP = "goal_follow_up"
    REPORT_DUE = "report_due"
    INSTALMENT_EXPECTED = "instalment_expected"
    EMPLOYMENT_ENDS = "employment_ends"
    OUTCOME_MISSING = "outcome_missing"
    FEE_UNPAID = "fee_unpaid"
    YEAR_CLOCK = "year_clock"
    SEAT_ENDS = "seat_ends"
    BODY_MEETING = "body_meeting"
    CHECKLIST_ITEM = "checklist_item"
    SURVEY_OPENS = "survey_opens"
    SURVEY_CLOSES = "survey_closes"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return _KIND_LABELS


_KIND_LABELS = {
    "agreement_ends": N_("Agreement ends"),
    "renewal_notice": N_("Agreement renewal notice"),
    "goal_follow_up": N_("Goal follow-up due"),
    "report_due": N_("Grant report due"),
    "instalment_expected": N_("Instalment expected"),
    "employment_ends": N_("Employment period ends"),
    "outcome_missing": N_("Ended period without an outcome"),
    "fee_unpaid": N_("Membership fee unpaid"),
    "year_clock": N_("Year clock"),
    "seat_ends": N_("Representative's term ends"),
    "body_meeting": N_("Meeting of a body"),
    "checklist_item": N_("Cooperation checklist item"),
    "survey_opens": N_("Welfare survey opens"),
    "survey_closes": N_("Welfare survey closes"),
}


@dataclass(frozen=True)
class DeadlineRow:
    """One thing that needs doing; `view` and `record_id` say where to open it."""

    kind: DeadlineKind
    due_date: date
    title_fi: str
    title_sv: str
    view: str
    record_id: uuid.UUID
    overdue: bool
    days_left: int  # negative when overdue
    detail: LabelledEnum | None = None  # the report kind or the employment scheme

    def name(self, language: str) -> str:
        return localized(self.title_fi, self.title_sv, language)


@dataclass(frozen=True)
class KeyFigures:
    members: int
    active_projects: int
    granted_this_year: Decimal
    agreements_in_force: int


class _Agreement(NamedTuple):
    """An agreement in force, as the deadlines use it (a tuple: cheaper to define than a dataclass)."""

    id: uuid.UUID
    names: tuple[str, str]
    valid_from: date | None
    valid_to: date | None
    renewal_notice_date: date | None


class _Collector:
    def __init__(self, today: date, within_days: int) -> None:
        self.today = today
        self.last = today + timedelta(days=within_days)
        self.rows: list[DeadlineRow] = []

    def add(
        self,
        kind: DeadlineKind,
        due: date,
        names: tuple[str, str],
        view: str,
        record_id: uuid.UUID,
        detail: LabelledEnum | None = None,
    ) -> None:
        if due <= self.last:
            days = (due - self.today).days
            self.rows.append(DeadlineRow(kind, due, *names, view, record_id, days < 0, days, detail))


def deadlines(
    db: PlainDatabase | Database, today: date, within_days: int = 30, *, year_clock: bool = False
) -> list[DeadlineRow]:
    """Overdue items and those due within `within_days` of `today`, soonest first (see module)."""
    out = _Collector(today, within_days)
    with reader(db) as execute:
        in_force = _agreements(execute, out)
        _projects(execute, out)
        _fees(execute, out)
        _survey(execute, out)
    _goals(db, out, in_force)
    for e in ending_periods(db, today, within_days):
        if e.outcome is None:
            out.add(
                DeadlineKind.EMPLOYMENT_ENDS, e.end_date, (e.name, e.name), VIEW_STAFF, e.person_id, e.scheme
            )
    for e in ended_without_outcome(db, today):
        out.add(DeadlineKind.OUTCOME_MISSING, e.end_date, (e.name, e.name), VIEW_STAFF, e.person_id, e.scheme)
    for kind, due, names, record_id in cooperation_dates(db, out.today, out.last):
        out.add(DeadlineKind(kind), due, names, VIEW_COOPERATION, record_id)
    if year_clock:
        _year_clock(db, out)
    return sorted(out.rows, key=lambda r: (r.due_date, r.kind.value, r.title_fi, str(r.record_id)))


def _agreements(execute: Execute, out: _Collector) -> dict[uuid.UUID, _Agreement]:
    found = execute(
        "SELECT id, title_fi, title_sv, valid_from, valid_to, renewal_notice_date FROM agreement"
        " WHERE archived_at IS NULL AND status = :in_force",
        {"in_force": AgreementStatus.IN_FORCE.value},
    ).fetchall()
    renewed = {
        as_uuid(predecessor)
        for (predecessor,) in execute(
            "SELECT predecessor_id FROM agreement WHERE archived_at IS NULL AND predecessor_id IS NOT NULL"
        )
    }
    agreements = {}
    for a_id, fi, sv, start, end, notice in found:
        a = _Agreement(as_uuid(a_id), (fi, sv), as_date(start), as_date(end), as_date(notice))
        agreements[a.id] = a
        if a.valid_to is not None:
            out.add(DeadlineKind.AGREEMENT_ENDS, a.valid_to, a.names, VIEW_AGREEMENTS, a.id)
        notice_date = a.renewal_notice_date
        if (
            notice_date is not None
            and a.id not in renewed
            and (a.valid_to is None or a.valid_to >= out.today)
        ):
            out.add(DeadlineKind.RENEWAL_NOTICE, notice_date, a.names, VIEW_AGREEMENTS, a.id)
    return agreements


def _goals(db: PlainDatabase | Database, out: _Collector, in_force: dict[uuid.UUID, _Agreement]) -> None:
    if not in_force:
        return
    for goal in follow_up(db, today=out.today).goals:
        agreement = in_force.get(goal.agreement_id)
        if agreement is None or goal.latest_status in FINAL:
            continue
        start = goal.latest_date or agreement.valid_from
        due = start + timedelta(days=STALE_DAYS) if start is not None else out.today
        names = (
            _joined(goal.agreement_title_fi, goal.title_fi or goal.title_sv),
            _joined(goal.agreement_title_sv or goal.agreement_title_fi, goal.title_sv or goal.title_fi),
        )
        out.add(DeadlineKind.GOAL_FOLLOW_UP, due, names, VIEW_AGREEMENTS, goal.agreement_id)


def _joined(agreement: str, goal: str) -> str:
    return " – ".join(part for part in (agreement, goal) if part)


# Live projects' live fundings, with one more table joined to the funding.
_FUNDED = (
    "SELECT project.id, project.name_fi, project.name_sv, {table}.due_date{more}"
    " FROM project JOIN funding ON funding.project_id = project.id"
    " JOIN {table} ON {table}.funding_id = funding.id"
    " WHERE project.archived_at IS NULL AND funding.archived_at IS NULL AND {table}.archived_at IS NULL"
    " AND {table}.{open} IS NULL AND {table}.due_date <= :last"
)


def _projects(execute: Execute, out: _Collector) -> None:
    last = {"last": out.last}
    reports = execute(
        _FUNDED.format(table="reporting_obligation", more=", reporting_obligation.kind", open="submitted_on"),
        last,
    )
    for pid, fi, sv, due, kind in reports.fetchall():
        out.add(
            DeadlineKind.REPORT_DUE, as_date(due), (fi, sv), VIEW_PROJECTS, as_uuid(pid), ReportKind(kind)
        )
    instalments = execute(_FUNDED.format(table="instalment", more="", open="paid_on"), last)
    for pid, fi, sv, due in instalments.fetchall():
        out.add(DeadlineKind.INSTALMENT_EXPECTED, as_date(due), (fi, sv), VIEW_PROJECTS, as_uuid(pid))


def _fees(execute: Execute, out: _Collector) -> None:
    year = out.today.year
    fees = execute(
        "SELECT organisation.id, organisation.name_fi, organisation.name_sv"
        " FROM organisation JOIN membership_fee ON membership_fee.organisation_id = organisation.id"
        " WHERE organisation.archived_at IS NULL AND membership_fee.archived_at IS NULL"
        " AND membership_fee.paid_on IS NULL AND membership_fee.year = :year"
        " AND organisation.membership_status = :member",
        {"year": year, "member": MembershipStatus.MEMBER.value},
    ).fetchall()
    terms = execute(
        "SELECT due_date FROM fee_year WHERE year = :year AND archived_at IS NULL", {"year": year}
    ).fetchone()
    due = as_date(terms[0]) if terms is not None else date(year, FEE_DUE_MONTH, FEE_DUE_DAY)
    for oid, fi, sv in fees:
        out.add(DeadlineKind.FEE_UNPAID, due, (fi, sv), VIEW_ORGANISATIONS, as_uuid(oid))


def _survey(execute: Execute, out: _Collector) -> None:
    surveys = execute("SELECT id, year, opens_on, closes_on FROM survey WHERE archived_at IS NULL").fetchall()
    for survey_id, year, opens_on, closes_on in surveys:
        names = (f"Hyvinvointikysely {year}", f"Välfärdsenkät {year}")
        for kind, day in ((DeadlineKind.SURVEY_OPENS, opens_on), (DeadlineKind.SURVEY_CLOSES, closes_on)):
            when = as_date(day)
            if when is not None and when >= out.today:
                out.add(kind, when, names, VIEW_SURVEY, as_uuid(survey_id))


def _year_clock(db: PlainDatabase | Database, out: _Collector) -> None:
    for task in occurrences(db, date(out.today.year, 1, 1), out.last):
        if not task.done and task.due_date >= task.counts_from:
            out.add(
                DeadlineKind.YEAR_CLOCK,
                task.due_date,
                (task.title_fi, task.title_sv),
                VIEW_YEAR_CLOCK,
                task.id,
            )


def key_figures(db: PlainDatabase | Database, today: date, members: int | None = None) -> KeyFigures:
    """Members (not the home organisation), running projects, euros granted for this year's fundings,
    agreements in force. (The staff by scheme today is the start page's chart: start_charts.)
    `members`: counted already by the caller (the start page sums its members by municipality,
    counted by the same rule, `members_on`)."""
    who, parameters = members_on(None)
    with reader(db) as execute:

        def one(sql: str, values: dict[str, object]) -> object:
            row = execute(sql, values).fetchone()
            return None if row is None else row[0]

        # count(*): answered from ix_organisation_membership alone
        member_count = (
            members
            if members is not None
            else one(f"SELECT count(*) FROM organisation WHERE {who}", parameters)
        )
        projects = one(
            "SELECT count(id) FROM project WHERE archived_at IS NULL AND status = :running",
            {"running": ProjectStatus.RUNNING.value},
        )
        granted = one(
            "SELECT coalesce(sum(funding.amount_granted), 0) FROM funding"
            " JOIN project ON project.id = funding.project_id"
            " WHERE funding.archived_at IS NULL AND project.archived_at IS NULL AND funding.year = :year",
            {"year": today.year},
        )
        agreements = one(
            "SELECT count(id) FROM agreement WHERE archived_at IS NULL AND status = :in_force",
            {"in_force": AgreementStatus.IN_FORCE.value},
        )
    return KeyFigures(
        int(member_count or 0),
        int(projects or 0),
        (as_money(granted) or Decimal(0)).quantize(Decimal("0.01")),
        int(agreements or 0),
    )
