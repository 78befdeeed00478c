"""The domain's closed choices, each with a translatable label."""

from __future__ import annotations

import enum

from jarjestokeskus.i18n import N_, _


class LabelledEnum(enum.StrEnum):
    """A string enum whose members know their (translated) label."""

    @property
    def label(self) -> str:
        return _(self._labels()[self.value])

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return LABELS[cls.__name__]


class OrganisationKind(LabelledEnum):
    ASSOCIATION = "association"
    FOUNDATION = "foundation"
    PARISH = "parish"
    MUNICIPALITY = "municipality"
    WELLBEING_COUNTY = "wellbeing_county"
    STATE_AGENCY = "state_agency"
    COMPANY = "company"


class Field(LabelledEnum):
    SOCIAL_HEALTH = "social_health"
    CULTURE = "culture"
    SPORT = "sport"
    RESIDENTS_VILLAGE = "residents_village"
    OTHER = "other"


class WorkingLanguage(LabelledEnum):
    FINNISH = "fi"
    SWEDISH = "sv"
    BILINGUAL = "fi_sv"
    OTHER = "other"


class StaffProfile(LabelledEnum):
    VOLUNTEER_ONLY = "volunteer_only"
    EMPLOYS_STAFF = "employs_staff"
    SERVICE_PROVIDER = "service_provider"


class MembershipStatus(LabelledEnum):
    MEMBER = "member"
    APPLIED = "applied"
    RESIGNED = "resigned"
    EXPELLED = "expelled"
    NOT_MEMBER = "not_member"


class RoleKind(LabelledEnum):
    CHAIR = "chair"
    SECRETARY = "secretary"
    TREASURER = "treasurer"
    EXECUTIVE_DIRECTOR = "executive_director"
    CONTACT_PERSON = "contact_person"
    BOARD_MEMBER = "board_member"
    STAFF = "staff"


# The person shown as an organisation's contact: the first of these roles that is in force.
CONTACT_ROLES = (RoleKind.CHAIR, RoleKind.CONTACT_PERSON, RoleKind.EXECUTIVE_DIRECTOR, RoleKind.SECRETARY)


class ProjectStatus(LabelledEnum):
    IDEA = "idea"
    APPLIED = "applied"
    GRANTED = "granted"
    RUNNING = "running"
    ENDED = "ended"
    REJECTED = "rejected"


class PartnerRole(LabelledEnum):
    LEAD = "lead"
    PARTNER = "partner"
    CO_IMPLEMENTER = "co_implementer"
    FUNDER = "funder"
    ADMINISTRATOR = "administrator"


class FundingInstrument(LabelledEnum):
    STEA_AY = "stea_ay"
    STEA_AK = "stea_ak"
    STEA_C = "stea_c"
    STEA_B = "stea_b"
    ESF_PLUS = "esf_plus"
    MUNICIPAL_OPERATING = "municipal_operating"
    MUNICIPAL_PARTNERSHIP = "municipal_partnership"
    MUNICIPAL_ONE_OFF = "municipal_one_off"
    WELLBEING_COUNTY = "wellbeing_county"
    FOUNDATION = "foundation"
    OTHER = "other"


class ReportKind(LabelledEnum):
    ANNUAL_GRANT_REPORT = "annual_grant_report"
    RESULTS_REPORT = "results_report"
    GRANT_USE_REPORT = "grant_use_report"
    FINAL_REPORT = "final_report"


class EmploymentScheme(LabelledEnum):
    PERMANENT = "permanent"
    FIXED_TERM = "fixed_term"
    PAY_SUBSIDY = "pay_subsidy"
    EMPLOYMENT_SUBSIDY_55 = "employment_subsidy_55"
    WORK_TRIAL = "work_trial"
    REHABILITATIVE_WORK = "rehabilitative_work"
    APPRENTICESHIP = "apprenticeship"
    STUDENT_INTERNSHIP = "student_internship"
    OTHER = "other"


class EmploymentOutcome(LabelledEnum):
    OPEN_LABOUR_MARKET = "open_labour_market"
    ANOTHER_SCHEME = "another_scheme"
    EDUCATION = "education"
    UNEMPLOYED = "unemployed"
    OTHER = "other"


class DecidingAuthority(LabelledEnum):
    EMPLOYMENT_AREA = "employment_area"
    TE_OFFICE = "te_office"
    MUNICIPALITY = "municipality"
    WELLBEING_COUNTY = "wellbeing_county"
    EDUCATIONAL_INSTITUTION = "educational_institution"
    OTHER = "other"


class AgreementKind(LabelledEnum):
    FRAMEWORK_COOPERATION = "framework_cooperation"
    IMPLEMENTATION = "implementation"
    DEVELOPMENT_PARTNERSHIP = "development_partnership"
    PREMISES = "premises"
    PROJECT = "project"
    SERVICE_PURCHASE = "service_purchase"
    LETTER_OF_INTENT = "letter_of_intent"
    ORAL = "oral"


class AgreementStatus(LabelledEnum):
    DRAFT = "draft"
    NEGOTIATING = "negotiating"
    IN_FORCE = "in_force"
    EXPIRED = "expired"
    TERMINATED = "terminated"


