"""A lock file beside a SQLite database says who has it open; a second user gets read-only."""

from __future__ import annotations

import errno
import json
import os
import socket
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from jarjestokeskus.db.audit import os_user
from jarjestokeskus.db.errors import CannotOpen, DatabaseProblem, ReadOnlyLocation


@dataclass(frozen=True)
class LockHolder:
    user: str
    host: str
    pid: int
    since: str

    def describe(self) -> str:
        return f"{self.user} @ {self.host}"


# Lock files this process holds, with how many open databases share each: when the same file
# is opened again (the window reopening it), closing the older one must not drop the lock.
_held: dict[str, int] = {}
_held_guard = threading.Lock()


def lock_path(database: Path) -> Path:
    return database.with_name(database.name + ".lock")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True


def read_holder(database: Path) -> LockHolder | None:
    try:
        data = json.loads(lock_path(database).read_text(encoding="utf-8"))
        return LockHolder(str(data["user"]), str(data["host"]), int(data["pid"]), str(data["since"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


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
        me = LockHolder(os_user(), socket.gethostname(), os.getpid(), datetime.now(UTC).isoformat())
        for _attempt in range(2):
            try:
                fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            except FileExistsError:
                holder = read_holder(self.database)
                if holder and holder.pid == me.pid and holder.host == me.host:
                    self._hold()
                    return None
                if holder is None or (holder.host == me.host and not _alive(holder.pid)):
                    # Left by a program that crashed: take it over.
                    try:
                        self.path.unlink(missing_ok=True)
                    except OSError as exc:
                        raise _cannot_lock(self.database, exc) from exc
                    continue
                return holder
            except OSError as exc:
                raise _cannot_lock(self.database, exc) from exc
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as file:
                    json.dump(me.__dict__, file)
            except OSError as exc:  # a full disk
                self.path.unlink(missing_ok=True)
                raise _cannot_lock(self.database, exc) from exc
            self._hold()
            return None
        return read_holder(self.database)

    def _key(self) -> str:
        return str(self.path.resolve())

    def _hold(self) -> None:
        with _held_guard:
            _held[self._key()] = _held.get(self._key(), 0) + 1
        self.held = True

    def release(self) -> None:
        if not self.held:
            return
        self.held = False
        with _held_guard:
            others = _held.get(self._key(), 1) - 1
            if others > 0:
                _held[self._key()] = others
                return
            _held.pop(self._key(), None)
            holder = read_holder(self.database)
            if holder is None or (holder.pid == os.getpid() and holder.host == socket.gethostname()):
                self.path.unlink(missing_ok=True)
