"""Which file column is which organisation field, and how a cell's text becomes a form value."""

from __future__ import annotations

import re
import uuid
from dataclasses import fields
from datetime import date
from decimal import Decimal
from functools import cache

from sqlalchemy import select

from jarjestokeskus import i18n
from jarjestokeskus.db.models import MembershipFee, Organisation, Person, Role
from jarjestokeskus.domain.enums import (
    Field,
    LabelledEnum,
    MembershipStatus,
    OrganisationKind,
    StaffProfile,
    WorkingLanguage,
)
from jarjestokeskus.domain.organisation import LABELS, FeeForm, OrganisationForm, RoleForm
from jarjestokeskus.i18n import _, format_date, format_number
from jarjestokeskus.services.exports.files import FORMULA_STARTS, needs_neutralising

# The organisation's own fields, in the order the editor shows them.
IMPORT_FIELDS = (
    "name_fi",
    "name_sv",
    "abbreviation",
    "business_id",
    "register_number",
    "kind",
    "field",
    "working_language",
    "staff_profile",
    "member_count",
    "uses_municipal_premises",
    "municipality",
    "street_address",
    "postal_code",
    "post_office",
    "email",
    "phone",
    "website",
    "membership_status",
    "member_since",
    "member_until",
    "notes",
)
NAME_FIELDS = ("name_fi", "name_sv")
CHOICE_TYPES: dict[str, type[LabelledEnum]] = {
    "kind": OrganisationKind,
    "field": Field,
    "working_language": WorkingLanguage,
    "staff_profile": StaffProfile,
    "membership_status": MembershipStatus,
}

# Headings people write, in Finnish, Swedish and English, folded as `_fold` folds them. The
# editor's own labels in all three languages are added to these.
_HEADINGS: dict[str, tuple[str, ...]] = {
    "name_fi": (
        "nimi", "nimisuomeksi", "suomenkielinennimi", "nimifi", "järjestö", "järjestönnimi",
        "yhdistys", "yhdistyksennimi", "jäsenjärjestö", "name", "namefi", "finnishname",
        "nameinfinnish", "organisation", "organization", "organisationname", "finsktnamn",
    ),
    "name_sv": (
        "namn", "namnsv", "svensktnamn", "namnpåsvenska", "ruotsinkielinennimi", "nimiruotsiksi",
        "nimisv", "förening", "föreningensnamn", "organisationensnamn", "namesv", "swedishname",
        "nameinswedish",
    ),
    "abbreviation": ("lyhenne", "lyhytnimi", "förkortning", "kortnamn", "abbreviation", "shortname"),
    "business_id": (
        "ytunnus", "yritystunnus", "fonummer", "fo", "organisationsnummer", "businessid",
        "businessidentitycode",
    ),
    "register_number": (
        "rekisterinumero", "yhdistysrekisterinumero", "rekisterinro", "registernummer",
        "föreningsregisternummer", "registernumber", "associationregisternumber",
    ),
    "kind": ("tyyppi", "laji", "organisaatiotyyppi", "järjestötyyppi", "typ", "organisationstyp", "kind", "type"),
    "field": ("toimiala", "toimintaala", "sektori", "verksamhetsområde", "bransch", "sektor", "field", "sector"),
    "working_language": ("toimintakieli", "kieli", "verksamhetsspråk", "språk", "workinglanguage", "language"),
    "staff_profile": ("henkilöstö", "henkilöstöprofiili", "personal", "personalprofil", "staffprofile", "staff"),
    "member_count": (
        "jäsenmäärä", "jäseniä", "jäsenet", "medlemsantal", "antalmedlemmar", "medlemmar",
        "numberofmembers", "membercount", "members",
    ),
    "uses_municipal_premises": (
        "käyttääkunnantiloja", "kunnantilat", "kommunalalokaler", "använderkommunalalokaler",
        "usesmunicipalpremises", "municipalpremises",
    ),
    "municipality": (
        "kunta", "kotikunta", "kotipaikka", "kaupunki", "kommun", "hemort", "hemkommun", "stad",
        "municipality", "city", "domicile",
    ),
    "street_address": (
        "katuosoite", "osoite", "lähiosoite", "postiosoite", "gatuadress", "adress", "postadress",
        "streetaddress", "address",
    ),
    "postal_code": ("postinumero", "postinro", "postnummer", "postalcode", "postcode", "zip", "zipcode"),
    "post_office": ("postitoimipaikka", "postitoimipaikka", "postort", "postanstalt", "postoffice", "town"),
    "email": ("sähköposti", "sähköpostiosoite", "email", "epost", "epostadress", "mail", "emailaddress"),
    "phone": ("puhelin", "puhelinnumero", "puh", "tel", "telefon", "telefonnummer", "phone", "telephone"),
    "website": (
        "verkkosivut", "verkkosivu", "kotisivu", "kotisivut", "verkkoosoite", "www", "wwwosoite",
        "webbplats", "hemsida", "webbadress", "website", "web", "url", "homepage",
    ),
    "membership_status": (
        "jäsenyys", "jäsenyydentila", "medlemskap", "medlemsstatus", "membership", "membershipstatus",
        "status",
    ),
    "member_since": (
        "jäsenalkaen", "jäsenyysalkaen", "liittynyt", "liittymispäivä", "medlemsedan", "medlemfrån",
        "membersince", "joined",
    ),
    "member_until": ("jäsenasti", "jäsenyyspäättyi", "medlemtill", "memberuntil"),
    "notes": (
        "muistiinpanot", "huomautukset", "lisätiedot", "huom", "anteckningar", "tilläggsuppgifter",
        "notes", "comments", "remarks",
    ),
}  # fmt: skip

