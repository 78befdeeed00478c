"""The organisations table model on its own: paging, headers, sort requests, no widget."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt

from jarjestokeskus import i18n
from jarjestokeskus.domain.enums import Field, MembershipStatus, OrganisationKind
from jarjestokeskus.services.organisations.register import OrganisationPage, OrganisationQuery
from jarjestokeskus.services.rows import OrganisationRow
from jarjestokeskus.ui.organisations.table_model import (
    COL_MEMBERS,
    COL_NAME,
    COL_STATUS,
    HEADERS,
    ID_ROLE,
    PAGE_SIZE,
    OrganisationTableModel,
)


def _row(number: int, name_sv: str = "") -> OrganisationRow:
    return OrganisationRow(
        uuid.uuid4(),
        f"Yhdistys {number}",
        name_sv,
        "",
        None,
        "Vaasa",
        OrganisationKind.ASSOCIATION,
        Field.CULTURE,
        MembershipStatus.MEMBER,
        1234,
        False,
        None,
    )


class FakeService:
    def __init__(self, total: int) -> None:
        self.rows = [_row(n, name_sv=f"Förening {n}" if n % 2 else "") for n in range(total)]
        self.queries: list[OrganisationQuery] = []
        self.pages: list[tuple[int, int]] = []

    def first(self, query: OrganisationQuery, limit: int) -> OrganisationPage:
        self.queries.append(query)
        return OrganisationPage(len(self.rows), self.rows[:limit])

    def page(self, query: OrganisationQuery, offset: int, limit: int, total: int) -> list[OrganisationRow]:
        self.pages.append((offset, limit))
        return self.rows[offset : offset + limit]


def test_rows_arrive_page_by_page(qtbot) -> None:  # type: ignore[no-untyped-def]
    service = FakeService(PAGE_SIZE * 2 + 10)
    model = OrganisationTableModel(service.first, service.page)
    model.set_query(OrganisationQuery())
    assert model.rowCount() == PAGE_SIZE
    assert model.total == PAGE_SIZE * 2 + 10
    assert model.canFetchMore()
    model.fetchMore()
    model.fetchMore()
    assert model.rowCount() == model.total
    assert not model.canFetchMore()
    assert service.pages == [(PAGE_SIZE, PAGE_SIZE), (PAGE_SIZE * 2, PAGE_SIZE)]


def test_data_shows_the_name_in_the_query_language(qtbot) -> None:  # type: ignore[no-untyped-def]
    service = FakeService(3)
    model = OrganisationTableModel(service.first, service.page)
    model.set_query(OrganisationQuery(language="sv"))
    assert model.index(1, COL_NAME).data() == "Förening 1"
    assert model.index(0, COL_NAME).data() == "Yhdistys 0"  # no Swedish name: falls back
    assert model.index(0, COL_NAME).data(ID_ROLE) == service.rows[0].id
    assert model.index(0, COL_STATUS).data() == MembershipStatus.MEMBER.label
    assert model.index(0, COL_MEMBERS).data() == i18n.format_number(1234)


def test_headers_follow_the_language(qtbot) -> None:  # type: ignore[no-untyped-def]
    model = OrganisationTableModel(FakeService(1).first, FakeService(1).page)
    i18n.set_language("sv")
    assert model.headerData(COL_NAME, Qt.Orientation.Horizontal) == i18n._(HEADERS[COL_NAME])
    i18n.set_language("fi")
    assert model.headerData(COL_NAME, Qt.Orientation.Horizontal) == i18n._(HEADERS[COL_NAME])


def test_sort_asks_the_service_once_per_change(qtbot) -> None:  # type: ignore[no-untyped-def]
    service = FakeService(5)
    model = OrganisationTableModel(service.first, service.page)
    model.set_query(OrganisationQuery())
    model.sort(COL_STATUS, Qt.SortOrder.DescendingOrder)
    model.sort(COL_STATUS, Qt.SortOrder.DescendingOrder)
    model.sort(COL_MEMBERS)
    assert [(q.sort, q.descending) for q in service.queries] == [
        ("name", False),
        ("membership_status", True),
        ("member_count", False),
    ]


def test_a_sort_before_anything_is_shown_reads_nothing(qtbot) -> None:  # type: ignore[no-untyped-def]
    service = FakeService(5)
    model = OrganisationTableModel(service.first, service.page)
    model.sort(COL_STATUS, Qt.SortOrder.DescendingOrder)  # e.g. a header state restored at start
    assert service.queries == []
    model.set_query(model.query)
    assert [(q.sort, q.descending) for q in service.queries] == [("membership_status", True)]
