"""The follow-up of agreements' goals: each goal's latest status and what needs attention, read in
plain SQL (db.plain.reader), so the start page's deadlines read it from a file with sqlite3 alone
and the follow-up view from either kind of database. Recording an entry is in followup.py."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, NamedTuple

from jarjestokeskus.db.driver_values import as_date, as_uuid
from jarjestokeskus.db.plain import reader
from jarjestokeskus.domain.enums import AgreementStatus, MonitoringStatus
from jarjestokeskus.i18n import sort_key

if TYPE_CHECKING:
    from jarjestokeskus.db.engine import Database
    from jarjestokeskus.db.plain import PlainDatabase

STALE_DAYS = 180
NOTICE_DAYS = 90
_CLOSED = (AgreementStatus.EXPIRED, AgreementStatus.TERMINATED)
# A goal whose latest entry says it was achieved, not achieved or dropped needs no further entries.
FINAL = (MonitoringStatus.ACHIEVED, MonitoringStatus.NOT_ACHIEVED, MonitoringStatus.DROPPED)


@dataclass(frozen=True)
class FollowUpGoalRow:
    """A goal in the follow-up view: its latest status, and whether it needs attention."""

    agreement_id: uuid.UUID
    agreement_title_fi: str
    agreement_title_sv: str
    goal_id: uuid.UUID
    title_fi: str
    title_sv: str
    latest_status: MonitoringStatus | None
    latest_date: date | None
    stale: bool


@dataclass(frozen=True)
class AgreementAlertRow:
    """An agreement nearing its end or its renewal notice date."""

    agreement_id: uuid.UUID
    title_fi: str
    title_sv: str
    valid_to: date | None
    renewal_notice_date: date | None
    ends_soon: bool
    notice_soon: bool


@dataclass(frozen=True)
class FollowUp:
    goals: tuple[FollowUpGoalRow, ...]
    alerts: tuple[AgreementAlertRow, ...]


class _Agreement(NamedTuple):  # the reads' own record (a tuple: cheaper to define than a dataclass)
    id: uuid.UUID
    title_fi: str
    title_sv: str
    status: AgreementStatus
    valid_from: date | None
    valid_to: date | None
    renewal_notice_date: date | None


def follow_up(
    db: PlainDatabase | Database,
    counterparty_id: uuid.UUID | None = None,
    year: int | None = None,
    today: date | None = None,
    stale_days: int = STALE_DAYS,
    notice_days: int = NOTICE_DAYS,
) -> FollowUp:
    """Each goal's latest status for the agreements with a counterparty valid in a year.

    A goal is stale when it has no entry within `stale_days` of `today` (unless its latest entry
    closed it: achieved, not achieved, dropped); an agreement not expired or terminated
    stands out when its end or its renewal notice date is within `notice_days`.
    """
    today = today or date.today()
    chosen, parameters = "agreement.archived_at IS NULL", {}
    if counterparty_id is not None:
        chosen += (
            " AND agreement.id IN (SELECT agreement_id FROM agreement_party"
            " WHERE organisation_id = :counterparty AND archived_at IS NULL)"
        )
        parameters = {"counterparty": counterparty_id}
    live_goal = "agreement_goal.archived_at IS NULL"
    with reader(db) as execute:
        found = execute(
            "SELECT agreement.id, title_fi, title_sv, status, valid_from, valid_to, renewal_notice_date"
            f" FROM agreement WHERE {chosen}",
            parameters,
        ).fetchall()
        goal_rows = execute(
            "SELECT agreement_goal.id, agreement_goal.agreement_id, agreement_goal.title_fi,"
            " agreement_goal.title_sv, agreement_goal.position FROM agreement_goal"
            f" JOIN agreement ON agreement.id = agreement_goal.agreement_id WHERE {live_goal} AND {chosen}",
            parameters,
        ).fetchall()
        entries = execute(
            "SELECT monitoring_entry.goal_id, monitoring_entry.status, monitoring_entry.entry_date"
            " FROM monitoring_entry JOIN agreement_goal ON agreement_goal.id = monitoring_entry.goal_id"
            " JOIN agreement ON agreement.id = agreement_goal.agreement_id"
            f" WHERE monitoring_entry.archived_at IS NULL AND {live_goal} AND {chosen}"
            " ORDER BY monitoring_entry.entry_date, monitoring_entry.created_at",
            parameters,
        ).fetchall()
    agreements = [
        _Agreement(
            as_uuid(a_id), fi, sv, AgreementStatus(status), as_date(start), as_date(end), as_date(notice)
        )
        for a_id, fi, sv, status, start, end, notice in found
    ]
    if year is not None:
        from jarjestokeskus.domain.agreements import overlaps_year  # with the agreements' forms: when asked

        agreements = [a for a in agreements if overlaps_year(a.valid_from, a.valid_to, year)]
    by_id = {a.id: a for a in agreements}
    goals = sorted(
        (
            (as_uuid(g_id), as_uuid(a_id), fi, sv, position)
            for g_id, a_id, fi, sv, position in goal_rows
            if as_uuid(a_id) in by_id
        ),
        key=lambda g: (
            by_id[g[1]].valid_from or date.min,
            sort_key(by_id[g[1]].title_fi or by_id[g[1]].title_sv),
            g[1],
            g[4],
        ),
    )
    latest: dict[uuid.UUID, tuple[MonitoringStatus, date | None]] = {}
    for goal_id, status, entry_date in entries:  # oldest first: the last one of a goal stays
        latest[as_uuid(goal_id)] = (MonitoringStatus(status), as_date(entry_date))
    border = today - timedelta(days=stale_days)
    followed = []
    for goal_id, agreement_id, fi, sv, _position in goals:
        agreement = by_id[agreement_id]
        status, entry_date = latest.get(goal_id, (None, None))
        stale = (
            agreement.status not in _CLOSED
            and status not in FINAL
            and (entry_date is None or entry_date < border)
        )
        followed.append(
            FollowUpGoalRow(
                agreement.id,
                agreement.title_fi,
                agreement.title_sv,
                goal_id,
                fi,
                sv,
                status,
                entry_date,
                stale,
            )
        )
    soon = today + timedelta(days=notice_days)
    alerts = []
    for a in agreements:
        if a.status in _CLOSED:
            continue
        ends = a.valid_to is not None and today <= a.valid_to <= soon
        notice = a.renewal_notice_date is not None and today <= a.renewal_notice_date <= soon
        if ends or notice:
            alerts.append(
                AgreementAlertRow(
                    a.id, a.title_fi, a.title_sv, a.valid_to, a.renewal_notice_date, ends, notice
                )
            )
    return FollowUp(tuple(followed), tuple(alerts))
