"""PySide 6.12 on Python 3.11: a signal's `emit()` and `disconnect()` lose a reference to their bool.

Each `emit()` made from Python takes one reference away from `True` (a failed `disconnect()` one
from `False`). After some thousands of emits (a demo scenario reports its progress several
hundred times) Python frees `True` itself and aborts: "Fatal Python error: bool_dealloc", exit
134, usually as the window closes. From Python 3.12 the two are immortal and nothing is lost. A
probe finds out whether this PySide loses the reference; only then the two are wrapped to give it
back, so a fixed PySide or a newer Python leaves them as they are.
"""

from __future__ import annotations

import ctypes
import sys
import warnings
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal, SignalInstance


class _Probe(QObject):
    probed = Signal()


def _give_back(result: object) -> None:
    if result is True or result is False:
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(result))


def _loses_reference(call: Callable[[], object], value: bool) -> bool:
    before = sys.getrefcount(value)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # a failed disconnect warns
        for _ in range(8):
            call()
    return sys.getrefcount(value) < before


def _wrapped(original: Callable[..., object]) -> Callable[..., object]:
    def call(self: SignalInstance, *args: object) -> object:
        result = original(self, *args)
        _give_back(result)
        return result

    call.__name__ = original.__name__  # not its __doc__: reading it loads PySide's signature texts (~60 ms)
    return call


_RESERVE = 1 << 40  # references: a call a nanosecond would take 18 minutes to spend them


def _reserve_for_none() -> None:
    probe = _Probe()
    before = sys.getrefcount(None)
    for _ in range(8):
        probe.setObjectName("probe")
    if sys.getrefcount(None) < before and sys.version_info < (3, 12):
        # CPython 3.11 keeps an object's reference count in its first word.
        count = ctypes.c_ssize_t.from_address(id(None))
        count.value += _RESERVE


def install() -> None:
    """Wrap `emit` and `disconnect` where they lose the reference (once; safe to call again)."""
    if getattr(SignalInstance, "_gives_references_back", False):
        return
    probe = _Probe()
    if _loses_reference(probe.probed.emit, True):
        SignalInstance.emit = _wrapped(SignalInstance.emit)  # type: ignore[method-assign]
    if _loses_reference(probe.probed.disconnect, False):  # nothing is connected: fails
        SignalInstance.disconnect = _wrapped(SignalInstance.disconnect)  # type: ignore[method-assign]
    _reserve_for_none()
    SignalInstance._gives_references_back = True  # type: ignore[attr-defined]
