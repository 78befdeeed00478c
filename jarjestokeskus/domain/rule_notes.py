"""The notes of the rules the program ships (the schemes' limits, the funders' rules), in the
user's language. They are stored as the first migration wrote them, in English; a note a user
wrote is shown as it was written."""

from __future__ import annotations

from jarjestokeskus.i18n import N_, _

SHIPPED_NOTES = {
    N_("STEA: annual grant report by the end of May"),
    N_("STEA: results report in March"),
    N_("Use of the grant reported by mid-February"),
    N_("Four equal instalments at the start of February, May, August, November"),
    N_("By payment plan"),
    N_("By payment request"),
    N_("No wage, not employment; expense allowance per day"),
    N_("Organised by the wellbeing services county"),
    N_("Usually 5 or 10 months"),
    N_("Reduced work ability; up to 24 months"),
}
# Stored with "%", which gettext's tools would take for a format: the message says "per cent".
WORDED_NOTES = {
    "Associations, foundations, religious communities: a person unemployed over 2 years; pay counted up "
    "to 65 % of full working time (cap ?)": N_(
        "Associations, foundations, religious communities: a person unemployed over 2 years; pay counted "
        "up to 65 per cent of full working time"
    ),
    "People aged 55+; 70 % for 10 months, at least 25 h a week": N_(
        "People aged 55+; 70 per cent for 10 months, at least 25 h a week"
    ),
}


def note_text(note: str) -> str:
    if note in WORDED_NOTES:
        return _(WORDED_NOTES[note])
    return _(note) if note in SHIPPED_NOTES else note
