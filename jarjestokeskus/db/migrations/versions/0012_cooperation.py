"""cooperation structures: bodies, seats, meetings and minutes; the cooperation checklist with its
two templates' elements to start from; members' grants, premises and activities

Revision ID: 0012
Revises: 0006
"""

import uuid
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op


revision = "0012"
down_revision = "0006"
branch_labels = None
depends_on = None

# The elements a new database starts with (the user renames, adds or retires them): key, fi, sv.
JARJESTO20_ELEMENTS = (
    ("advisory_board", "Järjestöneuvottelukunta", "Organisationsdelegation"),
    ("liaison", "Nimetty järjestöyhdyshenkilö", "Utsedd kontaktperson för organisationer"),
    ("guide", "Yhteistyöopas", "Samarbetsguide"),
    ("year_clock", "Yhteinen vuosikello", "Gemensam årsklocka"),
    ("premises_principles", "Tilojen käytön periaatteet", "Principer för lokaler"),
    ("grant_principles", "Avustusperiaatteet", "Principer för understöd"),
    ("experience_channel", "Kokemustiedon kanava", "Kanal för erfarenhetsbaserad kunskap"),
    ("agreement", "Voimassa oleva sopimus", "Gällande avtal"),
)
COUNTY_ELEMENTS = (
    ("partnership_document", "Kumppanuusasiakirja", "Partnerskapsdokument"),
    ("councillors_induction", "Valtuutettujen perehdytys järjestöihin", "Introduktion för fullmäktige"),
    ("coordinator", "Järjestökoordinaattorin tehtävä", "Tjänst som organisationskoordinator"),
    ("working_groups", "Järjestöt mukana työryhmissä", "Organisationerna med i arbetsgrupper"),
    ("grant_principles", "Yhteiset avustusperiaatteet", "Gemensamma principer för understöd"),
    ("premises_platforms", "Saavutettavat tilat ja alustat", "Tillgängliga lokaler och plattformar"),
    (
        "wellbeing_data",
        "Järjestötieto hyvinvointikertomukseen",
        "Organisationernas data till välfärdsberättelsen",
    ),
)


