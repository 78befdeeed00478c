"""Every report's PDF carries its title, subject, author (the home organisation) and language,
and lists only the fonts it embeds."""

from __future__ import annotations

from collections.abc import Iterator
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader

from jarjestokeskus import i18n
from jarjestokeskus.db.engine import Database
from jarjestokeskus.reports.catalogue import KINDS, ReportOptions, build_report
from jarjestokeskus.services.agreements.report_data import find_counterparty
from jarjestokeskus.services.organisations.report_data import find_organisations_by_name
from tests.reports.pdf_text import demo_database
from tests.reports.scenario import scenario


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory, migrated_template: Path) -> Iterator[Database]:
    db = demo_database(tmp_path_factory.mktemp("metadata"), migrated_template)
    yield db
    db.close()


def fonts(reader: PdfReader) -> set[str]:
    names: set[str] = set()
    for page in reader.pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            names.add(str(font.get_object()["/BaseFont"]))
    return names


@pytest.mark.parametrize("language", ["fi", "sv"])
@pytest.mark.parametrize("kind", list(KINDS))
def test_metadata_of_every_report(demo: Database, kind: str, language: str) -> None:
    home = next(o for o in scenario()["organisations"] if o.get("is_home"))
    options = ReportOptions(
        year=2025,
        counterparty_id=find_counterparty(demo, "Vaasan kaupunki"),
        organisation_id=find_organisations_by_name(demo, home["name_fi"])[0][0],
    )
    out = BytesIO()
    build_report(demo, kind, language, out, options)
    reader = PdfReader(BytesIO(out.getvalue()))
    info = reader.metadata
    t = i18n.catalog(language).gettext
    assert info.author == (home["name_sv"] if language == "sv" else home["name_fi"])
    assert info.title and info.title.startswith(t(KINDS[kind].title).split("{")[0].strip())
    assert info.subject
    assert reader.trailer["/Root"]["/Lang"] == {"fi": "fi-FI", "sv": "sv-FI"}[language]
    assert all("DejaVuSans" in name for name in fonts(reader))  # no unused base-14 font
