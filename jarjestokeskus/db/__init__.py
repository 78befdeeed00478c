"""Database layer: models, engine and sessions, migrations, lock, audit, backup.

Nothing is imported here: the light modules (places, errors) load without SQLAlchemy.
"""
