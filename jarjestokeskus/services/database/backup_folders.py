"""Where a database's backups go: a folder of its own inside the backup folder, named by the
register's identity, so one backup folder shared by several databases never mixes them."""

from __future__ import annotations

import contextlib
import sqlite3
import uuid
from pathlib import Path

from jarjestokeskus.services.settings import backup_folder_for


def register_identity(database_path: Path) -> uuid.UUID | None:
    """The identity stored in the database file (None before it has one, or when unreadable)."""
    try:
        if not Path(database_path).is_file():
            return None
        connection = sqlite3.connect(f"{Path(database_path).resolve().as_uri()}?mode=ro", uri=True)
        try:
            row = connection.execute("SELECT id FROM register_identity").fetchone()
        finally:
            connection.close()
        return uuid.UUID(str(row[0])) if row else None
    except (sqlite3.Error, ValueError, OSError):
        return None


def shared_folder(database_path: Path) -> Path:
    """The backup folder as chosen in the settings (else "backups" beside the database)."""
    return backup_folder_for(database_path)


def backup_folder(database_path: Path) -> Path:
    """This database's own folder inside the backup folder: `<name>-<identity>`."""
    database_path = Path(database_path)
    identity = register_identity(database_path)
    name = f"{database_path.stem}-{identity.hex[:8]}" if identity else database_path.stem
    return shared_folder(database_path) / name


def make_private_folder(folder: Path) -> None:
    """Create the folder (and its parents) readable by its owner only; raises OSError."""
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    with contextlib.suppress(OSError):
        folder.chmod(0o700)


STALE_AFTER_SECONDS = 60 * 60  # a copy being written changes all the time; this one stopped


def is_partial(name: str) -> bool:
    """A temporary file of a copy being written (`.name.xxxxxxxx.partial` and its -wal etc.)."""
    return name.startswith(".") and (".partial" in name or name.endswith(".restoring"))


def remove_stale_partials(database_path: Path, now: float | None = None) -> list[Path]:
    """Remove what killed backups and copies left behind: hidden full copies that nobody has
    written for an hour, beside the database and in its backup folders. Returns them."""
    import time

    now = time.time() if now is None else now
    removed = []
    folders = {Path(database_path).parent, shared_folder(database_path), backup_folder(database_path)}
    for folder in folders:
        try:
            candidates = [f for f in folder.iterdir() if is_partial(f.name)]
        except OSError:
            continue
        for file in candidates:
            with contextlib.suppress(OSError):
                if file.is_file() and now - file.stat().st_mtime > STALE_AFTER_SECONDS:
                    file.unlink()
                    removed.append(file)
    return removed
