"""A shared server's address as a URL, and "Test connection" for the settings."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import create_engine, inspect
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError

from jarjestokeskus.db.errors import NewerDatabase
from jarjestokeskus.i18n import _

DRIVER = "postgresql+psycopg"
DEFAULT_PORT = 5432
CONNECT_TIMEOUT_SECONDS = 5


@dataclass(frozen=True)
class ServerAddress:
    host: str
    port: int
    database: str
    user: str

    def url(self, password: str | None = None) -> str:
        """The URL to connect with; without `password` libpq looks in ~/.pgpass (or $PGPASSWORD)."""
        return URL.create(
            DRIVER, self.user, password or None, self.host, self.port, self.database
        ).render_as_string(hide_password=False)


def server_address(target: str | None) -> ServerAddress | None:
    """The parts of a PostgreSQL URL for the settings' fields; None for a file or anything else."""
    if not target or "://" not in target:
        return None
    try:
        url = make_url(target)
    except (ArgumentError, ValueError):
        return None
    if url.get_backend_name() != "postgresql":
        return None
    return ServerAddress(url.host or "", url.port or DEFAULT_PORT, url.database or "", url.username or "")


@dataclass(frozen=True)
class ConnectionCheck:
    ok: bool
    message: str
    needs_password: bool = False


def check_connection(url: str) -> ConnectionCheck:
    """Connect once and say what is there: this program's database, an empty one, or the error."""
    from jarjestokeskus.db.migrate import check_version

    engine = create_engine(url, connect_args={"connect_timeout": CONNECT_TIMEOUT_SECONDS})
    try:
        try:
            revision = check_version(engine)
        except NewerDatabase as newer:
            return ConnectionCheck(False, newer.user_message())
        if revision is not None:
            return ConnectionCheck(True, _("The connection works. The database is in use by this program."))
        with engine.connect() as connection:
            tables = inspect(connection).get_table_names()
        if tables:
            return ConnectionCheck(
                False, _("The connection works, but the database belongs to another program.")
            )
        return ConnectionCheck(
            True, _("The connection works. The database is empty: the program creates its tables on opening.")
        )
    except DBAPIError as exc:
        reason = str(exc.orig).strip().splitlines()[0] if str(exc.orig).strip() else type(exc.orig).__name__
        return ConnectionCheck(
            False,
            _("The connection failed: {reason}").format(reason=reason),
            needs_password=is_password_problem(reason),
        )
    finally:
        engine.dispose()


def is_password_problem(reason: str) -> bool:
    """libpq's words when the server wants a password it did not get, or got a wrong one."""
    text = reason.lower()
    return "password" in text and ("authentication failed" in text or "no password supplied" in text)


__all__ = ["ConnectionCheck", "ServerAddress", "check_connection", "is_password_problem", "server_address"]
