"""Qt widgets, dialogs and table models; the only layer that imports Qt."""

from jarjestokeskus.ui.signal_references import install as _install_signal_references

_install_signal_references()  # before any widget emits: see the module
