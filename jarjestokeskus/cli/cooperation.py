"""Cooperation on a terminal: `import grants FILE`, a grantor's decision list into members' grants."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from jarjestokeskus.cli.common import OK, USER_ERROR, open_existing, open_for_writing
from jarjestokeskus.i18n import _


def add_grants_import(kinds: Any, shared: argparse.ArgumentParser) -> None:
    """Register `import grants FILE --year YEAR --grantor NAME [--county] [--dry-run]` under `import`."""
    text = _("members' grants from a grantor's decision list (CSV or XLSX)")
    grants = kinds.add_parser("grants", help=text, description=text, parents=[shared], add_help=False)
    grants.add_argument("file", metavar=_("FILE"), type=Path, help=_("the CSV or XLSX file"))
    grants.add_argument(
        "--year", required=True, metavar=_("YEAR"), help=_("the grants' year, where the file has none")
    )
    grants.add_argument(
        "--grantor", required=True, metavar=_("NAME"), help=_("the municipality or county that granted")
    )
    grants.add_argument(
        "--county", action="store_true", help=_("the grantor is the wellbeing services county")
    )
    grants.add_argument(
        "--column",
        action="append",
        default=[],
        metavar=_("HEADING=FIELD"),
        help=_("which column is what where its heading does not tell, e.g. Summa=amount_granted"),
    )
    grants.add_argument(
        "--dry-run", action="store_true", help=_("check the file and show what would be done; save nothing")
    )
    grants.set_defaults(run=run_import_grants)


def run_import_grants(args: argparse.Namespace) -> int:
    from jarjestokeskus.domain.cooperation import AreaKind
    from jarjestokeskus.i18n import format_money
    from jarjestokeskus.services.cooperation.grant_import import (
        GrantDefaults,
        guess_grant_mapping,
        import_grants,
        preview_grants,
        problem_text,
    )
    from jarjestokeskus.services.organisations.import_files import ImportFileProblem, read_table

    try:
        table = read_table(args.file)
    except ImportFileProblem as problem:
        print(problem, file=sys.stderr)
        return USER_ERROR
    try:
        mapping = _mapping(table.header, guess_grant_mapping(table.header), args.column)
    except ValueError as problem:
        print(problem, file=sys.stderr)
        return USER_ERROR
    kind = AreaKind.WELLBEING_COUNTY if args.county else AreaKind.MUNICIPALITY
    db = open_existing(args) if args.dry_run else open_for_writing(args)
    try:
        preview = preview_grants(db, table, mapping, GrantDefaults(args.year, kind, args.grantor))
        for grant in preview.grants:
            granted = grant.values.amount_granted
            print(
                f"{grant.row}\t{grant.organisation}\t{grant.values.instrument.label}\t{format_money(granted)}"
            )
        for problem in preview.problems:
            print(problem_text(problem), file=sys.stderr)
        if preview.problems:
            print(_("Nothing was saved: correct the rows above."), file=sys.stderr)
            return USER_ERROR
        if args.dry_run:
            print(_("Dry run: nothing was saved."))
            return OK
        print(_("Grants imported: {count}").format(count=import_grants(db, preview)))
        return OK
    finally:
        db.close()


def _mapping(header: tuple[str, ...], guessed: dict[int, str], columns: list[str]) -> dict[int, str]:
    """The guessed {column: field} with the user's HEADING=FIELD choices over it (ValueError: why not)."""
    from jarjestokeskus.services.cooperation.grant_import import FIELDS

    mapping = dict(guessed)
    headings = [heading.strip().casefold() for heading in header]
    for choice in columns:
        heading, _sep, field = choice.partition("=")
        field = field.strip()
        if field not in FIELDS:
            raise ValueError(
                _("--column {choice}: FIELD is one of {fields}").format(
                    choice=choice, fields=", ".join(FIELDS)
                )
            )
        if heading.strip().casefold() not in headings:
            raise ValueError(
                _("--column {choice}: the file has no column {heading}").format(
                    choice=choice, heading=heading.strip()
                )
            )
        mapping = {column: key for column, key in mapping.items() if key != field}
        mapping[headings.index(heading.strip().casefold())] = field
    return mapping
