"""The schema revisions read from the migration scripts as text (db.plain, without Alembic) agree
with Alembic's own reading: a new migration cannot leave the known head behind."""

from __future__ import annotations

from alembic.script import ScriptDirectory

from jarjestokeskus.db.migrate import alembic_config
from jarjestokeskus.db.plain import head_revision, known_revisions


def test_head_and_known_revisions_are_alembics() -> None:
    script = ScriptDirectory.from_config(alembic_config())
    assert head_revision() == script.get_current_head()
    assert known_revisions() == {revision.revision for revision in script.walk_revisions()}
