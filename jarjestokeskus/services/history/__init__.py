"""The change history: of one record and of the whole database."""
