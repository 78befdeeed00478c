"""The welfare-report contribution: a year's answers of one municipality's (or several's) member
organisations summed up, beside the previous year's, with the quotable texts as each organisation chose."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import select

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.models import Organisation, Survey, SurveyAnswer, SurveyQuestion, SurveyResponse
from jarjestokeskus.domain.survey import (
    ACTIVITIES,
    GROUPS,
    OBSERVATIONS,
    PARTICIPANTS,
    PREMISES,
    QUOTE,
    QUOTE_NAMED,
    QUOTE_NO,
    TARGET_GROUPS,
    THEMES,
    VOLUNTEER_HOURS,
    VOLUNTEERS,
    WISHES_COUNTY,
    WISHES_MUNICIPALITY,
)
from jarjestokeskus.i18n import localized, sort_key

SUMS = (GROUPS, PARTICIPANTS, VOLUNTEERS, VOLUNTEER_HOURS)
COUNTS = (ACTIVITIES, TARGET_GROUPS, PREMISES, THEMES)
TEXTS = (OBSERVATIONS, WISHES_MUNICIPALITY, WISHES_COUNTY)


@dataclass(frozen=True)
class Quote:
    text: str
    organisation: str | None  # None: to be quoted without the name


@dataclass
class YearFigures:
    year: int
    answered: int = 0
    sums: dict[str, Decimal] = field(default_factory=dict)
    counts: dict[str, Counter[str]] = field(default_factory=dict)
    texts: dict[str, list[Quote]] = field(default_factory=dict)


@dataclass(frozen=True)
class Contribution:
    this_year: YearFigures
    previous: YearFigures
    municipalities: tuple[str, ...]


def _wanted(municipalities: Iterable[str]) -> set[str]:
    return {m.strip().casefold() for m in municipalities if m.strip()}


def year_figures(db: Database, year: int, municipalities: Iterable[str], language: str = "fi") -> YearFigures:
    """The answers of `year` from organisations in `municipalities` (all, when none is given)."""
    wanted = _wanted(municipalities)
    figures = YearFigures(
        year,
        0,
        {key: Decimal(0) for key in SUMS},
        {key: Counter() for key in COUNTS},
        {key: [] for key in TEXTS},
    )
    with db.reading() as session:
        survey = session.scalar(select(Survey).where(Survey.year == year, Survey.archived_at.is_(None)))
        if survey is None:
            return figures
        keys = {
            q.id: q.key
            for q in session.scalars(select(SurveyQuestion).where(SurveyQuestion.survey_id == survey.id))
        }
        responses = [
            (r, o)
            for r, o in session.execute(
                select(SurveyResponse, Organisation)
                .join(Organisation, Organisation.id == SurveyResponse.organisation_id)
                .where(SurveyResponse.survey_id == survey.id, SurveyResponse.archived_at.is_(None))
            )
            if not wanted or r.municipality.strip().casefold() in wanted
        ]
        # The organisations' words in the order of their names, whatever order the database keeps.
        responses.sort(key=lambda pair: sort_key(localized(pair[1].name_fi, pair[1].name_sv, language)))
        answers: dict[object, dict[str, SurveyAnswer]] = {r.id: {} for r, _o in responses}
        for answer in session.scalars(
            select(SurveyAnswer).where(
                SurveyAnswer.response_id.in_(list(answers)), SurveyAnswer.archived_at.is_(None)
            )
        ):
            answers[answer.response_id][keys.get(answer.question_id, "")] = answer
        for response, organisation in responses:
            figures.answered += 1
            given = answers[response.id]
            for key in SUMS:
                if key in given and given[key].number_value is not None:
                    figures.sums[key] += given[key].number_value
            for key in COUNTS:
                if key in given:
                    figures.counts[key].update(v for v in given[key].text_value.splitlines() if v)
            permission = given[QUOTE].text_value if QUOTE in given else QUOTE_NO
            name = localized(organisation.name_fi, organisation.name_sv, language)
            for key in TEXTS:
                text = given[key].text_value.strip() if key in given else ""
                if text and permission != QUOTE_NO:
                    figures.texts[key].append(Quote(text, name if permission == QUOTE_NAMED else None))
    return figures


def contribution(
    db: Database, year: int, municipalities: Iterable[str], language: str = "fi"
) -> Contribution:
    places = tuple(municipalities)
    return Contribution(
        year_figures(db, year, places, language), year_figures(db, year - 1, places, language), places
    )


def area_municipalities(area: str) -> tuple[str, ...]:
    """The municipality names (both languages) an area covers: a wellbeing services county's
    municipalities, one municipality, or the text as typed; () for the whole region."""
    from jarjestokeskus.db.municipality_register import name_key, read_register

    wanted = name_key(area)
    if not wanted:
        return ()
    rows = list(read_register())
    county = [
        r for r in rows if wanted in (name_key(r["wellbeing_county_fi"]), name_key(r["wellbeing_county_sv"]))
    ]
    chosen = county or [r for r in rows if wanted in (name_key(r["name_fi"]), name_key(r["name_sv"]))]
    names = {str(name) for r in chosen for name in (r["name_fi"], r["name_sv"]) if name}
    return tuple(sorted(names)) if names else (area.strip(),)