# Values people write for the closed choices, beyond the labels in the three languages.
_CHOICE_WORDS: dict[str, str] = {
    "ry": "association",
    "rf": "association",
    "sr": "foundation",
    "oy": "company",
    "ab": "company",
    "kaupunki": "municipality",
    "stad": "municipality",
    "fin": "fi",
    "swe": "sv",
    "suomi": "fi",
    "ruotsi": "sv",
    "suomeksi": "fi",
    "ruotsiksi": "sv",
    "kaksikielinen": "fi_sv",
    "tvåspråkig": "fi_sv",
    "bilingual": "fi_sv",
    "fi/sv": "fi_sv",
    "fi-sv": "fi_sv",
    "fi+sv": "fi_sv",
    "fi sv": "fi_sv",
}
_YES = {"1", "x", "kyllä", "k", "joo", "ja", "j", "yes", "y", "true", "tosi", "sant"}
_NO = {"0", "-", "ei", "e", "nej", "n", "no", "false", "epätosi", "falskt"}
_FOLD = re.compile(r"[\W_]+")


def unprotect(text: str) -> str:
    """A cell as it was before an export protected it: the apostrophe the program's CSV puts
    before text a spreadsheet would take for a formula ("'=Name", "'+358…") is taken away."""
    if text.startswith("'") and text[1:].startswith(FORMULA_STARTS) and needs_neutralising(text[1:]):
        return text[1:]
    return text


def _fold(text: str) -> str:
    """Heading text compared without case, spaces or punctuation: "Y-tunnus" → "ytunnus"."""
    return _FOLD.sub("", text.casefold())


def _fold_value(text: str) -> str:
    return " ".join(text.casefold().split())


def _translations(msgid: str) -> tuple[str, ...]:
    return (msgid, i18n.catalog("fi").gettext(msgid), i18n.catalog("sv").gettext(msgid))


@cache
def _heading_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for key in IMPORT_FIELDS:  # the editor's labels first: they win over a synonym
        for text in _translations(LABELS[key]):
            index.setdefault(_fold(text), key)
    for key, words in _HEADINGS.items():
        for word in words:
            index.setdefault(word, key)
    return index


def field_for_heading(heading: str) -> str | None:
    """The field a heading names exactly, else one named inside it ("Yhdistyksen Y-tunnus")."""
    folded = _fold(heading)
    if not folded:
        return None
    index = _heading_index()
    if folded in index:
        return index[folded]
    inside = [word for word in index if len(word) >= 4 and word in folded]
    return index[max(inside, key=len)] if inside else None


def guess_mapping(header: tuple[str, ...] | list[str]) -> dict[int, str]:
    """{column index: field} guessed from the headings; each field is given to one column at most.

    Exact headings are placed first, so "Nimi" and "Nimi ruotsiksi" each find their own field.
    """
    index = _heading_index()
    mapping: dict[int, str] = {}
    used: set[str] = set()
    for column, heading in enumerate(header):
        key = index.get(_fold(heading))
        if key and key not in used:
            mapping[column] = key
            used.add(key)
    for column, heading in enumerate(header):
        if column in mapping:
            continue
        key = field_for_heading(heading)
        if key and key not in used:
            mapping[column] = key
            used.add(key)
    return dict(sorted(mapping.items()))


