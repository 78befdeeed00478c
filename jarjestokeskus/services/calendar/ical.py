"""The deadlines and the year clock as an iCalendar file (RFC 5545) for Outlook or Thunderbird."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from jarjestokeskus import __version__, i18n
from jarjestokeskus.db.engine import Database
from jarjestokeskus.i18n import N_, localized
from jarjestokeskus.services.calendar.deadlines import DeadlineRow, deadlines
from jarjestokeskus.services.calendar.year_clock_tasks import YearClockRow, occurrences

CRLF = "\r\n"
LINE_OCTETS = 75
UID_DOMAIN = "jarjestokeskus"
PRODID = f"-//Jarjestokeskus//Jarjestokeskus {__version__}//FI"

# Translated in the calendar's own language (like a report), not the window's.
CALENDAR_NAME = N_("Järjestökeskus: deadlines and year clock")
DEADLINE = N_("Deadline")
YEAR_CLOCK = N_("Year clock")
WHAT_DETAIL = N_("{what}: {detail}")
DEADLINE_DESCRIPTION = N_("Deadline from Järjestökeskus; open it in the view {view}.")
DONE_ON = N_("Done on {date}.")
# The views a deadline opens, by the names the navigation shows.
VIEW_NAMES = {
    "agreements": N_("Agreements"),
    "projects": N_("Projects"),
    "staff": N_("Staff"),
    "organisations": N_("Organisations"),
    "year_clock": YEAR_CLOCK,
}


@dataclass(frozen=True)
class CalendarEvent:
    """One all-day event: `uid` stays the same for the same record and date in every export."""

    uid: str
    day: date
    summary: str
    description: str
    categories: tuple[str, ...]


def escape_text(value: str) -> str:
    """TEXT value escaping (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def fold(line: str) -> str:
    """Lines of at most 75 octets, continued with CRLF and a space, never splitting a UTF-8 character."""
    parts: list[str] = []
    current, size, limit = [], 0, LINE_OCTETS
    for char in line:
        octets = len(char.encode("utf-8"))
        if size + octets > limit:
            parts.append("".join(current))
            current, size, limit = [], 0, LINE_OCTETS - 1  # a continuation starts with one space
        current.append(char)
        size += octets
    parts.append("".join(current))
    return (CRLF + " ").join(parts)


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _event_lines(event: CalendarEvent, stamp: str) -> Iterator[str]:
    yield "BEGIN:VEVENT"
    yield f"UID:{event.uid}"
    yield f"DTSTAMP:{stamp}"
    yield f"DTSTART;VALUE=DATE:{event.day:%Y%m%d}"
    yield f"DTEND;VALUE=DATE:{event.day + timedelta(days=1):%Y%m%d}"
    yield f"SUMMARY:{escape_text(event.summary)}"
    if event.description:
        yield f"DESCRIPTION:{escape_text(event.description)}"
    if event.categories:
        yield "CATEGORIES:" + ",".join(escape_text(c) for c in event.categories)
    yield "TRANSP:TRANSPARENT"  # a reminder, not a busy day
    yield "END:VEVENT"


def calendar_text(events: Iterable[CalendarEvent], name: str, now: datetime | None = None) -> str:
    """The whole VCALENDAR, CRLF line endings, folded lines."""
    stamp = _stamp(now or datetime.now(UTC))
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(name)}",
    ]
    for event in events:
        lines.extend(_event_lines(event, stamp))
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + CRLF for line in lines)


def deadline_event(row: DeadlineRow, language: str) -> CalendarEvent:
    tr = i18n.catalog(language).gettext
    what = tr(row.kind._labels()[row.kind.value])
    if row.detail is not None:
        what = tr(WHAT_DETAIL).format(what=what, detail=tr(row.detail._labels()[row.detail.value]))
    name = row.name(language)
    return CalendarEvent(
        uid=f"{row.kind.value}-{row.record_id}-{row.due_date:%Y%m%d}@{UID_DOMAIN}",
        day=row.due_date,
        summary=f"{what}: {name}" if name else what,
        description=tr(DEADLINE_DESCRIPTION).format(view=tr(VIEW_NAMES.get(row.view, row.view))),
        categories=(tr(DEADLINE), what),
    )


def year_clock_event(row: YearClockRow, language: str) -> CalendarEvent:
    tr = i18n.catalog(language).gettext
    category = tr(row.category._labels()[row.category.value])
    lines = [row.notes] if row.notes else []
    if row.done_on is not None:
        lines.append(tr(DONE_ON).format(date=i18n.format_date(row.done_on, language)))
    return CalendarEvent(
        uid=f"year-clock-{row.id}-{row.due_date:%Y%m%d}@{UID_DOMAIN}",
        day=row.due_date,
        summary=localized(row.title_fi, row.title_sv, language),
        description="\n".join(lines),
        categories=(tr(YEAR_CLOCK), category),
    )


def calendar_events(
    db: Database,
    language: str,
    *,
    today: date | None = None,
    days: int = 365,
    include_deadlines: bool = True,
    include_year_clock: bool = True,
) -> list[CalendarEvent]:
    """Deadlines as the start page lists them (overdue and due within `days`) and the year clock's
    dates from the start of this year to `days` ahead, done ones too (their description says so)."""
    today = today or date.today()
    events: list[CalendarEvent] = []
    if include_deadlines:
        events.extend(deadline_event(r, language) for r in deadlines(db, today, days))
    if include_year_clock:
        last = today + timedelta(days=days)
        events.extend(year_clock_event(r, language) for r in occurrences(db, date(today.year, 1, 1), last))
    return sorted(events, key=lambda e: (e.day, e.summary, e.uid))


def write_calendar(
    db: Database,
    language: str,
    path: Path,
    *,
    days: int = 365,
    include_deadlines: bool = True,
    include_year_clock: bool = True,
    today: date | None = None,
) -> int:
    """Write the .ics file; returns how many events it holds. OSError when the file cannot be written."""
    events = calendar_events(
        db,
        language,
        today=today,
        days=days,
        include_deadlines=include_deadlines,
        include_year_clock=include_year_clock,
    )
    name = i18n.catalog(language).gettext(CALENDAR_NAME)
    data = calendar_text(events, name).encode("utf-8")
    Path(path).write_bytes(data)
    return len(events)
