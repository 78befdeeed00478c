"""Cooperation structures: bodies and representation, the checklist, grants and premises, activities."""
