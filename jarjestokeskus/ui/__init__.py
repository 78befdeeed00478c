"""Qt widgets, dialogs and table models; the only layer that imports Qt."""

import builtins

from jarjestokeskus.ui.signal_references import install as _install_signal_references

_install_signal_references()  # before any widget emits: see the module

# PySide replaces `__import__` with one that, for every module imported after it, reads the
# module's source (looking for "PySide6" in it, for PySide's opt-in `__feature__` switches such as
# snake_case) and keeps it in linecache: about 0.15 s of CPU for the database layer's 270 modules
# and ~10 ms of the window's start. No module of the program or of its libraries uses those
# switches, so imports go through the import PySide keeps beneath its own (its lazy loading of Qt
# classes stays).
builtins.__import__ = getattr(builtins, "__orig_import__", builtins.__import__)
