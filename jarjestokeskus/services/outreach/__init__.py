"""Reaching the members: mailing lists by filter, saved lists, and the contact log."""
