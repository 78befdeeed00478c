"""Alt letters that never clash: after the texts are set, a letter used twice where both can be seen moves.

Every field's label gets a letter where one is free, so a form can be used from the keyboard.

Translations choose their own letters, and Finnish and Swedish share them poorly (Alt+P was both
"Perustiedot" and "Peruuta"). Two widgets can be seen together unless they sit on different pages of
a tab widget; for each such pair the later one takes the first free letter of its own text, or none.
The menu bar's letters are never moved.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QStackedWidget, QTabBar, QTabWidget, QWidget

_MNEMONIC = re.compile(r"(?<!&)&([^&\s])")

Place = dict[int, int]  # id of a tab widget → the page index the widget is on


def mnemonic(text: str) -> str | None:
    """The Alt letter of a text ("&&" is a plain "&"), folded to lower case."""
    match = _MNEMONIC.search(text.replace("&&", ""))
    return match.group(1).casefold() if match else None


def _moved(text: str, taken: set[str]) -> str:
    """`text` with its "&" before the first letter not taken, or with no "&" at all."""
    parts = [part.replace("&", "") for part in text.split("&&")]  # "&&" stays a plain "&"
    for number, part in enumerate(parts):
        for index, char in enumerate(part):
            if char.isalpha() and char.casefold() not in taken:
                parts[number] = part[:index] + "&" + part[index:]
                return "&&".join(parts)
    return "&&".join(parts)


def _place(widget: QWidget, root: QWidget) -> Place:
    place: Place = {}
    child, parent = widget, widget.parentWidget()
    while parent is not None and child is not root:
        if isinstance(parent, QStackedWidget) and isinstance(parent.parentWidget(), QTabWidget):
            place[id(parent.parentWidget())] = parent.indexOf(child)
        child, parent = parent, parent.parentWidget()
    return place


def _together(a: Place, b: Place) -> bool:
    return all(b[key] == page for key, page in a.items() if key in b)


def _texts(root: QWidget) -> Iterable[tuple[QWidget, Place, str, Callable[[str], None]]]:
    """Each text with an Alt letter in `root`, where it sits, and how to set it."""
    widgets = root.findChildren(QWidget)
    for widget in widgets:  # the tabs first: they keep their letters
        if isinstance(widget, QTabBar):
            place = _place(widget, root)
            for index in range(widget.count()):
                yield widget, place, widget.tabText(index), lambda t, w=widget, i=index: w.setTabText(i, t)
    for widget in widgets:
        if isinstance(widget, QAbstractButton) or isinstance(widget, QLabel) and widget.buddy() is not None:
            yield widget, _place(widget, root), widget.text(), widget.setText
        elif isinstance(widget, QGroupBox):
            yield widget, _place(widget, root), widget.title(), widget.setTitle


def make_unique(root: QWidget, reserved: Iterable[str]) -> None:
    """Move the Alt letters in `root` that clash with `reserved` or with one seen together with it."""
    fixed = {letter.casefold() for letter in reserved}
    seen: list[tuple[Place, str]] = []
    texts = list(_texts(root))
    # The translations' own letters first: the tabs, then what is always shown (the buttons under an
    # editor), then what is on a tab's page; last, labels without a letter.
    ordered = sorted(
        (t for t in texts if mnemonic(t[2])), key=lambda t: (not isinstance(t[0], QTabBar), len(t[1]))
    )
    ordered += [t for t in texts if not mnemonic(t[2]) and isinstance(t[0], QLabel) and t[2]]
    for _widget, place, text, set_text in ordered:
        letter = mnemonic(text)
        taken = fixed | {other for where, other in seen if _together(place, where)}
        if letter is None or letter in taken:
            text = _moved(text, taken)
            set_text(text)
            letter = mnemonic(text)
        if letter is not None:
            seen.append((place, letter))
