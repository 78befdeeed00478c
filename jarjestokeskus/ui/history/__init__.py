"""The change history: the whole database's audit view and one record's panel."""
