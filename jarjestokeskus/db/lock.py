"""The lock of a SQLite database: who may write it; a second user gets read-only.

The lock itself is an operating-system file lock (the `filelock` library: `flock` on Linux and
macOS, `LockFileEx` on Windows) on a hidden file beside the database. Only one program can hold
it, taking it is one atomic step (no "is the holder alive" guess, no takeover race), and the
operating system lets go of it when the program ends, however it ends. Beside it, the `.lock`
file names the holder (user, computer, process) for the message the second user sees; a stale
one left by a crash is simply overwritten by the next holder.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import socket
import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from filelock import FileLock, Timeout

from jarjestokeskus.db.audit import os_user
from jarjestokeskus.db.errors import CannotOpen, DatabaseProblem, ReadOnlyLocation


@dataclass(frozen=True)
class LockHolder:
    user: str
    host: str
    pid: int
    since: str

    def describe(self) -> str:
        if not self.user:
            from jarjestokeskus.i18n import _

            return _("another program")
        return f"{self.user} @ {self.host}"


UNKNOWN_HOLDER = LockHolder("", "", 0, "")

# The OS locks this process holds, with how many open databases share each: when the same file
# is opened again (the window reopening it, a restore opening what it restored), closing the
# older one must not let go of the lock.
_held: dict[str, tuple[FileLock, int]] = {}
_held_guard = threading.Lock()


def lock_path(database: Path) -> Path:
    """The file that names the holder."""
    return database.with_name(database.name + ".lock")


def os_lock_path(database: Path) -> Path:
    """The file the operating system locks (it stays, empty, after the lock is let go)."""
    return database.with_name(f".{database.name}.oslock")


def read_holder(database: Path) -> LockHolder | None:
    try:
        data = json.loads(lock_path(database).read_text(encoding="utf-8"))
        return LockHolder(str(data["user"]), str(data["host"]), int(data["pid"]), str(data["since"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def held_here(database: Path) -> bool:
    """Whether this very program holds the database's lock."""
    with _held_guard:
        return _key(database) in _held


def _key(database: Path) -> str:
    return str(os_lock_path(database).resolve())


def _cannot_lock(database: Path, error: OSError) -> DatabaseProblem:
    """The lock file cannot be made: a read-only folder or disk, or a folder that has gone."""
    if error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return ReadOnlyLocation(str(database))
    return CannotOpen(str(database), error)


class DatabaseLock:
    """Held while the program has the database open for writing."""

    def __init__(self, database: Path) -> None:
        self.database = database
        self.path = lock_path(database)
        self.held = False

    def acquire(self) -> LockHolder | None:
        """Take the lock; returns the other holder instead when someone else has it."""
        key = _key(self.database)
        with _held_guard:
            if key in _held:
                lock, count = _held[key]
                _held[key] = (lock, count + 1)
                self.held = True
                return None
            lock = FileLock(os_lock_path(self.database), thread_local=False)
            try:
                lock.acquire(timeout=0)
            except Timeout:
                return _other_holder(self.database)
            except OSError as exc:
                raise _cannot_lock(self.database, exc) from exc
            try:
                _write_holder(self.path)
            except OSError as exc:  # a full disk
                lock.release()
                raise _cannot_lock(self.database, exc) from exc
            _held[key] = (lock, 1)
            self.held = True
            return None

    def release(self) -> None:
        if not self.held:
            return
        self.held = False
        key = _key(self.database)
        with _held_guard:
            lock, count = _held.get(key, (None, 1))
            if count > 1 and lock is not None:
                _held[key] = (lock, count - 1)
                return
            _held.pop(key, None)
            holder = read_holder(self.database)
            if holder is None or (holder.pid == os.getpid() and holder.host == socket.gethostname()):
                with contextlib.suppress(OSError):
                    self.path.unlink(missing_ok=True)
            if lock is not None:
                lock.release()


def _write_holder(path: Path) -> None:
    me = LockHolder(os_user(), socket.gethostname(), os.getpid(), datetime.now(UTC).isoformat())
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.write_text(json.dumps(me.__dict__), encoding="utf-8")
    os.replace(temporary, path)


def _other_holder(database: Path) -> LockHolder:
    """Who holds it: they write their name just after taking the lock, so wait a moment for it."""
    for _attempt in range(5):
        holder = read_holder(database)
        if holder is not None and not (holder.pid == os.getpid() and holder.host == socket.gethostname()):
            return holder
        time.sleep(0.02)
    return read_holder(database) or UNKNOWN_HOLDER
