"""Coded choices of an agreement: a party's role and the direction of premises free of charge.

A party's role is one of `PartyRole` (printed with its label in the report's language); what a
user types beside it is a note. `role_from_text` reads the free text of older databases (the
migration 0005 and imports): a known word in Finnish, Swedish or English becomes the role,
anything else stays a note.
"""

from __future__ import annotations

from jarjestokeskus.domain.enums import LabelledEnum
from jarjestokeskus.i18n import N_


class PartyRole(LabelledEnum):
    CONTRACTING_PARTY = "contracting_party"
    COUNTERPARTY = "counterparty"
    PARTNER = "partner"
    FUNDER = "funder"
    OTHER = "other"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return ROLE_LABELS


class InKindDirection(LabelledEnum):
    """Premises free of charge: the home organisation receives them, or gives them to another."""

    RECEIVED = "received"
    GIVEN = "given"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return DIRECTION_LABELS


ROLE_LABELS = {
    "contracting_party": N_("Contracting party"),
    "counterparty": N_("Counterparty"),
    "partner": N_("Partner"),
    "funder": N_("Funder"),
    "other": N_("Other party"),
}
DIRECTION_LABELS = {
    "received": N_("Received by us"),
    "given": N_("Given by us"),
}

# Words users typed as a role, by the role they mean (compared case-insensitively).
ROLE_WORDS = {
    PartyRole.CONTRACTING_PARTY: (
        "sopijaosapuoli",
        "sopimusosapuoli",
        "osapuoli",
        "avtalspart",
        "part",
        "party",
        "contracting party",
    ),
    PartyRole.COUNTERPARTY: ("vastapuoli", "sopimuskumppani", "motpart", "counterparty"),
    PartyRole.PARTNER: ("kumppani", "yhteistyökumppani", "partner", "samarbetspartner", "samarbetspart"),
    PartyRole.FUNDER: ("rahoittaja", "finansiär", "funder"),
}
_BY_WORD = {word: role for role, words in ROLE_WORDS.items() for word in words}


def role_from_text(text: str) -> tuple[PartyRole | None, str]:
    """(role, note) for a typed role: a known word is the role and leaves no note."""
    cleaned = " ".join(text.split())
    role = _BY_WORD.get(cleaned.casefold())
    return (role, "") if role else (None, cleaned)
