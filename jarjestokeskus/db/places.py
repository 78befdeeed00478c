"""Where databases are: the program's data folder, its default file, a `--db` value as a URL,
and a URL's file. Plain paths and text only (no SQLAlchemy): the settings and the command
line's language need them before any database is opened."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "Jarjestokeskus"
ENV_DB = "JARJESTOKESKUS_DB"


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_database_path() -> Path:
    return data_dir() / "jarjestokeskus.sqlite"


def database_url(target: str | Path | None = None) -> str:
    """`--db` value, else $JARJESTOKESKUS_DB, else the file in the user's data folder."""
    target = target or os.environ.get(ENV_DB) or default_database_path()
    text = str(target)
    for plain in ("postgresql://", "postgres://"):
        if text.startswith(plain):  # the driver this program ships with
            return "postgresql+psycopg://" + text[len(plain) :]
    if "://" in text:
        return text
    return f"sqlite:///{Path(text).expanduser().resolve()}"


def sqlite_path(url: str) -> Path | None:
    prefix = "sqlite:///"
    return Path(url[len(prefix) :]) if url.startswith(prefix) else None
