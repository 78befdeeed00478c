"""Finnish and Swedish catalogues are complete and faithful; money and dates in Finnish form."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from functools import cache
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

import jarjestokeskus
from jarjestokeskus import i18n
from jarjestokeskus.i18n import _

PACKAGE = Path(jarjestokeskus.__file__).resolve().parent
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}
NBSP = "\u00a0"

Message = str | tuple[str, ...]


@cache
def source_messages() -> dict[str, Message]:
    """msgid → message (a tuple for plurals), as `make extract` finds them in the package."""
    found: dict[str, Message] = {}
    for _file, _line, message, _comments, _context in extract_from_dir(
        str(PACKAGE), method_map=[("**.py", "python")], keywords=KEYWORDS
    ):
        key = message[0] if isinstance(message, tuple) else message
        if key:
            found[key] = message
    return found


@cache
def catalogue(language: str) -> Catalog:
    with (i18n.TRANSLATIONS_DIR / language / "LC_MESSAGES" / f"{i18n.DOMAIN}.po").open("rb") as file:
        return read_po(file, locale=language)


def placeholders(texts: Message) -> set[str]:
    parts = texts if isinstance(texts, tuple) else (texts,)
    names: set[str] = set()
    for text in parts:
        unescaped = text.replace("{{", "").replace("}}", "")
        names.update(re.findall(r"\{([^{}:!]*)[^{}]*\}", unescaped))
    return names


def test_extraction_finds_the_messages() -> None:
    messages = source_messages()
    assert "Abbreviation" in messages  # a label marked with N_
    assert "{field}: not a valid date, write it as d.m.yyyy" in messages  # a message in _()
    assert len(messages) > 50


@pytest.mark.parametrize("language", i18n.LANGUAGES)
def test_every_message_is_translated_not_fuzzy_with_the_same_placeholders(language: str) -> None:
    po = catalogue(language)
    missing, untranslated, fuzzy, wrong_placeholders = [], [], [], []
    for msgid, source in source_messages().items():
        message = po.get(msgid)
        if message is None:
            missing.append(msgid)
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if not all(strings):
            untranslated.append(msgid)
        elif message.fuzzy:
            fuzzy.append(msgid)
        elif placeholders(strings) != placeholders(source):
            wrong_placeholders.append(f"{msgid!r} → {strings!r}")
    assert missing == [], f"{language}: not in the catalogue"
    assert untranslated == [], f"{language}: not translated"
    assert fuzzy == [], f"{language}: fuzzy"
    assert wrong_placeholders == [], f"{language}: placeholders differ"


def test_placeholder_names_are_read_right() -> None:
    assert placeholders("{field}: at most {limit} characters") == {"field", "limit"}
    assert placeholders("{amount:.2f} {{literal}}") == {"amount"}
    assert placeholders(("{n} row", "{n} rows")) == {"n"}
    assert placeholders("no placeholders") == set()


def test_money_in_finnish_form() -> None:
    assert i18n.format_money(Decimal("1234.5"), "fi") == f"1{NBSP}234,50{NBSP}€"
    assert i18n.format_money(Decimal("0"), "fi") == f"0,00{NBSP}€"
    assert i18n.format_money(None, "fi") == ""


def test_dates_as_day_month_year_in_both_languages() -> None:
    assert i18n.format_date(date(2025, 3, 5), "fi") == "5.3.2025"
    assert i18n.format_date(date(2025, 12, 31), "sv") == "31.12.2025"
    assert i18n.format_date(None) == ""


def test_set_language_switches_the_catalogue() -> None:
    msgid = "Abbreviation"
    finnish, swedish = catalogue("fi")[msgid].string, catalogue("sv")[msgid].string
    assert finnish and swedish and finnish != swedish
    assert _(msgid) == finnish  # every test starts in Finnish
    i18n.set_language("sv")
    assert i18n.current_language() == "sv"
    assert _(msgid) == swedish
    i18n.set_language("fi")
    assert _(msgid) == finnish


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError):
        i18n.set_language("de")
    assert i18n.current_language() == "fi"