def upgrade() -> None:
    op.create_table(
        "body",
        sa.Column(
            "kind",
            sa.Enum(
                "advisory_board",
                "working_group",
                "partnership_table",
                "forum",
                name="bodykind",
                native_enum=False,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column("name_fi", sa.String(length=200), nullable=False),
        sa.Column("name_sv", sa.String(length=200), nullable=False),
        sa.Column(
            "area_kind",
            sa.Enum("municipality", "wellbeing_county", name="areakind", native_enum=False, length=40),
            nullable=False,
        ),
        sa.Column("area", sa.String(length=120), nullable=False),
        sa.Column("term_start", sa.Date(), nullable=True),
        sa.Column("term_end", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("archived_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_body")),
    )
    elements = op.create_table(
        "checklist_element",
        sa.Column(
            "template",
            sa.Enum("jarjesto20", "county_document", name="checklisttemplate", native_enum=False, length=40),
            nullable=False,
        ),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name_fi", sa.String(length=200), nullable=False),
        sa.Column("name_sv", sa.String(length=200), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("archived_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_checklist_element")),
    )
    with op.batch_alter_table("checklist_element", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_checklist_element_template"), ["template"], unique=False)

    op.create_table(
        "body_meeting",
        sa.Column("body_id", sa.Uuid(), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("agenda", sa.Text(), nullable=False),
        sa.Column("decisions", sa.Text(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("archived_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["body_id"], ["body.id"], name=op.f("fk_body_meeting_body_id_body")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_body_meeting")),
    )
    with op.batch_alter_table("body_meeting", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_body_meeting_body_id"), ["body_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_body_meeting_held_on"), ["held_on"], unique=False)

    op.create_table(
        "body_seat",
        sa.Column("body_id", sa.Uuid(), nullable=False),
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.Column("organisation_id", sa.Uuid(), nullable=False),
        sa.Column(
            "role",
            sa.Enum("member", "deputy", "chair", "vice_chair", name="seatrole", native_enum=False, length=40),
            nullable=False,
        ),
        sa.Column("start_date", sa.Date(), nullable=True),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("archived_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["body_id"], ["body.id"], name=op.f("fk_body_seat_body_id_body")),
        sa.ForeignKeyConstraint(
            ["organisation_id"], ["organisation.id"], name=op.f("fk_body_seat_organisation_id_organisation")
        ),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], name=op.f("fk_body_seat_person_id_person")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_body_seat")),
    )
    with op.batch_alter_table("body_seat", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_body_seat_body_id"), ["body_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_body_seat_organisation_id"), ["organisation_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_body_seat_person_id"), ["person_id"], unique=False)

    op.create_table(
        "checklist_entry",
        sa.Column("element_id", sa.Uuid(), nullable=False),
        sa.Column(
            "area_kind",
            sa.Enum("municipality", "wellbeing_county", name="areakind", native_enum=False, length=40),
            nullable=False,
        ),
        sa.Column("area", sa.String(length=120), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "none", "in_preparation", "in_place", name="checkliststatus", native_enum=False, length=40
            ),
            nullable=False,
        ),
        sa.Column("owner", sa.String(length=200), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("archived_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["element_id"],
            ["checklist_element.id"],
            name=op.f("fk_checklist_entry_element_id_checklist_element"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_checklist_entry")),
    )
    with op.batch_alter_table("checklist_entry", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_checklist_entry_area"), ["area"], unique=False)
        batch_op.create_index(batch_op.f("ix_checklist_entry_element_id"), ["element_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_checklist_entry_year"), ["year"], unique=False)

    op.create_table(
        "member_activity",
        sa.Column("organisation_id", sa.Uuid(), nullable=False),
        sa.Column("title_fi", sa.String(length=200), nullable=False),
        sa.Column("title_sv", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("audience", sa.String(length=200), nullable=False),
        sa.Column("place", sa.String(length=200), nullable=False),
        sa.Column("municipality", sa.String(length=80), nullable=False),
        sa.Column("schedule", sa.String(length=200), nullable=False),
        sa.Column("languages", sa.String(length=40), nullable=False),
        sa.Column("contact", sa.String(length=200), nullable=False),
        sa.Column("search_text", sa.Text(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("archived_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name=op.f("fk_member_activity_organisation_id_organisation"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_member_activity")),
    )
    with op.batch_alter_table("member_activity", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_member_activity_organisation_id"), ["organisation_id"], unique=False
        )

    op.create_table(
        "member_grant",
        sa.Column("organisation_id", sa.Uuid(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column(
            "grantor_kind",
            sa.Enum("municipality", "wellbeing_county", name="areakind", native_enum=False, length=40),
            nullable=False,
        ),
        sa.Column("grantor", sa.String(length=120), nullable=False),
        sa.Column(
            "instrument",
            sa.Enum(
                "operating",
                "project",
                "premises",
                "one_off",
                name="grantinstrument",
                native_enum=False,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column("amount_applied", sa.Numeric(precision=12, scale=2), nullable=True),
        sa.Column("amount_granted", sa.Numeric(precision=12, scale=2), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("archived_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name=op.f("fk_member_grant_organisation_id_organisation"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_member_grant")),
    )
    with op.batch_alter_table("member_grant", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_member_grant_organisation_id"), ["organisation_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_member_grant_year"), ["year"], unique=False)

    op.create_table(
        "member_premises",
        sa.Column("organisation_id", sa.Uuid(), nullable=False),
        sa.Column(
            "owner_kind",
            sa.Enum(
                "municipality",
                "wellbeing_county",
                "other",
                name="premisesowner",
                native_enum=False,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column("owner", sa.String(length=200), nullable=False),
        sa.Column("address", sa.String(length=200), nullable=False),
        sa.Column("terms", sa.Text(), nullable=False),
        sa.Column("free_of_charge", sa.Boolean(), nullable=False),
        sa.Column("rent", sa.Numeric(precision=12, scale=2), nullable=True),
        sa.Column("accessible", sa.Boolean(), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=True),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("archived_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name=op.f("fk_member_premises_organisation_id_organisation"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_member_premises")),
    )
    with op.batch_alter_table("member_premises", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_member_premises_organisation_id"), ["organisation_id"], unique=False
        )

    op.create_table(
        "meeting_minutes",
        sa.Column("meeting_id", sa.Uuid(), nullable=False),
        sa.Column("file_name", sa.String(length=255), nullable=False),
        sa.Column("stored_name", sa.String(length=255), nullable=False),
        sa.Column("content_type", sa.String(length=100), nullable=False),
        sa.Column("size_bytes", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("archived_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["meeting_id"], ["body_meeting.id"], name=op.f("fk_meeting_minutes_meeting_id_body_meeting")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting_minutes")),
    )
    with op.batch_alter_table("meeting_minutes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_meeting_minutes_meeting_id"), ["meeting_id"], unique=False)
    now = datetime.now(UTC)
    op.bulk_insert(
        elements,
        [
            {
                "id": uuid.uuid4(),
                "created_at": now,
                "updated_at": now,
                "version": 1,
                "archived_at": None,
                "template": template,
                "position": position,
                "name_fi": name_fi,
                "name_sv": name_sv,
            }
            for template, items in (("jarjesto20", JARJESTO20_ELEMENTS), ("county_document", COUNTY_ELEMENTS))
            for position, (_key, name_fi, name_sv) in enumerate(items, start=1)
        ],
    )


def downgrade() -> None:
    with op.batch_alter_table("meeting_minutes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_meeting_minutes_meeting_id"))

    op.drop_table("meeting_minutes")
    with op.batch_alter_table("member_premises", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_member_premises_organisation_id"))

    op.drop_table("member_premises")
    with op.batch_alter_table("member_grant", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_member_grant_year"))
        batch_op.drop_index(batch_op.f("ix_member_grant_organisation_id"))

    op.drop_table("member_grant")
    with op.batch_alter_table("member_activity", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_member_activity_organisation_id"))

    op.drop_table("member_activity")
    with op.batch_alter_table("checklist_entry", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_checklist_entry_year"))
        batch_op.drop_index(batch_op.f("ix_checklist_entry_element_id"))
        batch_op.drop_index(batch_op.f("ix_checklist_entry_area"))

    op.drop_table("checklist_entry")
    with op.batch_alter_table("body_seat", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_body_seat_person_id"))
        batch_op.drop_index(batch_op.f("ix_body_seat_organisation_id"))
        batch_op.drop_index(batch_op.f("ix_body_seat_body_id"))

    op.drop_table("body_seat")
    with op.batch_alter_table("body_meeting", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_body_meeting_held_on"))
        batch_op.drop_index(batch_op.f("ix_body_meeting_body_id"))

    op.drop_table("body_meeting")
    with op.batch_alter_table("checklist_element", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_checklist_element_template"))

    op.drop_table("checklist_element")
    op.drop_table("body")
