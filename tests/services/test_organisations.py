"""The organisation register service: saving with the version check, search, filters, sort, archive."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from jarjestokeskus import i18n
from jarjestokeskus.db.engine import Database, open_database
from jarjestokeskus.db.errors import RecordNotFound, StaleRecord
from jarjestokeskus.db.models import AuditEntry, MembershipFee, Organisation, Role
from jarjestokeskus.domain.enums import Field, MembershipStatus, OrganisationKind, RoleKind
from jarjestokeskus.domain.organisation import FeeForm, OrganisationForm, RoleForm
from jarjestokeskus.domain.validation import ValidationFailed
from jarjestokeskus.services.organisations import (
    SORT_COLUMNS,
    OrganisationQuery,
    archive_organisation,
    count_organisations,
    get_organisation,
    home_organisation,
    list_organisations,
    municipalities,
    restore_organisation,
    save_organisation,
)
from jarjestokeskus.services.rows import OrganisationRow

TODAY = date(2025, 6, 1)


def add(db: Database, **fields: object) -> uuid.UUID:
    return save_organisation(db, OrganisationForm(**fields), today=TODAY).id  # type: ignore[arg-type]


def names(db: Database, query: OrganisationQuery, **paging: int | None) -> list[str]:
    return [row.name(query.language) for row in list_organisations(db, query, **paging)]


def table_count(db: Database, model: type) -> int:
    with db.reading() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


# --- saving -----------------------------------------------------------------------------------------


def test_save_creates_an_organisation_with_fees_and_roles(db: Database) -> None:
    form = OrganisationForm(
        name_fi="Vaasan Martat ry",
        business_id="02427462",
        fees=[FeeForm("2024", "100"), FeeForm("2025", "1 200,50")],
        roles=[RoleForm(first_name="Anna", last_name="Virtanen", kind=RoleKind.CHAIR, start_date="1.1.2025")],
    )
    saved = save_organisation(db, form, today=TODAY)
    assert saved.version == 1
    loaded = get_organisation(db, saved.id)
    assert loaded == saved
    assert loaded.business_id == "0242746-2"
    assert [(f.year, f.amount) for f in loaded.fees] == [
        (2025, Decimal("1200.50")),
        (2024, Decimal("100.00")),
    ]
    assert [(r.full_name, r.kind) for r in loaded.roles] == [("Anna Virtanen", RoleKind.CHAIR)]


def test_update_with_the_right_version(db: Database) -> None:
    saved = save_organisation(db, OrganisationForm(name_fi="Kylä ry"))
    updated = save_organisation(db, OrganisationForm(name_fi="Kylä ry", municipality="Laihia"), saved.id, 1)
    assert updated.version == 2
    assert get_organisation(db, saved.id).municipality == "Laihia"


def test_stale_expected_version_is_refused_and_changes_nothing(db: Database) -> None:
    saved = save_organisation(db, OrganisationForm(name_fi="Kylä ry", fees=[FeeForm("2025", "10")]))
    fees = [FeeForm("2025", "10", fee_id=saved.fees[0].id)]
    save_organisation(db, OrganisationForm(name_fi="Kylä ry", notes="Uusi", fees=fees), saved.id, 1)
    before = get_organisation(db, saved.id)
    audit_before = table_count(db, AuditEntry)
    stale = OrganisationForm(name_fi="Toinen nimi", fees=[FeeForm("2025", "99", fee_id=saved.fees[0].id)])
    with pytest.raises(StaleRecord):
        save_organisation(db, stale, saved.id, expected_version=1)
    assert get_organisation(db, saved.id) == before
    assert table_count(db, AuditEntry) == audit_before


def test_two_users_racing_the_second_save_is_refused(db: Database) -> None:
    org_id = add(db, name_fi="Kylä ry")
    mine = get_organisation(db, org_id)  # both open the form at version 1
    theirs = get_organisation(db, org_id)
    save_organisation(db, OrganisationForm(name_fi="Kylä ry", notes="Heidän"), org_id, theirs.version)
    with pytest.raises(StaleRecord):
        save_organisation(db, OrganisationForm(name_fi="Kylä ry", notes="Minun"), org_id, mine.version)
    assert get_organisation(db, org_id).notes == "Heidän"


def test_racing_flushes_are_refused_by_the_version_column(db: Database) -> None:
    """Even when both passed the version check, the UPDATE ... WHERE version = n refuses the later."""
    org_id = add(db, name_fi="Kylä ry")
    with pytest.raises(StaleRecord), db.transaction() as mine:
        org = mine.get(Organisation, org_id)
        assert org is not None and org.version == 1
        save_organisation(db, OrganisationForm(name_fi="Kylä ry", notes="Heidän"), org_id, 1)
        org.notes = "Minun"
    assert get_organisation(db, org_id).notes == "Heidän"


def test_a_change_of_fees_only_still_moves_the_version(db: Database) -> None:
    """Otherwise a form opened earlier would overwrite the new fee amount unnoticed."""
    saved = save_organisation(db, OrganisationForm(name_fi="Kylä ry", fees=[FeeForm("2025", "10")]))
    fee_id = saved.fees[0].id
    theirs = OrganisationForm(name_fi="Kylä ry", fees=[FeeForm("2025", "20", fee_id=fee_id)])
    assert save_organisation(db, theirs, saved.id, saved.version).version == saved.version + 1
    mine = OrganisationForm(name_fi="Kylä ry", fees=[FeeForm("2025", "30", fee_id=fee_id)])
    with pytest.raises(StaleRecord):
        save_organisation(db, mine, saved.id, saved.version)
    assert get_organisation(db, saved.id).fees[0].amount == Decimal("20.00")


def test_invalid_form_saves_nothing(db: Database) -> None:
    add(db, name_fi="Olemassa ry")
    counts = [table_count(db, m) for m in (Organisation, MembershipFee, Role, AuditEntry)]
    form = OrganisationForm(name_fi="Uusi ry", business_id="2077474-1", fees=[FeeForm("2025", "10")])
    with pytest.raises(ValidationFailed) as caught:
        save_organisation(db, form)
    assert [e.field for e in caught.value.errors] == ["business_id"]
    assert [table_count(db, m) for m in (Organisation, MembershipFee, Role, AuditEntry)] == counts


def test_unknown_organisation_is_not_found(db: Database) -> None:
    with pytest.raises(RecordNotFound):
        get_organisation(db, uuid.uuid4())
    with pytest.raises(RecordNotFound):
        save_organisation(db, OrganisationForm(name_fi="X"), uuid.uuid4(), 1)


def test_fees_and_roles_left_out_of_the_form_are_archived_not_deleted(db: Database) -> None:
    form = OrganisationForm(
        name_fi="Kylä ry",
        fees=[FeeForm("2024", "10"), FeeForm("2025", "12")],
        roles=[RoleForm(last_name="Virtanen"), RoleForm(last_name="Korhonen")],
    )
    saved = save_organisation(db, form)
    kept_fee = next(f for f in saved.fees if f.year == 2025)
    kept_role = next(r for r in saved.roles if r.last_name == "Korhonen")
    form.fees = [FeeForm("2025", "12", fee_id=kept_fee.id)]
    form.roles = [RoleForm(last_name="Korhonen", role_id=kept_role.id, person_id=kept_role.person_id)]
    updated = save_organisation(db, form, saved.id, saved.version)
    assert [f.id for f in updated.fees] == [kept_fee.id]
    assert [r.id for r in updated.roles] == [kept_role.id]
    with db.reading() as session:
        fees = session.execute(select(MembershipFee.year, MembershipFee.archived_at)).all()
        roles = session.execute(select(Role.id, Role.archived_at)).all()
    assert sorted((year, at is not None) for year, at in fees) == [(2024, True), (2025, False)]
    assert sorted((role_id == kept_role.id, at is None) for role_id, at in roles) == [
        (False, False),
        (True, True),
    ]


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
    for fi, sv, abbreviation, business_id, municipality, status, field, kind in rows:
        add(
            db,
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


# --- archive, restore, home -------------------------------------------------------------------------


def test_archive_hides_and_restore_brings_back(db: Database) -> None:
    kept = add(db, name_fi="Jää ry")
    gone = add(db, name_fi="Lähtee ry", fees=[FeeForm("2025", "5")])
    archive_organisation(db, gone, expected_version=1)
    assert [r.id for r in list_organisations(db, OrganisationQuery())] == [kept]
    assert [r.id for r in list_organisations(db, OrganisationQuery(archived=True))] == [gone]
    assert count_organisations(db, OrganisationQuery(text="lähtee")) == 0
    assert count_organisations(db, OrganisationQuery(text="lähtee", archived=True)) == 1
    archived = get_organisation(db, gone)
    assert archived.archived_at is not None
    assert [f.year for f in archived.fees] == [2025]  # its own rows stay with it

    with pytest.raises(StaleRecord):
        restore_organisation(db, gone, expected_version=1)
    restore_organisation(db, gone, expected_version=archived.version)
    assert {r.id for r in list_organisations(db, OrganisationQuery())} == {kept, gone}
    assert list_organisations(db, OrganisationQuery(archived=True)) == []
    assert get_organisation(db, gone).archived_at is None


def test_home_organisation(db: Database) -> None:
    assert home_organisation(db) is None
    add(db, name_fi="Jäsen ry")
    home = save_organisation(db, OrganisationForm(name_fi="Järjestökeskus ry"), is_home=True)
    found = home_organisation(db)
    assert found is not None and found.id == home.id and found.is_home
    # Updating the home organisation keeps it the home.
    save_organisation(db, OrganisationForm(name_fi="Pohjanmaan Järjestökeskus ry"), home.id, home.version)
    found = home_organisation(db)
    assert found is not None and found.name("fi") == "Pohjanmaan Järjestökeskus ry"
    archive_organisation(db, home.id)
    assert home_organisation(db) is None
