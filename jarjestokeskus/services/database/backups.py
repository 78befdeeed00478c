"""Automatic daily backups kept in rotation, the list of backups, and restoring into an open window."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import TypeVar

from jarjestokeskus.db.copy_mark import MeetingCopyIsReadOnly, is_meeting_copy
from jarjestokeskus.db.engine import Database, open_database
from jarjestokeskus.db.errors import DatabaseProblem
from jarjestokeskus.i18n import _
from jarjestokeskus.services.database import backup_folders
from jarjestokeskus.services.database.maintenance import (
    BackupFailed,
    DatabaseInUse,
    NotAFile,
    Progress,
    Restored,
    backup_database,
    restore_database,
)

KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 7, 4, 12
_STAMP = r"(?P<stamp>\d{8}-\d{6})(?:-\d+)?\.sqlite"
# maintenance.py names the others: jarjestokeskus-<stamp>, jarjestokeskus-before-restore-<stamp>.
_BEFORE_RESTORE = re.compile(r"^jarjestokeskus-before-restore-" + _STAMP + "$")
_MANUAL = re.compile(r"^jarjestokeskus-" + _STAMP + "$")
_AUTOMATIC = re.compile(r"^auto-(?P<stem>.+)-" + _STAMP + "$")

Moment = TypeVar("Moment", date, datetime)


class BackupKind(StrEnum):
    AUTOMATIC = "automatic"
    MANUAL = "manual"
    BEFORE_RESTORE = "before-restore"


@dataclass(frozen=True)
class BackupRow:
    path: Path
    kind: BackupKind
    taken_at: datetime  # the computer's local time, as in the file name
    size_bytes: int


class RestoreFailed(DatabaseProblem):
    """The restore did not happen; `database` is the window's database, open again as before."""

    def __init__(self, cause: BaseException, database: Database) -> None:
        super().__init__(str(cause))
        self.cause = cause
        self.database = database

    def user_message(self) -> str:
        if isinstance(self.cause, DatabaseProblem):
            return self.cause.user_message()
        return _("The restore failed: {reason}").format(reason=str(self.cause) or type(self.cause).__name__)


def backups_to_keep(dates: Iterable[Moment], today: date) -> set[Moment]:
    """Which automatic backups the rotation keeps: 7 daily, 4 weekly, 12 monthly.

    As restic and borg do it: of the 7 most recent days that have a backup the newest of each
    day, of the 4 most recent ISO weeks the newest of each week, of the 12 most recent months
    the newest of each month. Counting days that have a backup (not calendar days) means a
    holiday without the program never thins the last backups out. A backup dated after `today`
    (a clock set wrong) is kept and not counted, so it cannot push the real ones out.
    """
    moments = set(dates)
    future = {m for m in moments if _day(m) > today}
    newest_first = sorted(moments - future, reverse=True)
    keep = set(future)
    for bucket, count in ((_day, KEEP_DAILY), (_iso_week, KEEP_WEEKLY), (_month, KEEP_MONTHLY)):
        keep.update(_newest_per_bucket(newest_first, bucket, count))
    return keep


def _day(moment: date) -> date:
    return moment.date() if isinstance(moment, datetime) else moment


def _iso_week(moment: date) -> tuple[int, int]:
    year, week, _weekday = _day(moment).isocalendar()
    return year, week


def _month(moment: date) -> tuple[int, int]:
    return moment.year, moment.month


def _newest_per_bucket(
    newest_first: list[Moment], bucket: Callable[[Moment], Hashable], count: int
) -> list[Moment]:
    seen: set[Hashable] = set()
    kept: list[Moment] = []
    for moment in newest_first:
        key = bucket(moment)
        if key in seen:
            continue
        if len(seen) == count:
            break
        seen.add(key)
        kept.append(moment)
    return kept


def backup_folder(database_path: Path) -> Path:
    """The database's own folder in the backup folder (chosen in the settings, else `backups`
    beside the database file); backups_folders.py."""
    return backup_folders.backup_folder(database_path)


def automatic_backup(
    db: Database, now: datetime | None = None, *, progress: Progress | None = None
) -> Path | None:
    """Back up the database unless today's automatic backup exists; then rotate the old ones.

    Returns the new file, or None when nothing was due: today's backup exists, the database is
    on a server (it has its own tools), or another user has it open (their program backs it up
    when it closes).
    Only automatic backups of this database are ever deleted; manual ones and the copies made
    before a restore stay until the user removes them.
    """
    path = db.path
    if path is None or db.holder is not None or not path.is_file():
        return None
    if is_meeting_copy(path):
        raise MeetingCopyIsReadOnly(str(path))
    now = now or datetime.now()
    folder = backup_folder(path)
    existing = _automatic_backups(folder, path)
    if any(taken.date() == now.date() for taken in existing.values()):
        return None
    try:
        backup_folders.make_private_folder(folder)
    except OSError as exc:
        raise BackupFailed(str(folder), exc) from exc
    target = _free_name(folder, f"auto-{path.stem}-{now:%Y%m%d-%H%M%S}")
    made = backup_database(db, target, progress=progress)
    existing[made] = now
    rotate(existing, now.date())
    return made


