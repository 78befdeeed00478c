"""The audit view: rows as the user reads them, filters, paging as the user scrolls, both languages."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from jarjestokeskus import i18n
from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.models import AuditEntry
from jarjestokeskus.domain.organisation import OrganisationForm
from jarjestokeskus.i18n import _, ngettext
from jarjestokeskus.services.history.audit_log import PAGE_SIZE
from jarjestokeskus.services.organisations.register import get_organisation, save_organisation
from jarjestokeskus.ui.history.audit_view import (
    COL_ACTION,
    COL_CHANGES,
    COL_KIND,
    COL_RECORD,
    COL_WHO,
    HEADERS,
    AuditView,
)
from jarjestokeskus.ui.window.qt_language import apply_language


def add_entries(db: Database, count: int, user: str = "bertil", day: date = date(2026, 1, 5)) -> None:
    at = datetime.combine(day, time(12)).astimezone().astimezone(UTC)
    with db.transaction() as session:
        for n in range(count):
            session.add(
                AuditEntry(
                    at=at - timedelta(minutes=n),
                    user=user,
                    action="update",
                    entity="Project",
                    entity_id=uuid.uuid4(),
                    owner_id=None,
                    changes={"code": [f"P{n}", f"Q{n}"]},
                )
            )


def count_text(count: int) -> str:
    return ngettext("{count} change", "{count} changes", count).format(count=count)


@pytest.fixture
def organisation(db: Database) -> uuid.UUID:
    saved = save_organisation(db, OrganisationForm(name_fi="Kylätoimikunta", name_sv="Byarådet"))
    form = OrganisationForm(name_fi="Kylätoimikunta", name_sv="Byarådet", municipality="Vaasa")
    save_organisation(db, form, saved.id, get_organisation(db, saved.id).version)
    return saved.id


def test_rows_say_when_who_what_and_the_change(qtbot: QtBot, db: Database, organisation: uuid.UUID) -> None:
    view = AuditView(db)
    qtbot.addWidget(view)
    view.ensure_loaded()
    rows = view.shown_rows()
    assert len(rows) == 2
    changed, created = rows
    assert changed[COL_ACTION] == _("Changed") and created[COL_ACTION] == _("Created")
    assert changed[COL_KIND] == _("Organisation")
    assert changed[COL_RECORD] == "Kylätoimikunta"
    assert changed[COL_CHANGES] == _("{field}: {old} → {new}").format(
        field=_("Municipality"), old="–", new="Vaasa"
    )
    assert view.count.text() == count_text(2)


def test_filters_by_user_kind_and_date(qtbot: QtBot, db: Database, organisation: uuid.UUID) -> None:
    add_entries(db, 3, user="bertil", day=date(2026, 1, 5))
    view = AuditView(db)
    qtbot.addWidget(view)
    view.ensure_loaded()
    assert view.model.total == 5
    users = [view.user_filter.itemText(i) for i in range(view.user_filter.count())]
    assert users[0] == _("All users") and "bertil" in users
    view.set_filters(user="bertil")
    assert view.model.total == 3
    assert {row[COL_WHO] for row in view.shown_rows()} == {"bertil"}
    view.set_filters(entity="Organisation")
    assert view.model.total == 2
    assert view.kind_filter.currentText() == _("Organisation")
    view.set_filters(since=date(2026, 1, 5), until=date(2026, 1, 5))
    assert view.model.total == 3
    view.set_filters(until=date(2026, 1, 4))
    assert view.model.total == 0
    assert view.count.text() == count_text(0)
    view.clear_filters()
    assert view.model.total == 5


def test_nothing_is_read_until_the_view_is_shown(qtbot: QtBot, db: Database, organisation: uuid.UUID) -> None:
    view = AuditView(db)
    qtbot.addWidget(view)
    assert view.model.rowCount() == 0 and view.count.text() == ""
    view.show()
    assert view.model.total == 2
    assert view.count.text() == count_text(2)


def test_pages_arrive_as_the_user_scrolls(qtbot: QtBot, db: Database) -> None:
    add_entries(db, PAGE_SIZE + 50)
    view = AuditView(db)
    qtbot.addWidget(view)
    view.ensure_loaded()
    assert view.model.total == PAGE_SIZE + 50
    assert view.model.rowCount() == PAGE_SIZE
    assert view.model.canFetchMore()
    view.model.fetchMore()
    assert view.model.rowCount() == PAGE_SIZE + 50
    assert not view.model.canFetchMore()


def test_refresh_shows_new_changes(qtbot: QtBot, db: Database, organisation: uuid.UUID) -> None:
    view = AuditView(db)
    qtbot.addWidget(view)
    view.ensure_loaded()
    add_entries(db, 1, user="cecilia")
    view.refresh()
    assert view.model.total == 3
    assert view.user_filter.findData("cecilia") >= 0


def test_retranslate_and_look_in_both_languages(qtbot: QtBot, db: Database, organisation: uuid.UUID) -> None:
    add_entries(db, 3)
    view = AuditView(db)
    qtbot.addWidget(view)
    view.ensure_loaded()
    view.resize(1100, 420)
    view.show()
    out = Path("/tmp/issue8")
    out.mkdir(exist_ok=True)
    for language in i18n.LANGUAGES:
        apply_language(language)
        view.retranslate()
        assert view.model.headerData(COL_ACTION, Qt.Orientation.Horizontal) == _(HEADERS[COL_ACTION])
        assert view.shown_rows()[1][COL_ACTION] == _("Created")
        assert view.shown_rows()[2][COL_CHANGES] == _("{field}: {old} → {new}").format(
            field=_("Code"), old="P0", new="Q0"
        )
        assert view.user_filter.itemText(0) == _("All users")
        assert view.count.text() == count_text(5)
        view.grab().save(str(out / f"audit_view_{language}.png"))
    apply_language("fi")
