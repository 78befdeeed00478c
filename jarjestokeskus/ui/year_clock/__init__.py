"""The year clock view, its task editor and the calendar export."""
