"""The demo scenario written into an empty database."""
