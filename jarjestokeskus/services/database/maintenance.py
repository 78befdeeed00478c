"""Looking after the database file: online backup, restore from a backup (the check: check.py)."""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from jarjestokeskus.db.audit import os_user
from jarjestokeskus.db.copy_mark import MeetingCopyIsReadOnly, is_meeting_copy
from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.errors import DatabaseProblem, NewerDatabase, NotADatabase, os_reason
from jarjestokeskus.db.lock import DatabaseLock, held_here, read_holder
from jarjestokeskus.db.plain import FileMissing, known_revisions, stored_revision
from jarjestokeskus.db.plain import require_database_file as require_database_file
from jarjestokeskus.i18n import _
from jarjestokeskus.services.database.backup_folders import backup_folder, make_private_folder

Progress = Callable[[int, int], None]
"""Called with (pages done, pages in all); it may raise to cancel the copy."""

BACKUP_FOLDER = "backups"
_PAGES_PER_STEP = 256


class BackupExists(DatabaseProblem):
    def __init__(self, path: str) -> None:
        super().__init__(path)
        self.path = path

    def user_message(self) -> str:
        return _("The file {path} already exists. Choose another name; nothing was overwritten.").format(
            path=self.path
        )


class BackupFailed(DatabaseProblem):
    """`reason`: the OSError or SQLite error (worded in the user's language when shown), or a text."""

    def __init__(self, path: str, reason: str | BaseException) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = (
            reason if isinstance(reason, str) else (getattr(reason, "strerror", None) or str(reason))
        )
        self.error = reason  # worded in the user's language when shown

    def user_message(self) -> str:
        return _("The copy {path} could not be written: {reason}").format(
            path=self.path, reason=os_reason(self.error)
        )


class NotAFile(DatabaseProblem):
    """Backup and restore work on a database file; a shared server's are its administrator's job."""

    def user_message(self) -> str:
        return _(
            "This database is on a shared server. Its backups are made and restored by the server's "
            "administrator (for example with pg_dump), not by this program."
        )


class DatabaseInUse(DatabaseProblem):
    def __init__(self, holder: str) -> None:
        super().__init__(holder)
        self.holder = holder

    def user_message(self) -> str:
        return _("{holder} has the database open. Ask them to close the program, then try again.").format(
            holder=self.holder
        )


class MeetingCopyNotABackup(DatabaseProblem):
    def __init__(self, path: str) -> None:
        super().__init__(path)
        self.path = path

    def user_message(self) -> str:
        return _(
            "{path} is a meeting copy, not a backup: it lacks what the meeting did not need, so it "
            "cannot be restored over a register. Choose a backup file."
        ).format(path=self.path)


class SameFile(DatabaseProblem):
    def __init__(self, path: str) -> None:
        super().__init__(path)
        self.path = path

    def user_message(self) -> str:
        return _("The backup {path} is the database itself; choose a backup file.").format(path=self.path)


def default_backup_path(database_path: Path, kind: str = "jarjestokeskus") -> Path:
    """`<kind>-YYYYMMDD-HHMMSS.sqlite` in the database's own backup folder (backup_folders.py)."""
    folder = backup_folder(database_path)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    candidate = folder / f"{kind}-{stamp}.sqlite"
    number = 2
    while candidate.exists():
        candidate = folder / f"{kind}-{stamp}-{number}.sqlite"
        number += 1
    return candidate


def backup_database(db: Database, target: Path | None = None, *, progress: Progress | None = None) -> Path:
    """Copy the open database with SQLite's online backup to `target` (default: a dated file)."""
    path = db.path
    if path is None:
        raise NotAFile()
    if target is None:
        target = default_backup_path(path)
        _make_folder(target.parent)
    try:
        with _connect(path) as source:
            return _write_copy(source, target, progress)
    except sqlite3.DatabaseError as exc:
        raise BackupFailed(str(target), exc) from exc


@dataclass(frozen=True)
class Restored:
    safety: Path | None  # the copy of what was there; None when there was no database to keep
    reduced_again: int  # events reduced to counts since the backup, whose lists it brought back


def restore_database(database_path: Path, backup_file: Path, *, progress: Progress | None = None) -> Restored:
    """Replace the database's content with a backup, keeping a safety copy of what was there.

    Refuses a file that is not a sound database of this program, one newer than the program, and a
    database that another program has open. The persons erased and the attendance lists reduced
    since the backup are erased and reduced again (after_restore.again_after_restore).
    """
    database_path = Path(database_path)
    backup_file = Path(backup_file)
    if not backup_file.is_file():
        raise FileMissing(str(backup_file))
    if database_path.exists() and database_path.resolve() == backup_file.resolve():
        raise SameFile(str(backup_file))
    if database_path.exists() and is_meeting_copy(database_path):
        raise MeetingCopyIsReadOnly(str(database_path))  # and its mark stays
    if is_meeting_copy(backup_file):
        raise MeetingCopyNotABackup(str(backup_file))
    # Erasure works on the records (the ORM): loaded for a restore, not for a check or a backup.
    from jarjestokeskus.services.database.after_restore import again_after_restore, reduced_in
    from jarjestokeskus.services.database.erased_copies import erased_in

    with _connect(backup_file) as source:
        _verify_backup(source, backup_file)
        with _holding(database_path):
            erased, reduced = erased_in(database_path), reduced_in(database_path)
            if not database_path.exists():
                _write_copy(source, database_path, progress)
                return Restored(None, again_after_restore(database_path, erased, reduced))
            safety = _safety_copy(database_path)
            try:
                with _connect(database_path) as destination:
                    source.backup(destination, pages=_PAGES_PER_STEP, progress=_adapter(progress))
            except sqlite3.DatabaseError:
                # The current file is damaged beyond SQLite's reach: it is kept in the safety copy,
                # and nobody holds the lock, so its files are replaced whole.
                _replace_files(source, database_path, progress)
            return Restored(safety, again_after_restore(database_path, erased, reduced))


