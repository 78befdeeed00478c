"""The list at scale: the text index finds what the old LIKE found, and paging by key returns
every row once in every sort order, forwards and backwards."""

from __future__ import annotations

import uuid
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import insert, inspect, text

from jarjestokeskus.db import search_index
from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.erasure import compact
from jarjestokeskus.db.models import Organisation
from jarjestokeskus.domain.enums import Field, MembershipStatus, OrganisationKind
from jarjestokeskus.domain.organisation import OrganisationForm
from jarjestokeskus.i18n import sort_key
from jarjestokeskus.services.organisations import listing
from jarjestokeskus.services.organisations.import_files import read_table
from jarjestokeskus.services.organisations.import_mapping import guess_mapping
from jarjestokeskus.services.organisations.listing import (
    SORT_COLUMNS,
    OrganisationQuery,
    count_organisations,
    first_page,
    list_organisations,
    next_rows,
    previous_rows,
)
from jarjestokeskus.services.organisations.member_import import apply_import, plan_import
from jarjestokeskus.services.organisations.register import (
    archive_organisation,
    get_organisation,
    restore_organisation,
    save_organisation,
)

TODAY = date(2025, 6, 1)
ORGANISATIONS = [
    # name_fi, name_sv, abbreviation, municipality, members
    ("Öjan Omaishoitajat ry", "", "ÖO", "Pietarsaari", 10),
    ("Öjan Eläkeläiset ry", "Öja Pensionärer rf", "ÖE", "Pietarsaari", None),
    ("Ähtärin Martat ry", "", "ÄM", "Ähtäri", 30),
    ("Vaasan Omaishoitajat ry", "Vasa Närståendevårdare rf", "VO", "Vaasa", 40),
    ("Vaasan Omaishoitajat ry", "", "VO", "Vaasa", 40),  # the same name twice: ties in every order
    ("Vaasan Martat ry", "Vasa Marthaförening rf", "VMY", "Vaasa", 25),
    ("Närpiön Nuorisoseura ry", "Närpes Ungdomsförening rf", "NNS", "Närpiö", None),
    ("Korsholmin Kyläyhdistys ry", "Korsholms Byaförening rf", "KKY", "Mustasaari", 5),
    ("Åland-seura ry", "Ålandsföreningen rf", "ÅS", "", 7),
    ("Mielenterveysseura 100% ry", "", "M_S", "Laihia", 7),
    ("Kyrön Eläkeläiset ry", "Kyrö Pensionärer rf", "", "Isokyrö", 7),
    ("Ab Oy", "", "AO", "Vöyri", 1),
]
QUERIES = [
    "ö",
    "Öj",
    "öjan",
    "ÄHTÄRIN",
    "vaasan om",
    "vasa när",
    "korsholm",  # a municipality by its Swedish name
    "vmy",
    "ÅS",
    "ry",
    "a",
    "100%",
    "m_s",
    "zzz",
    "zz",
    '"',
    "pietarsaari öjan",
]


@pytest.fixture
def register(db: Database) -> dict[str, list[uuid.UUID]]:
    ids: dict[str, list[uuid.UUID]] = {}
    for name_fi, name_sv, abbreviation, municipality, members in ORGANISATIONS:
        form = OrganisationForm(
            name_fi=name_fi,
            name_sv=name_sv,
            abbreviation=abbreviation,
            municipality=municipality,
            member_count=str(members) if members is not None else "",
            membership_status=MembershipStatus.MEMBER,
            field=Field.SOCIAL_HEALTH if len(name_fi) % 2 else Field.CULTURE,
            kind=OrganisationKind.ASSOCIATION if members else OrganisationKind.FOUNDATION,
        )
        ids.setdefault(name_fi, []).append(save_organisation(db, form, today=TODAY).id)
    archive_organisation(db, ids["Kyrön Eläkeläiset ry"][0])
    return ids


def like_ids(db: Database, words: str, archived: bool = False) -> set[uuid.UUID]:
    """What the search found before the text index: every word in the search text, by LIKE."""
    conditions, params = [], {}
    for number, word in enumerate(sort_key(words).split()):
        escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        conditions.append(f"search_text LIKE :w{number} ESCAPE '\\'")
        params[f"w{number}"] = f"%{escaped}%"
    where = " AND ".join([f"archived_at IS {'NOT ' if archived else ''}NULL", *conditions])
    with db.engine.connect() as connection:
        found = connection.execute(text(f"SELECT id FROM organisation WHERE {where}"), params).scalars()
        return {uuid.UUID(str(i)) for i in found}


def listed(db: Database, query: OrganisationQuery) -> list[uuid.UUID]:
    return [row.id for row in next_rows(db, query, None, None).rows]


