"""The iCalendar export: read back with a small parser — unfolded, unescaped, every event whole."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from jarjestokeskus import i18n
from jarjestokeskus.db.engine import Database
from jarjestokeskus.domain.agreements import AgreementForm
from jarjestokeskus.domain.enums import AgreementStatus
from jarjestokeskus.domain.year_clock import YearClockForm
from jarjestokeskus.services.agreements.store import save_agreement
from jarjestokeskus.services.calendar.ical import (
    CalendarEvent,
    calendar_text,
    escape_text,
    fold,
    write_calendar,
)
from jarjestokeskus.services.calendar.year_clock import archive_task, list_tasks, save_task, set_done

TODAY = date(2026, 11, 23)
Property = tuple[str, dict[str, str], str]


def unescape(value: str) -> str:
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


def split_list(value: str) -> list[str]:
    """A CATEGORIES value: commas not escaped separate the items."""
    return [unescape(part) for part in re.split(r"(?<!\\),", value)]


def parse(data: bytes) -> list[dict[str, list[Property]]]:
    """The VCALENDAR's components as {"VCALENDAR": [...], "VEVENT": [...]}, checking the framing."""
    text = data.decode("utf-8")
    assert text.endswith("\r\n")
    raw_lines = text[:-2].split("\r\n")
    assert all("\n" not in line and "\r" not in line for line in raw_lines)
    assert all(len(line.encode("utf-8")) <= 75 for line in raw_lines)
    lines: list[str] = []
    for line in raw_lines:
        if line.startswith((" ", "\t")):
            lines[-1] += line[1:]  # unfolding
        else:
            lines.append(line)
    components: list[dict[str, list[Property]]] = []
    stack: list[tuple[str, list[Property]]] = []
    for line in lines:
        head, _colon, value = line.partition(":")
        name, *params = head.split(";")
        parameters = dict(p.split("=", 1) for p in params)
        if name == "BEGIN":
            stack.append((value, []))
        elif name == "END":
            kind, props = stack.pop()
            assert kind == value
            components.append({kind: props})
        else:
            stack[-1][1].append((name, parameters, value))
    assert stack == []
    return components


def props(component: list[Property]) -> dict[str, tuple[dict[str, str], str]]:
    return {name: (params, value) for name, params, value in component}


def events_of(data: bytes) -> list[dict[str, tuple[dict[str, str], str]]]:
    return [props(c["VEVENT"]) for c in parse(data) if "VEVENT" in c]


def test_escaping_and_folding_by_octets() -> None:
    assert escape_text("a\\b;c,d\ne") == "a\\\\b\\;c\\,d\\ne"
    long = "SUMMARY:" + "ä" * 100
    folded = fold(long)
    assert all(len(part.encode()) <= 75 for part in folded.split("\r\n"))
    assert folded.replace("\r\n ", "") == long
    assert fold("short") == "short"


def test_calendar_frame_and_a_tricky_event() -> None:
    event = CalendarEvent(
        "x-1@jarjestokeskus",
        date(2027, 2, 28),
        'Kevätkokous; hallitus, tilit\\ja "muuta" ' + "å" * 60,
        "Rivi 1\nRivi 2, jatkuu; loppu",
        ("Vuosikello", "Yhdistys, oma"),
    )
    data = calendar_text([event], "Testi", now=datetime(2026, 11, 23, 12, 0, tzinfo=UTC)).encode()
    calendar = props(next(c["VCALENDAR"] for c in parse(data) if "VCALENDAR" in c))
    assert calendar["VERSION"][1] == "2.0"
    assert calendar["PRODID"][1].startswith("-//")
    assert calendar["CALSCALE"][1] == "GREGORIAN"
    assert calendar["METHOD"][1] == "PUBLISH"
    [parsed] = events_of(data)
    assert parsed["DTSTART"] == ({"VALUE": "DATE"}, "20270228")
    assert parsed["DTEND"] == ({"VALUE": "DATE"}, "20270301")
    assert parsed["DTSTAMP"][1] == "20261123T120000Z"
    assert unescape(parsed["SUMMARY"][1]) == event.summary
    assert unescape(parsed["DESCRIPTION"][1]) == event.description
    assert split_list(parsed["CATEGORIES"][1]) == ["Vuosikello", "Yhdistys, oma"]


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_written_file_has_deadlines_and_year_clock(db: Database, tmp_path: Path, language: str) -> None:
    for row in list_tasks(db, 2026):
        archive_task(db, row.id)
    agreement = save_agreement(
        db,
        AgreementForm(
            title_fi="Kumppanuussopimus",
            title_sv="Partnerskapsavtal",
            status=AgreementStatus.IN_FORCE,
            valid_from="1.1.2025",
            valid_to="31.12.2026",
        ),
    ).id
    meeting = save_task(
        db, YearClockForm("Syyskokous", "Höstmöte", "11", "", notes="Säännöt, 8 §"), today=TODAY
    )
    report = save_task(db, YearClockForm("Vuosiselvitys", "Årsredovisning", "5", "31"), today=TODAY)
    set_done(db, report.id, 2026, True, today=date(2026, 5, 20))
    path = tmp_path / "kalenteri.ics"
    count = write_calendar(db, language, path, days=365, today=TODAY)
    events = events_of(path.read_bytes())
    assert len(events) == count
    for event in events:
        for key in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY"):
            assert key in event
        assert event["UID"][1].endswith("@jarjestokeskus")
        start = datetime.strptime(event["DTSTART"][1], "%Y%m%d").date()
        assert datetime.strptime(event["DTEND"][1], "%Y%m%d").date() == start + timedelta(days=1)
    assert len({e["UID"][1] for e in events}) == len(events)
    by_start = {(e["DTSTART"][1], unescape(e["SUMMARY"][1])): e for e in events}
    name = "Höstmöte" if language == "sv" else "Syyskokous"
    assert ("20261130", name) in by_start
    assert split_list(by_start[("20261130", name)]["CATEGORIES"][1])[0] == i18n.catalog(language).gettext(
        "Year clock"
    )
    assert unescape(by_start[("20261130", name)]["DESCRIPTION"][1]) == "Säännöt, 8 §"
    assert any(start == "20270531" for start, _s in by_start)  # next year's, within 365 days
    assert not any(start == "20271130" for start, _s in by_start)  # 372 days ahead
    # The year clock's done dates stay in the calendar and say so.
    done = next(e for (start, _s), e in by_start.items() if start == "20260531")
    assert "20.5.2026" in unescape(done["DESCRIPTION"][1])
    agreement_name = "Partnerskapsavtal" if language == "sv" else "Kumppanuussopimus"
    ends = [
        e for (start, summary), e in by_start.items() if start == "20261231" and agreement_name in summary
    ]
    assert len(ends) == 1 and str(agreement) in ends[0]["UID"][1]
    # Exported again: the same UIDs, so a calendar program updates instead of doubling.
    write_calendar(db, language, path, days=365, today=TODAY)
    assert {e["UID"][1] for e in events_of(path.read_bytes())} == {e["UID"][1] for e in events}
    assert meeting.id


def test_only_one_part(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "x.ics"
    seeded = write_calendar(db, "fi", path, include_deadlines=False, today=TODAY)
    assert seeded == len(events_of(path.read_bytes())) > 0
    assert write_calendar(db, "fi", path, include_year_clock=False, today=TODAY) == 0
    assert events_of(path.read_bytes()) == []
