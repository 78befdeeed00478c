"""Every cooperation record archived and restored with its version checked; municipalities and
counties only from the register, by either name, stored by the Finnish one."""

from __future__ import annotations

import pytest

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.errors import RecordNotFound, StaleRecord
from jarjestokeskus.domain.cooperation import AreaKind, BodyKind, GrantInstrument, PremisesOwner, SeatRole
from jarjestokeskus.domain.validation import ValidationFailed
from jarjestokeskus.services.cooperation import activities as act
from jarjestokeskus.services.cooperation import bodies as bod
from jarjestokeskus.services.cooperation import grants as gr
from jarjestokeskus.services.cooperation import meetings as meet
from jarjestokeskus.services.cooperation.areas import area_choices, area_name, canonical_area
from tests.services.cooperation.scenario import region

M, WC = AreaKind.MUNICIPALITY, AreaKind.WELLBEING_COUNTY


def test_names_in_either_language_are_one_area() -> None:
    assert canonical_area(M, " KORSHOLM ") == "Mustasaari"
    assert canonical_area(WC, "Österbottens välfärdsområde") == "Pohjanmaan hyvinvointialue"
    assert canonical_area(M, "Pohjanmaan hyvinvointialue") is None  # a county is not a municipality
    assert (area_name(M, "Mustasaari", "sv"), area_name(M, "Mustasaari", "fi")) == ("Korsholm", "Mustasaari")
    assert area_name(M, "Vanha teksti", "sv") == "Vanha teksti"  # text stored before: shown as it is
    assert "Korsholm" in area_choices(M, "sv") and "Mustasaari" not in area_choices(M, "sv")
    assert len(area_choices(WC, "fi")) == 21  # the wellbeing services counties; Helsinki has none


def test_a_grantor_outside_the_register_is_refused_naming_the_field(db: Database) -> None:
    ids = region(db)
    form = gr.GrantForm("2027", M, "Vaasan kaupunki", GrantInstrument.OPERATING, "", "100")
    with pytest.raises(ValidationFailed) as failed:
        gr.save_grant(db, ids["A"], form)
    assert [(e.field, e.message) for e in failed.value.errors] == [
        ("grantor", "Myöntäjä: valitse kunta luettelosta")
    ]
    county = gr.GrantForm("2027", WC, "Österbottens välfärdsområde", GrantInstrument.PROJECT, "", "100")
    gr.save_grant(db, ids["A"], county)
    assert [g.grantor for g in gr.member_grants(db)] == ["Pohjanmaan hyvinvointialue"]


def test_a_body_with_its_seat_and_meeting_archived_and_restored(db: Database) -> None:
    ids = region(db)
    body = bod.save_body(db, bod.BodyForm(BodyKind.FORUM, "Foorumi", "Forum", M, "Vasa"))
    seat_id = bod.save_seat(db, body.id, bod.SeatForm("Anna", "Aho", ids["A"], SeatRole.MEMBER))
    meeting_id = meet.save_meeting(db, body.id, meet.MeetingForm("1.2.2027"))
    seat = bod.seats(db, body.id)[0]
    bod.archive_seat(db, seat_id, seat.version)
    assert bod.seats(db, body.id) == [] and [s.id for s in bod.seats(db, body.id, archived=True)] == [seat_id]
    with pytest.raises(StaleRecord):
        bod.restore_seat(db, seat_id, seat.version)  # archiving gave it a new version
    bod.restore_seat(db, seat_id, bod.seats(db, body.id, archived=True)[0].version)
    assert [s.person for s in bod.seats(db, body.id)] == ["Anna Aho"]

    meeting = meet.meetings(db, body.id)[0]
    meet.archive_meeting(db, meeting_id, meeting.version)
    assert meet.meetings(db, body.id) == []
    meet.restore_meeting(db, meeting_id)
    assert [m.id for m in meet.meetings(db, body.id)] == [meeting_id]

    bod.archive_body(db, body.id, body.version)
    assert bod.bodies(db) == [] and [b.name_fi for b in bod.bodies(db, archived=True)] == ["Foorumi"]
    with pytest.raises(RecordNotFound):
        bod.save_body(db, bod.BodyForm(BodyKind.FORUM, "Uusi", "", M, "Vaasa"), body.id)  # archived: no save
    bod.restore_body(db, body.id)
    restored = bod.get_body(db, body.id)
    assert (restored.archived_at, restored.area_name("sv")) == (None, "Vasa")
    with pytest.raises(RecordNotFound):
        bod.restore_body(db, body.id)  # not archived


def test_grants_premises_and_activities_archived_and_restored(db: Database) -> None:
    ids = region(db)
    grant_id = gr.save_grant(
        db, ids["B"], gr.GrantForm("2027", M, "Vaasa", GrantInstrument.ONE_OFF, "", "50")
    )
    premises_id = gr.save_premises(
        db, ids["B"], gr.PremisesForm(PremisesOwner.MUNICIPALITY, "Vasa", "Torikatu 1")
    )
    activity_id = act.save_activity(db, ids["B"], act.ActivityForm("Kerho", municipality="Korsholm"))
    assert gr.get_premises(db, premises_id).owner_name("sv") == "Vasa"
    assert act.get_activity(db, activity_id).municipality == "Mustasaari"
    assert [a.id for a in act.activities(db, "korsholm")] == [activity_id]  # found by the Swedish name
    for archive, restore, listed in (
        (gr.archive_grant, gr.restore_grant, lambda archived: gr.member_grants(db, archived=archived)),
        (
            gr.archive_premises,
            gr.restore_premises,
            lambda archived: gr.member_premises(db, archived=archived),
        ),
        (act.archive_activity, act.restore_activity, lambda archived: act.activities(db, archived=archived)),
    ):
        (record,) = listed(False)
        archive(db, record.id, record.version)
        assert listed(False) == [] and [r.id for r in listed(True)] == [record.id]
        restore(db, record.id)
        assert [r.id for r in listed(False)] == [record.id]
    assert gr.get_grant(db, grant_id).form().amount_granted == "50,00"
