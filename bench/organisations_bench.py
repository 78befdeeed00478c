"""Benchmark: the organisations register with 100,000 organisations.

Builds a synthetic database (once; reused when present) and prints how long the list's
operations take: counting, the first page in each sort order, search-as-you-type one key at a
time, filters, scrolling, and opening the main window offscreen. Run: `make bench`.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sqlalchemy import insert  # noqa: E402

from jarjestokeskus.db.engine import open_database  # noqa: E402
from jarjestokeskus.db.models import Organisation  # noqa: E402
from jarjestokeskus.domain.enums import Field, MembershipStatus, OrganisationKind, WorkingLanguage  # noqa: E402
from jarjestokeskus.i18n import sort_key  # noqa: E402
from jarjestokeskus.services.organisations import register as service  # noqa: E402

SIZE = int(os.environ.get("BENCH_SIZE", "100000"))
PATH = Path(__file__).resolve().parent / f"organisations-{SIZE}.sqlite"
WORDS_FI = ["Vaasan", "Pohjanmaan", "Närpiön", "Mustasaaren", "Öjan", "Ähtärin", "Laihian", "Kyrön", "Seudun"]
WORDS_FI2 = ["Omaishoitajat", "Eläkeläiset", "Mielenterveysseura", "Kyläyhdistys", "Nuorisoseura", "Martat"]
WORDS_SV = ["Vasa", "Österbottens", "Närpes", "Korsholms", "Oravais", "Malax", "Kronoby", "Nykarleby"]
WORDS_SV2 = ["Närståendevårdare", "Pensionärer", "Byaförening", "Ungdomsförening", "Marthaförening"]
MUNICIPALITIES = [
    "Vaasa",
    "Mustasaari",
    "Närpiö",
    "Pietarsaari",
    "Laihia",
    "Isokyrö",
    "Vöyri",
    "Maalahti",
    "Kruunupyy",
    "Pedersöre",
    "Luoto",
    "Kaskinen",
    "Korsnäs",
    "Kristiinankaupunki",
    "Uusikaarlepyy",
]


def build(path: Path, size: int, *, members_only: bool = False) -> None:
    """Create `size` synthetic organisations (all of them members if `members_only`)."""
    if path.exists():
        return
    rng = random.Random(2026)
    db = open_database(path)
    now = datetime.now(UTC)
    rows = []
    for number in range(size):
        name_fi = f"{rng.choice(WORDS_FI)} {rng.choice(WORDS_FI2)} {number} ry"
        name_sv = f"{rng.choice(WORDS_SV)} {rng.choice(WORDS_SV2)} {number} rf" if rng.random() < 0.6 else ""
        municipality = rng.choice(MUNICIPALITIES)
        abbreviation = "".join(w[0] for w in name_fi.split()[:2]).upper()
        rows.append(
            {
                "id": uuid.uuid4(),
                "created_at": now,
                "updated_at": now,
                "version": 1,
                "name_fi": name_fi,
                "name_sv": name_sv,
                "abbreviation": abbreviation,
                "business_id": None,
                "kind": rng.choice(list(OrganisationKind)),
                "field": rng.choice(list(Field)),
                "working_language": rng.choice(list(WorkingLanguage)),
                "municipality": municipality,
                "street_address": "",
                "postal_code": "",
                "post_office": "",
                "email": "",
                "phone": "",
                "website": "",
                "member_count": rng.randint(5, 2000),
                "uses_municipal_premises": rng.random() < 0.6,
                "membership_status": MembershipStatus.MEMBER
                if members_only
                else rng.choice(list(MembershipStatus)),
                "is_home": False,
                "notes": "",
                "name_fi_key": sort_key(name_fi or name_sv),
                "name_sv_key": sort_key(name_sv or name_fi),
                "municipality_key": sort_key(municipality),
                "search_text": " ".join(
                    sort_key(p) for p in (name_fi, name_sv, abbreviation, municipality) if p
                ),
            }
        )
    with db.engine.begin() as connection:
        for start in range(0, size, 10000):
            connection.execute(insert(Organisation), rows[start : start + 10000])
    db.close()


def timed(label: str, action: Callable[[], object], repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    median = statistics.median(times)
    print(f"  {label:<52} median {median:7.1f} ms   max {max(times):7.1f} ms")
    return median


def main() -> int:
    start = time.perf_counter()
    build(PATH, SIZE)
    print(f"database: {PATH.name} ({SIZE:,} organisations; ready in {time.perf_counter() - start:.1f} s)")
    db = open_database(PATH)
    query = service.OrganisationQuery()
    print("service (one call each, as the list makes them):")
    timed("count all", lambda: service.count_organisations(db, query))
    for sort in service.SORT_COLUMNS:
        timed(
            f"first page of 200, sorted by {sort}",
            lambda s=sort: service.list_organisations(db, query.with_(sort=s)),
        )
    timed(
        "first page, sorted by name descending",
        lambda: service.list_organisations(db, query.with_(descending=True)),
    )
    timed("first page, Swedish names", lambda: service.list_organisations(db, query.with_(language="sv")))
    timed(
        "page at offset 50,000 (deep scroll)", lambda: service.list_organisations(db, query, 50000, 200, SIZE)
    )
    print("search-as-you-type (count + first page per keystroke):")
    for typed in ("v", "va", "vaa", "vaas", "vaasan", "vaasan om", "närp", "zzz"):
        q = query.with_(text=typed)
        timed(f"'{typed}'", lambda q=q: service.first_page(db, q))
    q = query.with_(
        municipality="Vaasa", membership_status=MembershipStatus.MEMBER, field=Field.SOCIAL_HEALTH
    )
    timed(
        "filters municipality+status+field",
        lambda: service.first_page(db, q),
    )
    timed("municipalities for the filter", lambda: service.municipalities(db))
    db.close()

    from jarjestokeskus.ui.app import application
    from jarjestokeskus.ui.main_window import MainWindow

    app = application()
    print("window (offscreen):")
    started = time.perf_counter()
    db = open_database(PATH)
    window = MainWindow(db)
    window.show()
    app.processEvents()
    opened = (time.perf_counter() - started) * 1000
    print(f"  {'open database + main window shown (start page)':<52} {opened:7.1f} ms")
    started = time.perf_counter()
    window.navigation.setCurrentRow(window._views.index(window.organisations))
    app.processEvents()
    shown = (time.perf_counter() - started) * 1000
    print(
        f"  {'switch to Organisations (first page shown)':<52} {shown:7.1f} ms "
        f"(rows loaded: {window.organisations.model.rowCount():,} of {window.organisations.model.total:,})"
    )
    view = window.organisations
    timed(
        "type one more letter in search (model reset)",
        lambda: (view.search.setText(view.search.text() + "a"), view.apply_filters()),
        repeat=3,
    )
    view.search.clear()
    view.apply_filters()
    timed("scroll: fetch the next 200 rows", lambda: view.model.fetchMore(), repeat=10)
    window.close()
    db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
