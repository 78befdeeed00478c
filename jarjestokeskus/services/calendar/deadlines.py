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
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import func, select

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.models import (
    Agreement,
    Funding,
    Instalment,
    MembershipFee,
    Organisation,
    Project,
    ReportingObligation,
)
from jarjestokeskus.domain.enums import (
    AgreementStatus,
    LabelledEnum,
    MembershipStatus,
    MonitoringStatus,
    ProjectStatus,
)
from jarjestokeskus.i18n import N_
from jarjestokeskus.services.agreements.followup import STALE_DAYS, follow_up
from jarjestokeskus.services.calendar.year_clock import occurrences
from jarjestokeskus.services.rows import localized
from jarjestokeskus.services.staff.statistics import ended_without_outcome, ending_periods

FEE_DUE_MONTH, FEE_DUE_DAY = 3, 31  # when the year has no fee terms (Membership fees) yet
_FINAL = (MonitoringStatus.ACHIEVED, MonitoringStatus.NOT_ACHIEVED, MonitoringStatus.DROPPED)

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


def _live(model):  # type: ignore[no-untyped-def]
    return model.archived_at.is_(None)


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
    db: Database, today: date, within_days: int = 30, *, year_clock: bool = False
) -> list[DeadlineRow]:
    """Overdue items and those due within `within_days` of `today`, soonest first (see module)."""
    out = _Collector(today, within_days)
    in_force = _agreements(db, out)
    _goals(db, out, in_force)
    _projects(db, out)
    for e in ending_periods(db, today, within_days):
        if e.outcome is None:
            out.add(
                DeadlineKind.EMPLOYMENT_ENDS, e.end_date, (e.name, e.name), VIEW_STAFF, e.person_id, e.scheme
            )
    for e in ended_without_outcome(db, today):
        out.add(DeadlineKind.OUTCOME_MISSING, e.end_date, (e.name, e.name), VIEW_STAFF, e.person_id, e.scheme)
    _fees(db, out)
    _cooperation(db, out)
    _survey(db, out)
    if year_clock:
        _year_clock(db, out)
    return sorted(out.rows, key=lambda r: (r.due_date, r.kind.value, r.title_fi, str(r.record_id)))


def _agreements(db: Database, out: _Collector) -> dict[uuid.UUID, Agreement]:
    with db.reading() as session:
        agreements = {
            a.id: a
            for a in session.scalars(
                select(Agreement).where(_live(Agreement), Agreement.status == AgreementStatus.IN_FORCE)
            )
        }
        renewed = set(
            session.scalars(
                select(Agreement.predecessor_id).where(
                    _live(Agreement), Agreement.predecessor_id.is_not(None)
                )
            )
        )
        session.expunge_all()
    for a in agreements.values():
        names = (a.title_fi, a.title_sv)
        if a.valid_to is not None:
            out.add(DeadlineKind.AGREEMENT_ENDS, a.valid_to, names, VIEW_AGREEMENTS, a.id)
        notice = a.renewal_notice_date
        if notice is not None and a.id not in renewed and (a.valid_to is None or a.valid_to >= out.today):
            out.add(DeadlineKind.RENEWAL_NOTICE, notice, names, VIEW_AGREEMENTS, a.id)
    return agreements


def _goals(db: Database, out: _Collector, in_force: dict[uuid.UUID, Agreement]) -> None:
    if not in_force:
        return
    for goal in follow_up(db, today=out.today).goals:
        agreement = in_force.get(goal.agreement_id)
        if agreement is None or goal.latest_status in _FINAL:
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


