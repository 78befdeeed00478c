"""The program's own record of the files it wrote with personal data outside its backup folder.

Backups written elsewhere (`backup -o`), meeting copies and exports cannot be reached again once
written: an erasure names them to the user, from this record, so they can be deleted by hand.
The record (paths only) is a small JSON file in the user's data folder.
"""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from jarjestokeskus.db.places import data_dir

RECORD_FILE = "written-files.json"
RECORD_LIMIT = 2000  # the newest entries are kept


@dataclass(frozen=True)
class WrittenFile:
    path: Path
    kind: str  # backup, meeting-copy, export, person-export
    database: str
    written_at: str


def remember_written(database: str | Path | None, path: Path, kind: str) -> None:
    """Add `path` to the record (best effort: a failure here never fails the writing itself)."""
    entries = [e for e in _load() if Path(e["path"]) != Path(path).resolve()]
    entries.append(
        {
            "path": str(Path(path).resolve()),
            "kind": kind,
            "database": str(database or ""),
            "written_at": datetime.now(UTC).isoformat(timespec="seconds"),
        }
    )
    record = data_dir() / RECORD_FILE
    with contextlib.suppress(OSError):
        record.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        temporary = record.with_name(f".{record.name}.{os.getpid()}.tmp")
        temporary.write_text(json.dumps(entries[-RECORD_LIMIT:]), encoding="utf-8")
        os.chmod(temporary, 0o600)
        os.replace(temporary, record)


def written_files(database: str | Path | None) -> list[WrittenFile]:
    """The files written from `database` that are still there, newest first."""
    found = []
    for entry in reversed(_load()):
        path = Path(entry["path"])
        # An export does not know its database (""): it is named for every database's erasure.
        if entry.get("database") in (str(database or ""), "") and path.exists():
            found.append(
                WrittenFile(path, str(entry.get("kind", "")), entry["database"], entry["written_at"])
            )
    return found


def _load() -> list[dict[str, str]]:
    try:
        data = json.loads((data_dir() / RECORD_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    if not isinstance(data, list):
        return []
    return [e for e in data if isinstance(e, dict) and isinstance(e.get("path"), str) and "written_at" in e]
