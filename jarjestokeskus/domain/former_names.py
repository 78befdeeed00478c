"""An organisation's earlier names as typed in their window, checked: each with a name, the day
until which it was used and, when known, the day from which; no two used on the same day."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from jarjestokeskus.domain.validation import Errors, check_length, clean, parse_date
from jarjestokeskus.i18n import N_, _, format_date

LABELS = {
    "name_fi": N_("Name in Finnish"),
    "name_sv": N_("Name in Swedish"),
    "valid_from": N_("Used from"),
    "valid_until": N_("Used until"),
}
NAME_LIMIT = 200  # the columns' length


def label(key: str) -> str:
    return _(LABELS[key])


@dataclass(frozen=True)
class FormerNameForm:
    """One row as typed; `name_id` and `version` of a stored name."""

    name_fi: str = ""
    name_sv: str = ""
    valid_from: str = ""
    valid_until: str = ""
    name_id: uuid.UUID | None = None
    version: int | None = None


@dataclass(frozen=True)
class FormerNameValues:
    name_fi: str
    name_sv: str
    valid_from: date | None
    valid_until: date
    name_id: uuid.UUID | None
    version: int | None


def validate_former_names(forms: list[FormerNameForm]) -> list[FormerNameValues]:
    """The rows checked; ValidationFailed names each wrong cell as `former_names[i].key`."""
    errors = Errors()
    values: list[tuple[int, FormerNameValues]] = []
    for index, form in enumerate(forms):
        key = f"former_names[{index}]."
        name_fi, name_sv = clean(form.name_fi), clean(form.name_sv)
        if not name_fi and not name_sv:
            errors.add(key + "name_fi", _("Give the earlier name in Finnish or in Swedish."))
        for field, name in (("name_fi", name_fi), ("name_sv", name_sv)):
            check_length(name, NAME_LIMIT, key + field, label(field), errors)
        since = parse_date(form.valid_from, key + "valid_from", label("valid_from"), errors)
        until = parse_date(form.valid_until, key + "valid_until", label("valid_until"), errors)
        if until is None and clean(form.valid_until) == "":
            errors.add(
                key + "valid_until",
                _("{field}: give the last day the name was used").format(field=label("valid_until")),
            )
        if since and until and until < since:
            errors.add(
                key + "valid_until",
                _("{field}: cannot be before the day it was first used").format(field=label("valid_until")),
            )
        if until is not None:
            values.append(
                (index, FormerNameValues(name_fi, name_sv, since, until, form.name_id, form.version))
            )
    ordered = sorted(values, key=lambda item: item[1].valid_until)
    for (_first, earlier), (index, later) in zip(ordered, ordered[1:], strict=False):
        starts = later.valid_from or later.valid_until
        if starts <= earlier.valid_until:
            errors.add(
                f"former_names[{index}].valid_until",
                _("Two earlier names cannot both be used on {day}.").format(
                    day=format_date(earlier.valid_until)
                ),
            )
    errors.raise_if_any()
    return [value for _index, value in values]
