"""Which years a grant belongs to: a multi-year grant counts in every year it runs.

STEA project (C) and investment (B) grants and ESF+ are decided once for up to three years (ESF+
for the project's period): such a grant *runs* in every calendar year of its period of use and
its *share* of a year is the granted sum prorated by the days of that year within the period.
The other grants are yearly: a STEA Ak/Ay grant may be used in its year and the next, which does
not make it a grant of the next year (that year has a grant of its own).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from jarjestokeskus.domain.enums import FundingInstrument

MULTI_YEAR_INSTRUMENTS = frozenset(
    {FundingInstrument.STEA_C, FundingInstrument.STEA_B, FundingInstrument.ESF_PLUS}
)
CENT = Decimal("0.01")


def is_multi_year(instrument: FundingInstrument, use_from: date | None, use_until: date | None) -> bool:
    """A grant of a multi-year instrument whose period of use reaches past one calendar year."""
    return (
        instrument in MULTI_YEAR_INSTRUMENTS
        and use_from is not None
        and use_until is not None
        and use_until.year > use_from.year
    )


def runs_in(
    instrument: FundingInstrument, year: int, use_from: date | None, use_until: date | None, in_year: int
) -> bool:
    """Whether a multi-year grant decided for `year` runs in a later year `in_year`."""
    if in_year <= year or not is_multi_year(instrument, use_from, use_until):
        return False
    assert use_from is not None and use_until is not None
    return use_from.year <= in_year <= use_until.year


def year_share(amount: Decimal, use_from: date, use_until: date, year: int) -> Decimal:
    """`amount` × days of `year` within use_from..use_until ÷ days of the period, to the cent."""
    total = (use_until - use_from).days + 1
    first, last = max(use_from, date(year, 1, 1)), min(use_until, date(year, 12, 31))
    days = max(0, (last - first).days + 1)
    if total <= 0:
        return Decimal("0.00")
    return (amount * days / total).quantize(CENT)
