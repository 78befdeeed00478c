"""A list says when it was read only where it can be stale: not on the local database this window
writes (every change is announced to it), but beside another program that holds the database."""

from __future__ import annotations

from dataclasses import replace

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.lock import LockHolder
from jarjestokeskus.domain.organisation import OrganisationForm
from jarjestokeskus.services.organisations.register import save_organisation
from jarjestokeskus.ui.organisations.view import OrganisationsView


def test_the_read_time_shows_only_where_the_list_can_be_stale(qtbot, db: Database) -> None:  # type: ignore[no-untyped-def]
    save_organisation(db, OrganisationForm(name_fi="Vaasan Martat ry"))
    own = OrganisationsView(db, archived=False)
    qtbot.addWidget(own)
    own.show()
    # On a server others write too: there the list says when it was read even in this window.
    local = db.url.startswith("sqlite")
    assert (own.count_label.text() == "1 organisaatio") is local
    # As open_database leaves it when another program holds the file: read-only, naming the holder.
    holder = LockHolder("anna", "toimisto-pc", 4242, "2026-12-06T09:00")
    beside = replace(db, read_only=True, holder=holder)
    theirs = OrganisationsView(beside, archived=False)
    qtbot.addWidget(theirs)
    theirs.show()
    text = theirs.count_label.text()
    assert text.startswith("1 organisaatio · luettu klo ") and text[-5:-3].isdigit() and text[-3] == "."
