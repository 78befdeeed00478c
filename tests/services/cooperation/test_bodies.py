"""Bodies, seats and meetings: who represents us where, the start page's dates, a person's data."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.errors import StaleRecord
from jarjestokeskus.domain.cooperation import AreaKind, BodyKind, SeatRole
from jarjestokeskus.domain.validation import ValidationFailed
from jarjestokeskus.services.calendar.deadlines import DeadlineKind, deadlines
from jarjestokeskus.services.cooperation.bodies import (
    BodyForm,
    SeatForm,
    bodies,
    representation,
    save_body,
    save_seat,
    seats,
)
from jarjestokeskus.services.cooperation.meetings import (
    MeetingForm,
    attach_minutes,
    list_minutes,
    meetings,
    minutes_path,
    save_meeting,
)
from jarjestokeskus.services.person_data import erase_person, export_person
from tests.services.cooperation.scenario import TODAY, region

BOARD = BodyForm(
    BodyKind.ADVISORY_BOARD,
    "Vaasan järjestöneuvottelukunta",
    "Vasa organisationsdelegation",
    AreaKind.MUNICIPALITY,
    "Vaasa",
    "1.6.2025",
    "31.5.2029",
)


def _board(db: Database) -> tuple[dict, object]:  # type: ignore[type-arg]
    ids = region(db)
    body = save_body(db, BOARD)
    save_seat(db, body.id, SeatForm("Anna", "Aho", ids["A"], SeatRole.CHAIR, "1.6.2025", ""))
    save_seat(db, body.id, SeatForm("Bo", "Berg", ids["B"], SeatRole.MEMBER, "1.6.2025", "15.3.2027"))
    save_seat(db, body.id, SeatForm("Cia", "Cedar", ids["C"], SeatRole.DEPUTY, "1.6.2025", ""))
    save_seat(db, body.id, SeatForm("Dan", "Dahl", ids["D"], SeatRole.MEMBER, "1.6.2023", "31.5.2025"))
    return ids, body


def test_who_represents_us_where_lists_the_seats_in_force_chair_first(db: Database) -> None:
    _ids, body = _board(db)
    rows = representation(db, TODAY)
    # Dan's seat ended in 2025: three seats in force; chair, member, deputy.
    assert [(r.person, r.role) for r in rows] == [
        ("Anna Aho", SeatRole.CHAIR),
        ("Bo Berg", SeatRole.MEMBER),
        ("Cia Cedar", SeatRole.DEPUTY),
    ]
    assert len(seats(db, body.id)) == 4
    assert [r.person for r in representation(db, date(2027, 3, 16))] == ["Anna Aho", "Cia Cedar"]
    assert rows[0].body == "Vaasan järjestöneuvottelukunta"
    assert representation(db, TODAY, "sv")[0].body == "Vasa organisationsdelegation"


def test_the_same_person_is_found_again_by_name(db: Database) -> None:
    ids, body = _board(db)
    group = save_body(
        db,
        BodyForm(
            BodyKind.WORKING_GROUP, "Hyte-ryhmä", "", AreaKind.WELLBEING_COUNTY, "Pohjanmaan hyvinvointialue"
        ),
    )
    save_seat(db, group.id, SeatForm("Anna", "Aho", ids["A"], SeatRole.MEMBER))
    anna = {r.person_id for r in representation(db, TODAY) if r.person == "Anna Aho"}
    assert len(anna) == 1


def test_a_body_and_a_seat_name_the_wrong_fields(db: Database) -> None:
    ids = region(db)
    with pytest.raises(ValidationFailed) as failed:
        save_body(db, BodyForm(BodyKind.FORUM, "", "", AreaKind.MUNICIPALITY, " ", "1.1.2027", "1.1.2026"))
    assert {e.field for e in failed.value.errors} == {"name_fi", "area", "end_date"}
    body = save_body(db, BOARD)
    with pytest.raises(ValidationFailed) as failed:
        save_seat(db, body.id, SeatForm("Anna", "", None, SeatRole.MEMBER, "32.1.2027"))
    assert {e.field for e in failed.value.errors} == {"last_name", "organisation_id", "start_date"}
    assert failed.value.errors[0].message == "Sukunimi: pakollinen tieto"
    assert ids


def test_a_stale_save_of_a_body_is_refused(db: Database) -> None:
    region(db)
    body = save_body(db, BOARD)
    save_body(db, replace(BOARD, note="Kokoontuu neljästi vuodessa."), body.id, body.version)
    with pytest.raises(StaleRecord):
        save_body(db, BOARD, body.id, body.version)
    assert len(bodies(db)) == 1


def test_meetings_newest_first_with_their_minutes(db: Database, tmp_path: Path) -> None:
    _ids, body = _board(db)
    save_meeting(db, body.id, MeetingForm("10.2.2027", "1. Avustusperiaatteet", "Hyväksyttiin."))
    second = save_meeting(db, body.id, MeetingForm("20.3.2027", "1. Vuosikello"))
    assert [m.held_on for m in meetings(db, body.id)] == [date(2027, 3, 20), date(2027, 2, 10)]
    source = tmp_path / "poytakirja.pdf"
    source.write_bytes(b"%PDF-1.4 minutes")
    attached = attach_minutes(db, second, source)
    assert [m.file_name for m in list_minutes(db, second)] == ["poytakirja.pdf"]
    assert minutes_path(db, attached.id).read_bytes() == b"%PDF-1.4 minutes"
    with pytest.raises(ValidationFailed):
        save_meeting(db, body.id, MeetingForm(""))


def test_start_page_shows_terms_ending_and_coming_meetings(db: Database) -> None:
    _ids, body = _board(db)
    save_meeting(db, body.id, MeetingForm("20.3.2027"))
    save_meeting(db, body.id, MeetingForm("10.2.2027"))  # past: not a deadline
    save_meeting(db, body.id, MeetingForm("20.5.2027"))  # beyond 30 days
    rows = [r for r in deadlines(db, TODAY, 30) if r.view == "cooperation"]
    assert [(r.kind, r.due_date, r.title_fi) for r in rows] == [
        (DeadlineKind.SEAT_ENDS, date(2027, 3, 15), "Bo Berg – Vaasan järjestöneuvottelukunta"),
        (DeadlineKind.BODY_MEETING, date(2027, 3, 20), "Vaasan järjestöneuvottelukunta"),
    ]
    assert all(r.record_id == body.id and not r.overdue for r in rows)


def test_a_persons_seats_are_in_their_export_and_gone_from_the_list_once_erased(db: Database) -> None:
    _ids, _body = _board(db)
    bo = next(r for r in representation(db, TODAY) if r.person == "Bo Berg")
    exported = export_person(db, bo.person_id)
    assert exported["representation"] == [
        {
            "body_fi": "Vaasan järjestöneuvottelukunta",
            "body_sv": "Vasa organisationsdelegation",
            "area": "Vaasa",
            "organisation_fi": "Björkby ry",
            "organisation_sv": "",
            "role": "member",
            "start_date": "2025-06-01",
            "end_date": "2027-03-15",
            "archived": False,
        }
    ]
    erase_person(db, bo.person_id)
    assert "Bo Berg" not in [r.person for r in representation(db, TODAY)]
    assert not [r for r in deadlines(db, TODAY, 30) if r.kind == DeadlineKind.SEAT_ENDS]
