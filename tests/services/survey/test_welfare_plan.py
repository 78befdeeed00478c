"""Welfare-plan objectives per council term: saved with their themes and goals, replaced as a whole,
and the contribution grouped by them with the theme counts worked out by hand."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.models import AgreementGoal, WelfareObjective
from jarjestokeskus.domain.agreements import AgreementForm, GoalForm
from jarjestokeskus.domain.validation import ValidationFailed
from jarjestokeskus.reports.welfare import build_welfare
from jarjestokeskus.services.agreements.store import save_agreement
from jarjestokeskus.services.survey.forms import import_forms
from jarjestokeskus.services.survey.welfare_plan import (
    ObjectiveDraft,
    council_term,
    goal_choices,
    objectives,
    save_objectives,
    term_label,
)
from tests.services.survey.filling import fill
from tests.services.survey.test_survey import AALTO, BJORK, TODAY, forms, make_members

VAASA, KORSHOLM = "905", "499"


def goals(db: Database) -> dict[str, object]:
    save_agreement(
        db,
        AgreementForm(
            title_fi="Kumppanuussopimus",
            goals=[GoalForm(title_fi="Yksinäisyys vähenee"), GoalForm(title_fi="Tilat järjestöjen käyttöön")],
        ),
    )
    return {label.split(": ")[1]: goal_id for goal_id, label in goal_choices(db, "fi")}


def test_council_terms() -> None:
    assert [council_term(y) for y in (2021, 2024, 2025, 2028, 2029)] == [2021, 2021, 2025, 2025, 2029]
    assert term_label(2025) == "2025–2029"


def test_objectives_are_saved_replaced_and_archived_with_their_links(db: Database) -> None:
    chosen = goals(db)
    first = ObjectiveDraft(
        "Yksinäisyyden ehkäisy", "Förebygga ensamhet", ["loneliness"], [chosen["Yksinäisyys vähenee"]]
    )
    second = ObjectiveDraft(
        "Osallisuus", "", ["participation", "services"], [chosen["Tilat järjestöjen käyttöön"]]
    )
    save_objectives(db, VAASA, 2025, [first, second])
    saved = objectives(db, [VAASA], 2025)
    assert [(o.title_fi, o.themes) for o in saved] == [
        ("Yksinäisyyden ehkäisy", ("loneliness",)),
        ("Osallisuus", ("participation", "services")),
    ]
    assert objectives(db, [VAASA], 2021) == [] and objectives(db, [KORSHOLM], 2025) == []
    # The second is left out and the first's goal moves to a new third: one archived, links follow.
    kept = ObjectiveDraft(saved[0].title_fi, saved[0].title_sv, ["loneliness"], [], saved[0].id)
    third = ObjectiveDraft("", "Trygghet", ["safety"], [chosen["Yksinäisyys vähenee"]])
    save_objectives(db, VAASA, 2025, [third, kept])
    now = objectives(db, [VAASA], 2025)
    assert [(o.title_sv, o.goal_ids) for o in now] == [
        ("Trygghet", (chosen["Yksinäisyys vähenee"],)),
        ("Förebygga ensamhet", ()),
    ]
    assert now[1].id == saved[0].id
    with db.reading() as session:
        archived = session.get(WelfareObjective, saved[1].id)
        assert archived is not None and archived.archived_at is not None
        unlinked = session.get(AgreementGoal, chosen["Tilat järjestöjen käyttöön"])
        assert unlinked is not None and unlinked.welfare_objective_id is None


def test_bad_objectives_are_named_and_nothing_is_saved(db: Database) -> None:
    chosen = goals(db)
    goal = chosen["Yksinäisyys vähenee"]
    with pytest.raises(ValidationFailed) as failed:
        save_objectives(
            db, VAASA, 2025, [ObjectiveDraft("A", "", [], [goal]), ObjectiveDraft(" ", "", [], [goal])]
        )
    assert [e.field for e in failed.value.errors] == ["objectives[1].title_fi", "objectives[1].goals"]
    with db.reading() as session:
        assert session.scalars(select(WelfareObjective)).all() == []


def test_the_contribution_is_grouped_by_the_objectives(db: Database, tmp_path: Path) -> None:
    make_members(db)
    written = forms(db, tmp_path)
    fill(written["aalto"], AALTO)  # Vaasa: loneliness, mental health
    fill(written["björkby"], BJORK)  # Korsholm: loneliness
    import_forms(db, 2026, [written["aalto"], written["björkby"]], TODAY)
    old = forms(db, tmp_path, 2025)["aalto"]
    fill(old, {"themes:loneliness": "x", "themes:safety": "x", "quote": "Ei"})
    import_forms(db, 2025, [old], TODAY)
    chosen = goals(db)
    save_objectives(
        db,
        VAASA,
        2025,
        [
            ObjectiveDraft(
                "Yksinäisyyden ehkäisy", "", ["loneliness", "safety"], [chosen["Yksinäisyys vähenee"]]
            )
        ],
    )
    save_objectives(db, KORSHOLM, 2025, [ObjectiveDraft("Liikkuminen", "Rörlighet", ["mobility"], [])])
    out = io.BytesIO()
    build_welfare(db, "fi", out, year=2026, area="Vaasa")
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(out).pages).split())
    # By hand, Vaasa only: 2026 Aalto observed loneliness (1), safety no one (0); 2025 Aalto both (1, 1).
    assert "Hyvinvointisuunnitelman 2025–2029 tavoitteiden mukaan" in text
    assert "Vaasa: Yksinäisyyden ehkäisy" in text
    assert "Yksinäisyys 1 1" in text and "Turvallisuus 0 1" in text
    assert "Kumppanuussopimus: Yksinäisyys vähenee" in text
    assert "Liikkuminen" not in text  # Korsholm's objective is not Vaasa's
    county = io.BytesIO()
    build_welfare(db, "sv", county, year=2026, area="Österbottens välfärdsområde")
    words = " ".join(" ".join(page.extract_text() for page in PdfReader(county).pages).split())
    # By hand, Korsholm: 2026 no one observed mobility; 2025 no Korsholm answer.
    assert "Korsholm: Rörlighet" in words and "Rörlighet och resor 0 0" in words


def test_the_survey_period_is_on_the_deadlines_until_it_has_passed(db: Database) -> None:
    from datetime import date

    from jarjestokeskus.services.calendar.deadlines import DeadlineKind, deadlines
    from jarjestokeskus.services.survey.questions import set_period, survey_period

    with pytest.raises(ValidationFailed) as failed:
        set_period(db, 2026, "1.9.2026", "31.8.2026")
    assert [e.field for e in failed.value.errors] == ["closes_on"]
    assert survey_period(db, 2026) is None  # nothing made for a refused period
    set_period(db, 2026, "1.9.2026", "31.10.2026")

    def survey_rows(today: date) -> list[tuple[DeadlineKind, date, str, bool]]:
        rows = deadlines(db, today, within_days=60)
        return [(r.kind, r.due_date, r.name("sv"), r.overdue) for r in rows if r.view == "survey"]

    assert survey_rows(date(2026, 8, 15)) == [
        (DeadlineKind.SURVEY_OPENS, date(2026, 9, 1), "Välfärdsenkät 2026", False)
    ]
    assert survey_rows(date(2026, 9, 10)) == [
        (DeadlineKind.SURVEY_CLOSES, date(2026, 10, 31), "Välfärdsenkät 2026", False)
    ]
    assert survey_rows(date(2026, 11, 1)) == []  # a passed period is not overdue work