def rotate(backups: dict[Path, datetime], today: date) -> list[Path]:
    """Delete the automatic backups the rotation does not keep; returns the deleted files."""
    kept = backups_to_keep(backups.values(), today)
    deleted = []
    for file, taken in backups.items():
        if taken in kept:
            continue
        try:
            file.unlink(missing_ok=True)  # another program may have rotated it already
        except OSError:
            continue  # tried again after the next backup
        deleted.append(file)
    return deleted


def _free_name(folder: Path, name: str) -> Path:
    candidate = folder / f"{name}.sqlite"
    number = 2
    while candidate.exists():
        candidate = folder / f"{name}-{number}.sqlite"
        number += 1
    return candidate


def _automatic_backups(folder: Path, database_path: Path) -> dict[Path, datetime]:
    """This database's automatic backups by the time in their names, also those an earlier
    version kept in the shared folder itself (other databases' share it)."""
    found: dict[Path, datetime] = {}
    for row in _scan(folder) + _scan(backup_folders.shared_folder(database_path)):
        match = _AUTOMATIC.match(row.path.name)
        if row.kind is BackupKind.AUTOMATIC and match and match["stem"] == database_path.stem:
            found[row.path] = row.taken_at
    return found


def list_backups(db_or_path: Database | Path) -> list[BackupRow]:
    """The database's backups, newest first; none for a database server. Backups of other
    databases sharing the backup folder (the demo's, say) are left out."""
    path = db_or_path.path if isinstance(db_or_path, Database) else Path(db_or_path)
    if path is None:
        return []
    rows = _scan(backup_folder(path))
    # What an earlier version kept in the shared folder itself: another database's automatic
    # backups are told apart by their names, its manual ones by their identity.
    mine = backup_folders.register_identity(path)
    for row in _scan(backup_folders.shared_folder(path)):
        match = _AUTOMATIC.match(row.path.name)
        if row.kind is BackupKind.AUTOMATIC and match and match["stem"] != path.stem:
            continue
        theirs = backup_folders.register_identity(row.path)
        if theirs is not None and theirs != mine:
            continue
        rows.append(row)
    rows.sort(key=lambda r: (r.taken_at, len(r.path.name), r.path.name), reverse=True)  # -2 after
    return rows


def _scan(folder: Path) -> list[BackupRow]:
    try:
        files = [f for f in folder.iterdir() if f.suffix == ".sqlite" and not f.name.startswith(".")]
    except OSError:  # no backups yet, or the folder cannot be read
        return []
    rows = []
    for file in files:
        try:
            stat = file.stat()
        except OSError:
            continue  # rotated away meanwhile
        if not file.is_file():
            continue
        kind, taken = _kind_and_time(file.name)
        rows.append(BackupRow(file, kind, taken or datetime.fromtimestamp(stat.st_mtime), stat.st_size))
    return rows


def _kind_and_time(name: str) -> tuple[BackupKind, datetime | None]:
    for pattern, kind in (
        (_BEFORE_RESTORE, BackupKind.BEFORE_RESTORE),
        (_AUTOMATIC, BackupKind.AUTOMATIC),
        (_MANUAL, BackupKind.MANUAL),
    ):
        match = pattern.match(name)
        if match:
            try:
                return kind, datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S")
            except ValueError:
                return kind, None
    return BackupKind.MANUAL, None  # a file the user saved here under a name of their own


def restore_and_reopen(
    window_db: Database, backup: Path, *, progress: Progress | None = None
) -> tuple[Database, Restored]:
    """Close the window's database, restore `backup` into its file, and open it again.

    The file is upgraded on opening if the backup is from an older version. On any failure the
    database is opened again as it was and `RestoreFailed` carries it, so the caller always has
    an open database to go on with; only when even that fails does the opening error come out.
    """
    path = window_db.path
    if path is None:
        raise RestoreFailed(NotAFile(), window_db)
    if window_db.read_only:
        holder = window_db.holder.describe() if window_db.holder else ""
        raise RestoreFailed(DatabaseInUse(holder), window_db)
    window_db.close()
    try:
        restored = restore_database(path, Path(backup), progress=_until_complete(progress))
    except BaseException as exc:
        reopened = open_database(window_db.url)
        if isinstance(exc, KeyboardInterrupt | SystemExit):
            reopened.close()
            raise
        raise RestoreFailed(exc, reopened) from exc
    return open_database(window_db.url), restored


def _until_complete(progress: Progress | None) -> Progress | None:
    """A cancel that arrives with the last step is too late: the copy has been written."""
    if progress is None:
        return None

    def report(done: int, total: int) -> None:
        if done < total:
            progress(done, total)
            return
        with contextlib.suppress(Exception):
            progress(done, total)

    return report


__all__ = [
    "KEEP_DAILY",
    "KEEP_MONTHLY",
    "KEEP_WEEKLY",
    "BackupKind",
    "BackupRow",
    "RestoreFailed",
    "automatic_backup",
    "backup_folder",
    "backups_to_keep",
    "list_backups",
    "restore_and_reopen",
    "rotate",
]
