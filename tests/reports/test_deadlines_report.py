"""The deadlines report: the demo data in Finnish and Swedish, the boundaries of today and overdue,
hostile names, and a kind of deadline the report has never heard of."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date, timedelta
from io import BytesIO
from pathlib import Path

import pytest

from jarjestokeskus import i18n
from jarjestokeskus.db.engine import Database
from jarjestokeskus.domain.agreements import AgreementForm, PartyForm
from jarjestokeskus.domain.enums import AgreementKind, AgreementStatus, LabelledEnum
from jarjestokeskus.domain.organisation import OrganisationForm
from jarjestokeskus.i18n import N_
from jarjestokeskus.reports import deadlines as report
from jarjestokeskus.reports.template import PAGE
from jarjestokeskus.services.agreements.register import save_agreement
from jarjestokeskus.services.calendar.deadlines import DeadlineKind, DeadlineRow, deadlines
from jarjestokeskus.services.calendar.year_clock import archive_task, list_tasks
from jarjestokeskus.services.organisations.register import save_organisation
from tests.reports.pdf_text import demo_database, flat, pdf_pages, pdf_text

HOSTILE = "<b>&\"Ö'</b>"
TODAY = date(2030, 6, 15)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory, migrated_template: Path) -> Iterator[Database]:
    db = demo_database(tmp_path_factory.mktemp("deadlines"), migrated_template)
    yield db
    db.close()


@pytest.fixture
def db(db: Database) -> Database:
    """The year clock's seeded tasks count from the day the database was made: out of the way here."""
    for task in list_tasks(db, TODAY.year):
        archive_task(db, task.id)
    return db


def build(db: Database, language: str, **options: object) -> bytes:
    out = BytesIO()
    report.build_deadlines(db, language, out, **options)  # type: ignore[arg-type]
    return out.getvalue()


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_demo_deadlines(demo: Database, language: str) -> None:
    today = date.today()
    calls: list[tuple[int, int]] = []
    pages = pdf_pages(build(demo, language, days=60, progress=lambda d, n: calls.append((d, n))))
    text = " ".join(pages)
    t = i18n.catalog(language).gettext
    number = lambda n: flat(i18n.format_number(n, language))  # noqa: E731
    rows = deadlines(demo, today, 60, year_clock=True)
    overdue = [r for r in rows if r.overdue]
    soon = [r for r in rows if not r.overdue]
    assert rows and calls[-1] == (3, 3)
    assert flat(t(report.TITLE)) in pages[0]
    scope = t(report.SCOPE).format(
        days=number(60),
        date=i18n.format_date(today, language),
        last=i18n.format_date(today + timedelta(days=60), language),
    )
    assert flat(scope) in text
    assert flat(t(report.OVERDUE).format(count=number(len(overdue)))) in text
    assert flat(t(report.SOON).format(days=number(60), count=number(len(soon)))) in text
    total = f"{flat(t(report.TOTAL))} {number(len(overdue))} {number(len(soon))} {number(len(rows))}"
    assert total in text
    for row in rows:
        assert flat(t(row.kind._labels()[row.kind.value])) in text
        assert flat(row.name(language)) in text
        assert flat(i18n.format_date(row.due_date, language)) in text
    assert flat(t(PAGE).format(page=len(pages), pages=len(pages))) in pages[-1]


@pytest.fixture
def ending(db: Database) -> dict[str, str]:
    """Agreements in force ending yesterday, today, on the last day of the window and the day after."""
    save_organisation(db, OrganisationForm(name_fi="Koti ry", name_sv="Hem rf"), is_home=True)
    city = save_organisation(db, OrganisationForm(name_fi="Kaupunki")).id
    titles = {
        "late": HOSTILE + " myöhässä",
        "today": "Päättyy tänään",
        "last": "Viimeinen päivä",
        "outside": "Liian myöhään",
    }
    for key, end in (("late", -1), ("today", 0), ("last", 10), ("outside", 11)):
        save_agreement(
            db,
            AgreementForm(
                kind=AgreementKind.LETTER_OF_INTENT,
                title_fi=titles[key],
                title_sv=titles[key] + " sv",
                status=AgreementStatus.IN_FORCE,
                valid_from="1.1.2029",
                valid_to=i18n.format_date(TODAY + timedelta(days=end), "fi"),
                parties=[PartyForm(city)],
            ),
        )
    return titles


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_today_and_overdue_boundaries(db: Database, ending: dict[str, str], language: str) -> None:
    text = pdf_text(build(db, language, days=10, today=TODAY))
    t = i18n.catalog(language).gettext
    name = lambda key: ending[key] + (" sv" if language == "sv" else "")  # noqa: E731
    assert name("outside") not in text
    overdue_heading = text.index(flat(t(report.OVERDUE).format(count=1)))
    soon_heading = text.index(flat(t(report.SOON).format(days=10, count=2)))
    assert overdue_heading < text.index(name("late")) < soon_heading < text.index(name("today"))
    assert text.index(name("today")) < text.index(name("last"))  # soonest first
    ends = flat(t(DeadlineKind.AGREEMENT_ENDS._labels()["agreement_ends"]))
    date_text = lambda days: flat(i18n.format_date(TODAY + timedelta(days=days), language))  # noqa: E731
    assert f"{ends} {date_text(-1)} 1 {name('late')}" in text  # one day overdue
    assert f"{ends} {date_text(0)} {flat(t(report.TODAY))} {name('today')}" in text
    assert f"{ends} {date_text(10)} 10 {name('last')}" in text
    assert HOSTILE in text


def test_nothing_due(db: Database) -> None:
    text = pdf_text(build(db, "sv", days=7, today=TODAY))
    assert flat(i18n.catalog("sv").gettext(report.NOTHING).format(days=7)) in text


def test_negative_days_are_refused(db: Database) -> None:
    with pytest.raises(ValueError):
        build(db, "fi", days=-1)


class YearClockKind(LabelledEnum):
    """A kind of deadline from another module, unknown to the report."""

    ANNUAL_MEETING = "annual_meeting"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {"annual_meeting": N_("Annual meeting notice")}


def test_any_kind_prints_through_its_label(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    row = DeadlineRow(
        YearClockKind.ANNUAL_MEETING,  # type: ignore[arg-type]
        TODAY + timedelta(days=3),
        "Kevätkokous",
        "Vårmöte",
        "yearclock",
        uuid.uuid4(),
        False,
        3,
    )
    late = DeadlineRow(
        DeadlineKind.FEE_UNPAID, TODAY - timedelta(days=2), "Maksamaton ry", "", "x", uuid.uuid4(), True, -2
    )
    monkeypatch.setattr(report, "deadlines", lambda db, today, days, year_clock: [late, row])
    text = pdf_text(build(db, "sv", days=5, today=TODAY))
    assert "Annual meeting notice" in text and "Vårmöte" in text and "Maksamaton ry" in text
    assert f"Annual meeting notice {flat(i18n.format_date(row.due_date, 'sv'))} 3 Vårmöte" in text
