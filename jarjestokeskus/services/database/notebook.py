"""A meeting notebook: a meeting copy marked so that the meeting's parts can be written in it.

`mark_notebook` turns a fresh meeting copy into a notebook (db.notebook_guard says what may be
written in it); `read_notebook` reads back what the bringing back needs: the mark, each writable
record as it was taken and as it is now, and who recorded each change.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, select
from sqlalchemy.orm import Session

from jarjestokeskus.db import models
from jarjestokeskus.db.audit import os_user, recorded_columns
from jarjestokeskus.db.base import Record
from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.errors import DatabaseProblem
from jarjestokeskus.db.notebook_guard import BASE_TABLE, NOTEBOOK_TABLE, WRITABLE, NotebookMark, notebook_mark
from jarjestokeskus.i18n import _

MODELS: dict[str, type[Record]] = {name: getattr(models, name) for name in WRITABLE}


@dataclass(frozen=True)
class Taken:
    """A writable record as the copy was taken: its version and plain values."""

    version: int
    values: dict[str, Any]


@dataclass(frozen=True)
class Notebook:
    """What a notebook holds for bringing it back (its records are detached ORM objects)."""

    path: Path
    mark: NotebookMark
    revision: str | None
    taken: dict[uuid.UUID, Taken]
    records: dict[str, list[Record]]  # entity -> every record of it in the notebook
    recorded_by: dict[uuid.UUID, str]  # record -> who last changed it in the notebook


class NotANotebook(DatabaseProblem):
    def __init__(self, path: str) -> None:
        super().__init__(path)
        self.path = path

    def user_message(self) -> str:
        return _(
            "{path} is not a meeting notebook: only a copy taken as a notebook can be brought back."
        ).format(path=self.path)


def writes_meeting_parts(db: Database) -> bool:
    """Whether the meeting's parts (attendance, registrations, notes, decisions, contacts) can be
    written in `db`: a register open for writing, or a notebook."""
    return not db.read_only or db.notebook is not None


def plain_values(record: Record) -> dict[str, Any]:
    """The values a notebook compares: the fields the history records, and whether archived."""
    from jarjestokeskus.db.audit import _plain

    names = [*recorded_columns(type(record)), "archived_at"]
    return {name: _plain(getattr(record, name)) for name in names}


def mark_notebook(copy: Path, taken_at: datetime, recorder: str | None = None) -> uuid.UUID:
    """Make the meeting copy `copy` a notebook: its uuid, recorder and the writable records as taken."""
    copy_id = uuid.uuid4()
    engine = create_engine(f"sqlite:///{copy}")
    try:
        with Session(engine) as session:
            taken = [
                (name, str(record.id), record.version, json.dumps(plain_values(record)))
                for name, model in MODELS.items()
                for record in session.scalars(select(model))
            ]
    finally:
        engine.dispose()
    connection = sqlite3.connect(copy)
    try:
        with connection:
            connection.execute(
                f"CREATE TABLE {NOTEBOOK_TABLE} (copy_id TEXT NOT NULL, recorder TEXT NOT NULL, "
                "taken_at TEXT NOT NULL)"
            )
            connection.execute(
                f"INSERT INTO {NOTEBOOK_TABLE} VALUES (?, ?, ?)",
                (str(copy_id), recorder or os_user(), taken_at.isoformat()),
            )
            connection.execute(
                f"CREATE TABLE {BASE_TABLE} (entity TEXT NOT NULL, id TEXT PRIMARY KEY, "
                "version INTEGER NOT NULL, record_values TEXT NOT NULL)"
            )
            connection.executemany(f"INSERT INTO {BASE_TABLE} VALUES (?, ?, ?, ?)", taken)
    finally:
        connection.close()
    return copy_id


def read_notebook(path: Path) -> Notebook:
    """Everything bringing `path` back needs, read in one go; NotANotebook for any other file."""
    from jarjestokeskus.db.engine import open_database
    from jarjestokeskus.db.migrate import current_revision

    path = Path(path).expanduser()
    mark = notebook_mark(path)
    if mark is None:
        raise NotANotebook(str(path))
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        taken = {
            uuid.UUID(row[0]): Taken(int(row[1]), json.loads(row[2]))
            for row in connection.execute(f"SELECT id, version, record_values FROM {BASE_TABLE}")
        }
    finally:
        connection.close()
    notebook = open_database(path, migrate=False, read_only=True)
    try:
        revision = current_revision(notebook.engine)
        with notebook.reading() as session:
            records = {name: list(session.scalars(select(model))) for name, model in MODELS.items()}
            recorded_by: dict[uuid.UUID, str] = {}
            entries = session.execute(
                select(models.AuditEntry.entity_id, models.AuditEntry.user)
                .where(models.AuditEntry.at >= mark.taken_at.replace(tzinfo=None))
                .order_by(models.AuditEntry.at)
            )
            for entity_id, user in entries:
                recorded_by[entity_id] = user
            for rows in records.values():
                for record in rows:
                    session.expunge(record)
    finally:
        notebook.close()
    return Notebook(path, mark, revision, taken, records, recorded_by)
