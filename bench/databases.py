"""The benchmark's databases: 1,000, 10,000 and 100,000 member organisations.

Each is built once into bench/data/ (kept between runs; delete the folder to rebuild) through
the program's own migrations, then filled with one bulk insert. Business IDs are valid and
unique (check digit per the Finnish rule). The same organisations are also written as a CSV file
in the member import's column names, for the import row and for the sqlite3 and LibreOffice
references. Each organisation's municipality is one of the register's, with its code, as the
program stores a municipality chosen or imported from the register. The file names carry
VERSION: a change to what is generated gives new files instead of reusing older ones.
"""

from __future__ import annotations

import csv
import os
import random
import uuid
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sqlalchemy import insert  # noqa: E402

from jarjestokeskus.db.engine import open_database  # noqa: E402
from jarjestokeskus.db.models import Organisation  # noqa: E402
from jarjestokeskus.domain.enums import Field, MembershipStatus, OrganisationKind, WorkingLanguage  # noqa: E402
from jarjestokeskus.i18n import sort_key  # noqa: E402
from jarjestokeskus.services.municipalities import municipality_code  # noqa: E402

DATA = Path(__file__).resolve().parent / "data"
VERSION = 2  # 2: municipality codes
SIZES = tuple(int(s) for s in os.environ.get("BENCH_SIZES", "1000,10000,100000").split(","))
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
CSV_COLUMNS = (
    "name_fi",
    "name_sv",
    "abbreviation",
    "business_id",
    "municipality",
    "email",
    "membership_status",
)
WEIGHTS = (7, 9, 10, 5, 8, 4, 2)


def business_ids():  # type: ignore[no-untyped-def]
    """Valid Finnish business IDs (Y-tunnus) in order, from 2000000-x up."""
    number = 2000000
    while True:
        remainder = sum(int(d) * w for d, w in zip(f"{number:07d}", WEIGHTS, strict=True)) % 11
        if remainder != 1:
            yield f"{number:07d}-{0 if remainder == 0 else 11 - remainder}"
        number += 1


def organisations(size: int) -> list[dict[str, object]]:
    """`size` synthetic member organisations, the same ones every time."""
    rng = random.Random(2026)
    ids = business_ids()
    now = datetime.now(UTC)
    rows = []
    for number in range(size):
        name_fi = f"{rng.choice(WORDS_FI)} {rng.choice(WORDS_FI2)} {number} ry"
        name_sv = f"{rng.choice(WORDS_SV)} {rng.choice(WORDS_SV2)} {number} rf" if rng.random() < 0.6 else ""
        municipality = rng.choice(MUNICIPALITIES)
        abbreviation = "".join(w[0] for w in name_fi.split()[:2]).upper()
        rows.append(
            {
                "id": uuid.UUID(int=rng.getrandbits(128), version=4),
                "created_at": now,
                "updated_at": now,
                "version": 1,
                "name_fi": name_fi,
                "name_sv": name_sv,
                "abbreviation": abbreviation,
                "business_id": next(ids),
                "kind": rng.choice(list(OrganisationKind)),
                "field": rng.choice(list(Field)),
                "working_language": rng.choice(list(WorkingLanguage)),
                "municipality": municipality,
                "municipality_code": municipality_code(municipality),
                "street_address": "",
                "postal_code": "",
                "post_office": "",
                "email": f"info{number}@example.fi",
                "phone": "",
                "website": "",
                "member_count": rng.randint(5, 2000),
                "uses_municipal_premises": rng.random() < 0.6,
                "membership_status": MembershipStatus.MEMBER,
                "is_home": False,
                "notes": "",
                "name_fi_key": sort_key(name_fi or name_sv),
                "name_sv_key": sort_key(name_sv or name_fi),
                "municipality_key": sort_key(municipality),
                "abbreviation_key": sort_key(abbreviation),
                "search_text": " ".join(
                    sort_key(p) for p in (name_fi, name_sv, abbreviation, municipality) if p
                ),
            }
        )
    return rows


def database(size: int) -> Path:
    """The path of the `size` database, built first if it is not there yet."""
    path = DATA / f"organisations-{size}-v{VERSION}.sqlite"
    if path.exists():
        return path
    DATA.mkdir(exist_ok=True)
    partial = path.with_suffix(".partial")
    partial.unlink(missing_ok=True)
    db = open_database(partial)
    rows = organisations(size)
    with db.engine.begin() as connection:
        for start in range(0, size, 10000):
            connection.execute(insert(Organisation), rows[start : start + 10000])
    db.close()
    partial.rename(path)
    return path


def csv_file(size: int) -> Path:
    """The same organisations as a semicolon-separated UTF-8 CSV in the import's column names."""
    path = DATA / f"organisations-{size}-v{VERSION}.csv"
    if path.exists():
        return path
    DATA.mkdir(exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, delimiter=";")
        writer.writerow(CSV_COLUMNS)
        for row in organisations(size):
            writer.writerow([str(row[c]) for c in CSV_COLUMNS])
    return path
