"""The municipality register for the rest of the program: a typed name matched to a municipality
(either official name, any case), the name in a report's language, and the texts left unmapped.

Names come from the register file the program ships (resources/municipalities), the same file
the migration loads into the `municipality` table that organisations and premises refer to.
The name lookups load no database layer; `check` (its unmapped texts) and the start page (members
by municipality) read in plain SQL (db.plain.reader) and load no SQLAlchemy.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from jarjestokeskus.db.municipality_register import name_key, read_register
from jarjestokeskus.i18n import sort_key

if TYPE_CHECKING:  # the names alone (a report's) need no database layer
    from jarjestokeskus.db.engine import Database
    from jarjestokeskus.db.plain import PlainDatabase


@dataclass(frozen=True)
class MunicipalityRow:
    code: str
    name_fi: str
    name_sv: str
    wellbeing_county_fi: str
    wellbeing_county_sv: str
    region_fi: str
    region_sv: str
    language: str  # "fi", "sv" or "fi_sv" (bilingual)

    def name(self, language: str) -> str:
        return self.name_sv if language == "sv" and self.name_sv else self.name_fi

    def both_names(self, language: str) -> str:
        """The name in `language` first, then the other ("Mustasaari – Korsholm"); one where both are one."""
        first = self.name(language)
        other = self.name_fi if first == self.name_sv else self.name_sv
        return first if other in ("", first) else f"{first} – {other}"


@dataclass(frozen=True)
class MunicipalityCount:
    """Members in one municipality: `name` in the asked language, or the text as typed when it
    names no municipality of the register (`in_register` False)."""

    name: str
    members: int
    in_register: bool


@cache
def _register() -> tuple[dict[str, MunicipalityRow], dict[str, str]]:
    by_code: dict[str, MunicipalityRow] = {}
    by_name: dict[str, str] = {}
    for row in read_register():
        municipality = MunicipalityRow(**{k: str(row[k]) for k in MunicipalityRow.__dataclass_fields__})
        by_code[municipality.code] = municipality
        for name in (municipality.name_fi, municipality.name_sv):
            if row["valid_until"] is None or name_key(name) not in by_name:  # current ones win
                by_name[name_key(name)] = municipality.code
    return by_code, by_name


def municipality(code: str | None) -> MunicipalityRow | None:
    return _register()[0].get(code or "")


def municipality_code(text: str | None) -> str | None:
    """The code of the municipality `text` names in Finnish or Swedish, any case; else None."""
    return _register()[1].get(name_key(text))


def municipality_key(text: str | None) -> str:
    """What filters and groups compare: the municipality's Finnish name when `text` names one
    (so "Korsholm" and "Mustasaari" are one), else the text itself."""
    found = municipality(municipality_code(text))
    return sort_key(found.name_fi if found else (text or ""))


def municipality_name(code: str | None, text: str, language: str) -> str:
    """The municipality in `language` ("Korsholm" in Swedish, "Mustasaari" in Finnish); a text
    that names no municipality is shown as typed."""
    found = municipality(code) or municipality(municipality_code(text))
    return found.name(language) if found else " ".join(text.split())


def register_choices(language: str) -> list[tuple[str, str]]:
    """Every current municipality of the register as (code, both names), in `language`'s order:
    what a form offers to choose from."""
    current = [m for m in _register()[0].values() if m.code in _current_codes()]
    return sorted(((m.code, m.both_names(language)) for m in current), key=lambda item: sort_key(item[1]))


@cache
def _current_codes() -> frozenset[str]:
    return frozenset(str(row["code"]) for row in read_register() if row["valid_until"] is None)


def authority_names(language: str) -> list[str]:
    """The municipalities and the wellbeing services counties by name in `language`: who can
    organise and decide rehabilitative work activity (and, as employment areas, pay subsidy)."""
    places = _register()[0].values()
    counties = {m.wellbeing_county_sv if language == "sv" else m.wellbeing_county_fi for m in places}
    return sorted({m.name(language) for m in places} | (counties - {""}), key=sort_key)


def unmapped_municipalities(db: PlainDatabase | Database) -> list[tuple[str, int]]:
    """Municipality texts of live organisations that name no municipality, with how many use
    each: for the user to correct."""
    from jarjestokeskus.db.plain import reader

    with reader(db) as execute:
        rows = execute(
            "SELECT municipality, count(*) FROM organisation WHERE archived_at IS NULL"
            " AND municipality <> '' AND municipality_code IS NULL GROUP BY municipality"
        ).fetchall()
    return sorted(((text, int(count)) for text, count in rows), key=lambda item: sort_key(item[0]))


def members_by_municipality(db: PlainDatabase | Database, language: str) -> list[MunicipalityCount]:
    """Member organisations (not the home one) per municipality of the register, whichever of
    its names was typed ("Korsholm" and "Mustasaari" are one); texts naming none apart. Most first.
    Counted from the membership index alone (migration 0026)."""
    from jarjestokeskus.db.plain import reader
    from jarjestokeskus.services.organisations.member_register import members_on

    members, parameters = members_on(None)
    with reader(db) as execute:
        rows = execute(
            "SELECT municipality_code, municipality, count(*) FROM organisation"
            f" WHERE {members} GROUP BY municipality_code, municipality",
            parameters,
        ).fetchall()
        # The register's names as the migration loaded them (not the shipped file read again: the
        # start page is read before anything else, and that file costs a tenth of its time).
        register = {
            code: (fi, sv) for code, fi, sv in execute("SELECT code, name_fi, name_sv FROM municipality")
        }
    counts: dict[str, int] = {}
    names: dict[str, tuple[str, bool]] = {}
    for code, text, count in rows:
        found = register.get(code) if code else None
        key = code if found else "?" + sort_key(text)
        counts[key] = counts.get(key, 0) + int(count)
        if found:
            fi, sv = found
            names.setdefault(key, (sv if language == "sv" and sv else fi, True))
        else:
            names.setdefault(key, (" ".join(text.split()), False))
    found_rows = [MunicipalityCount(names[k][0], n, names[k][1]) for k, n in counts.items()]
    return sorted(found_rows, key=lambda row: (-row.members, sort_key(row.name)))


def all_municipalities() -> list[MunicipalityRow]:
    """Every municipality of the register (merged ones too), with its wellbeing services county."""
    return list(_register()[0].values())
