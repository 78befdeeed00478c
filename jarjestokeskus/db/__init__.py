"""Database layer: models, engine and sessions, migrations, lock, audit, backup."""

# SQLite's failures become problems the user can act on, for every engine the program opens.
from jarjestokeskus.db import sqlite_errors as _sqlite_errors  # noqa: F401
