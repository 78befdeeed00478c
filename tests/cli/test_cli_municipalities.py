"""`check` lists the municipality texts the register does not know, for the user to correct."""

from __future__ import annotations

from pathlib import Path

import pytest

from jarjestokeskus.cli.main import main
from jarjestokeskus.db.engine import open_database
from jarjestokeskus.domain.organisation import OrganisationForm
from jarjestokeskus.i18n import _
from jarjestokeskus.services.organisations.register import save_organisation


def test_check_lists_the_unmapped_municipalities(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    database = open_database(db_path)
    for name, place in (("A ry", "Smedsby"), ("B ry", "Smedsby"), ("C ry", "KORSHOLM"), ("D ry", "")):
        save_organisation(database, OrganisationForm(name_fi=name, municipality=place))
    database.close()
    assert main(["check", "--db", str(db_path)]) == 0
    out = capsys.readouterr().out
    message = _(
        "Municipality not in the register: {name} (organisations: {count}); correct it in the organisation."
    )
    assert message.format(name="Smedsby", count=2) in out
    assert "KORSHOLM" not in out
    assert _("The database is in order.") in out
