"""The persons several tests need: a worker in rehabilitative work and a member's contact person."""

from __future__ import annotations

import uuid

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.models import Person, Role
from jarjestokeskus.domain.employment import EmploymentForm, PersonForm
from jarjestokeskus.domain.enums import EmploymentScheme, RoleKind
from jarjestokeskus.services.staff.employment import save_person


def worker_and_contact(db: Database, member: uuid.UUID) -> None:
    """Ville Työntekijä (decision KUNTOUTUS-77, outcome "jatkaa opintoihin") and Kaisa Yhteys,
    the contact person of `member`, each with an email and a phone."""
    period = EmploymentForm(
        EmploymentScheme.REHABILITATIVE_WORK, "Avustaja", "1.3.2026", "31.12.2026", "20",
        decision_number="KUNTOUTUS-77", outcome_note="jatkaa opintoihin",
    )  # fmt: skip
    save_person(db, PersonForm("Ville", "Työntekijä", "ville@example.fi", "040 111", employments=[period]))
    with db.transaction() as session:
        contact = Person(first_name="Kaisa", last_name="Yhteys", email="kaisa@example.fi", phone="050 222")
        session.add(contact)
        session.flush()
        session.add(Role(person_id=contact.id, organisation_id=member, kind=RoleKind.CONTACT_PERSON))
