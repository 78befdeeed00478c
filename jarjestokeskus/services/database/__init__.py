"""Looking after the database: check, backups, restore, meeting copies, server connection."""