def _verify_backup(source: sqlite3.Connection, path: Path) -> None:
    try:
        rows = source.execute("PRAGMA integrity_check").fetchall()
        if [tuple(row) for row in rows] != [("ok",)]:
            raise NotADatabase(str(path))
        revision = stored_revision(source.execute)
    except sqlite3.DatabaseError as exc:
        raise NotADatabase(str(path)) from exc
    if revision is None:
        raise NotADatabase(str(path))
    if revision not in known_revisions():
        raise NewerDatabase(revision)


@contextlib.contextmanager
def _holding(database_path: Path) -> Iterator[None]:
    """Take the database's lock for the restore; refuse when another program (or this one) has it."""
    if held_here(database_path):  # this very program: close the database first
        holder = read_holder(database_path)
        raise DatabaseInUse(holder.describe() if holder else os_user())
    _make_folder(database_path.parent)
    lock = DatabaseLock(database_path)
    holder = lock.acquire()
    if holder is not None:
        raise DatabaseInUse(holder.describe())
    try:
        yield
    finally:
        lock.release()


def _safety_copy(database_path: Path) -> Path:
    target = default_backup_path(database_path, "jarjestokeskus-before-restore")
    _make_folder(target.parent)
    try:
        with _connect(database_path) as current:
            return _write_copy(current, target, None)
    except (sqlite3.DatabaseError, BackupFailed):
        # A damaged file cannot be read page by page: keep its bytes (and its WAL) as they are.
        try:
            shutil.copy2(database_path, target)
            wal = database_path.with_name(database_path.name + "-wal")
            if wal.exists():
                shutil.copy2(wal, target.with_name(target.name + "-wal"))
        except OSError as exc:
            raise BackupFailed(str(target), exc) from exc
        return target


def _replace_files(source: sqlite3.Connection, database_path: Path, progress: Progress | None) -> None:
    fresh = database_path.with_name(f".{database_path.name}.restoring")
    fresh.unlink(missing_ok=True)
    _write_copy(source, fresh, progress)
    try:
        for suffix in ("-wal", "-shm", "-journal"):
            database_path.with_name(database_path.name + suffix).unlink(missing_ok=True)
        os.replace(fresh, database_path)
    except OSError as exc:
        fresh.unlink(missing_ok=True)
        raise BackupFailed(str(database_path), exc) from exc


def _write_copy(source: sqlite3.Connection, target: Path, progress: Progress | None) -> Path:
    """Copy into a temporary file beside `target`, then give it the name; never overwrite."""
    if target.exists():
        raise BackupExists(str(target))
    # Readable by its owner only, as personal data should be (SQLite keeps the mode it finds).
    partial = target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}.partial")
    try:
        os.close(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except OSError as exc:
        raise BackupFailed(str(target), exc) from exc
    try:
        with _connect(partial) as copy:
            source.backup(copy, pages=_PAGES_PER_STEP, progress=_adapter(progress))
            # A backup is one self-contained file: no WAL beside it.
            copy.execute("PRAGMA journal_mode=DELETE")
        _rename_new(partial, target)
    except BaseException:
        for leftover in (
            partial,
            *(partial.with_name(partial.name + s) for s in ("-wal", "-shm", "-journal")),
        ):
            leftover.unlink(missing_ok=True)
        raise
    return target


def _rename_new(partial: Path, target: Path) -> None:
    try:
        os.link(partial, target)  # fails if the name was taken meanwhile, unlike a POSIX rename
    except FileExistsError as exc:
        raise BackupExists(str(target)) from exc
    except OSError:
        if target.exists():
            raise BackupExists(str(target)) from None
        try:
            os.rename(partial, target)  # file systems without hard links
        except OSError as exc:
            raise BackupFailed(str(target), exc) from exc
        return
    partial.unlink()


@contextlib.contextmanager
def _connect(path: Path) -> Iterator[sqlite3.Connection]:
    # Read-write even for a backup file: a read-only connection leaves -wal and -shm files behind.
    connection = sqlite3.connect(path, timeout=10)
    try:
        yield connection
    finally:
        connection.close()


def _adapter(progress: Progress | None) -> Callable[[int, int, int], None] | None:
    if progress is None:
        return None

    def report(_status: int, remaining: int, total: int) -> None:
        progress(total - remaining, total)

    return report


def _make_folder(folder: Path) -> None:
    try:
        if not folder.is_dir():
            make_private_folder(folder)
    except OSError as exc:
        raise BackupFailed(str(folder), exc) from exc


__all__ = [
    "BackupExists",
    "BackupFailed",
    "DatabaseInUse",
    "FileMissing",
    "NotAFile",
    "Restored",
    "SameFile",
    "backup_database",
    "default_backup_path",
    "restore_database",
]
