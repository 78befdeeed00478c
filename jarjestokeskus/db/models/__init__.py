"""All ORM classes; importing this package registers every table on `Base.metadata`."""

from jarjestokeskus.db.models.agreements import (
    Agreement,
    AgreementDocument,
    AgreementGoal,
    AgreementParty,
    MonitoringEntry,
)
from jarjestokeskus.db.models.audit import AuditEntry
from jarjestokeskus.db.models.closing import ClosedReport, ClosedYear
from jarjestokeskus.db.models.cooperation import (
    Body,
    BodyMeeting,
    BodySeat,
    ChecklistElement,
    ChecklistEntry,
    MeetingMinutes,
    MemberActivity,
    MemberGrant,
    MemberPremises,
)
from jarjestokeskus.db.models.employment import Employment, EmploymentFunding, SchemeLimit
from jarjestokeskus.db.models.erasure import AttendanceReduction, Erasure, RegisterIdentity
from jarjestokeskus.db.models.events import (
    Event,
    EventAttendanceCount,
    EventFeedback,
    EventFeedbackImport,
    EventRegistration,
)
from jarjestokeskus.db.models.fees import BankPayment, FeeClass, FeeInvoice, FeeYear
from jarjestokeskus.db.models.municipalities import Municipality
from jarjestokeskus.db.models.notebook import NotebookMerge
from jarjestokeskus.db.models.organisations import (
    MembershipFee,
    Organisation,
    OrganisationName,
    Person,
    Role,
)
from jarjestokeskus.db.models.outreach import ContactEntry, LetterTemplate, MailingList
from jarjestokeskus.db.models.projects import (
    Funding,
    Instalment,
    InstalmentRule,
    Project,
    ProjectPartner,
    ProjectStatusChange,
    ReportingObligation,
    ReportingRule,
)
from jarjestokeskus.db.models.survey import (
    Survey,
    SurveyAnswer,
    SurveyQuestion,
    SurveyResponse,
    WelfareObjective,
)
from jarjestokeskus.db.models.year_clock import YearClockCompletion, YearClockTask

__all__ = [
    "AttendanceReduction",
    "Body",
    "BodyMeeting",
    "BodySeat",
    "ChecklistElement",
    "ChecklistEntry",
    "MeetingMinutes",
    "MemberActivity",
    "MemberGrant",
    "MemberPremises",
    "Agreement",
    "AgreementDocument",
    "AgreementGoal",
    "AgreementParty",
    "AuditEntry",
    "BankPayment",
    "ContactEntry",
    "ClosedReport",
    "ClosedYear",
    "Employment",
    "Erasure",
    "EmploymentFunding",
    "Event",
    "EventFeedback",
    "EventRegistration",
    "EventAttendanceCount",
    "EventFeedbackImport",
    "FeeClass",
    "FeeInvoice",
    "FeeYear",
    "Funding",
    "Instalment",
    "LetterTemplate",
    "MailingList",
    "InstalmentRule",
    "MembershipFee",
    "MonitoringEntry",
    "Municipality",
    "NotebookMerge",
    "Organisation",
    "OrganisationName",
    "Person",
    "Project",
    "ProjectPartner",
    "ProjectStatusChange",
    "RegisterIdentity",
    "ReportingObligation",
    "ReportingRule",
    "Role",
    "SchemeLimit",
    "Survey",
    "SurveyAnswer",
    "SurveyQuestion",
    "SurveyResponse",
    "WelfareObjective",
    "YearClockCompletion",
    "YearClockTask",
]
