"""The schema revisions read from the migration scripts as text agree with Alembic's own reading."""

from __future__ import annotations

from alembic.script import ScriptDirectory

from jarjestokeskus.db.migrate import alembic_config, head_revision, known_revisions


def test_head_and_known_revisions_are_alembics() -> None:
    script = ScriptDirectory.from_config(alembic_config())
    assert head_revision() == script.get_current_head()
    assert known_revisions() == {revision.revision for revision in script.walk_revisions()}
