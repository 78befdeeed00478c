"""The user's settings shared by the window and the command line (a small JSON file)."""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

import platformdirs

from jarjestokeskus.db.engine import APP_NAME


@dataclass(frozen=True)
class Settings:
    language: str | None = None  # None: follow the system language
    last_database: str | None = None
    recent_databases: tuple[str, ...] = field(default_factory=tuple)

    def with_(self, **changes: object) -> Settings:
        return replace(self, **changes)  # type: ignore[arg-type]


def settings_path() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "settings.json"


def load_settings() -> Settings:
    """The saved settings; defaults when the file is missing or unreadable."""
    try:
        data = json.loads(settings_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Settings()
    if not isinstance(data, dict):
        return Settings()
    language = data.get("language")
    recent = data.get("recent_databases")
    return Settings(
        language=language if language in ("fi", "sv") else None,
        last_database=data.get("last_database") if isinstance(data.get("last_database"), str) else None,
        # Only a list counts: a number would not iterate, a string or object would give nonsense.
        recent_databases=tuple(p for p in recent if isinstance(p, str))[:10]
        if isinstance(recent, list)
        else (),
    )


def save_settings(settings: Settings) -> None:
    """Write atomically, so a crash never leaves half a file."""
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    data = asdict(settings)
    data["recent_databases"] = list(settings.recent_databases)
    try:
        with temporary.open("w", encoding="utf-8") as file:
            json.dump(data, file, ensure_ascii=False, indent=2)
            file.flush()
            os.fsync(file.fileno())  # on disk before it replaces the old file
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
