"""Cooperation structures: bodies and representation, the checklist, what the members receive."""
