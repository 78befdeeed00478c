"""Whose a body, a checklist entry, a grant or premises are: a municipality or a wellbeing services
county of the municipality register (services/municipalities.py), not free text.

A name typed in Finnish or Swedish, in any case, is stored as the register's Finnish name, so
"Korsholm" and "Mustasaari" are one area; it is shown in the reader's language.
"""

from __future__ import annotations

from functools import cache

from jarjestokeskus.db.municipality_register import name_key
from jarjestokeskus.domain.cooperation import AreaKind
from jarjestokeskus.domain.validation import Errors, clean
from jarjestokeskus.i18n import _
from jarjestokeskus.i18n.collation import sort_key
from jarjestokeskus.services.municipalities import all_municipalities


@cache
def _names(kind: AreaKind) -> tuple[dict[str, tuple[str, str]], tuple[tuple[str, str], ...]]:
    """Each name (either language, folded) → (Finnish, Swedish); and the (fi, sv) pairs."""
    pairs: set[tuple[str, str]] = set()
    for m in all_municipalities():
        if kind == AreaKind.MUNICIPALITY:
            pairs.add((m.name_fi, m.name_sv or m.name_fi))
        elif m.wellbeing_county_fi:
            pairs.add((m.wellbeing_county_fi, m.wellbeing_county_sv or m.wellbeing_county_fi))
    by_name: dict[str, tuple[str, str]] = {}
    for fi, sv in sorted(pairs):
        by_name.setdefault(name_key(fi), (fi, sv))
        by_name.setdefault(name_key(sv), (fi, sv))
    return by_name, tuple(sorted(pairs))


def canonical_area(kind: AreaKind, text: str) -> str | None:
    """The register's Finnish name of the municipality or county `text` names; None if none."""
    found = _names(kind)[0].get(name_key(text))
    return found[0] if found else None


def area_name(kind: AreaKind, area: str, language: str) -> str:
    """The area in `language` ("Korsholm" in Swedish, "Mustasaari" in Finnish); unknown as stored."""
    found = _names(kind)[0].get(name_key(area))
    if found is None:
        return area
    return found[1] if language == "sv" else found[0]


def area_choices(kind: AreaKind, language: str) -> list[str]:
    """The register's municipalities (or counties) by name in `language`, in its order."""
    names = {sv if language == "sv" else fi for fi, sv in _names(kind)[1]}
    return sorted(names, key=sort_key)


def check_area(kind: AreaKind, text: str, field: str, label: str, errors: Errors) -> str:
    """The area as stored; a name the register does not know (or none) is named in `errors`."""
    typed = clean(text)
    if not typed:
        errors.add(field, _("{field}: required").format(field=label))
        return ""
    found = canonical_area(kind, typed)
    if found is None:
        message = (
            _("{field}: choose a municipality of the list")
            if kind == AreaKind.MUNICIPALITY
            else _("{field}: choose a wellbeing services county of the list")
        )
        errors.add(field, message.format(field=label))
        return typed
    return found
