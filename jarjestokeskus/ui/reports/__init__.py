"""The Reports view: options, building off the GUI thread, the preview."""
