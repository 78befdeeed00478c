"""A database server that stops answering while the program runs: a message, not a driver error.

Installed by `open_database` on a PostgreSQL engine once it is open (a failure to open is
`CannotOpen`, whose reason the window reads to ask for a password). A connection the server has
dropped while idle is replaced without a word (the engine tests each one before use); one lost in
the middle of a save or a read, or a server that does not answer at all, becomes `ServerUnreachable`;
something the login's role may not do (db.server_roles) becomes `NoRight`.
"""

from __future__ import annotations

from sqlalchemy import Engine, event
from sqlalchemy.engine import ExceptionContext

from jarjestokeskus.db.errors import DatabaseProblem
from jarjestokeskus.i18n import _

# SQLSTATEs of a lost server: connection exceptions (class 08) and the server shutting down.
_SHUTDOWN = {"57P01", "57P02", "57P03"}


class ServerUnreachable(DatabaseProblem):
    def __init__(self, server: str, reason: str) -> None:
        super().__init__(f"{server}: {reason}")
        self.server = server
        self.reason = reason

    def user_message(self) -> str:
        return _(
            "The database server {server} does not answer, so this was not saved or read. Check the "
            "network connection (or ask the server's administrator), then try again."
        ).format(server=self.server)


class NoRight(DatabaseProblem):
    """The server refused the login this (db.server_roles: staff see no employment data)."""

    def user_message(self) -> str:
        return _(
            "Your login on the server has no right to this: it is kept for personnel administration "
            "or the administrator (ask them). Nothing was saved."
        )


def _lost(context: ExceptionContext) -> bool:
    import psycopg

    if context.is_disconnect:
        return True
    error = context.original_exception
    state = getattr(error, "sqlstate", None)
    if state:
        return state.startswith("08") or state in _SHUTDOWN
    # No SQLSTATE: the client library's own failure, e.g. no connection to the server at all.
    return isinstance(error, psycopg.OperationalError)


def install(engine: Engine, server: str) -> None:
    """`server`: how the user knows the server (its URL without the password)."""

    def on_error(context: ExceptionContext) -> BaseException | None:
        if getattr(context.original_exception, "sqlstate", None) == "42501":  # insufficient_privilege
            return NoRight(str(context.original_exception).strip())
        if not _lost(context):
            return None
        if context.is_pre_ping:
            # A pooled connection the server dropped (a restart, an idle timeout): the pool
            # replaces it when told it is gone; only a new one failing too reaches the user.
            context.is_disconnect = True
            return None
        return ServerUnreachable(server, str(context.original_exception).strip())

    event.listen(engine, "handle_error", on_error)


__all__ = ["ServerUnreachable", "install"]
