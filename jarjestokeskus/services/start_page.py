"""What the start page shows, read together: the key figures, the charts, the deadlines (with the
year clock's) and the member organisations by municipality.

Every read is plain SQL (db/plain.py), so the page can be read from a database file with sqlite3
alone, before SQLAlchemy and the models have loaded (the program's start, ui/window/start_up.py),
and from an open Database the same way.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from jarjestokeskus.services.calendar.deadlines import DeadlineRow, KeyFigures, deadlines, key_figures
from jarjestokeskus.services.municipalities import MunicipalityCount, members_by_municipality
from jarjestokeskus.services.start_charts import StartCharts, start_charts

if TYPE_CHECKING:
    from jarjestokeskus.db.engine import Database
    from jarjestokeskus.db.plain import PlainDatabase

DEADLINE_DAYS = 30  # overdue and due within this many days, until the user asks for another


@dataclass(frozen=True)
class StartPageRead:
    today: date
    within_days: int
    language: str  # the municipalities' names are in it
    figures: KeyFigures
    charts: StartCharts
    deadlines: list[DeadlineRow]
    places: list[MunicipalityCount]

    def in_language(self, db: Database | PlainDatabase, language: str) -> StartPageRead:
        """The same figures with the municipalities named in `language` (read again: names only)."""
        if language == self.language:
            return self
        return dataclasses.replace(self, language=language, places=members_by_municipality(db, language))


def read_start_page(
    db: Database | PlainDatabase,
    today: date,
    within_days: int,
    language: str,
    places: list[MunicipalityCount] | None = None,
) -> StartPageRead:
    """`places`: the members by municipality in `language` when the caller has counted them."""
    if places is None:
        places = members_by_municipality(db, language)
    members = sum(place.members for place in places)  # the same rule: not counted twice (100k rows)
    return StartPageRead(
        today,
        within_days,
        language,
        key_figures(db, today, members),
        start_charts(db, today),
        deadlines(db, today, within_days, year_clock=True),
        places,
    )
