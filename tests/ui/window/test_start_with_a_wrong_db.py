"""Starting the window with a mistyped --db: a message, and nothing made on the disk."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from tests.ui.window.starting import run_start


@pytest.mark.parametrize("shape", ["missing folder", "a folder"])
def test_a_wrong_db_path_is_refused_without_making_anything(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shape: str
) -> None:
    target = {
        "missing folder": tmp_path / "Tiedostot" / "rekisteir.sqlite",
        "a folder": tmp_path / "kansio",
    }[shape]
    if shape == "a folder":
        target.mkdir()
    before = sorted(tmp_path.rglob("*"))
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: shown.append(text))
    assert run_start(monkeypatch, str(target)) == (1, None)
    assert len(shown) == 1 and str(target) in shown[0]
    assert sorted(tmp_path.rglob("*")) == before
    assert not any(word in shown[0] for word in ("Is a directory", "No such file"))
