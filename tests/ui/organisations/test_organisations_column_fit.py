"""The list's columns as the search changes what is read: a wider text widens its column, also
one the user narrowed, without Qt measuring every cell after each key."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from jarjestokeskus.db.engine import Database
from jarjestokeskus.domain.enums import MembershipStatus
from jarjestokeskus.domain.organisation import OrganisationForm
from jarjestokeskus.services.organisations.register import save_organisation
from jarjestokeskus.ui.organisations import table_model
from jarjestokeskus.ui.organisations import view as organisations_view
from jarjestokeskus.ui.organisations.table_model import COL_MUNICIPALITY
from jarjestokeskus.ui.organisations.view import OrganisationsView

PAGE = 5
LONG = "Kristiinankaupunki"  # on the second page: not read when the list is first shown


@pytest.fixture
def view(qtbot, db: Database, monkeypatch: pytest.MonkeyPatch) -> OrganisationsView:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(table_model, "PAGE_SIZE", PAGE)
    names = [(f"Yhdistys {n} ry", "Oulu") for n in range(PAGE)] + [("Öjan Yhdistys ry", LONG)]
    for name, municipality in names:
        form = OrganisationForm(
            name_fi=name, municipality=municipality, membership_status=MembershipStatus.MEMBER
        )
        save_organisation(db, form)
    shown = OrganisationsView(db)
    qtbot.addWidget(shown)
    shown.resize(1200, 400)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def _search(qtbot, view: OrganisationsView, text: str) -> None:  # type: ignore[no-untyped-def]
    view.search.clear()
    qtbot.keyClicks(view.search, text)
    qtbot.waitUntil(lambda: view.model.query.text == text, timeout=2000)


def _width(view: OrganisationsView) -> int:
    return view.table.horizontalHeader().sectionSize(COL_MUNICIPALITY)


def test_a_search_that_reads_a_wider_text_widens_its_column(view: OrganisationsView, qtbot) -> None:  # type: ignore[no-untyped-def]
    before = _width(view)
    assert view.table.fontMetrics().horizontalAdvance(LONG) > before  # the first page had only "Oulu"
    _search(qtbot, view, "kristiinan")
    assert view.model.rowCount() == 1
    assert view.model.index(0, COL_MUNICIPALITY).data() == LONG
    assert _width(view) >= view.table.sizeHintForColumn(COL_MUNICIPALITY) > before


def test_a_column_the_user_narrowed_is_widened_again_by_the_next_search(
    view: OrganisationsView, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    _search(qtbot, view, "kristiinan")
    fitted = _width(view)
    view.table.horizontalHeader().resizeSection(COL_MUNICIPALITY, 30)  # dragged narrower
    _search(qtbot, view, "kristiina")
    assert _width(view) == fitted
    measured = []
    monkeypatch.setattr(organisations_view, "fit_columns", measured.append)
    _search(qtbot, view, "yhdistys")  # texts no wider than those already fitted: nothing measured
    assert measured == []
    assert view.model.rowCount() == PAGE + 1
    qtbot.keyClick(view.table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert _width(view) == fitted