class MonitoringStatus(LabelledEnum):
    ON_TRACK = "on_track"
    DELAYED = "delayed"
    ACHIEVED = "achieved"
    NOT_ACHIEVED = "not_achieved"
    DROPPED = "dropped"


LABELS: dict[str, dict[str, str]] = {
    "OrganisationKind": {
        "association": N_("Association"),
        "foundation": N_("Foundation"),
        "parish": N_("Parish"),
        "municipality": N_("Municipality"),
        "wellbeing_county": N_("Wellbeing services county"),
        "state_agency": N_("State agency"),
        "company": N_("Company"),
    },
    "Field": {
        "social_health": N_("Social and health"),
        "culture": N_("Culture"),
        "sport": N_("Sport"),
        "residents_village": N_("Residents and village"),
        "other": N_("Other"),
    },
    "WorkingLanguage": {
        "fi": N_("Finnish"),
        "sv": N_("Swedish"),
        "fi_sv": N_("Finnish and Swedish"),
        "other": N_("Other language"),
    },
    "StaffProfile": {
        "volunteer_only": N_("Volunteer-only"),
        "employs_staff": N_("Employs staff"),
        "service_provider": N_("Provides services"),
    },
    "MembershipStatus": {
        "member": N_("Member"),
        "applied": N_("Applied for membership"),
        "resigned": N_("Resigned"),
        "expelled": N_("Expelled"),
        "not_member": N_("Not a member"),
    },
    "RoleKind": {
        "chair": N_("Chair"),
        "secretary": N_("Secretary"),
        "treasurer": N_("Treasurer"),
        "executive_director": N_("Executive director"),
        "contact_person": N_("Contact person"),
        "board_member": N_("Board member"),
        "staff": N_("Staff member"),
    },
    "ProjectStatus": {
        "idea": N_("Idea"),
        "applied": N_("Applied"),
        "granted": N_("Granted"),
        "running": N_("Running"),
        "ended": N_("Ended"),
        "rejected": N_("Rejected"),
    },
    "PartnerRole": {
        "lead": N_("Lead"),
        "partner": N_("Partner"),
        "co_implementer": N_("Co-implementer"),
        "funder": N_("Funder"),
        "administrator": N_("Administrator"),
    },
    "FundingInstrument": {
        "stea_ay": N_("STEA general grant (Ay)"),
        "stea_ak": N_("STEA targeted operating grant (Ak)"),
        "stea_c": N_("STEA project grant (C)"),
        "stea_b": N_("STEA investment grant (B)"),
        "esf_plus": N_("ESF+"),
        "municipal_operating": N_("Municipal operating grant"),
        "municipal_partnership": N_("Municipal partnership grant"),
        "municipal_one_off": N_("Municipal one-off grant"),
        "wellbeing_county": N_("Wellbeing services county grant"),
        "foundation": N_("Foundation grant"),
        "other": N_("Other funding"),
    },
    "ReportKind": {
        "annual_grant_report": N_("Annual grant report"),
        "results_report": N_("Results report"),
        "grant_use_report": N_("Grant-use report"),
        "final_report": N_("Final report"),
    },
    "EmploymentScheme": {
        "permanent": N_("Permanent employment"),
        "fixed_term": N_("Fixed-term employment"),
        "pay_subsidy": N_("Pay subsidy"),
        "employment_subsidy_55": N_("Employment subsidy for people aged 55+"),
        "work_trial": N_("Work trial"),
        "rehabilitative_work": N_("Rehabilitative work activity"),
        "apprenticeship": N_("Apprenticeship"),
        "student_internship": N_("Student internship"),
        "other": N_("Other scheme"),
    },
    "EmploymentOutcome": {
        "open_labour_market": N_("Work in the open labour market"),
        "another_scheme": N_("Another scheme"),
        "education": N_("Education"),
        "unemployed": N_("Unemployed"),
        "other": N_("Other outcome"),
    },
    "DecidingAuthority": {
        "employment_area": N_("Employment area"),
        "te_office": N_("TE office"),
        "municipality": N_("Municipality"),
        "wellbeing_county": N_("Wellbeing services county"),
        "educational_institution": N_("Educational institution"),
        "other": N_("Other authority"),
    },
    "AgreementKind": {
        "framework_cooperation": N_("Framework cooperation agreement"),
        "implementation": N_("Implementation agreement"),
        "development_partnership": N_("Development partnership agreement"),
        "premises": N_("Premises agreement"),
        "project": N_("Project or activity agreement"),
        "service_purchase": N_("Service purchase agreement"),
        "letter_of_intent": N_("Letter of intent"),
        "oral": N_("Oral agreement"),
    },
    "AgreementStatus": {
        "draft": N_("Draft"),
        "negotiating": N_("Negotiating"),
        "in_force": N_("In force"),
        "expired": N_("Expired"),
        "terminated": N_("Terminated"),
    },
    "MonitoringStatus": {
        "on_track": N_("On track"),
        "delayed": N_("Delayed"),
        "achieved": N_("Achieved"),
        "not_achieved": N_("Not achieved"),
        "dropped": N_("Dropped"),
    },
}
