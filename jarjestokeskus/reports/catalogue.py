"""The kinds of report, what each needs to be asked, and one way to build any of them.

The Reports view and the `report` command both go through `build_report`, so a report looks the
same wherever it is made. Each kind names the options it needs; the rest are ignored.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from jarjestokeskus.i18n import N_

if TYPE_CHECKING:  # the command line's parser lists the kinds without loading reportlab
    from jarjestokeskus.db.engine import Database
    from jarjestokeskus.reports.template import Progress

YEAR, COUNTERPARTY, ORGANISATION, GROUP_BY, WITHOUT_NAMES, DAYS, AREA = (
    "year",
    "counterparty",
    "organisation",
    "group_by",
    "without_names",
    "days",
    "area",
)


@dataclass(frozen=True)
class ReportOptions:
    """Everything a report can be asked; a kind reads only the options it needs."""

    year: int | None = None
    counterparty_id: uuid.UUID | None = None
    organisation_id: uuid.UUID | None = None
    group_by: str = "municipality"
    without_names: bool = False
    days: int = 30
    area: str = ""  # a municipality or a wellbeing services county by name; "": the whole region


@dataclass(frozen=True)
class ReportKind:
    key: str
    title: str  # marked with N_; translate with the report's or the window's catalogue
    needs: tuple[str, ...]
    module: str
    function: str

    def builder(self) -> Callable[..., None]:
        return getattr(import_module(f"jarjestokeskus.reports.{self.module}"), self.function)


KINDS: dict[str, ReportKind] = {
    kind.key: kind
    for kind in (
        ReportKind("members", N_("Member register"), (YEAR, GROUP_BY), "members", "build_members"),
        ReportKind(
            "organisation", N_("Organisation card"), (ORGANISATION,), "organisation", "build_organisation"
        ),
        ReportKind("projects", N_("Projects and funding"), (YEAR,), "projects", "build_projects"),
        ReportKind(
            "employment",
            N_("Staff and employment schemes"),
            (YEAR, WITHOUT_NAMES),
            "employment",
            "build_employment",
        ),
        ReportKind(
            "agreements", N_("Agreement report"), (YEAR, COUNTERPARTY), "agreements", "build_agreements"
        ),
        ReportKind("deadlines", N_("Deadlines"), (DAYS,), "deadlines", "build_deadlines"),
        ReportKind("annual", N_("Annual overview"), (YEAR,), "annual", "build_annual"),
        ReportKind(
            "representation", N_("Who represents us where"), (), "representation", "build_representation"
        ),
        ReportKind("checklist", N_("Cooperation checklist"), (YEAR,), "checklist", "build_checklist"),
        ReportKind("dependence", N_("What the members receive"), (YEAR,), "dependence", "build_dependence"),
        ReportKind(
            "welfare", N_("Contribution to the welfare report"), (YEAR, AREA), "welfare", "build_welfare"
        ),
    )
}


class MissingOption(ValueError):
    """A report was asked without an option it needs (`option` names it)."""

    def __init__(self, option: str) -> None:
        super().__init__(option)
        self.option = option


def build_report(
    db: Database,
    kind: str,
    language: str,
    out: Path | BinaryIO,
    options: ReportOptions,
    progress: Progress | None = None,
) -> None:
    """Write report `kind` in `language` to `out`."""
    report = KINDS[kind]
    arguments: dict[str, Any] = {"progress": progress}
    for need in report.needs:
        if need == YEAR:
            arguments["year"] = options.year
        elif need == COUNTERPARTY:
            if options.counterparty_id is None:
                raise MissingOption(COUNTERPARTY)
            arguments["counterparty_id"] = options.counterparty_id
        elif need == ORGANISATION:
            if options.organisation_id is None:
                raise MissingOption(ORGANISATION)
            arguments["organisation_id"] = options.organisation_id
        elif need == GROUP_BY:
            arguments["group_by"] = options.group_by
        elif need == WITHOUT_NAMES:
            arguments["without_names"] = options.without_names
        elif need == DAYS:
            arguments["days"] = options.days
        elif need == AREA:
            arguments["area"] = options.area
    report.builder()(db, language, out, **arguments)
