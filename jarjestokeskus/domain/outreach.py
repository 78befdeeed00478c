"""Reaching the members: who a mailing goes to (a filter), the kinds of contact, mail-client batches."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field

from jarjestokeskus.domain.enums import (
    Field,
    LabelledEnum,
    MembershipStatus,
    RoleKind,
    StaffProfile,
    WorkingLanguage,
)
from jarjestokeskus.i18n import N_

BCC_BATCH = 50  # mail clients and servers refuse or flag more recipients in one message

_LABELS: dict[str, dict[str, str]] = {
    "ContactKind": {
        "call": N_("Phone call"),
        "meeting": N_("Meeting"),
        "advisory_visit": N_("Advisory visit"),
        "email": N_("Email"),
        "letter": N_("Letter"),
        "invoice": N_("Invoice"),
        "other": N_("Other contact"),
    },
}


class ContactKind(LabelledEnum):
    CALL = "call"
    MEETING = "meeting"
    ADVISORY_VISIT = "advisory_visit"
    EMAIL = "email"
    LETTER = "letter"
    INVOICE = "invoice"
    OTHER = "other"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return _LABELS[cls.__name__]


@dataclass(frozen=True)
class RecipientFilter:
    """Which organisations and which of their people a mailing reaches; empty means any.

    Without roles, each organisation's own email is used (else its contact person's).
    """

    statuses: tuple[MembershipStatus, ...] = (MembershipStatus.MEMBER,)
    fields: tuple[Field, ...] = ()
    municipalities: tuple[str, ...] = ()
    languages: tuple[WorkingLanguage, ...] = ()
    staff_profiles: tuple[StaffProfile, ...] = ()
    roles: tuple[RoleKind, ...] = ()

    def to_json(self) -> str:
        return json.dumps({k: list(v) for k, v in asdict(self).items()}, ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> RecipientFilter:
        data = json.loads(text or "{}")
        return cls(
            statuses=tuple(MembershipStatus(v) for v in data.get("statuses", ["member"])),
            fields=tuple(Field(v) for v in data.get("fields", [])),
            municipalities=tuple(data.get("municipalities", [])),
            languages=tuple(WorkingLanguage(v) for v in data.get("languages", [])),
            staff_profiles=tuple(StaffProfile(v) for v in data.get("staff_profiles", [])),
            roles=tuple(RoleKind(v) for v in data.get("roles", [])),
        )


@dataclass(frozen=True)
class Recipient:
    organisation_id: object
    organisation: str
    person: str  # "" when the organisation's own address
    role: RoleKind | None
    email: str


@dataclass(frozen=True)
class MailingResult:
    recipients: list[Recipient] = field(default_factory=list)
    without_address: list[tuple[object, str, str]] = field(default_factory=list)  # (id, organisation, why)

    @property
    def addresses(self) -> list[str]:
        """Each address once, in the order of the recipients."""
        seen: dict[str, None] = {}
        for recipient in self.recipients:
            seen.setdefault(recipient.email.strip().lower(), None)
        return list(seen)

    @property
    def organisation_ids(self) -> list[object]:
        return list(dict.fromkeys(r.organisation_id for r in self.recipients))


def batches(addresses: Sequence[str], size: int = BCC_BATCH) -> list[list[str]]:
    return [list(addresses[i : i + size]) for i in range(0, len(addresses), size)]


def vcard(recipient: Recipient) -> str:
    """A vCard 3.0 of one recipient (RFC 6350's escaping of , ; \\)."""

    def escape(text: str) -> str:
        return text.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;").replace("\n", "\\n")

    name = recipient.person or recipient.organisation
    return "\r\n".join(
        [
            "BEGIN:VCARD",
            "VERSION:3.0",
            f"FN:{escape(name)}",
            f"N:{escape(name)};;;;",
            f"ORG:{escape(recipient.organisation)}",
            f"EMAIL;TYPE=INTERNET:{recipient.email}",
            "END:VCARD",
        ]
    )
