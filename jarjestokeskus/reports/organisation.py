"""One organisation's card as a PDF: its data, persons and roles, fees, agreements and projects."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from jarjestokeskus.db.engine import Database
from jarjestokeskus.i18n import N_
from jarjestokeskus.reports.flow import heading_over_table
from jarjestokeskus.reports.template import CONTENT_WIDTH, Progress, ReportWriter, build_pdf
from jarjestokeskus.services.organisations.report_data import OrganisationCard, home_names, organisation_card

TITLE = N_("Organisation card")
DATA = N_("Data")
PERSONS = N_("Persons and roles")
FEES = N_("Membership fees")
AGREEMENTS = N_("Agreements")
PROJECTS = N_("Projects")
NONE = N_("None.")
# Field labels
ABBREVIATION = N_("Abbreviation")
NAME_FI = N_("Name in Finnish")
NAME_SV = N_("Name in Swedish")
BUSINESS_ID = N_("Business ID")
REGISTER_NUMBER = N_("Register number")
KIND = N_("Kind")
FIELD = N_("Field")
WORKING_LANGUAGE = N_("Working language")
MUNICIPALITY = N_("Municipality")
ADDRESS = N_("Address")
EMAIL = N_("Email")
PHONE = N_("Phone")
WEBSITE = N_("Website")
STAFF_PROFILE = N_("Staff profile")
MEMBER_COUNT = N_("Members")
PREMISES = N_("Uses municipal premises")
MEMBERSHIP = N_("Membership")
MEMBER_PERIOD = N_("Member since – until")
NOTES = N_("Notes")
# Column headers
PERSON = N_("Person")
ROLE = N_("Role")
PERIOD = N_("Period")
YEAR = N_("Year")
AMOUNT = N_("Amount")
PAID_ON = N_("Paid on")
UNPAID = N_("unpaid")
FEES_TOTAL = N_("Total")
AGREEMENT = N_("Agreement")
STATUS = N_("Status")
PARTIES = N_("Parties")
PROJECT = N_("Project")
PART = N_("Part")
OWNER = N_("Owner")


def build_organisation(
    db: Database,
    language: str,
    out: Path | BinaryIO,
    *,
    organisation_id: uuid.UUID,
    progress: Progress | None = None,
) -> None:
    """Write the card of one organisation in `language` ("fi" or "sv") to `out`."""
    w = ReportWriter(language)
    card = organisation_card(db, organisation_id)
    if progress:
        progress(1, 3)
    title = w.text(TITLE)
    story: list[Flowable] = [w.title(card.detail.name(language))]
    story += _data(w, card)
    story += _persons(w, card)
    story += _fees(w, card)
    story += _agreements(w, card)
    story += _projects(w, card)
    if progress:
        progress(2, 3)
    build_pdf(w, title, home_names(db), story, out)
    if progress:
        progress(3, 3)


def _data(w: ReportWriter, card: OrganisationCard) -> list[Flowable]:
    d = card.detail
    address = ", ".join(
        part for part in (d.street_address, f"{d.postal_code} {d.post_office}".strip()) if part
    )
    other_name = d.name_sv if w.language == "fi" else d.name_fi
    pairs = [
        (w.text(NAME_SV if w.language == "fi" else NAME_FI), other_name),
        (w.text(ABBREVIATION), d.abbreviation),
        (w.text(BUSINESS_ID), d.business_id or ""),
        (w.text(REGISTER_NUMBER), d.register_number or ""),
        (w.text(KIND), w.label(d.kind)),
        (w.text(FIELD), w.label(d.field)),
        (w.text(WORKING_LANGUAGE), w.label(d.working_language)),
        (w.text(MUNICIPALITY), d.municipality),
        (w.text(ADDRESS), address),
        (w.text(EMAIL), d.email),
        (w.text(PHONE), d.phone),
        (w.text(WEBSITE), d.website),
        (w.text(STAFF_PROFILE), w.label(d.staff_profile)),
        (w.text(MEMBER_COUNT), w.number(d.member_count) if d.member_count is not None else ""),
        (w.text(PREMISES), w.yes_no(d.uses_municipal_premises)),
        (w.text(MEMBERSHIP), w.label(d.membership_status)),
        (w.text(MEMBER_PERIOD), w.period(d.member_since, d.member_until)),
        (w.text(NOTES), d.notes),
    ]
    # The notes may run over pages: the heading stays with the first rows, not the whole table.
    return [*heading_over_table(w, w.text(DATA)), w.fields(pairs)]


def _persons(w: ReportWriter, card: OrganisationCard) -> list[Flowable]:
    story: list[Flowable] = [w.heading(w.text(PERSONS))]
    if not card.detail.roles:
        return [*story, w.p(w.text(NONE))]
    widths = [36 * mm, 30 * mm, 56 * mm, 24 * mm]
    widths.append(CONTENT_WIDTH - sum(widths))
    rows = [
        [
            r.full_name,
            w.label(r.kind),
            w.whole(r.email, widths[2]) if r.email else "",  # an email address is never broken
            w.whole(r.phone, widths[3]) if r.phone else "",
            w.period(r.start_date, r.end_date),
        ]
        for r in card.detail.roles
    ]
    header = [w.text(PERSON), w.text(ROLE), w.text(EMAIL), w.text(PHONE), w.text(PERIOD)]
    return [*story, w.table(header, rows, widths)]


def _fees(w: ReportWriter, card: OrganisationCard) -> list[Flowable]:
    story: list[Flowable] = [w.heading(w.text(FEES))]
    fees = card.detail.fees
    if not fees:
        return [*story, w.p(w.text(NONE))]
    rows = [
        [str(f.year), w.money(f.amount), w.date(f.paid_on) if f.paid_on else w.text(UNPAID)] for f in fees
    ]
    rows.append([w.text(FEES_TOTAL), w.money(sum(f.amount for f in fees)), ""])
    widths = [25 * mm, 35 * mm, 35 * mm]
    header = [w.text(YEAR), w.text(AMOUNT), w.text(PAID_ON)]
    return [*story, w.table(header, rows, widths, numeric=(1,), bold_rows=(len(rows) - 1,))]


def _agreements(w: ReportWriter, card: OrganisationCard) -> list[Flowable]:
    story: list[Flowable] = [w.heading(w.text(AGREEMENTS))]
    if not card.agreements:
        return [*story, w.p(w.text(NONE))]
    own = (card.detail.name_fi, card.detail.name_sv)
    rows = [
        [
            w.name(a.title_fi, a.title_sv),
            w.label(a.kind),
            w.label(a.status),
            w.period(a.valid_from, a.valid_to),
            ", ".join(w.name(fi, sv) for fi, sv in a.party_names if (fi, sv) != own),
        ]
        for a in card.agreements
    ]
    widths = [48 * mm, 36 * mm, 20 * mm, 36 * mm]
    widths.append(CONTENT_WIDTH - sum(widths))
    header = [w.text(AGREEMENT), w.text(KIND), w.text(STATUS), w.text(PERIOD), w.text(PARTIES)]
    return [*story, w.table(header, rows, widths)]


def _projects(w: ReportWriter, card: OrganisationCard) -> list[Flowable]:
    story: list[Flowable] = [w.heading(w.text(PROJECTS))]
    if not card.projects:
        return [*story, w.p(w.text(NONE))]
    rows = [
        [
            " ".join(part for part in (p.code, p.name(w.language)) if part),
            w.text(OWNER) if p.role is None else w.label(p.role),
            w.label(p.status),
            w.period(p.start_date, p.end_date),
        ]
        for p in card.projects
    ]
    widths = [75 * mm, 30 * mm, 25 * mm]
    widths.append(CONTENT_WIDTH - sum(widths))
    header = [w.text(PROJECT), w.text(PART), w.text(STATUS), w.text(PERIOD)]
    return [*story, w.table(header, rows, widths)]
