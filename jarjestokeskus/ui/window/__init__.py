"""The main window's surroundings: first start, settings, databases, backups, window state."""
