"""The organisation list: search over names and identifiers, filters, collated sorting, paging."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date

import pytest

from jarjestokeskus import i18n
from jarjestokeskus.db.engine import Database, open_database
from jarjestokeskus.domain.enums import Field, MembershipStatus, OrganisationKind
from jarjestokeskus.domain.organisation import OrganisationForm
from jarjestokeskus.services.organisations.register import (
    SORT_COLUMNS,
    OrganisationQuery,
    archive_organisation,
    count_organisations,
    list_organisations,
    municipalities,
    save_organisation,
)
from jarjestokeskus.services.rows import OrganisationRow

TODAY = date(2025, 6, 1)


def add(db: Database, **fields: object) -> uuid.UUID:
    return save_organisation(db, OrganisationForm(**fields), today=TODAY).id  # type: ignore[arg-type]


def names(db: Database, query: OrganisationQuery, **paging: int | None) -> list[str]:
    return [row.name(query.language) for row in list_organisations(db, query, **paging)]


# --- search and filters -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def register(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """Six organisations to search and filter; built once, the tests only read it."""
    db = open_database(tmp_path_factory.mktemp("register") / "register.sqlite")
    add(
        db,
        name_fi="Vaasan Martat ry",
        name_sv="Vasa Marthaförening rf",
        abbreviation="VMY",
        business_id="0242746-2",
        municipality="Vaasa",
        membership_status=MembershipStatus.MEMBER,
        field=Field.SOCIAL_HEALTH,
        kind=OrganisationKind.ASSOCIATION,
    )
    add(
        db,
        name_fi="Vaasan Eläkeläiset ry",
        municipality="Vaasa",
        membership_status=MembershipStatus.APPLIED,
        field=Field.OTHER,
    )
    add(
        db,
        name_fi="Äänekosken Kuoro ry",
        municipality="Mustasaari",
        field=Field.CULTURE,
        membership_status=MembershipStatus.MEMBER,
    )
    add(
        db,
        name_sv="Émile Sällskap rf",
        municipality="Närpiö",
        kind=OrganisationKind.FOUNDATION,
        business_id="0211675-2",
    )
    add(db, name_fi="100% Kylä ry", municipality="mustasaari", field=Field.RESIDENTS_VILLAGE)
    add(db, name_fi="Kylä_2 ry", municipality="Laihia", kind=OrganisationKind.PARISH)
    yield db
    db.close()


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("martat", ["Vaasan Martat ry"]),  # Finnish name
        ("marthaförening", ["Vaasan Martat ry"]),  # Swedish name
        ("vmy", ["Vaasan Martat ry"]),  # abbreviation
        ("0242746-2", ["Vaasan Martat ry"]),  # business ID
        ("närpiö", ["Émile Sällskap rf"]),  # municipality
        ("MARTAT", ["Vaasan Martat ry"]),  # case does not matter
        ("vaasan  ry", ["Vaasan Eläkeläiset ry", "Vaasan Martat ry"]),
        ("vaasa eläke", ["Vaasan Eläkeläiset ry"]),  # every word must match
        ("vaasa kuoro", []),
        ("ÄÄNE", ["Äänekosken Kuoro ry"]),
        ("ää", ["Äänekosken Kuoro ry"]),
        # "ä" is its own letter in Finnish and Swedish, not an accented "a": "aane" does not match it.
        ("aane", []),
        # Other accents are folded: "emile" finds "Émile".
        ("emile", ["Émile Sällskap rf"]),
        # What the user types is literal, LIKE's wildcards included.
        ("%", ["100% Kylä ry"]),
        ("_", ["Kylä_2 ry"]),
        ("a_2", []),
        ("\\", []),
    ],
)
def test_search(register: Database, text: str, found: list[str]) -> None:
    query = OrganisationQuery(text=text)
    assert sorted(names(register, query)) == sorted(found)
    assert count_organisations(register, query) == len(found)


@pytest.mark.sqlite_only
def test_a_connection_that_searches_keeps_the_index_in_its_cache(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """SQLite's own cache (2 MB) holds none of a large register's index from one keystroke to
    the next: the connection that searched keeps up to SEARCH_CACHE_KIB of what it read."""
    from jarjestokeskus.services.organisations.text_search import SEARCH_CACHE_KIB

    db = open_database(tmp_path / "cache.sqlite")
    try:
        add(db, name_fi="Vaasan Martat ry")

        def cache_size() -> int:
            with db.reading() as session:
                return int(session.connection().exec_driver_sql("PRAGMA cache_size").scalar())

        assert cache_size() == -2000  # SQLite's own: 2,000 KiB
        assert names(db, OrganisationQuery(text="vaasa")) == ["Vaasan Martat ry"]
        assert cache_size() == -SEARCH_CACHE_KIB
    finally:
        db.close()


@pytest.mark.parametrize(
    ("query", "found"),
    [
        (
            OrganisationQuery(membership_status=MembershipStatus.MEMBER),
            ["Vaasan Martat ry", "Äänekosken Kuoro ry"],
        ),
        (OrganisationQuery(field=Field.CULTURE), ["Äänekosken Kuoro ry"]),
        (OrganisationQuery(kind=OrganisationKind.FOUNDATION), ["Émile Sällskap rf"]),
        (OrganisationQuery(municipality="MUSTASAARI"), ["100% Kylä ry", "Äänekosken Kuoro ry"]),
        (
            OrganisationQuery(municipality="Vaasa", membership_status=MembershipStatus.MEMBER),
            ["Vaasan Martat ry"],
        ),
        (OrganisationQuery(text="kylä", kind=OrganisationKind.PARISH), ["Kylä_2 ry"]),
    ],
)
def test_filters(register: Database, query: OrganisationQuery, found: list[str]) -> None:
    assert names(register, query) == found
    assert count_organisations(register, query) == len(found)


def test_municipalities_in_use_once_each_in_collation_order(db: Database) -> None:
    assert municipalities(db) == []
    for name, municipality in [("A", "Vaasa"), ("B", "mustasaari"), ("C", "Mustasaari"), ("D", "Närpiö")]:
        add(db, name_fi=name, municipality=municipality)
    gone = add(db, name_fi="E", municipality="Laihia")
    add(db, name_fi="F")
    assert municipalities(db) == ["Laihia", "Mustasaari", "Närpiö", "Vaasa"]
    archive_organisation(db, gone)
    assert municipalities(db) == ["Mustasaari", "Närpiö", "Vaasa"]


# --- sorting and paging -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sortable(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """Distinct values in every sortable column, with Å, Ä, Ö, accents and a name only in Swedish."""
    db = open_database(tmp_path_factory.mktemp("sortable") / "register.sqlite")
    rows = [
        (
            "Aalto ry",
            "",
            "AB",
            "0242746-2",
            "Vaasa",
            MembershipStatus.MEMBER,
            Field.CULTURE,
            OrganisationKind.ASSOCIATION,
        ),
        (
            "bertta ry",
            "",
            "äb",
            "0211675-2",
            "Ähtäri",
            MembershipStatus.APPLIED,
            Field.SPORT,
            OrganisationKind.COMPANY,
        ),
        (
            "",
            "Émile rf",
            "ZA",
            "0207669-0",
            "Åbo",
            MembershipStatus.RESIGNED,
            Field.OTHER,
            OrganisationKind.PARISH,
        ),
        (
            "Zeta ry",
            "Zeta rf",
            "ÅS",
            "0207604-1",
            "Zürich",
            MembershipStatus.NOT_MEMBER,
            Field.SOCIAL_HEALTH,
            OrganisationKind.FOUNDATION,
        ),
        (
            "Åminne ry",
            "Åminne rf",
            "ÄY",
            "3221317-4",
            "Östermark",
            MembershipStatus.EXPELLED,
            Field.RESIDENTS_VILLAGE,
            OrganisationKind.MUNICIPALITY,
        ),
        (
            "Ähtärin Seura ry",
            "",
            "ÖK",
            "0112038-9",
            "aura",
            MembershipStatus.MEMBER,
            Field.SPORT,
            OrganisationKind.STATE_AGENCY,
        ),
        (
            "Öjan Kyläyhdistys ry",
            "Öja Byaförening rf",
            "bc",
            "0201256-6",
            "Närpiö",
            MembershipStatus.APPLIED,
            Field.OTHER,
            OrganisationKind.WELLBEING_COUNTY,
        ),
    ]
    member_counts = ["120", "", "7", "1500", "45", "0", "300"]  # one not given
    for (fi, sv, abbreviation, business_id, municipality, status, field, kind), members in zip(
        rows, member_counts, strict=True
    ):
        add(
            db,
            member_count=members,
            name_fi=fi,
            name_sv=sv,
            abbreviation=abbreviation,
            business_id=business_id,
            municipality=municipality,
            membership_status=status,
            field=field,
            kind=kind,
        )
    yield db
    db.close()


def test_names_sort_in_finnish_order_with_fallback_to_the_other_language(sortable: Database) -> None:
    expected_fi = [
        "Aalto ry",
        "bertta ry",
        "Émile rf",
        "Zeta ry",
        "Åminne ry",
        "Ähtärin Seura ry",
        "Öjan Kyläyhdistys ry",
    ]
    assert names(sortable, OrganisationQuery(language="fi")) == expected_fi
    assert names(sortable, OrganisationQuery(language="fi", descending=True)) == expected_fi[::-1]
    expected_sv = [
        "Aalto ry",
        "bertta ry",
        "Émile rf",
        "Zeta rf",
        "Åminne rf",
        "Ähtärin Seura ry",
        "Öja Byaförening rf",
    ]
    assert names(sortable, OrganisationQuery(language="sv")) == expected_sv


EXPECTED_FIRST_VALUES = {
    "abbreviation": ["AB", "bc", "ZA", "ÅS", "äb", "ÄY", "ÖK"],
    "business_id": [
        "0112038-9",
        "0201256-6",
        "0207604-1",
        "0207669-0",
        "0211675-2",
        "0242746-2",
        "3221317-4",
    ],
    "municipality": ["aura", "Närpiö", "Vaasa", "Zürich", "Åbo", "Ähtäri", "Östermark"],
}


def _column(row: OrganisationRow, column: str) -> object:
    return getattr(row, column)


@pytest.mark.parametrize("column", SORT_COLUMNS)
@pytest.mark.parametrize("language", ["fi", "sv"])
@pytest.mark.parametrize("knows_total", [False, True])
def test_every_sort_column_both_ways(
    sortable: Database, column: str, language: str, knows_total: bool
) -> None:
    i18n.set_language(language)
    query = OrganisationQuery(sort=column, language=language)
    total = count_organisations(sortable, query) if knows_total else None
    ascending = list_organisations(sortable, query, total=total)
    descending = list_organisations(sortable, query.with_(descending=True), total=total)
    assert len(ascending) == 7
    assert descending == ascending[::-1]
    if column in EXPECTED_FIRST_VALUES:
        assert [_column(r, column) for r in ascending] == EXPECTED_FIRST_VALUES[column]
    elif column == "name":
        keys = [i18n.sort_key(r.name(language)) for r in ascending]
        assert keys == sorted(keys)
    elif column == "member_count":  # as numbers, "not given" first
        assert [r.member_count for r in ascending] == [None, 0, 7, 45, 120, 300, 1500]
    else:  # an enum: in the order of its label in the current language, ties by name
        keys = [(i18n.sort_key(_column(r, column).label), i18n.sort_key(r.name(language))) for r in ascending]
        assert keys == sorted(keys)


def test_unknown_sort_column_falls_back_to_name(sortable: Database) -> None:
    assert names(sortable, OrganisationQuery(sort="no such column")) == names(sortable, OrganisationQuery())


def test_paging_is_stable_even_with_equal_names(db: Database) -> None:
    for number in range(12):
        add(db, name_fi="Sama Nimi ry" if number % 2 else f"Seura {number:02d} ry", municipality="Vaasa")
    query = OrganisationQuery(sort="municipality")
    everything = list_organisations(db, query, limit=None)
    assert len(everything) == 12
    pages = [list_organisations(db, query, offset=offset, limit=5) for offset in (0, 5, 10)]
    assert [len(p) for p in pages] == [5, 5, 2]
    assert [r.id for p in pages for r in p] == [r.id for r in everything]
    assert list_organisations(db, query, offset=12, limit=5) == []
