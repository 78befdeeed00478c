"""The demo scenario: a believable umbrella organisation in Vaasa, written into an empty database.

The data lives in resources/demo/scenario.json: the home organisation and its member
associations across Ostrobothnia, the city, the wellbeing services county, funders and parishes,
projects with their grants, the staff and their employment schemes, and the agreements with the
city and the county. All persons are invented; dates are absolute (the file is written for late
2026), so the scenario is "current" around that time and simply ages afterwards.

Everything is written in one transaction: all or nothing. Organisations go through the same
form rules and helper as the register, so their search and sort columns are right; the other
records are built by `demo_load`.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.errors import DatabaseProblem
from jarjestokeskus.db.models import Organisation, OrganisationName
from jarjestokeskus.domain.enums import (
    Field,
    MembershipStatus,
    OrganisationKind,
    RoleKind,
    StaffProfile,
    WorkingLanguage,
)
from jarjestokeskus.domain.organisation import FeeForm, OrganisationForm, RoleForm, validate
from jarjestokeskus.i18n import _
from jarjestokeskus.services.demo.cooperation import add_cooperation
from jarjestokeskus.services.demo.load import (
    MODELS,
    Batch,
    ScenarioError,
    add_agreement,
    add_project,
    add_staff_member,
)
from jarjestokeskus.services.organisations.register import apply_values

DEMO_DIR = Path(__file__).resolve().parents[3] / "resources" / "demo"
SCENARIO_FILE = DEMO_DIR / "scenario.json"
FORMAT = 1

Progress = Callable[[int, int], None]


class DemoNotEmpty(DatabaseProblem):
    """The demo is written only into a database that has no organisations yet."""

    def user_message(self) -> str:
        return _(
            "The demo scenario needs an empty database, and this one already has organisations. "
            "Create the demo in a new database file."
        )


@dataclass(frozen=True)
class DemoSummary:
    """What the demo wrote: all organisations, current members, projects, agreements, staff."""

    organisations: int
    members: int
    projects: int
    agreements: int
    staff: int


def load_scenario(path: Path = SCENARIO_FILE) -> dict[str, Any]:
    """The scenario file as read; raises ScenarioError when it is not one this program knows."""
    with path.open(encoding="utf-8") as file:
        data: dict[str, Any] = json.load(file)
    if data.get("format") != FORMAT:
        raise ScenarioError(f"{path}: scenario format {data.get('format')!r}, expected {FORMAT}")
    homes = [o for o in data["organisations"] if o.get("is_home")]
    if len(homes) != 1:
        raise ScenarioError(f"{path}: {len(homes)} home organisations, expected exactly one")
    return data


def create_demo(db: Database, progress: Progress | None = None) -> DemoSummary:
    """Fill an empty database with the demo scenario, all or nothing.

    Raises DemoNotEmpty (nothing written) when the database already has organisations, even
    archived ones. `progress(done, total)` is called after each organisation, project, staff
    member and agreement, after each table written, and once more when everything is saved;
    an exception raised by it before that last call cancels the whole demo.
    """
    data = load_scenario()
    items = sum(len(data[part]) for part in ("organisations", "projects", "staff", "agreements"))
    total = items + len(MODELS) + 1
    done = 0

    def step() -> None:
        nonlocal done
        done += 1
        if progress is not None:
            progress(done, total)

    batch = Batch()
    with db.transaction() as session:
        if session.scalar(select(func.count()).select_from(Organisation)):
            raise DemoNotEmpty()
        home_id = _add_organisations(session, data["organisations"], batch, date.today(), step)
        for project in data["projects"]:
            add_project(batch, project)
            step()
        for person in data["staff"]:
            add_staff_member(batch, person, home_id)
            step()
        for agreement in data["agreements"]:
            add_agreement(batch, agreement)
            step()
        batch.write(session, step)
        _add_new_registers(session)
        add_cooperation(session, batch.keys["organisations"])  # issue 21: bodies, checklist, grants
    step()
    return DemoSummary(
        organisations=len(data["organisations"]),
        members=sum(
            1 for o in data["organisations"] if o.get("membership_status") == MembershipStatus.MEMBER
        ),
        projects=len(data["projects"]),
        agreements=len(data["agreements"]),
        staff=len(data["staff"]),
    )


def _add_organisations(
    session: Session,
    items: list[dict[str, Any]],
    batch: Batch,
    today: date,
    step: Callable[[], None],
) -> uuid.UUID:
    """Every organisation through the form rules; returns the home organisation's id."""
    home_id: uuid.UUID | None = None
    # Nothing to find in the database yet: one flush at the end instead of one per organisation.
    with session.no_autoflush:
        for item in items:
            values = validate(organisation_form(item), today)
            org = Organisation(id=uuid.uuid4(), is_home=bool(item.get("is_home")))
            session.add(org)
            apply_values(session, org, values)
            for former in item.get("former_names", ()):
                session.add(
                    OrganisationName(
                        id=uuid.uuid4(),
                        organisation_id=org.id,
                        name_fi=former.get("name_fi", ""),
                        name_sv=former.get("name_sv", ""),
                        valid_until=date.fromisoformat(former["valid_until"]),
                    )
                )
            batch.remember("organisations", item["key"], org.id)
            if org.is_home:
                home_id = org.id
            step()
    session.flush()
    if home_id is None:
        raise ScenarioError("the scenario has no home organisation")
    return home_id