@cache
def _choice_index(key: str) -> dict[str, LabelledEnum]:
    enum_type = CHOICE_TYPES[key]
    index: dict[str, LabelledEnum] = {}
    for member in enum_type:
        index[_fold_value(member.value)] = member
        for text in _translations(enum_type._labels()[member.value]):
            index.setdefault(_fold_value(text), member)
    for word, value in _CHOICE_WORDS.items():
        try:
            index.setdefault(word, enum_type(value))
        except ValueError:
            continue
    return index


def choice_texts(key: str) -> str:
    """The choices of a field in the current language, for an error message."""
    return ", ".join(member.label for member in CHOICE_TYPES[key])


# The fields whose cell `set_cell` puts into the form as it is, trimmed (most of a file's cells).
AS_TYPED = frozenset(IMPORT_FIELDS) - CHOICE_TYPES.keys() - {"uses_municipal_premises", "postal_code"}


def set_cell(form: OrganisationForm, key: str, text: str) -> str | None:
    """Put a non-empty cell's text into `form`; returns the reason when it cannot be read.

    Text fields (AS_TYPED) are left to the domain's `validate`; only choices, yes/no and a postal
    code that lost its leading zeros are read here.
    """
    value = text.strip()
    if key in CHOICE_TYPES:
        member = _choice_index(key).get(_fold_value(value))
        if member is None:
            return _("“{value}” is not one of the choices: {choices}").format(
                value=value, choices=choice_texts(key)
            )
        setattr(form, key, member)
    elif key == "uses_municipal_premises":
        folded = _fold_value(value)
        if folded in _YES or folded == _fold_value(_("yes")):
            form.uses_municipal_premises = True
        elif folded in _NO or folded == _fold_value(_("no")):
            form.uses_municipal_premises = False
        else:
            return _("“{value}” is neither yes nor no").format(value=value)
    elif key == "postal_code" and value.isascii() and value.isdigit() and 3 <= len(value) < 5:
        form.postal_code = value.zfill(5)  # Excel drops the leading zeros of 00100
    else:
        setattr(form, key, value)
    return None


def shown_value(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, LabelledEnum):
        return value.label
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, date):
        return format_date(value)
    if isinstance(value, int):
        return format_number(value)
    return str(value)


def stored_forms(session, orgs: list[Organisation]) -> dict[uuid.UUID, OrganisationForm]:  # type: ignore[no-untyped-def]
    """The stored organisations as their forms, fees and roles included, so none is dropped on
    save: three queries for any number of organisations."""
    forms: dict[uuid.UUID, OrganisationForm] = {}
    for org in orgs:
        form = OrganisationForm(
            **{
                f.name: getattr(org, f.name)
                for f in fields(OrganisationForm)
                if f.name not in ("fees", "roles", "member_count", "member_since", "member_until")
            }
        )
        for key in ("business_id", "register_number"):
            setattr(form, key, getattr(org, key) or "")
        form.member_count = "" if org.member_count is None else str(org.member_count)
        form.member_since = org.member_since.isoformat() if org.member_since else ""
        form.member_until = org.member_until.isoformat() if org.member_until else ""
        forms[org.id] = form
    ids = list(forms)
    fees = session.scalars(
        select(MembershipFee).where(
            MembershipFee.organisation_id.in_(ids), MembershipFee.archived_at.is_(None)
        )
    )
    for f in fees:
        paid_on = f.paid_on.isoformat() if f.paid_on else ""
        forms[f.organisation_id].fees.append(FeeForm(str(f.year), str(Decimal(f.amount)), paid_on, f.id))
    roles = session.execute(
        select(Role, Person)
        .join(Person, Role.person_id == Person.id)
        .where(Role.organisation_id.in_(ids), Role.archived_at.is_(None))
    )
    for r, p in roles:
        forms[r.organisation_id].roles.append(
            RoleForm(
                p.first_name,
                p.last_name,
                p.email,
                p.phone,
                r.kind,
                r.start_date.isoformat() if r.start_date else "",
                r.end_date.isoformat() if r.end_date else "",
                r.id,
                p.id,
            )  # fmt: skip
        )
    return forms
