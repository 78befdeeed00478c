"""The user's settings shared by the window and the command line (a small JSON file).

Read before the command line knows its language: this module loads no database layer.
"""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

import platformdirs

from jarjestokeskus.db.places import APP_NAME, ENV_DB, sqlite_path

RECENT_LIMIT = 8
DEFAULT_BACKUP_FOLDER = "backups"  # beside the database file, as maintenance.BACKUP_FOLDER


@dataclass(frozen=True)
class Settings:
    language: str | None = None  # None: follow the system language
    last_database: str | None = None
    recent_databases: tuple[str, ...] = field(default_factory=tuple)
    # The database opened at start when neither --db nor $JARJESTOKESKUS_DB says otherwise:
    # a file path or a server URL without its password (None: the file in the data folder).
    database: str | None = None
    backup_folder: str | None = None  # None: a "backups" folder beside the database file
    appearance: str = "system"  # light or dark: "system" (follow it), "light" or "dark"
    # Events that ended more than this many years ago may have their attendance lists reduced to counts.
    attendance_years: int = 3

    def with_(self, **changes: object) -> Settings:
        return replace(self, **changes)  # type: ignore[arg-type]

    def with_recent(self, target: str) -> Settings:
        """`target` first in the recent databases, without duplicates, at most eight.

        A server URL is kept without its password: the settings file is plain text.
        """
        target = without_password(target)
        key = _same(target)
        others = [t for t in self.recent_databases if _same(t) != key]
        return replace(self, recent_databases=tuple([target, *others])[:RECENT_LIMIT])


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
    appearance = data.get("appearance")
    return Settings(
        language=language if language in ("fi", "sv") else None,
        last_database=_text(data.get("last_database")),
        # Only a list counts: a number would not iterate, a string or object would give nonsense.
        recent_databases=tuple(p for p in recent if isinstance(p, str) and p)[:RECENT_LIMIT]
        if isinstance(recent, list)
        else (),
        database=_text(data.get("database")),
        backup_folder=_text(data.get("backup_folder")),
        appearance=appearance if appearance in ("system", "light", "dark") else "system",
        attendance_years=_years(data.get("attendance_years")),
    )


def _years(value: object) -> int:
    """A whole number of years from 1 to 50; anything else gives the default."""
    if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 50:
        return value
    return Settings.attendance_years


def _text(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


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


def start_database(settings: Settings) -> str | None:
    """What the program opens at start without --db: $JARJESTOKESKUS_DB wins over the setting."""
    return os.environ.get(ENV_DB) or settings.database or None


def recent_for_menu(settings: Settings) -> list[str]:
    """The recent databases still there: files that were removed or moved are left out."""
    shown = []
    for target in settings.recent_databases:
        path = _file(target)
        if path is None or path.is_file():
            shown.append(target)
    return shown


def remember_database(target: str) -> None:
    """Put a database the window opened first in the recent list (a server URL without password).

    The list is a convenience: a settings file that cannot be written does not stop the opening.
    """
    with contextlib.suppress(OSError):
        save_settings(load_settings().with_recent(target))


def without_password(target: str) -> str:
    if "://" not in target:
        return target
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        return make_url(target)._replace(password=None).render_as_string(hide_password=False)
    except (ArgumentError, ValueError):
        return target


def backup_folder_for(database_path: Path) -> Path:
    """The folder for backups of the database file: the chosen one, else "backups" beside it."""
    chosen = load_settings().backup_folder
    if chosen:
        return Path(chosen).expanduser()
    return Path(database_path).parent / DEFAULT_BACKUP_FOLDER


def _file(target: str) -> Path | None:
    if "://" in target:
        return sqlite_path(target)
    return Path(target).expanduser()


def _same(target: str) -> str:
    """Two spellings of one database count as one entry: resolved file paths, URLs as they are."""
    path = _file(target)
    if path is None:
        return without_password(target)
    try:
        return str(path.resolve())
    except OSError:
        return str(path)