def _projects(db: Database, out: _Collector) -> None:
    base = (
        select(Project.id, Project.name_fi, Project.name_sv)
        .join(Funding, Funding.project_id == Project.id)
        .where(_live(Project), _live(Funding))
    )
    with db.reading() as session:
        reports = session.execute(
            base.add_columns(ReportingObligation.due_date, ReportingObligation.kind)
            .join(ReportingObligation, ReportingObligation.funding_id == Funding.id)
            .where(_live(ReportingObligation), ReportingObligation.submitted_on.is_(None))
            .where(ReportingObligation.due_date <= out.last)
        ).all()
        instalments = session.execute(
            base.add_columns(Instalment.due_date)
            .join(Instalment, Instalment.funding_id == Funding.id)
            .where(_live(Instalment), Instalment.paid_on.is_(None), Instalment.due_date <= out.last)
        ).all()
    for pid, fi, sv, due, kind in reports:
        out.add(DeadlineKind.REPORT_DUE, due, (fi, sv), VIEW_PROJECTS, pid, kind)
    for pid, fi, sv, due in instalments:
        out.add(DeadlineKind.INSTALMENT_EXPECTED, due, (fi, sv), VIEW_PROJECTS, pid)


def _fees(db: Database, out: _Collector) -> None:
    year = out.today.year
    with db.reading() as session:
        fees = session.execute(
            select(Organisation.id, Organisation.name_fi, Organisation.name_sv)
            .join(MembershipFee, MembershipFee.organisation_id == Organisation.id)
            .where(_live(Organisation), _live(MembershipFee), MembershipFee.paid_on.is_(None))
            .where(MembershipFee.year == year, Organisation.membership_status == MembershipStatus.MEMBER)
        ).all()
    from jarjestokeskus.services.fees.terms import get_fee_year

    terms = get_fee_year(db, year)
    due = terms.due_date if terms is not None else date(year, FEE_DUE_MONTH, FEE_DUE_DAY)
    for oid, fi, sv in fees:
        out.add(DeadlineKind.FEE_UNPAID, due, (fi, sv), VIEW_ORGANISATIONS, oid)


def _cooperation(db: Database, out: _Collector) -> None:
    from jarjestokeskus.services.cooperation.dates import cooperation_dates

    for kind, due, names, record_id in cooperation_dates(db, out.today, out.last):
        out.add(DeadlineKind(kind), due, names, VIEW_COOPERATION, record_id)


def _survey(db: Database, out: _Collector) -> None:
    from jarjestokeskus.db.models import Survey

    with db.reading() as session:
        surveys = session.execute(
            select(Survey.id, Survey.year, Survey.opens_on, Survey.closes_on).where(_live(Survey))
        ).all()
    for survey_id, year, opens_on, closes_on in surveys:
        names = (f"Hyvinvointikysely {year}", f"Välfärdsenkät {year}")
        for kind, day in ((DeadlineKind.SURVEY_OPENS, opens_on), (DeadlineKind.SURVEY_CLOSES, closes_on)):
            if day is not None and day >= out.today:
                out.add(kind, day, names, VIEW_SURVEY, survey_id)


def _year_clock(db: Database, out: _Collector) -> None:
    for task in occurrences(db, date(out.today.year, 1, 1), out.last):
        if not task.done and task.due_date >= task.counts_from:
            out.add(
                DeadlineKind.YEAR_CLOCK,
                task.due_date,
                (task.title_fi, task.title_sv),
                VIEW_YEAR_CLOCK,
                task.id,
            )


def key_figures(db: Database, today: date) -> KeyFigures:
    """Members (not the home organisation), running projects, euros granted for this year's fundings,
    agreements in force. (The staff by scheme today is the start page's chart: start_charts.)"""
    with db.reading() as session:
        members = session.scalar(  # count(*): answered from ix_organisation_membership alone
            select(func.count())
            .select_from(Organisation)
            .where(
                _live(Organisation),
                Organisation.membership_status == MembershipStatus.MEMBER,
                Organisation.is_home.is_(False),
            )
        )
        projects = session.scalar(
            select(func.count(Project.id)).where(_live(Project), Project.status == ProjectStatus.RUNNING)
        )
        granted = session.scalar(
            select(func.coalesce(func.sum(Funding.amount_granted), 0))
            .join(Project, Project.id == Funding.project_id)
            .where(_live(Funding), _live(Project), Funding.year == today.year)
        )
        agreements = session.scalar(
            select(func.count(Agreement.id)).where(
                _live(Agreement), Agreement.status == AgreementStatus.IN_FORCE
            )
        )
    return KeyFigures(
        members or 0,
        projects or 0,
        Decimal(granted or 0).quantize(Decimal("0.01")),
        agreements or 0,
    )
