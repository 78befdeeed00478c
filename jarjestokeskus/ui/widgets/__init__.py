"""Widgets every view shares: register list and editor parts, form tables, charts, errors."""