@pytest.mark.parametrize("probe", [listing.PROBE, 2])
@pytest.mark.parametrize("archived", [False, True])
def test_the_text_index_finds_what_like_found(
    register: dict, db: Database, archived: bool, probe: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(listing, "PROBE", probe)
    with db.engine.connect() as connection:  # FTS5 on SQLite; PostgreSQL's LIKE uses pg_trgm
        assert search_index.present(connection) == (db.engine.dialect.name == "sqlite")
        indexes = {i["name"] for i in inspect(connection).get_indexes("organisation")}
        assert (search_index.TRIGRAM_INDEX in indexes) == (db.engine.dialect.name == "postgresql")
    for words in QUERIES:
        query = OrganisationQuery(text=words, archived=archived)
        expected = like_ids(db, words, archived)
        assert set(listed(db, query)) == expected, words
        assert {r.id for r in first_page(db, query).rows} == expected, words
        assert count_organisations(db, query) == first_page(db, query).total == len(expected), words
    assert like_ids(db, "öjan") == set(register["Öjan Omaishoitajat ry"] + register["Öjan Eläkeläiset ry"])
    assert like_ids(db, "kyrön", archived=True) == set(register["Kyrön Eläkeläiset ry"])


def test_a_count_stops_at_the_limit_and_says_there_are_more(
    register: dict, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(listing, "COUNT_LIMIT", 3)
    page = first_page(db, OrganisationQuery(text="ry"))
    assert (page.total, page.more) == (3, True)
    assert count_organisations(db, OrganisationQuery(text="ry")) == len(like_ids(db, "ry")) == 10
    whole = first_page(db, OrganisationQuery())  # the whole list is counted whole
    assert (whole.total, whole.more) == (11, False)


def _forwards(db: Database, query: OrganisationQuery, size: int) -> list[uuid.UUID]:
    found: list[uuid.UUID] = []
    page = next_rows(db, query, None, size)
    while page.rows:
        found += [r.id for r in page.rows]
        page = next_rows(db, query, page.positions[-1], size)
    return found


def _backwards(db: Database, query: OrganisationQuery, size: int) -> list[uuid.UUID]:
    found: list[uuid.UUID] = []
    page = previous_rows(db, query, None, size)
    while page.rows:
        found = [r.id for r in page.rows] + found
        page = previous_rows(db, query, page.positions[0], size)
    return found


@pytest.mark.parametrize("probe", [listing.PROBE, 2])  # 2: a search's name order from the keys
@pytest.mark.parametrize("sort", SORT_COLUMNS)
def test_paging_by_key_gives_every_row_once_in_every_order(
    register: dict, db: Database, sort: str, probe: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(listing, "PROBE", probe)
    everyone = {i for ids in register.values() for i in ids} - set(register["Kyrön Eläkeläiset ry"])
    for language in ("fi", "sv"):
        for descending in (False, True):
            for words in ("", "ry"):
                query = OrganisationQuery(sort=sort, descending=descending, language=language, text=words)
                whole = [r.id for r in list_organisations(db, query, limit=None)]
                assert set(whole) == (everyone if not words else like_ids(db, words))
                for size in (1, 3, 4):
                    assert _forwards(db, query, size) == whole, (sort, descending, language, size)
                    assert _backwards(db, query, size) == whole, (sort, descending, language, size)
                # A jump: the rows from the 5th on, and the 3 before the last 2.
                assert [r.id for r in next_rows(db, query, None, 3, skip=4).rows] == whole[4:7]
                assert [r.id for r in previous_rows(db, query, None, 3, skip=2).rows] == whole[-5:-2]


def test_the_order_is_the_users_collation(register: dict, db: Database) -> None:
    def shown(**fields: object) -> list[str]:
        query = OrganisationQuery(**fields)  # type: ignore[arg-type]
        return [r.name(query.language) for r in next_rows(db, query, None, None).rows]

    names = shown()
    assert names[:2] == ["Ab Oy", "Korsholmin Kyläyhdistys ry"]
    assert names[-4:] == [
        "Åland-seura ry",
        "Ähtärin Martat ry",
        "Öjan Eläkeläiset ry",
        "Öjan Omaishoitajat ry",
    ]
    abbreviations = [
        r.abbreviation for r in next_rows(db, OrganisationQuery(sort="abbreviation"), None, None).rows
    ]
    assert abbreviations == ["AO", "KKY", "M_S", "NNS", "VMY", "VO", "VO", "ÅS", "ÄM", "ÖE", "ÖO"]


def test_the_index_follows_every_change(register: dict, db: Database) -> None:
    def found(words: str, archived: bool = False) -> set[uuid.UUID]:
        return set(listed(db, OrganisationQuery(text=words, archived=archived)))

    martat = register["Vaasan Martat ry"][0]
    detail = get_organisation(db, martat)
    form = OrganisationForm(
        name_fi="Vaasan Kotiseutuyhdistys ry",
        municipality="Vaasa",
        membership_status=MembershipStatus.MEMBER,
        field=Field.CULTURE,
        kind=OrganisationKind.ASSOCIATION,
    )
    save_organisation(db, form, martat, detail.version, today=TODAY)
    assert martat in found("kotiseutu")
    assert martat not in found("martat") and martat not in found("vmy")
    archive_organisation(db, martat)
    assert not found("kotiseutu") and found("kotiseutu", archived=True) == {martat}
    restore_organisation(db, martat)
    assert found("kotiseutu") == {martat}
    for words in QUERIES + ["kotiseutu"]:
        assert found(words) == like_ids(db, words), words


@pytest.mark.sqlite_only
def test_the_index_stays_right_after_the_file_is_rebuilt(register: dict, db: Database) -> None:
    archive_organisation(db, register["Ab Oy"][0])
    with db.engine.begin() as connection:  # rows gone from the middle: a rebuild could renumber
        connection.execute(text("DELETE FROM organisation WHERE name_fi = 'Närpiön Nuorisoseura ry'"))
    compact(db.engine)
    for words in QUERIES:
        assert set(listed(db, OrganisationQuery(text=words))) == like_ids(db, words), words


def test_the_index_follows_the_import_and_any_bulk_insert(
    register: dict, db: Database, tmp_path: Path
) -> None:
    source = tmp_path / "jasenet.csv"
    source.write_text("Nimi;Kunta\r\nLaihian Kotiseutuyhdistys ry;Laihia\r\n", encoding="utf-8")
    table = read_table(source)
    apply_import(db, plan_import(db, table, guess_mapping(table.header), "update", today=TODAY))
    assert [r.name_fi for r in next_rows(db, OrganisationQuery(text="kotiseutu"), None, None).rows] == [
        "Laihian Kotiseutuyhdistys ry"
    ]
    bulk = [
        {"id": uuid.uuid4(), "name_fi": f"Massayhdistys {n} ry", "search_text": f"massayhdistys {n} ry"}
        for n in range(3)
    ]
    defaults = {"kind": OrganisationKind.ASSOCIATION, "field": Field.OTHER, "working_language": "fi"}
    with db.engine.begin() as connection:  # as a bulk import writes, past the service
        connection.execute(
            insert(Organisation), [{**defaults, **r, "name_fi_key": sort_key(r["name_fi"])} for r in bulk]
        )
    assert [r.id for r in next_rows(db, OrganisationQuery(text="massayhd"), None, None).rows] == [
        r["id"] for r in bulk
    ]
    assert first_page(db, OrganisationQuery(text="massa 2")).rows[0].id == bulk[2]["id"]


TYPED = ["öjan", "ähtärin", "åland", "vaasan om", "vasa när", "ry", "a ry"]


def _first_in_name_order(db: Database, words: str, language: str, limit: int) -> list[uuid.UUID]:
    """The LIKE scan's matches in the list's name order (the name key, then the id), the first ones."""
    key = f"name_{language}_key"
    with db.engine.connect() as connection:
        keys = {
            uuid.UUID(str(i)): k for i, k in connection.execute(text(f"SELECT id, {key} FROM organisation"))
        }
    return sorted(like_ids(db, words), key=lambda i: (keys[i], i.hex))[:limit]


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_typed_letter_by_letter_each_first_page_is_the_like_scans_first_rows(
    register: dict, db: Database, language: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A tiny register at the scale of the bench: counts stop at 3, the name order's walk is 3 rows.
    for name, value in (("COUNT_LIMIT", 3), ("SPARSE_MATCHES", 3), ("PROBE", 3)):
        monkeypatch.setattr(listing, name, value)

    def typed() -> None:
        for word in TYPED:
            for letters in range(1, len(word) + 1):
                query = OrganisationQuery(text=word[:letters], language=language)
                expected = like_ids(db, query.text)
                page = first_page(db, query, limit=2)
                assert [r.id for r in page.rows] == _first_in_name_order(db, query.text, language, 2), (
                    query.text
                )
                assert (page.total, page.more) in ((len(expected), False), (3, True)), query.text  # or to 3
                assert not page.more or len(expected) > 3, query.text

    typed()
    typed()  # again, with what the first round learnt of where the matches lie
    for number in range(3):  # matches where the walk found none before: found first now
        form = OrganisationForm(
            name_fi=f"Aa Öjan Ähtärin Åland {number} ry", name_sv=f"Aa Vasa När {number} rf"
        )
        save_organisation(db, form, today=TODAY)
    typed()
