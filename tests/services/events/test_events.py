"""Events: capacity and the waiting list, cancelling, attendance figures, a web form's export, feedback."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal
from io import BytesIO
from pathlib import Path

import pytest

from jarjestokeskus.db.engine import Database
from jarjestokeskus.domain.events import EventForm, EventKind, RegistrationForm, RegistrationStatus
from jarjestokeskus.domain.organisation import OrganisationForm
from jarjestokeskus.domain.validation import ValidationFailed
from jarjestokeskus.reports.sign_in import build_sign_in_sheet
from jarjestokeskus.services.events.feedback import FeedbackForm, feedback, save_feedback
from jarjestokeskus.services.events.register import get_event, list_events, save_event, year_figures
from jarjestokeskus.services.events.registrations import (
    cancel,
    import_registrations,
    mark_attendance,
    register,
    registrations,
)
from jarjestokeskus.services.organisations.register import save_organisation
from tests.reports.pdf_text import pdf_text

TODAY = date(2027, 3, 1)


def forum(db: Database, capacity: str = "3") -> uuid.UUID:
    form = EventForm(
        "Järjestöfoorumi",
        "Föreningsforum",
        EventKind.FORUM,
        "20.3.2027",
        "",
        "13–16",
        "Vaasa",
        "fi_sv",
        capacity,
    )
    return save_event(db, form).id


def person(first: str, organisation: str = "") -> RegistrationForm:
    return RegistrationForm(first, "Testinen", f"{first.lower()}@example.fi", organisation)


def test_over_capacity_goes_to_the_waiting_list_and_moves_up(db: Database) -> None:
    event = forum(db)
    added = register(db, event, [person(n) for n in ("Aino", "Bo", "Cecilia", "Daniel", "Eeva")], TODAY)
    assert [r.status for r in added] == [RegistrationStatus.REGISTERED] * 3 + [RegistrationStatus.WAITING] * 2
    row = get_event(db, event)
    assert (row.registered, row.waiting) == (3, 2)
    bo = next(r for r in added if r.first_name == "Bo")
    moved = cancel(db, bo.id)
    assert moved is not None and moved.first_name == "Daniel"  # the first on the waiting list
    assert (get_event(db, event).registered, get_event(db, event).waiting) == (3, 1)
    assert cancel(db, next(r for r in added if r.first_name == "Eeva").id) is None  # was waiting


def test_a_wrong_row_saves_none(db: Database) -> None:
    event = forum(db)
    with pytest.raises(ValidationFailed) as raised:
        register(db, event, [person("Aino"), RegistrationForm("", "", "not-an-email")], TODAY)
    assert {e.field for e in raised.value.errors} == {"rows[1].last_name", "rows[1].email"}
    assert registrations(db, event) == []


def test_attendance_and_organisations_reached(db: Database) -> None:
    save_organisation(db, OrganisationForm(name_fi="Aalto ry"), today=TODAY)
    event = forum(db, capacity="")
    added = register(
        db,
        event,
        [
            person("Aino", "aalto ry"),
            person("Bo", "Aalto ry"),
            person("Cecilia", "Muu yhdistys"),
            person("Daniel"),
        ],
        TODAY,
    )
    assert added[0].organisation_id is not None and added[0].organisation_id == added[1].organisation_id
    came = {r.id: r.first_name != "Daniel" for r in added}
    mark_attendance(db, came)
    row = get_event(db, event)
    # By hand: Aino, Bo and Cecilia came; Aalto ry (twice) and Muu yhdistys: two organisations.
    assert (row.attended, row.organisations_reached) == (3, 2)
    assert year_figures(db, 2027) == (1, 3, 2)
    assert year_figures(db, 2026) == (0, 0, 0)


def test_web_form_export(db: Database, tmp_path: Path) -> None:
    event = forum(db)
    path = tmp_path / "ilmoittautumiset.csv"
    path.write_text(
        "Aikaleima;Etunimi;Sukunimi;Sähköposti;Järjestön nimi;Kieli / Språk;Erityisruokavalio;Saako nimesi julkaista osallistujalistassa?\n"
        "1.3.2027;Aino;Aalto;aino@example.fi;Aalto ry;suomi;gluteeniton;Kyllä\n"
        "1.3.2027;Bo;Berg;bo@example.fi;Björkby förening;svenska;;Nej\n",
        encoding="utf-8",
    )
    added = import_registrations(db, event, path, TODAY)
    assert [(r.name, r.organisation, r.language, r.dietary, r.consent_to_list) for r in added] == [
        ("Aino Aalto", "Aalto ry", "fi", "gluteeniton", True),
        ("Bo Berg", "Björkby förening", "sv", "", False),
    ]


def test_feedback_saved_whole(db: Database) -> None:
    event = forum(db)
    save_feedback(
        db,
        event,
        [FeedbackForm("Kokonaisarvio", "41", "4,4", "Hyvä foorumi"), FeedbackForm("Tila", "40", "3.9")],
    )
    assert [(f.question, f.answers, f.average) for f in feedback(db, event)] == [
        ("Kokonaisarvio", 41, Decimal("4.40")),
        ("Tila", 40, Decimal("3.90")),
    ]
    with pytest.raises(ValidationFailed) as raised:
        save_feedback(db, event, [FeedbackForm("", "x", "11")])
    assert {e.field for e in raised.value.errors} == {
        "rows[0].question",
        "rows[0].answers",
        "rows[0].average",
    }
    assert len(feedback(db, event)) == 2


def test_search_and_sign_in_sheet(db: Database) -> None:
    event = forum(db)
    save_event(db, EventForm("Vapaaehtoiskoulutus", "", EventKind.TRAINING, "5.2.2027"))
    assert [r.title("fi") for r in list_events(db, "foorum")] == ["Järjestöfoorumi"]
    assert [r.title("fi") for r in list_events(db, year=2027)] == ["Järjestöfoorumi", "Vapaaehtoiskoulutus"]
    register(db, event, [person("Aino", "Aalto ry"), person("Bo")], TODAY)
    out = BytesIO()
    build_sign_in_sheet(get_event(db, event), registrations(db, event), ("Kattojärjestö ry", ""), out)
    text = pdf_text(out.getvalue())
    assert (
        "Järjestöfoorumi" in text
        and "Testinen Aino" in text
        and "Aalto ry" in text
        and "Allekirjoitus" in text
    )


def test_the_annual_review_counts_the_events(db: Database) -> None:
    from jarjestokeskus.services.annual_report_data import annual_figures

    save_organisation(db, OrganisationForm(name_fi="Aalto ry"), today=TODAY)
    event = forum(db, capacity="")
    added = register(
        db, event, [person("Aino", "Aalto ry"), person("Bo", "Aalto ry"), person("Cecilia")], TODAY
    )
    mark_attendance(db, {r.id: True for r in added})
    figures = annual_figures(db, 2027, date(2027, 12, 31))
    # By hand: one event in 2027; Aino, Bo and Cecilia came; only Aalto ry is an organisation.
    assert (figures.events_held, figures.event_participants, figures.organisations_reached) == (1, 3, 1)
    assert annual_figures(db, 2026, date(2027, 12, 31)).events_held == 0
