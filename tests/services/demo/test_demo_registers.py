"""The demo's membership-fee terms, survey answers and events: enough to try each register."""

from __future__ import annotations

from pathlib import Path

import pytest

from jarjestokeskus.db.engine import Database
from jarjestokeskus.services.events.register import list_events, year_figures
from jarjestokeskus.services.fees.invoicing import plan_invoices
from jarjestokeskus.services.fees.terms import get_fee_year
from jarjestokeskus.services.survey.welfare import contribution
from tests.reports.pdf_text import demo_database


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory, migrated_template: Path) -> Database:
    return demo_database(tmp_path_factory.mktemp("demo-registers"), migrated_template)


def test_next_years_fees_can_be_invoiced(demo: Database) -> None:
    terms = get_fee_year(demo, 2027)
    assert terms is not None and terms.due_date.isoformat() == "2027-03-31"
    plan = plan_invoices(demo, 2027)
    assert plan.to_issue and not plan.without_class


def test_two_years_of_survey_answers(demo: Database) -> None:
    region = contribution(demo, 2026, [])
    assert region.this_year.answered > 20 and region.previous.answered > 15
    assert region.this_year.counts["themes"]


def test_the_forum_was_held_and_the_training_is_full(demo: Database) -> None:
    events = {e.title_fi: e for e in list_events(demo)}
    forum = events["Järjestöfoorumi 2026"]
    assert forum.registered == 92 and 70 <= forum.attended <= 92 and forum.organisations_reached > 20
    training = events["Vapaaehtoistoiminnan koordinointi"]
    assert (training.registered, training.waiting) == (20, 4)
    assert year_figures(demo, 2026)[1] == forum.attended
