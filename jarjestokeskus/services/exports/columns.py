"""The columns of the window's lists, shared by their Qt models and the `export` command."""

from __future__ import annotations

from jarjestokeskus.i18n import N_

ORGANISATION_HEADERS = (
    N_("Name"),
    N_("Abbreviation"),
    N_("Business ID"),
    N_("Municipality"),
    N_("Membership status"),
    N_("Field"),
    N_("Kind"),
    N_("Members"),
)
# The members' list: the organisation editor's labels (the import reads them back) and the contact.
MEMBER_HEADERS = (
    N_("Name in Finnish"),
    N_("Name in Swedish"),
    N_("Abbreviation"),
    N_("Business ID"),
    N_("Municipality"),
    N_("Contact person"),
    N_("Email"),
    N_("Street address"),
    N_("Postal code"),
    N_("Post office"),
    N_("Phone"),
    N_("Number of members"),
)
PROJECT_HEADERS = (
    N_("Name"),
    N_("Code"),
    N_("Owner"),
    N_("Status"),
    N_("Period"),
    N_("Applied"),
    N_("Granted"),
)
STAFF_HEADERS = (N_("Name"), N_("Scheme"), N_("Title"), N_("Start date"), N_("End date"))
AGREEMENT_HEADERS = (N_("Agreement"), N_("Kind"), N_("Status"), N_("Valid"), N_("Parties"))
# Put before the title of an agreement that renews an earlier one.
RENEWAL_MARK = "↻"
