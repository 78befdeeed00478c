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
        return _("The file {path} is not a database of this program, or it is damaged.").format(
            path=self.path
        )


class CannotOpen(DatabaseProblem):
    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason

    def user_message(self) -> str:
        return _("The database {path} could not be opened: {reason}").format(
            path=self.path, reason=self.reason
        )
