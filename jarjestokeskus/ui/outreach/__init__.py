"""Reaching the members: mailing lists by filter and the contact log."""
