"""One organisation holds a business ID, unless the user confirms another shares it."""

from __future__ import annotations

from sqlalchemy import select

from jarjestokeskus.db.models import Organisation
from jarjestokeskus.domain.organisation import label
from jarjestokeskus.domain.validation import FieldError, ValidationFailed
from jarjestokeskus.i18n import _, current_language


class SameBusinessId(ValidationFailed):
    """Another organisation in the register has the business ID; `holder` is its name."""

    def __init__(self, business_id: str, holder: str) -> None:
        message = _("{field}: {holder} already has the business ID {business_id}.").format(
            field=label("business_id"), holder=holder, business_id=business_id
        )
        super().__init__([FieldError("business_id", message)])
        self.business_id = business_id
        self.holder = holder


def check_business_id(session, org: Organisation, business_id: str | None, shared: bool) -> None:  # type: ignore[no-untyped-def]
    """Refuse a business ID another organisation holds, unless the user confirmed it is shared.

    Only a new or changed business ID is refused: an organisation restored, or saved again with
    the ID it has, keeps it. `shares_business_id` marks each holder but one.
    """
    with session.no_autoflush:  # a new organisation is not in the table yet
        holders = _holders(session, org, business_id)
    if holders and business_id != org.business_id and not shared:
        name_fi, name_sv, _shares = holders[0]
        holder = (name_sv or name_fi) if current_language() == "sv" else (name_fi or name_sv)
        raise SameBusinessId(business_id or "", holder)
    org.shares_business_id = any(not shares for _fi, _sv, shares in holders)


def _holders(session, org: Organisation, business_id: str | None) -> list:  # type: ignore[no-untyped-def]
    return (
        session.execute(
            select(Organisation.name_fi, Organisation.name_sv, Organisation.shares_business_id).where(
                Organisation.business_id == business_id,
                Organisation.archived_at.is_(None),
                Organisation.id != org.id,
            )
        ).all()
        if business_id and org.archived_at is None
        else []
    )
