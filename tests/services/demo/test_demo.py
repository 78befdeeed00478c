"""The demo scenario: what it contains, that it is consistent, and that it is written all or nothing."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import func, select
from stdnum.fi import ytunnus

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.models import (
    Agreement,
    AgreementGoal,
    AgreementParty,
    AuditEntry,
    Employment,
    EmploymentFunding,
    Funding,
    Instalment,
    MembershipFee,
    MonitoringEntry,
    Organisation,
    Person,
    Project,
    ProjectPartner,
    ReportingObligation,
)
from jarjestokeskus.domain.enums import (
    AgreementKind,
    AgreementStatus,
    EmploymentScheme,
    FundingInstrument,
    MembershipStatus,
    OrganisationKind,
    PartnerRole,
    ProjectStatus,
    ReportKind,
)
from jarjestokeskus.domain.organisation import OrganisationForm
from jarjestokeskus.services.demo.load import Batch, ScenarioError
from jarjestokeskus.services.demo.scenario import DemoNotEmpty, DemoSummary, create_demo, load_scenario
from jarjestokeskus.services.organisations.register import save_organisation

# The day the scenario was written for: its dates are absolute, so checks about "soon" use this.
SCENARIO_DAY = date(2026, 11, 23)


@pytest.fixture
def demo(db: Database) -> Database:
    create_demo(db)
    return db


def _count(db: Database, model: type) -> int:
    with db.reading() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def _one_by_title(session, title_fi: str) -> Agreement:  # type: ignore[no-untyped-def]
    return session.scalars(select(Agreement).where(Agreement.title_fi == title_fi)).one()


def test_summary_matches_the_database(db: Database) -> None:
    summary = create_demo(db)

    assert isinstance(summary, DemoSummary)
    assert summary.members >= 40
    assert summary.staff == 13
    assert summary.projects == 6
    assert summary.agreements == 15
    assert summary.organisations == _count(db, Organisation)
    assert summary.projects == _count(db, Project)
    assert summary.agreements == _count(db, Agreement)
    with db.reading() as session:
        members = session.scalar(
            select(func.count())
            .select_from(Organisation)
            .where(Organisation.membership_status == MembershipStatus.MEMBER)
        )
        staff = session.scalar(select(func.count(func.distinct(Employment.person_id))))
    assert members == summary.members
    assert staff == summary.staff


def test_organisations(demo: Database) -> None:
    with demo.reading() as session:
        orgs = session.scalars(select(Organisation)).all()
        homes = [o for o in orgs if o.is_home]
        assert len(homes) == 1
        home = homes[0]
        assert (home.name_fi, home.name_sv) == ("Pohjanmaan Yhdistykset ry", "Österbottens Föreningar rf")
        assert home.kind == OrganisationKind.ASSOCIATION and home.municipality == "Vaasa"
        statuses = [o.membership_status for o in orgs]
        assert statuses.count(MembershipStatus.APPLIED) >= 2
        assert statuses.count(MembershipStatus.RESIGNED) == 1
        kinds = {o.kind for o in orgs}
        for kind in (
            OrganisationKind.MUNICIPALITY,
            OrganisationKind.WELLBEING_COUNTY,
            OrganisationKind.PARISH,
        ):
            assert kind in kinds
        members = [o for o in orgs if o.membership_status == MembershipStatus.MEMBER]
        assert len({o.municipality for o in members}) >= 12
        premises = sum(o.uses_municipal_premises for o in members) / len(members)
        assert 0.5 <= premises <= 0.7
        assert any(o.name_sv and not o.name_fi for o in members)
        # Built through the register's helper: the derived search and sort columns are filled.
        assert all(o.search_text and o.name_fi_key and o.name_sv_key for o in orgs)
        unpaid = session.scalars(
            select(MembershipFee).where(MembershipFee.year == 2026, MembershipFee.paid_on.is_(None))
        ).all()
        assert 1 <= len(unpaid) <= 10


def test_every_business_id_is_valid_and_unique(demo: Database) -> None:
    with demo.reading() as session:
        ids = [i for i in session.scalars(select(Organisation.business_id)) if i]
    assert len(ids) >= 40
    assert all(ytunnus.is_valid(i) for i in ids), [i for i in ids if not ytunnus.is_valid(i)]
    assert len(set(ids)) == len(ids)


def test_scenario_file_names_valid_business_ids() -> None:
    for org in load_scenario()["organisations"]:
        if org.get("business_id"):
            assert ytunnus.is_valid(org["business_id"]), org["key"]


def test_framework_agreement_and_its_renewals(demo: Database) -> None:
    with demo.reading() as session:
        frameworks = session.scalars(
            select(Agreement)
            .where(Agreement.kind == AgreementKind.FRAMEWORK_COOPERATION)
            .order_by(Agreement.valid_from)
        ).all()
        periods = [(a.valid_from, a.valid_to) for a in frameworks]
        assert periods[:2] == [(date(2014, 1, 1), date(2016, 12, 31)), (date(2017, 1, 1), date(2019, 12, 31))]
        first, renewal = frameworks[0], frameworks[1]
        # Signed in March 2015 by the city, the umbrella and SOSTE.
        assert first.signed_on == date(2015, 3, 16)
        signers = session.scalars(
            select(Organisation.abbreviation, Organisation.name_fi)
            .join(AgreementParty, AgreementParty.organisation_id == Organisation.id)
            .where(AgreementParty.agreement_id == first.id)
        ).all()
        assert len(signers) == 3 and "SOSTE" in signers
        assert first.predecessor_id is None
        assert renewal.predecessor_id == first.id
        assert first.status == renewal.status == AgreementStatus.EXPIRED
        current = frameworks[-1]
        assert current.status == AgreementStatus.IN_FORCE and current.predecessor_id == renewal.id
        city = session.scalars(select(Organisation).where(Organisation.name_fi == "Vaasan kaupunki")).one()
        for agreement in frameworks:
            parties = session.scalars(
                select(AgreementParty).where(AgreementParty.agreement_id == agreement.id)
            )
            assert city.id in {p.organisation_id for p in parties}


def test_implementation_agreements_refine_a_framework(demo: Database) -> None:
    with demo.reading() as session:
        implementations = session.scalars(
            select(Agreement).where(Agreement.kind == AgreementKind.IMPLEMENTATION)
        ).all()
        assert len(implementations) >= 3
        for agreement in implementations:
            assert agreement.parent_id is not None
            parent = session.get(Agreement, agreement.parent_id)
            assert parent is not None and parent.kind == AgreementKind.FRAMEWORK_COOPERATION
            goals = session.scalars(
                select(AgreementGoal)
                .where(AgreementGoal.agreement_id == agreement.id)
                .order_by(AgreementGoal.position)
            ).all()
            assert 2 <= len(goals) <= 4
            assert [g.position for g in goals] == list(range(len(goals)))
            for goal in goals:
                assert goal.title_fi and goal.title_sv and goal.indicator and goal.follow_up_method
                assert goal.our_commitment and goal.counterparty_commitment
        statuses = set(session.scalars(select(MonitoringEntry.status)))
        assert {"on_track", "delayed", "achieved"} <= {s.value for s in statuses}


def test_partnership_agreements_of_three_kinds_and_the_others(demo: Database) -> None:
    with demo.reading() as session:
        agreements = session.scalars(select(Agreement)).all()
        by_kind: dict[AgreementKind, list[Agreement]] = {}
        for agreement in agreements:
            by_kind.setdefault(agreement.kind, []).append(agreement)
        assert by_kind[AgreementKind.DEVELOPMENT_PARTNERSHIP]
        free = [a for a in by_kind[AgreementKind.PREMISES] if a.premises_free_of_charge]
        assert free
        assert all(a.premises_address and a.premises_area_m2 and a.premises_estimated_value for a in free)
        (project,) = by_kind[AgreementKind.PROJECT]
        funding = session.get(Funding, project.conditional_on_funding_id)
        assert funding is not None and funding.applied_on and funding.decision_date is None
        (oral,) = by_kind[AgreementKind.ORAL]
        assert oral.oral_agreed_by and oral.signed_on
        county = session.scalars(
            select(Organisation).where(Organisation.kind == OrganisationKind.WELLBEING_COUNTY)
        ).one()
        county_agreements = session.scalars(
            select(AgreementParty).where(AgreementParty.organisation_id == county.id)
        ).all()
        assert county_agreements
        home = session.scalars(select(Organisation).where(Organisation.is_home)).one()
        without_home = []
        for agreement in agreements:
            parties = session.scalars(
                select(AgreementParty).where(AgreementParty.agreement_id == agreement.id)
            ).all()
            assert len(parties) >= 2
            if home.id not in {p.organisation_id for p in parties}:
                without_home.append((agreement.title_fi, len(parties)))
        # The city's partnership agreement with eleven associations at once (as in Turku): the
        # umbrella keeps it in the register but is no party to it.
        assert without_home == [
            ("Kumppanuussopimus: Vaasan kaupunki ja 11 sosiaali- ja terveysyhdistystä 2026–2028", 12)
        ]


def test_esf_project_administered_by_the_city_with_four_partners(demo: Database) -> None:
    with demo.reading() as session:
        funding = session.scalars(
            select(Funding).where(Funding.instrument == FundingInstrument.ESF_PLUS)
        ).one()
        project = session.get(Project, funding.project_id)
        city = session.scalars(
            select(Organisation).where(Organisation.kind == OrganisationKind.MUNICIPALITY)
        ).one()
        assert project is not None and project.owner_id == city.id
        partners = session.scalars(
            select(ProjectPartner).where(ProjectPartner.project_id == project.id)
        ).all()
        roles = {p.organisation_id: p.role for p in partners}
        assert roles[city.id] == PartnerRole.ADMINISTRATOR
        partner_ids = [o for o, role in roles.items() if role == PartnerRole.PARTNER]
        assert len(partner_ids) == 4
        partner_orgs = [session.get(Organisation, i) for i in partner_ids]
        assert sum(o.is_home for o in partner_orgs) == 1
        assert sum(o.kind == OrganisationKind.PARISH for o in partner_orgs) == 1
        assert sum(o.membership_status == MembershipStatus.MEMBER for o in partner_orgs) == 2
        funder = session.get(Organisation, funding.funder_id)
        assert funder is not None and funder.kind == OrganisationKind.STATE_AGENCY


def test_ngo_centre_on_targeted_operating_grant(demo: Database) -> None:
    with demo.reading() as session:
        fundings = session.scalars(
            select(Funding)
            .where(Funding.instrument == FundingInstrument.STEA_AK, Funding.amount_granted.is_not(None))
            .order_by(Funding.year)
        ).all()
        assert [f.year for f in fundings] == [2024, 2025, 2026]
        for funding in fundings:
            instalments = session.scalars(
                select(Instalment).where(Instalment.funding_id == funding.id).order_by(Instalment.due_date)
            ).all()
            assert [i.due_date for i in instalments] == [date(funding.year, m, 1) for m in (2, 5, 8, 11)]
            assert sum(i.amount for i in instalments) == funding.amount_granted
            assert len({i.amount for i in instalments}) == 1
            reports = {
                r.kind: r.due_date
                for r in session.scalars(
                    select(ReportingObligation).where(ReportingObligation.funding_id == funding.id)
                )
            }
            assert reports[ReportKind.ANNUAL_GRANT_REPORT] == date(funding.year + 1, 5, 31)
            assert reports[ReportKind.RESULTS_REPORT].month == 3
            assert reports[ReportKind.RESULTS_REPORT].year == funding.year + 1


def test_project_grants_and_the_applied_follow_on(demo: Database) -> None:
    with demo.reading() as session:
        projects = session.scalars(select(Project)).all()
        statuses = [p.status for p in projects]
        assert statuses.count(ProjectStatus.ENDED) == 1 and statuses.count(ProjectStatus.APPLIED) == 1
        applied = next(p for p in projects if p.status == ProjectStatus.APPLIED)
        (funding,) = session.scalars(select(Funding).where(Funding.project_id == applied.id)).all()
        # The ended volunteering project's follow-on is established activity: applied for as Ak.
        assert funding.instrument == FundingInstrument.STEA_AK
        assert funding.amount_applied and funding.applied_on
        assert funding.amount_granted is None and funding.decision_date is None
        instruments = set(session.scalars(select(Funding.instrument)))
        assert FundingInstrument.MUNICIPAL_PARTNERSHIP in instruments
        running_c = session.scalars(
            select(Funding).where(Funding.instrument == FundingInstrument.STEA_C, Funding.year == 2025)
        ).one()
        plan = session.scalars(select(Instalment).where(Instalment.funding_id == running_c.id)).all()
        assert sum(i.amount for i in plan) == running_c.amount_granted


def test_staff_and_employment_schemes(demo: Database) -> None:
    with demo.reading() as session:
        periods = session.scalars(select(Employment)).all()
        home = session.scalars(select(Organisation).where(Organisation.is_home)).one()
        assert {e.employer_id for e in periods} == {home.id}
        schemes = [e.scheme for e in periods]
        assert schemes.count(EmploymentScheme.PAY_SUBSIDY) in (2, 3)
        assert schemes.count(EmploymentScheme.EMPLOYMENT_SUBSIDY_55) == 1
        assert schemes.count(EmploymentScheme.WORK_TRIAL) == 2
        assert len({e.person_id for e in periods if e.scheme == EmploymentScheme.REHABILITATIVE_WORK}) == 2
        assert EmploymentScheme.PERMANENT in schemes and EmploymentScheme.FIXED_TERM in schemes
        subsidies = {
            (e.subsidy_percent, e.subsidy_monthly_cap)
            for e in periods
            if e.scheme == EmploymentScheme.PAY_SUBSIDY
        }
        assert subsidies <= {
            (Decimal("50"), Decimal("1260")),
            (Decimal("70"), Decimal("1770")),
            (Decimal("100"), Decimal("2020")),
        }
        for period in periods:
            if period.scheme in (EmploymentScheme.WORK_TRIAL, EmploymentScheme.REHABILITATIVE_WORK):
                assert period.allowance_per_day == Decimal("9.00")
                assert period.days_per_week and period.hours_per_day and period.hours_per_week is None
                assert period.deciding_authority and period.decision_number
            if period.scheme == EmploymentScheme.REHABILITATIVE_WORK:
                assert 1 <= period.days_per_week <= 4
        ended = [e for e in periods if e.end_date and e.end_date < SCENARIO_DAY]
        assert {e.outcome.value for e in ended if e.outcome} >= {
            "open_labour_market",
            "another_scheme",
            "education",
            "unemployed",
        }
        assert any(e.outcome is None for e in ended)
        assert any(
            SCENARIO_DAY <= e.end_date <= SCENARIO_DAY + timedelta(days=60) for e in periods if e.end_date
        )
        assert any(e.long_term_unemployed for e in periods)
        shares = session.scalars(select(EmploymentFunding)).all()
        assert shares and all(Decimal(0) < s.share_percent <= 100 for s in shares)


def test_refuses_a_database_that_has_organisations(db: Database) -> None:
    save_organisation(db, OrganisationForm(name_fi="Oma yhdistys ry"))

    with pytest.raises(DemoNotEmpty) as caught:
        create_demo(db)

    assert caught.value.user_message()
    assert _count(db, Organisation) == 1
    assert _count(db, Project) == 0 and _count(db, Person) == 0


def test_second_run_writes_nothing(demo: Database) -> None:
    counts = {m: _count(demo, m) for m in (Organisation, Person, Project, Agreement, AuditEntry)}

    with pytest.raises(DemoNotEmpty):
        create_demo(demo)

    assert {m: _count(demo, m) for m in counts} == counts


def test_all_or_nothing(db: Database) -> None:
    seen: list[tuple[int, int]] = []

    def cancel_late(done: int, total: int) -> None:
        seen.append((done, total))
        if done == total - 2:  # after almost every table is flushed
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        create_demo(db, cancel_late)

    assert seen
    for model in (Organisation, MembershipFee, Person, Project, Funding, Employment, Agreement, AuditEntry):
        assert _count(db, model) == 0, model.__name__
    assert create_demo(db).organisations > 0  # and the database is still usable


def test_progress_counts_up_to_its_total(db: Database) -> None:
    seen: list[tuple[int, int]] = []

    create_demo(db, lambda done, total: seen.append((done, total)))

    totals = {total for _, total in seen}
    assert len(totals) == 1
    assert [done for done, _ in seen] == list(range(1, totals.pop() + 1))


def test_a_typo_in_the_scenario_fails_loudly() -> None:
    batch = Batch()
    with pytest.raises(ScenarioError):
        batch.build(Project, {"nmae_fi": "x"})
    with pytest.raises(ScenarioError):
        batch.find("organisations", "nowhere")


def test_the_demo_is_true_to_the_seeds(demo: Database) -> None:
    """Issue 16: C projects report yearly and have no final report; the employment area is
    "Pohjanmaan työllisyysalue"."""
    with demo.reading() as session:
        c_fundings = session.scalars(
            select(Funding).where(Funding.instrument == FundingInstrument.STEA_C)
        ).all()
        for funding in c_fundings:
            if funding.amount_granted is None:
                continue
            kinds = session.scalars(
                select(ReportingObligation.kind, ReportingObligation.due_date).where(
                    ReportingObligation.funding_id == funding.id
                )
            ).all()
            assert ReportKind.FINAL_REPORT not in kinds
            years = session.scalars(
                select(ReportingObligation.due_date).where(
                    ReportingObligation.funding_id == funding.id,
                    ReportingObligation.kind == ReportKind.ANNUAL_GRANT_REPORT,
                )
            ).all()
            assert sorted(d.year for d in years) == list(range(funding.year + 1, funding.use_until.year + 2))
        authorities = set(session.scalars(select(Employment.deciding_authority)))
        assert "Pohjanmaan työllisyysalue" in authorities
        assert not any("Vaasan seudun" in a for a in authorities)


def test_organisations_and_premises_refer_to_the_municipality_register(demo: Database) -> None:
    with demo.reading() as session:
        unmapped = session.scalars(
            select(Organisation.municipality).where(
                Organisation.municipality != "", Organisation.municipality_code.is_(None)
            )
        ).all()
        assert unmapped == []
        korsholm = session.scalars(
            select(Organisation.municipality).where(Organisation.municipality_code == "499")
        ).all()
        assert set(korsholm) == {"Korsholm"}
        premises = session.scalars(
            select(Agreement.premises_municipality_code).where(Agreement.premises_address != "")
        ).all()
        assert premises and set(premises) == {"905"}


def test_the_demo_periods_are_within_the_law(demo: Database) -> None:
    """Every scheme period of the demo passes the shipped limits (the 50 % subsidy by the
    unemployment and the decision recorded on it); none falls before the rules."""
    from jarjestokeskus.domain.scheme_limits import Period, check_period
    from jarjestokeskus.services.staff.scheme_limits import load_rules

    with demo.reading() as session:
        rules = load_rules(session)
        periods = [
            (
                e.person_id,
                Period(
                    e.scheme,
                    e.start_date,
                    e.end_date,
                    e.hours_per_week,
                    e.days_per_week,
                    e.hours_per_day,
                    e.subsidy_percent,
                    e.subsidy_monthly_cap,
                    e.allowance_per_day,
                    long_term_unemployed=e.long_term_unemployed,
                    unemployed_months=e.unemployed_months,
                    decided_max_months=e.decided_max_months,
                ),
            )
            for e in session.scalars(select(Employment))
        ]
    assert any(p.decided_max_months for _person, p in periods)
    for person, period in periods:
        earlier = [p for who, p in periods if who == person and p.start_date < period.start_date]
        assert check_period(period, rules, earlier) == [], period
