"""PySide 6.12 on Python 3.11: every call of a Qt method that returns nothing loses a reference to None.

`label.setText("x")` hands Python a None it never took a reference for. After some tens of thousands
of such calls (a register view set up and translated a few times makes thousands) Python frees None
itself and aborts: "Fatal Python error: none_dealloc", usually as the window closes. From Python
3.12 None is immortal and nothing is lost. A probe finds out whether this PySide loses the
reference; only then None is given as many references as an immortal object has (2**40 here, as
the calls of a lifetime never use up), so a fixed PySide or a newer Python leaves it as it is.
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject

SPARE_REFERENCES = 1 << 40


def _loses_reference() -> bool:
    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(8):
        probe.setObjectName("probe")
    return sys.getrefcount(None) < before


def install() -> None:
    """Give None its spare references where this PySide loses them (once; safe to call again)."""
    if sys.getrefcount(None) >= SPARE_REFERENCES or not _loses_reference():
        return
    # CPython's object header starts with the reference count (Py_ssize_t).
    count = ctypes.c_ssize_t.from_address(id(None))
    count.value += SPARE_REFERENCES
