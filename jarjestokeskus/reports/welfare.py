"""The member organisations' contribution to a welfare report (hyvinvointikertomus): a year's survey
answers of one municipality or the region, every figure beside the previous year's, the observed
themes, and the organisations' own words as each chose to be quoted (escaped, exactly as given)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from jarjestokeskus.db.engine import Database
from jarjestokeskus.domain.survey import (
    OBSERVATIONS,
    TARGET_GROUPS,
    THEMES,
    WISHES_COUNTY,
    WISHES_MUNICIPALITY,
)
from jarjestokeskus.i18n import N_
from jarjestokeskus.reports.charts import horizontal_bars
from jarjestokeskus.reports.template import Progress, ReportWriter, build_pdf
from jarjestokeskus.services.organisations.report_data import home_names
from jarjestokeskus.services.survey.questions import QuestionRow, questions
from jarjestokeskus.services.survey.welfare import (
    SUMS,
    Contribution,
    Quote,
    area_municipalities,
    contribution,
)
from jarjestokeskus.services.survey.welfare_plan import (
    ObjectiveGroup,
    council_term,
    objective_groups,
    term_label,
)

TITLE = N_("Contribution to the welfare report")
HEADING = N_("The member organisations' contribution to the welfare report {year}")
AREA = N_("Area: {area}")
WHOLE_REGION = N_("all municipalities of the member organisations")
PURPOSE = N_(
    "From the yearly survey of the member organisations: what they did, whom they reached and what "
    "they observed about the residents' wellbeing."
)
FIGURES = N_("Activity in figures")
FIGURE = N_("Figure")
ANSWERED = N_("Organisations that answered")
SUM_LABELS = {
    "groups": N_("Groups and forms of activity"),
    "participants": N_("Participants"),
    "volunteers": N_("Volunteers"),
    "volunteer_hours": N_("Hours of volunteering"),
}
REACHED = N_("Target groups reached (organisations)")
OBSERVED = N_("Observed themes (organisations)")
OWN_WORDS = N_("In the organisations' own words")
WISHES_TO_MUNICIPALITY = N_("Wishes to the municipality")
WISHES_TO_COUNTY = N_("Wishes to the wellbeing services county")
ANONYMOUS = N_("an organisation")
NONE = N_("None.")
BY_OBJECTIVE = N_("By the objectives of the welfare plan {term}")
OBJECTIVE_OF = N_("{municipality}: {objective}")
THEME = N_("Observed theme")
SERVING_GOALS = N_("Agreement goals serving it: {goals}")
NO_THEMES = N_("No survey theme is linked to this objective.")


def build_welfare(
    db: Database,
    language: str,
    out: Path | BinaryIO,
    *,
    year: int | None = None,
    area: str = "",
    progress: Progress | None = None,
) -> None:
    """The contribution of `year` (default: last year's survey) for `area`: a municipality or a
    wellbeing services county by name, or the whole region."""
    w = ReportWriter(language)
    year = year if year is not None else date.today().year - 1
    data = contribution(db, year, area_municipalities(area), language)
    asked = {q.key: q for q in questions(db, year)}
    if progress:
        progress(1, 3)
    shown_area = area.strip() or w.text(WHOLE_REGION)
    story: list[Flowable] = [
        w.title(w.text(HEADING, year=year)),
        w.p(w.text(AREA, area=shown_area)),
        w.p(w.text(PURPOSE)),
    ]
    story += _figures(w, data)
    story += _counts(w, data, asked.get(TARGET_GROUPS), TARGET_GROUPS, REACHED)
    story += _counts(w, data, asked.get(THEMES), THEMES, OBSERVED)
    story += _objectives(
        w, objective_groups(db, year, data.municipalities, language), asked.get(THEMES), year
    )
    story += _quotes(w, data.this_year.texts[OBSERVATIONS], OWN_WORDS)
    story += _quotes(w, data.this_year.texts[WISHES_MUNICIPALITY], WISHES_TO_MUNICIPALITY)
    story += _quotes(w, data.this_year.texts[WISHES_COUNTY], WISHES_TO_COUNTY)
    if progress:
        progress(2, 3)
    build_pdf(w, w.text(TITLE), home_names(db), story, out)
    if progress:
        progress(3, 3)


def _number(w: ReportWriter, value: Decimal) -> str:
    return w.number(value if value != value.to_integral() else int(value))


def _figures(w: ReportWriter, data: Contribution) -> list[Flowable]:
    this, previous = data.this_year, data.previous
    rows = [[w.text(ANSWERED), w.number(this.answered), w.number(previous.answered)]]
    for key in SUMS:
        rows.append([w.text(SUM_LABELS[key]), _number(w, this.sums[key]), _number(w, previous.sums[key])])
    widths = [90 * mm, 35 * mm, 35 * mm]
    header = [w.text(FIGURE), str(this.year), str(previous.year)]
    return [w.heading(w.text(FIGURES)), w.table(header, rows, widths, numeric=(1, 2))]


def _counts(
    w: ReportWriter, data: Contribution, question: QuestionRow | None, key: str, heading: str
) -> list[Flowable]:
    counts = data.this_year.counts[key]
    story: list[Flowable] = [w.heading(w.text(heading))]
    if not counts:
        return [*story, w.p(w.text(NONE))]
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    labels = [question.option_label(option, w.language) if question else option for option, _n in ordered]
    previous = data.previous.counts[key]
    rows = [
        [label, w.number(n), w.number(previous.get(option, 0))]
        for label, (option, n) in zip(labels, ordered, strict=True)
    ]
    chart = horizontal_bars(w, labels, [float(n) for _option, n in ordered])
    table = w.table(
        [w.text(heading), str(data.this_year.year), str(data.previous.year)],
        rows,
        [90 * mm, 35 * mm, 35 * mm],
        numeric=(1, 2),
    )
    return [*story, chart, table]


def _objectives(
    w: ReportWriter, groups: list[ObjectiveGroup], themes: QuestionRow | None, year: int
) -> list[Flowable]:
    """The observed themes again, under the welfare-plan objectives they speak to (when the
    municipalities have entered their objectives for the council term)."""
    if not groups:
        return []
    story: list[Flowable] = [w.heading(w.text(BY_OBJECTIVE, term=term_label(council_term(year))))]
    for group in groups:
        story.append(w.p(w.text(OBJECTIVE_OF, municipality=group.municipality, objective=group.objective)))
        if group.themes:
            rows = [
                [themes.option_label(key, w.language) if themes else key, w.number(now), w.number(before)]
                for key, now, before in group.themes
            ]
            header = [w.text(THEME), str(year), str(year - 1)]
            story.append(w.table(header, rows, [90 * mm, 35 * mm, 35 * mm], numeric=(1, 2)))
        else:
            story.append(w.p(w.text(NO_THEMES)))
        if group.goals:
            story.append(w.p(w.text(SERVING_GOALS, goals="; ".join(group.goals))))
    return story


def _quotes(w: ReportWriter, quotes: list[Quote], heading: str) -> list[Flowable]:
    story: list[Flowable] = [w.heading(w.text(heading))]
    if not quotes:
        return [*story, w.p(w.text(NONE))]
    for quote in quotes:
        who = quote.organisation or w.text(ANONYMOUS)
        story.append(w.p(f"“{quote.text}” – {who}"))
    return story
