"""The one place that owns language: gettext catalogues, babel formatting, collation."""

from __future__ import annotations

import gettext
import locale
import os
from collections.abc import Callable
from datetime import date, datetime
from decimal import ROUND_HALF_EVEN, Decimal
from pathlib import Path

from jarjestokeskus.i18n.collation import sort_key

LANGUAGES = ("fi", "sv")
DEFAULT_LANGUAGE = "fi"
DOMAIN = "jarjestokeskus"
TRANSLATIONS_DIR = Path(__file__).resolve().parent.parent.parent / "translations"

_translation: gettext.NullTranslations = gettext.NullTranslations()
_catalogs: dict[str, gettext.NullTranslations] = {}
_language = DEFAULT_LANGUAGE
_listeners: list[Callable[[str], None]] = []

__all__ = [
    "LANGUAGES",
    "N_",
    "_",
    "catalog",
    "current_language",
    "format_date",
    "format_datetime",
    "format_money",
    "format_number",
    "ngettext",
    "set_language",
    "sort_key",
    "system_language",
]


def catalog(language: str) -> gettext.NullTranslations:
    """The compiled catalogue for a language (reports use one independent of the UI)."""
    if language not in LANGUAGES:
        raise ValueError(f"unsupported language {language!r}")
    if language not in _catalogs:
        folder = TRANSLATIONS_DIR / language / "LC_MESSAGES"
        po, mo = folder / f"{DOMAIN}.po", folder / f"{DOMAIN}.mo"
        if po.exists() and (not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime):
            _catalogs[language] = _compile_in_memory(language)  # no .mo built, or an old one
        else:
            _catalogs[language] = gettext.translation(
                DOMAIN, localedir=str(TRANSLATIONS_DIR), languages=[language], fallback=False
            )
    return _catalogs[language]


def _compile_in_memory(language: str) -> gettext.NullTranslations:
    """Without an up-to-date .mo (a developer running from the source), read the .po itself."""
    from io import BytesIO

    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    po = TRANSLATIONS_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"
    with po.open("rb") as file:
        messages = read_po(file, locale=language)
    buffer = BytesIO()
    write_mo(buffer, messages)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


def system_language() -> str:
    """Swedish when the system says so, otherwise Finnish."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(name, "")
        if value:
            return "sv" if value.lower().startswith("sv") else DEFAULT_LANGUAGE
    code = (locale.getlocale()[0] or "").lower()
    return "sv" if code.startswith("sv") else DEFAULT_LANGUAGE


def set_language(language: str) -> None:
    """Make `language` the one `_()` answers in, and tell the listeners."""
    global _translation, _language
    if language not in LANGUAGES:
        raise ValueError(f"unsupported language {language!r}")
    _translation = catalog(language)
    _language = language
    for listener in list(_listeners):
        listener(language)


def add_listener(listener: Callable[[str], None]) -> None:
    _listeners.append(listener)


def current_language() -> str:
    return _language


def _(message: str) -> str:
    return _translation.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _translation.ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark a message for extraction; translate it later with `_()`."""
    return message


def localized(fi: str, sv: str, language: str) -> str:
    """The name in `language`, falling back to the other one."""
    first, second = (sv, fi) if language == "sv" else (fi, sv)
    return first or second


def _locale(language: str | None) -> str:
    return {"fi": "fi_FI", "sv": "sv_FI"}[language or _language]


def format_date(value: date | None, language: str | None = None) -> str:
    if value is None:
        return ""
    _locale(language)  # (one of the program's languages)
    return f"{value.day}.{value.month}.{value.year:04d}"  # babel's "d.M.yyyy", the same in fi_FI and sv_FI


def format_datetime(value: datetime | None, language: str | None = None) -> str:
    if value is None:
        return ""
    from babel.dates import format_datetime as babel_datetime

    return babel_datetime(value, format="d.M.yyyy HH.mm", locale=_locale(language))


def format_money(value: Decimal | None, language: str | None = None) -> str:
    if value is None:
        return ""
    digits = _digits(value, 2, keep_zeros=True)
    if digits is None:
        from babel.numbers import format_currency

        return format_currency(value, "EUR", locale=_locale(language))
    _locale(language)
    return f"{digits}{_GROUP}€"


def format_number(value: int | Decimal | None, language: str | None = None) -> str:
    if value is None:
        return ""
    digits = _digits(value, 3, keep_zeros=False)
    if digits is None:
        from babel.numbers import format_decimal

        return format_decimal(value, locale=_locale(language))
    _locale(language)
    return digits


# Numbers as babel writes them in fi_FI and sv_FI alike (CLDR: a no-break space between thousands,
# a decimal comma, half to even), without loading its locale data (~25 ms, a tenth of the
# window's start). tests/i18n/test_formats.py holds them equal to babel's.
_GROUP, _DECIMAL = "\xa0", ","


def _digits(value: object, places: int, *, keep_zeros: bool) -> str | None:
    """An int or finite Decimal rounded to `places` (trailing zeros dropped unless `keep_zeros`);
    None for anything else (babel writes it)."""
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        return None
    number = Decimal(value)
    if not number.is_finite():
        return None
    number = number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_EVEN)
    whole, _point, fraction = f"{abs(number):f}".partition(".")
    fraction = fraction if keep_zeros else fraction.rstrip("0")
    sign = "-" if number.is_signed() else ""
    grouped = f"{int(whole):,}".replace(",", _GROUP)
    return f"{sign}{grouped}{_DECIMAL}{fraction}" if fraction else f"{sign}{grouped}"
