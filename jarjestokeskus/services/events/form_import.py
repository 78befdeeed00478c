"""A web form's export as registrations: its columns recognised by their headings in fi, sv or en."""

from __future__ import annotations

import re
from typing import Any

from jarjestokeskus.domain.events import RegistrationForm
from jarjestokeskus.domain.validation import FieldError, ValidationFailed
from jarjestokeskus.i18n import _

# Lower-case words a heading may contain, per field; the first field whose word a heading has wins
# (the plain name last: "Järjestön nimi" is the organisation).
HEADINGS: dict[str, tuple[str, ...]] = {
    "first_name": ("etunimi", "förnamn", "fornamn", "first name", "firstname", "given name"),
    "last_name": ("sukunimi", "efternamn", "last name", "lastname", "surname", "family name"),
    "email": ("sähköposti", "sahkoposti", "e-post", "epost", "email", "e-mail"),
    "organisation": (
        "järjestö",
        "jarjesto",
        "yhdistys",
        "organisaatio",
        "organisation",
        "förening",
        "organization",
    ),
    "language": ("kieli", "språk", "sprak", "language"),
    "dietary": ("ruoka", "erityisruokavalio", "kost", "diet", "allergi"),
    "accessibility": ("esteettömyys", "saavutettavuus", "tillgänglighet", "accessibility"),
    "consent_to_list": ("luvan", "lupa", "suostum", "samtycke", "consent", "julkaista", "listassa"),
    "name": ("nimi", "namn", "name"),
}
YES = {"kyllä", "kylla", "k", "ja", "j", "yes", "y", "x", "1", "true"}


def guess_columns(header: list[str]) -> dict[int, str]:
    mapping: dict[int, str] = {}
    for column, heading in enumerate(header):
        text = re.sub(r"\s+", " ", heading.strip().casefold())
        for field, words in HEADINGS.items():
            if field not in mapping.values() and any(word in text for word in words):
                mapping[column] = field
                break
    return mapping


def _language(text: str) -> str:
    value = text.strip().casefold()
    return "sv" if value.startswith(("sv", "ru", "sw")) else "fi"


def forms_from_table(table: Any) -> list[RegistrationForm]:
    """The table's rows as registration forms; no name column at all is refused by name."""
    mapping = guess_columns(list(table.header))
    if not {"first_name", "last_name", "name"} & set(mapping.values()):
        raise ValidationFailed(
            [FieldError("file", _("No column for the name was found; name one column Nimi, Namn or Name."))]
        )
    forms = []
    for row in table.rows:
        values = {field: (row[column] if column < len(row) else "") for column, field in mapping.items()}
        first, last = values.get("first_name", ""), values.get("last_name", "")
        if "name" in values and not (first or last):
            first, _sep, last = str(values["name"]).strip().partition(" ")
        if not any(str(v).strip() for v in values.values()):
            continue
        forms.append(
            RegistrationForm(
                str(first),
                str(last),
                str(values.get("email", "")),
                str(values.get("organisation", "")),
                _language(str(values.get("language", ""))),
                str(values.get("dietary", "")),
                str(values.get("accessibility", "")),
                str(values.get("consent_to_list", "")).strip().casefold() in YES,
            )
        )
    return forms
