"""The settings file: round trip, defaults from a bad file, and a write that is all or nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from jarjestokeskus.services import settings
from jarjestokeskus.services.settings import Settings, load_settings, save_settings


@pytest.fixture
def path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    target = tmp_path / "config" / "settings.json"
    monkeypatch.setattr(settings, "settings_path", lambda: target)
    return target


def test_default_location_is_the_users_config_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    assert settings.settings_path().name == "settings.json"
    assert settings.settings_path().is_relative_to(tmp_path)


def test_missing_file_gives_defaults(path: Path) -> None:
    assert not path.exists()
    assert load_settings() == Settings()
    assert Settings().language is None  # None: follow the system language


def test_round_trip(path: Path) -> None:
    saved = Settings(
        language="sv",
        last_database="/home/åsa/Järjestöt/rekisteri.sqlite",
        recent_databases=("/home/åsa/Järjestöt/rekisteri.sqlite", "/srv/yhteinen.sqlite"),
    )
    save_settings(saved)
    assert path.exists()
    assert load_settings() == saved
    assert "Järjestöt" in path.read_text(encoding="utf-8")  # readable UTF-8, not \\u escapes


def test_with_changes_one_field() -> None:
    assert Settings(language="fi").with_(last_database="x") == Settings(language="fi", last_database="x")


@pytest.mark.parametrize(
    "content",
    [
        b"{not json",
        b"\xff\xfe\x00garbage",
        b"[1, 2, 3]",
        b'"sv"',
        b"",
        b'{"language": "de", "last_database": 42, "recent_databases": 5}',
        b'{"language": null, "recent_databases": {"a": 1}}',
    ],
)
def test_unreadable_or_wrong_content_gives_defaults(path: Path, content: bytes) -> None:
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    assert load_settings() == Settings()


def test_readable_parts_of_a_partly_wrong_file_are_kept(path: Path) -> None:
    path.parent.mkdir(parents=True)
    data = {"language": "fi", "last_database": ["no"], "recent_databases": ["a.sqlite", 3, "b.sqlite"]}
    path.write_text(json.dumps(data), encoding="utf-8")
    assert load_settings() == Settings(language="fi", recent_databases=("a.sqlite", "b.sqlite"))


def test_recent_databases_are_at_most_eight(path: Path) -> None:
    save_settings(Settings(recent_databases=tuple(f"{n}.sqlite" for n in range(15))))
    assert load_settings().recent_databases == tuple(f"{n}.sqlite" for n in range(8))


def test_write_replaces_the_file_whole_and_leaves_no_temporary(path: Path) -> None:
    save_settings(Settings(language="fi"))
    save_settings(Settings(language="sv"))
    assert load_settings().language == "sv"
    assert sorted(p.name for p in path.parent.iterdir()) == ["settings.json"]


def test_a_failed_write_keeps_the_old_file(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    save_settings(Settings(language="fi", last_database="old.sqlite"))
    before = path.read_bytes()

    def disk_full(*_args: object, **_kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as patch:
        patch.setattr(settings.os, "replace", disk_full)
        with pytest.raises(OSError):
            save_settings(Settings(language="sv", last_database="new.sqlite"))
    assert path.read_bytes() == before
    assert load_settings() == Settings(language="fi", last_database="old.sqlite")
    assert sorted(p.name for p in path.parent.iterdir()) == ["settings.json"]
