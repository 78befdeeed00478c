"""A long list as the user moves through it: Ctrl+End shows the true last row at once."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from jarjestokeskus.db.engine import Database
from jarjestokeskus.domain.enums import MembershipStatus
from jarjestokeskus.domain.organisation import OrganisationForm
from jarjestokeskus.services.organisations import listing
from jarjestokeskus.services.organisations.register import save_organisation
from jarjestokeskus.ui.organisations import table_model
from jarjestokeskus.ui.organisations.table_model import COL_NAME
from jarjestokeskus.ui.organisations.view import OrganisationsView

PAGE = 10
COUNT = 45  # "Yhdistys 00" … "Yhdistys 43" and one Öjan, last in Finnish order (ö after z)


@pytest.fixture
def view(qtbot, db: Database, monkeypatch: pytest.MonkeyPatch) -> OrganisationsView:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(table_model, "PAGE_SIZE", PAGE)
    for name in [f"Yhdistys {n:02d} ry" for n in range(COUNT - 1)] + ["Öjan Yhdistys ry"]:
        save_organisation(db, OrganisationForm(name_fi=name, membership_status=MembershipStatus.MEMBER))
    shown = OrganisationsView(db)
    qtbot.addWidget(shown)
    shown.resize(900, 300)
    shown.show()
    qtbot.waitExposed(shown)
    shown.table.setFocus()
    qtbot.keyClick(shown.table, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    return shown


def _current_name(view: OrganisationsView) -> str:
    return view.table.currentIndex().siblingAtColumn(COL_NAME).data()


def _visible(view: OrganisationsView, name: str) -> bool:
    """The current row shows `name` and is within the list's visible height."""
    row = view.table.currentIndex().row()
    top = view.table.rowViewportPosition(row)
    shown = top >= 0 and top + view.table.rowHeight(row) <= view.table.viewport().height()
    return view.table.model().index(row, COL_NAME).data() == name and shown


def test_ctrl_end_shows_the_last_row_reading_only_the_last_page(view: OrganisationsView, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert _current_name(view) == "Yhdistys 00 ry"
    assert view.model.rowCount() == COUNT
    qtbot.keyClick(view.table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert view.table.currentIndex().row() == COUNT - 1
    assert _visible(view, "Öjan Yhdistys ry")
    assert view.model.loaded <= 2 * PAGE  # the first page and the last, nothing between
    qtbot.keyClick(view.table, Qt.Key.Key_Up)
    assert _current_name(view) == "Yhdistys 43 ry"
    qtbot.keyClick(view.table, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    assert _current_name(view) == "Yhdistys 00 ry"


def test_ctrl_end_in_a_search_counted_in_part_reaches_the_real_end(
    view: OrganisationsView, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(listing, "COUNT_LIMIT", 20)
    qtbot.keyClicks(view.search, "yhdistys")
    qtbot.waitUntil(lambda: view.model.query.text == "yhdistys", timeout=2000)
    assert view.count_label.text().split(" · ")[0] == "yli 20 organisaatiota"
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert view.table.currentIndex().row() == COUNT - 1
    assert _visible(view, "Öjan Yhdistys ry")
    assert view.count_label.text().split(" · ")[0] == "45 organisaatiota"


def test_the_scroll_bar_at_the_bottom_shows_the_last_rows(view: OrganisationsView, qtbot) -> None:  # type: ignore[no-untyped-def]
    bar = view.table.verticalScrollBar()
    bar.setValue(bar.maximum())
    last = view.table.rowAt(view.table.viewport().height() - 2)
    assert view.table.model().index(last, COL_NAME).data() == "Öjan Yhdistys ry"
    assert view.model.loaded <= 3 * PAGE
