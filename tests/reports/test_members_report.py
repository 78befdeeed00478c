"""The member register PDF on the demo data, in Finnish and Swedish, and with hostile names."""

from __future__ import annotations

from collections.abc import Iterator
from io import BytesIO
from pathlib import Path

import pytest

from jarjestokeskus import i18n
from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.plain import open_for_reading
from jarjestokeskus.domain.enums import LABELS, MembershipStatus
from jarjestokeskus.domain.organisation import OrganisationForm
from jarjestokeskus.reports import members as report
from jarjestokeskus.reports.template import PAGE
from jarjestokeskus.services.organisations.register import save_organisation
from jarjestokeskus.services.organisations.report_data import count_members, home_names, member_register
from tests.reports.pdf_text import demo_database, flat, pdf_pages, pdf_text

HOSTILE = "<b>&\"Ö'</b> ry"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory, migrated_template: Path) -> Iterator[Database]:
    db = demo_database(tmp_path_factory.mktemp("members"), migrated_template)
    yield db
    db.close()


def build(db: Database, language: str, **options: object) -> bytes:
    out = BytesIO()
    report.build_members(db, language, out, **options)  # type: ignore[arg-type]
    return out.getvalue()


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_register_by_municipality(demo: Database, language: str) -> None:
    pdf = build(demo, language)
    assert pdf.startswith(b"%PDF")
    pages = pdf_pages(pdf)
    text = " ".join(pages)
    t = i18n.catalog(language).gettext
    for source in (report.TITLE, report.BY_MUNICIPALITY, report.NAME, report.CONTACT, report.MEMBERS):
        assert flat(t(source)) in text
    home_fi, home_sv = home_names(demo)
    assert (home_sv if language == "sv" else home_fi) in pages[0]
    organisations, persons = count_members(demo)
    rows = member_register(demo)
    assert organisations == len(rows) > 0
    number = lambda n: flat(i18n.format_number(n, language))  # noqa: E731
    assert flat(t(report.OVERALL_ORGANISATIONS).format(count=number(organisations))) in text
    assert flat(t(report.OVERALL_MEMBERS).format(count=number(persons))) in text
    for row in rows[:5]:
        assert flat(row.name(language)) in text
    contacts = [r for r in rows if r.contact_name]
    assert contacts and contacts[0].contact_name in text
    vaasa = [r for r in rows if r.municipality == "Vaasa"]
    vaasa_in_language = "Vasa" if language == "sv" else "Vaasa"  # the register's name
    assert flat(t(report.GROUP_TOTAL).format(group=vaasa_in_language)) in text
    assert flat(t(report.ORGANISATIONS).format(count=number(len(vaasa)))) in text
    assert flat(t(PAGE).format(page=1, pages=len(pages))) in pages[0]
    assert flat(t(PAGE).format(page=len(pages), pages=len(pages))) in pages[-1]


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_register_by_field(demo: Database, language: str) -> None:
    calls: list[tuple[int, int]] = []
    text = pdf_text(build(demo, language, group_by="field", progress=lambda d, n: calls.append((d, n))))
    t = i18n.catalog(language).gettext
    assert flat(t(report.BY_FIELD)) in text
    fields = {r.field for r in member_register(demo)}
    assert len(fields) > 1
    for field in fields:
        assert flat(t(LABELS["Field"][field.value])) in text
    assert calls[-1] == (3, 3)


def test_unknown_grouping_is_refused(demo: Database) -> None:
    with pytest.raises(ValueError):
        build(demo, "fi", group_by="colour")


def test_hostile_names_print_as_typed(db: Database) -> None:
    save_organisation(db, OrganisationForm(name_fi=HOSTILE, name_sv="Hem & <hus> rf"), is_home=True)
    save_organisation(
        db,
        OrganisationForm(
            name_fi=HOSTILE,
            municipality="<i>Ähtäri</i>",
            email="a&b@example.fi",
            membership_status=MembershipStatus.MEMBER,
            member_count="7",
        ),
    )
    fi = pdf_text(build(db, "fi"))
    assert HOSTILE in fi and "<i>Ähtäri</i>" in fi and "a&b@example.fi" in fi
    sv = pdf_text(build(db, "sv"))
    assert "Hem & <hus> rf" in sv and HOSTILE in sv


def test_empty_register(db: Database) -> None:
    text = pdf_text(build(db, "sv"))
    assert flat(i18n.catalog("sv").gettext(report.NONE)) in text


@pytest.mark.sqlite_only
@pytest.mark.parametrize(("language", "options"), [("fi", {}), ("sv", {"group_by": "field", "year": 2025})])
def test_the_register_read_with_sqlite_alone_is_the_same(
    demo: Database, language: str, options: dict[str, object]
) -> None:
    """`report members` reads a file with db.plain: the same pages as through SQLAlchemy."""
    assert demo.path is not None
    reading = open_for_reading(demo.path)
    try:
        by_sqlite = pdf_pages(build(reading, language, **options))  # type: ignore[arg-type]
    finally:
        reading.close()
    by_engine = pdf_pages(build(demo, language, **options))
    assert len(by_engine) > 1 and by_sqlite == by_engine
