"""The annual overview's tables for the activity report's appendix: grants by funder, staff and
participants by scheme with the outcomes of ended periods, and the agreements in force with their
goals' status on 31.12.; each beside the year before's where the year before has the figure."""

from __future__ import annotations

from decimal import Decimal

from babel.numbers import format_decimal
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from jarjestokeskus.domain.agreement_roles import InKindDirection
from jarjestokeskus.domain.enums import EmploymentOutcome, EmploymentScheme
from jarjestokeskus.i18n import N_, sort_key
from jarjestokeskus.reports.template import CONTENT_WIDTH, ReportWriter
from jarjestokeskus.services.annual_report_data import AnnualFigures

FUNDER = N_("Funder")
NO_FUNDER = N_("Funder not given")
GRANTED_IN = N_("Granted for {year}")
IN_USE = N_("In use in {year}")
PAID_IN = N_("Paid in {year}")
TOTAL = N_("Total")
NO_GRANTS = N_("No fundings for {year}.")
IN_USE_NOTE = N_(
    "In use: the grants for the year and the share of the year of multi-year grants by their period of "
    "use (the register keeps no bookkeeping). Paid: instalments paid in the year."
)
SCHEME = N_("Scheme")
PERSONS_IN = N_("Persons {year}")
PERSON_YEARS_IN = N_("Person-years {year}")
PARTICIPANT_SCHEME = N_("{scheme} (participants)")
OUTCOMES = N_("Outcomes of the periods that ended in {year}")
OUTCOME = N_("Outcome")
ENDED_IN = N_("Ended in {year}")
NOT_RECORDED = N_("not recorded")
NO_OUTCOMES = N_("No period ended in {year} or {before}.")
AGREEMENTS = N_("Agreements in force in {year} and their goals on {date}")
AGREEMENT = N_("Agreement")
COUNTERPARTY = N_("Counterparty")
GOALS = N_("Goals by their latest follow-up")
IN_KIND = N_("In-kind value {year}")
NO_ENTRY = N_("no follow-up")
NO_GOALS = N_("no goals")
RECEIVED = N_("received")
GIVEN = N_("given")
NO_AGREEMENTS = N_("No agreement was in force in {year}.")
LOCALES = {"fi": "fi_FI", "sv": "sv_FI"}


def person_years(w: ReportWriter, value: Decimal) -> str:
    """Person-years always with two decimals (format_number would drop the zeros of 2.00)."""
    return format_decimal(value, format="#,##0.00", locale=LOCALES[w.language])


def funders(w: ReportWriter, f: AnnualFigures) -> list[Flowable]:
    """Granted, in use and paid in the year by funder, beside the year before's grants."""
    if not f.funders:
        return [w.p(w.text(NO_GRANTS, year=f.year))]
    rows: list[list[str]] = [
        [
            t.name(w.language) or w.text(NO_FUNDER),
            w.money(t.granted),
            w.money(t.in_use),
            w.money(t.paid),
            w.money(t.granted_before),
        ]
        for t in f.funders
    ]

    def total(figure: str) -> str:
        return w.money(sum((getattr(t, figure) for t in f.funders), Decimal("0.00")))

    rows.append([w.text(TOTAL), *(total(n) for n in ("granted", "in_use", "paid", "granted_before"))])
    header = [
        w.text(FUNDER),
        w.text(GRANTED_IN, year=f.year),
        w.text(IN_USE, year=f.year),
        w.text(PAID_IN, year=f.year),
        w.text(GRANTED_IN, year=f.year - 1),
    ]
    widths = [CONTENT_WIDTH - 4 * 28 * mm, *(4 * [28 * mm])]
    table = w.table(header, rows, widths, numeric=(1, 2, 3, 4), bold_rows=(len(rows) - 1,))
    return [table, Spacer(1, 1.5 * mm), w.p(w.text(IN_USE_NOTE), w.cell_style)]


