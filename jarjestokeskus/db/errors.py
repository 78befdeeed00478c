"""Database problems sorted into what the user can act on; each carries a translated message."""

from __future__ import annotations

from jarjestokeskus.i18n import _


class DatabaseProblem(Exception):
    """A problem the user can understand and act on (not a bug)."""

    def user_message(self) -> str:
        return str(self)


class ReadOnlyDatabase(DatabaseProblem):
    def __init__(self, holder: str = "") -> None:
        super().__init__(holder)
        self.holder = holder

    def user_message(self) -> str:
        if self.holder:
            return _("The database is open read-only because {holder} has it open.").format(
                holder=self.holder
            )
        return _("The database is open read-only; changes cannot be saved.")


class StaleRecord(DatabaseProblem):
    def user_message(self) -> str:
        return _(
            "Someone else saved this record after you opened it. Your changes were not saved; "
            "they are still in the form. Reopen the record and apply them again."
        )


class RecordNotFound(DatabaseProblem):
    def user_message(self) -> str:
        return _("The record no longer exists.")


class NewerDatabase(DatabaseProblem):
    def __init__(self, revision: str) -> None:
        super().__init__(revision)
        self.revision = revision

    def user_message(self) -> str:
        return _(
            "This database was made by a newer version of the program (schema {revision}). "
            "Update the program to open it."
        ).format(revision=self.revision)


class NotADatabase(DatabaseProblem):
    def __init__(self, path: str) -> None:
        super().__init__(path)
        self.path = path

    def user_message(self) -> str:
        return _(
            "The file {path} is not a database of this program, or it is damaged. Choose the right "
            "database file, or restore the latest backup (ask your IT support if you need help)."
        ).format(path=self.path)


class CannotOpen(DatabaseProblem):
    """`reason`: the OSError or driver error itself (worded in the user's language when shown),
    or a text."""

    def __init__(self, path: str, reason: str | BaseException, *, reading: bool = False) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = (
            reason if isinstance(reason, str) else (getattr(reason, "strerror", None) or str(reason))
        )
        self.error = reason  # worded in the user's language when shown
        self.reading = reading  # the file could not be read (not: its folder written)

    def user_message(self) -> str:
        reason = os_read_reason(self.error) if self.reading else os_reason(self.error)
        return _("The database {path} could not be opened: {reason}").format(path=self.path, reason=reason)


class DiskFull(DatabaseProblem):
    def __init__(self, path: str) -> None:
        super().__init__(path)
        self.path = path

    def user_message(self) -> str:
        return _(
            "The disk of the database {path} is full: nothing more can be saved. Free some space on "
            "the disk (or ask your IT support to), then save again."
        ).format(path=self.path)


class ReadOnlyLocation(DatabaseProblem):
    """The file or its folder cannot be written (permissions, a read-only disk or share)."""

    def __init__(self, path: str) -> None:
        super().__init__(path)
        self.path = path

    def user_message(self) -> str:
        return _(
            "The database {path} cannot be written: the file or its folder is read-only. Copy the "
            "database to a folder where you may save files, or ask for the right to write there."
        ).format(path=self.path)


class DatabaseUnavailable(DatabaseProblem):
    """A read or write failed below SQLite: a removed disk, a lost network folder."""

    def __init__(self, path: str) -> None:
        super().__init__(path)
        self.path = path

    def user_message(self) -> str:
        return _(
            "The database {path} could not be read or written: the disk or the network folder may "
            "be gone. Check the disk or the connection, then close the program and open it again."
        ).format(path=self.path)


class DatabaseDamaged(DatabaseProblem):
    def __init__(self, path: str) -> None:
        super().__init__(path)
        self.path = path

    def user_message(self) -> str:
        return _(
            "The database {path} is damaged. Restore the latest backup (File ▸ Restore from a "
            "backup…), or ask your IT support for help."
        ).format(path=self.path)


class DatabaseGone(DatabaseProblem):
    """The file was deleted, moved or replaced under the running program."""

    def __init__(self, path: str) -> None:
        super().__init__(path)
        self.path = path

    def user_message(self) -> str:
        return _(
            "The database file {path} was deleted, moved or replaced while the program was running, "
            "so nothing more can be saved into it. Close the program, put the file back or restore "
            "a backup, and open the database again."
        ).format(path=self.path)


class DatabaseBusy(DatabaseProblem):
    def user_message(self) -> str:
        return _(
            "Another program kept the database busy for too long. The change was not saved; try "
            "again in a moment."
        )


def os_reason(error: BaseException | str) -> str:
    """Why a file could not be read or written, in the user's language, with what to do."""
    import errno

    if isinstance(error, str):
        return error
    code = getattr(error, "errno", None)
    if code in (errno.ENOSPC, errno.EDQUOT):
        return _("the disk is full. Free some space or choose another disk, then try again.")
    if code == errno.EROFS:
        return _("the disk or folder is read-only. Choose a folder where you may save files.")
    if code in (errno.EACCES, errno.EPERM):
        return _("you have no right to write there. Choose another folder or ask for the right.")
    if code == errno.ENOENT:
        return _(
            "the folder does not exist (a removed USB stick or a lost network folder?). Check the "
            "folder and try again."
        )
    if code == errno.EIO:
        return _("the disk could not be read or written. Check the disk or the network connection.")
    if code == errno.EISDIR:
        return _("a folder has that name. Give the name of a file.")
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None:
        return _sqlite_reason(code & 0xFF) or str(error)
    return _unknown_reason(error)


def os_read_reason(error: BaseException | str) -> str:
    """Why a file could not be read, in the user's language, with what to do."""
    import errno

    if isinstance(error, str):
        return error
    code = getattr(error, "errno", None)
    if code in (errno.EACCES, errno.EPERM):
        return _("you have no right to read the file. Ask for the right, or copy the file elsewhere.")
    if code == errno.ENOENT:
        return _("the file does not exist. Check the name and the folder.")
    if code == errno.EISDIR:
        return _("it is a folder, not a file. Choose a file.")
    return os_reason(error)


def _unknown_reason(error: BaseException) -> str:
    # The system's own words are English: show them only as a detail after our sentence.
    detail = getattr(error, "strerror", None) or str(error) or type(error).__name__
    return _("the system reported an error ({detail}).").format(detail=detail)


def _sqlite_reason(code: int) -> str | None:
    # SQLite's primary result codes: https://sqlite.org/rescode.html
    if code == 13:  # SQLITE_FULL
        return _("the disk is full. Free some space or choose another disk, then try again.")
    if code in (3, 8):  # SQLITE_PERM, SQLITE_READONLY
        return _("the disk or folder is read-only. Choose a folder where you may save files.")
    if code in (11, 26):  # SQLITE_CORRUPT, SQLITE_NOTADB
        return _("the file is damaged or not a database.")
    if code in (10, 14):  # SQLITE_IOERR, SQLITE_CANTOPEN
        return _("the disk could not be read or written. Check the disk or the network connection.")
    if code in (5, 6):  # SQLITE_BUSY, SQLITE_LOCKED
        return _("another program is using the database. Try again in a moment.")
    return None
