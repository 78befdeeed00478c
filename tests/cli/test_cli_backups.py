"""`jarjestokeskus backup --auto`: the day's automatic backup from a terminal or a scheduled task."""

from __future__ import annotations

from pathlib import Path

import pytest

from jarjestokeskus import i18n
from jarjestokeskus.cli.main import main
from jarjestokeskus.db.engine import open_database
from jarjestokeskus.i18n import _
from jarjestokeskus.services.database.backups import BackupKind, list_backups
from jarjestokeskus.services.database.maintenance import NotAFile


def test_backup_auto_once_a_day(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    open_database(db_path).close()
    assert main(["backup", "--auto", "--db", str(db_path)]) == 0
    (made,) = list_backups(db_path)
    assert made.kind is BackupKind.AUTOMATIC
    assert str(made.path) in capsys.readouterr().out
    assert main(["backup", "--auto", "--db", str(db_path), "--lang", "sv"]) == 0
    i18n.set_language("sv")
    assert capsys.readouterr().out.strip() == _("Today's automatic backup exists already.")
    assert len(list_backups(db_path)) == 1


def test_backup_auto_and_output_together_is_a_usage_error(db_path: Path, tmp_path: Path) -> None:
    open_database(db_path).close()
    assert main(["backup", "--auto", "-o", str(tmp_path / "x.sqlite"), "--db", str(db_path)]) == 2


def test_backup_auto_of_a_server(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    import jarjestokeskus.cli.maintenance as cli

    class Server:
        path = None

        def close(self) -> None:
            pass

    monkeypatch.setattr(cli, "open_existing", lambda _args: Server())
    assert main(["backup", "--auto", "--db", "postgresql+psycopg://office/register"]) == 1
    assert capsys.readouterr().err.strip() == NotAFile().user_message()
