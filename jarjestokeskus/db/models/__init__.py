"""All ORM classes; importing this package registers every table on `Base.metadata`."""

from jarjestokeskus.db.models.agreements import (
    Agreement,
    AgreementDocument,
    AgreementGoal,
    AgreementParty,
    MonitoringEntry,
)
from jarjestokeskus.db.models.audit import AuditEntry
from jarjestokeskus.db.models.employment import Employment, EmploymentFunding
from jarjestokeskus.db.models.organisations import MembershipFee, Organisation, Person, Role
from jarjestokeskus.db.models.projects import (
    Funding,
    Instalment,
    Project,
    ProjectPartner,
    ProjectStatusChange,
    ReportingObligation,
)

__all__ = [
    "Agreement",
    "AgreementDocument",
    "AgreementGoal",
    "AgreementParty",
    "AuditEntry",
    "Employment",
    "EmploymentFunding",
    "Funding",
    "Instalment",
    "MembershipFee",
    "MonitoringEntry",
    "Organisation",
    "Person",
    "Project",
    "ProjectPartner",
    "ProjectStatusChange",
    "ReportingObligation",
    "Role",
]