_FORM_FIELDS = {f.name for f in fields(OrganisationForm)}
_OWN_KEYS = {"key", "is_home", "former_names"}
_CHOICES: dict[str, Any] = {
    "kind": OrganisationKind,
    "field": Field,
    "working_language": WorkingLanguage,
    "staff_profile": StaffProfile,
    "membership_status": MembershipStatus,
}


def _typed_date(iso: str | None) -> str:
    """An ISO date of the file as a user types it (d.m.yyyy); None is empty."""
    if not iso:
        return ""
    day = date.fromisoformat(iso)
    return f"{day.day}.{day.month}.{day.year}"


def _typed_money(amount: str | None) -> str:
    return (amount or "").replace(".", ",")


def organisation_form(item: Mapping[str, Any]) -> OrganisationForm:
    """The form a user would have filled in for this organisation of the scenario."""
    unknown = set(item) - _FORM_FIELDS - _OWN_KEYS
    if unknown:
        raise ScenarioError(f"organisation {item.get('key')!r}: unknown fields {sorted(unknown)}")
    values: dict[str, Any] = {}
    for name, raw in item.items():
        if name in _OWN_KEYS:
            continue
        if name in _CHOICES:
            values[name] = _CHOICES[name](raw) if raw is not None else None
        elif name in ("member_since", "member_until"):
            values[name] = _typed_date(raw)
        elif name == "member_count":
            values[name] = "" if raw is None else str(raw)
        elif name == "fees":
            values[name] = [
                FeeForm(
                    year=str(f["year"]),
                    amount=_typed_money(f["amount"]),
                    paid_on=_typed_date(f.get("paid_on")),
                )
                for f in raw
            ]
        elif name == "roles":
            values[name] = [_role_form(r) for r in raw]
        else:
            values[name] = raw
    return OrganisationForm(**values)


def _role_form(role: Mapping[str, Any]) -> RoleForm:
    return RoleForm(
        first_name=role.get("first_name", ""),
        last_name=role.get("last_name", ""),
        email=role.get("email", ""),
        phone=role.get("phone", ""),
        kind=RoleKind(role["kind"]),
        start_date=_typed_date(role.get("start_date")),
        end_date=_typed_date(role.get("end_date")),
    )


def _add_new_registers(session: Session) -> None:
    """Fee terms, two years of survey answers and the events, in the demo's one transaction."""
    from jarjestokeskus.services.demo.events import add_events
    from jarjestokeskus.services.demo.fees import add_fee_terms
    from jarjestokeskus.services.demo.survey import add_survey_answers

    session.flush()
    add_fee_terms(session)
    add_survey_answers(session)
    add_events(session)
