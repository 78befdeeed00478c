"""Database layer: models, engine and sessions, migrations, lock, audit, backup."""
