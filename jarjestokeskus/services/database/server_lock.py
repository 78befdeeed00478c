"""One at a time on a shared server: work that reads and then writes many rows (an import) takes
a PostgreSQL advisory lock, so a second one waits and then sees what the first one saved.

On a SQLite file the database's own lock already lets only one program write."""

from __future__ import annotations

import time
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from jarjestokeskus.db.engine import Database


def lock_key(name: str) -> int:
    """A stable 32-bit key for the lock's name (PostgreSQL's advisory locks take a bigint)."""
    return zlib.crc32(f"jarjestokeskus:{name}".encode())


@contextmanager
def one_at_a_time(
    db: Database, name: str, waiting: Callable[[], None] | None = None, every: float = 0.2
) -> Iterator[None]:
    """Hold the server-wide lock `name` for the block (waits while another program holds it).

    With `waiting`, the wait asks for the lock again every `every` seconds and calls `waiting()`
    in between: it may raise (the user cancelled), and then the block never runs."""
    if db.engine.dialect.name != "postgresql":
        yield
        return
    key = lock_key(name)
    with db.engine.connect() as connection:
        if waiting is None:
            connection.exec_driver_sql(f"SELECT pg_advisory_lock({key})")
        else:
            while not connection.exec_driver_sql(f"SELECT pg_try_advisory_lock({key})").scalar():
                connection.commit()
                waiting()
                time.sleep(every)
        connection.commit()
        try:
            yield
        finally:
            connection.exec_driver_sql(f"SELECT pg_advisory_unlock({key})")
            connection.commit()
