"""The Projects view, the project editor, the funding overview and the funders' rules."""
