"""Hyphenating long Finnish and Swedish words in the reports (reportlab calls these).

Swedish goes by the LibreOffice patterns that `pyphen` carries. pyphen has no Finnish patterns
(LibreOffice hyphenates Finnish with Voikko), but Finnish syllables follow rules, and a break
at a syllable is a correct hyphenation: a break comes before a consonant that is followed by a
vowel, and between two vowels that are neither a long vowel nor a diphthong
("ta-voit-teet", "toi-meen-pa-no-so-pi-mus", "kor-ke-a").

A hyphenator returns the (head, tail) pairs of a word, the longest head first, as pyphen's
`iterate` does; the hyphen itself is added by reportlab. Only words of letters reach it: an
email address or a business ID is never hyphenated (their cells use `ReportWriter.whole`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import cache

Hyphenator = Callable[[str], Iterator[tuple[str, str]]]

VOWELS = frozenset("aeiouyäöå")
# Vowel pairs that stay in one syllable: long vowels and diphthongs.
_TOGETHER = frozenset(
    {"aa", "ee", "ii", "oo", "uu", "yy", "ää", "öö"}
    | {
        "ai",
        "ei",
        "oi",
        "ui",
        "yi",
        "äi",
        "öi",
        "au",
        "eu",
        "iu",
        "ou",
        "ey",
        "iy",
        "äy",
        "öy",
        "ie",
        "uo",
        "yö",
    }
)
SHORTEST = 2  # letters left on either side of a break


def finnish_breaks(word: str) -> list[int]:
    """The positions in `word` where a Finnish syllable begins (never within the outer letters)."""
    lower = word.casefold()
    if len(lower) != len(word):
        return []
    breaks: list[int] = []
    for i in range(1, len(lower)):
        before, here = lower[i - 1], lower[i]
        if here not in VOWELS and i + 1 < len(lower) and lower[i + 1] in VOWELS:
            if any(c in VOWELS for c in lower[:i]):
                breaks.append(i)
        elif before in VOWELS and here in VOWELS and before + here not in _TOGETHER:
            # In three vowels in a row ("kau-an") the break comes after the pair that stays together.
            breaks.append(i)
    return [i for i in breaks if SHORTEST <= i <= len(word) - SHORTEST]


def finnish(word: str) -> Iterator[tuple[str, str]]:
    for position in reversed(finnish_breaks(word)):
        yield word[:position], word[position:]


@cache
def _swedish_dictionary() -> Hyphenator | None:
    try:
        import pyphen
    except ImportError:  # hyphenation is a nicety: without it long words still wrap
        return None
    dictionary = pyphen.Pyphen(lang="sv", left=SHORTEST, right=SHORTEST)
    return dictionary.iterate


def swedish(word: str) -> Iterator[tuple[str, str]]:
    """The LibreOffice patterns' breaks. The patterns are read when the first long word needs
    them (that takes longer than laying out a thousand short rows): a report whose words all fit
    goes without."""
    found = _swedish_dictionary()
    return found(word) if found is not None else iter(())


def hyphenator(language: str) -> Hyphenator:
    """The hyphenator of the report's language ("fi" or "sv")."""
    return finnish if language == "fi" else swedish


def breaks(word: str, language: str) -> list[int]:
    """Where `word` may be hyphenated, shortest head first."""
    return sorted(len(head) for head, _tail in hyphenator(language)(word))
