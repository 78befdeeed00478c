"""A writer for the crash test: saves organisations one by one and says which were committed.

Run as `python -m tests.robustness.writer DATABASE FIRST_NUMBER`. After the line "open", each
line on stdout is "NUMBER ID" of an organisation whose save has returned (its transaction
committed); the parent kills this process at a random moment and then checks that every
organisation it was told of is in the database, whole.
"""

from __future__ import annotations

import sys

from jarjestokeskus.db.engine import open_database
from jarjestokeskus.domain.enums import RoleKind
from jarjestokeskus.domain.organisation import FeeForm, OrganisationForm, RoleForm
from jarjestokeskus.services.organisations.register import save_organisation


def form(number: int) -> OrganisationForm:
    """Organisation `number`, with a fee and a person, so a half-written save would show."""
    return OrganisationForm(
        name_fi=f"Kaatumistesti {number} ry",
        name_sv=f"Krasch {number} rf",
        municipality="Vaasa",
        notes="x" * (number % 7 * 300),
        fees=[FeeForm(str(2000 + number % 25), f"{number},50")],
        roles=[RoleForm(f"Etu{number}", f"Suku{number}", kind=RoleKind.CHAIR)],
    )


def main(path: str, first: int) -> None:
    db = open_database(path)
    number = first
    print("open" if not db.read_only else "read-only", flush=True)
    while True:
        stored = save_organisation(db, form(number))
        print(number, stored.id, flush=True)
        number += 1


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
