"""Starting the window with a mistyped --db: a message, and nothing made on the disk."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from jarjestokeskus.ui import app


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
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: shown.append(text))
    monkeypatch.setattr(QApplication, "exec", lambda self: 0)
    assert app.run_gui(str(target), "fi") == 1
    assert len(shown) == 1 and str(target) in shown[0]
    assert sorted(tmp_path.rglob("*")) == before
    assert not any(word in shown[0] for word in ("Is a directory", "No such file"))