def staff(w: ReportWriter, f: AnnualFigures, before: AnnualFigures) -> Flowable:
    """Employed persons and person-years by scheme, participants apart, beside the year before's persons."""
    persons_before = {s.scheme: s.persons for s in (*before.staff.schemes, *before.staff.participant_schemes)}
    schemes = [s.scheme for s in f.staff.schemes]
    schemes += [s.scheme for s in before.staff.schemes if s.scheme not in schemes]
    now = {s.scheme: s for s in (*f.staff.schemes, *f.staff.participant_schemes)}

    def row(scheme: EmploymentScheme, label: str, with_years: bool) -> list[str]:
        current = now.get(scheme)
        return [
            label,
            w.number(current.persons if current else 0),
            person_years(w, current.person_years if current else Decimal(0)) if with_years else "",
            w.number(persons_before.get(scheme, 0)),
        ]

    rows = [row(s, w.label(s), True) for s in schemes]
    rows.append(
        [
            w.text(TOTAL),
            w.number(f.staff.persons),
            person_years(w, f.staff.person_years),
            w.number(before.staff.persons),
        ]
    )
    total = len(rows) - 1
    # Work trial and rehabilitative work are not employment: participants, without person-years.
    participants = [s.scheme for s in f.staff.participant_schemes]
    participants += [s.scheme for s in before.staff.participant_schemes if s.scheme not in participants]
    rows += [row(s, w.text(PARTICIPANT_SCHEME, scheme=w.label(s)), False) for s in participants]
    header = [
        w.text(SCHEME),
        w.text(PERSONS_IN, year=f.year),
        w.text(PERSON_YEARS_IN, year=f.year),
        w.text(PERSONS_IN, year=f.year - 1),
    ]
    widths = [CONTENT_WIDTH - 3 * 30 * mm, *(3 * [30 * mm])]
    return w.table(header, rows, widths, numeric=(1, 2, 3), bold_rows=(total,))


def outcomes(w: ReportWriter, f: AnnualFigures, before: AnnualFigures) -> Flowable:
    """The periods that ended in the year by scheme and outcome, beside the year before's."""
    counts = {(s, o): n for s, o, n in f.outcomes}
    counts_before = {(s, o): n for s, o, n in before.outcomes}
    keys = [
        (s, o)
        for s in EmploymentScheme
        for o in (*EmploymentOutcome, None)
        if (s, o) in counts or (s, o) in counts_before
    ]
    if not keys:
        return w.p(w.text(NO_OUTCOMES, year=f.year, before=f.year - 1))
    rows = [
        [
            w.label(s),
            w.label(o) if o is not None else w.text(NOT_RECORDED),
            w.number(counts.get((s, o), 0)),
            w.number(counts_before.get((s, o), 0)),
        ]
        for s, o in keys
    ]
    rows.append([w.text(TOTAL), "", w.number(sum(counts.values())), w.number(sum(counts_before.values()))])
    header = [
        w.text(SCHEME),
        w.text(OUTCOME),
        w.text(ENDED_IN, year=f.year),
        w.text(ENDED_IN, year=f.year - 1),
    ]
    widths = [62 * mm, CONTENT_WIDTH - 62 * mm - 2 * 28 * mm, 28 * mm, 28 * mm]
    return w.table(header, rows, widths, numeric=(2, 3), bold_rows=(len(rows) - 1,))


def agreements(w: ReportWriter, f: AnnualFigures) -> list[Flowable]:
    """Each agreement in force: its counterparties, its goals by their status on 31.12., in kind."""
    if not f.agreements:
        return [w.p(w.text(NO_AGREEMENTS, year=f.year))]
    ordered = sorted(f.agreements, key=lambda a: sort_key(a.title(w.language)))
    rows = []
    for a in ordered:
        goals = ", ".join(
            f"{w.label(status) if status is not None else w.text(NO_ENTRY)} {w.number(count)}"
            for status, count in a.goal_statuses
        )
        in_kind = ""
        if a.in_kind is not None:
            way = RECEIVED if a.direction == InKindDirection.RECEIVED else GIVEN
            in_kind = f"{w.money(a.in_kind)}\n{w.text(way)}"
        rows.append(
            [
                a.title(w.language),
                "; ".join(w.name(fi, sv) for fi, sv in a.counterparties),
                goals or w.text(NO_GOALS),
                in_kind,
            ]
        )
    header = [w.text(AGREEMENT), w.text(COUNTERPARTY), w.text(GOALS), w.text(IN_KIND, year=f.year)]
    widths = [56 * mm, 34 * mm, 46 * mm, CONTENT_WIDTH - 136 * mm]
    return [w.table(header, rows, widths, numeric=(3,))]
