"""Järjestökeskus: the register of an umbrella organisation of associations."""

__version__ = "0.1.0"
