"""The `server-roles` command: the staff, personnel administration and administrator roles on a
shared PostgreSQL database, created or updated (db.server_roles), or their SQL printed."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from jarjestokeskus.cli.common import OK, USER_ERROR
from jarjestokeskus.i18n import _


def add_server_roles_command(command: Any) -> None:
    """Register `server-roles [--print]` through the parser's `command(name, help, run)`."""
    roles = command(
        "server-roles",
        _(
            "on a shared PostgreSQL database: create or update the roles jk_staff, jk_personnel "
            "and jk_admin and their rights (run by the server's administrator)"
        ),
        run_server_roles,
    )
    roles.add_argument(
        "--print", action="store_true", help=_("print the SQL instead of running it, to run it by hand")
    )


def run_server_roles(args: argparse.Namespace) -> int:
    from sqlalchemy.exc import DBAPIError

    from jarjestokeskus.cli.common import database_target, where
    from jarjestokeskus.db.engine import database_url, open_database, sqlite_path
    from jarjestokeskus.db.server_errors import NoRight
    from jarjestokeskus.db.server_roles import apply_roles, program_tables, roles_sql

    url = database_url(database_target(args))
    if sqlite_path(url) is not None:
        print(
            _(
                "Roles are for a shared PostgreSQL database; a database file is kept by one user "
                "at a time and has none."
            ),
            file=sys.stderr,
        )
        return USER_ERROR
    db = open_database(url)
    try:
        if args.print:
            print(roles_sql(program_tables(db.engine)))
            return OK
        try:
            apply_roles(db.engine)
        except (DBAPIError, NoRight) as error:
            reason = str(error.orig if isinstance(error, DBAPIError) else error).strip()
            print(
                _("The roles could not be made on {database}: {reason}").format(
                    database=where(db), reason=reason
                ),
                file=sys.stderr,
            )
            return USER_ERROR
        print(
            _(
                "The roles jk_staff, jk_personnel and jk_admin are ready on {database}. Give each "
                "login one of them, e.g. GRANT jk_staff TO maija;"
            ).format(database=where(db))
        )
        return OK
    finally:
        db.close()
