"""The organisations table model on its own: pages read where the view looks, headers, sort requests, no widget."""

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
    """The list in memory: a row's place is its number; records what was asked."""

    def __init__(self, total: int, counted: int | None = None) -> None:
        self.rows = [_row(n, name_sv=f"Förening {n}" if n % 2 else "") for n in range(total)]
        self.counted = counted  # a count that stops there, as a search's does
        self.queries: list[OrganisationQuery] = []
        self.reads: list[tuple[str, int | None, int | None, int]] = []

    def _page(self, start: int, stop: int) -> OrganisationPage:
        start, stop = max(0, start), max(0, min(stop, len(self.rows)))
        rows = self.rows[start:stop]
        return OrganisationPage(len(rows), rows, [(n,) for n in range(start, start + len(rows))])

    def first(self, query: OrganisationQuery, limit: int) -> OrganisationPage:
        self.queries.append(query)
        page = self._page(0, limit)
        if self.counted is not None and len(self.rows) > self.counted:
            return OrganisationPage(self.counted, page.rows, page.positions, more=True)
        return OrganisationPage(len(self.rows), page.rows, page.positions)

    def count(self, query: OrganisationQuery) -> int:
        return len(self.rows)

    def after(self, query: OrganisationQuery, place, limit, skip) -> OrganisationPage:  # type: ignore[no-untyped-def]
        self.reads.append(("after", place[0] if place else None, limit, skip))
        start = (place[0] + 1 if place else 0) + skip
        return self._page(start, len(self.rows) if limit is None else start + limit)

    def before(self, query: OrganisationQuery, place, limit, skip) -> OrganisationPage:  # type: ignore[no-untyped-def]
        self.reads.append(("before", place[0] if place else None, limit, skip))
        stop = (place[0] if place else len(self.rows)) - skip
        return self._page(stop - limit, stop)


def _names(model: OrganisationTableModel, rows: range) -> list[str]:
    return [model.index(r, COL_NAME).data() for r in rows]


def test_every_row_is_counted_and_pages_are_read_where_the_view_looks(qtbot) -> None:  # type: ignore[no-untyped-def]
    service = FakeService(PAGE_SIZE * 10 + 10)
    model = OrganisationTableModel(service)
    model.set_query(OrganisationQuery())
    assert model.rowCount() == model.total == PAGE_SIZE * 10 + 10
    assert model.loaded == PAGE_SIZE and service.reads == []
    last = model.rowCount() - 1
    assert model.index(last, COL_NAME).data() == f"Yhdistys {last}"  # the last page, by itself
    assert service.reads == [("before", None, 10, 0)]
    assert _names(model, range(PAGE_SIZE, PAGE_SIZE + 3)) == [
        f"Yhdistys {n}" for n in range(PAGE_SIZE, PAGE_SIZE + 3)
    ]
    assert service.reads[-1] == ("after", PAGE_SIZE - 1, PAGE_SIZE, 0)  # on from the first page
    assert model.index(PAGE_SIZE * 9 + 5, COL_NAME).data() == f"Yhdistys {PAGE_SIZE * 9 + 5}"
    assert service.reads[-1] == ("before", PAGE_SIZE * 10, PAGE_SIZE, 0)  # back from the last page
    assert model.index(PAGE_SIZE * 4, COL_NAME).data() == f"Yhdistys {PAGE_SIZE * 4}"
    assert service.reads[-1] == ("after", PAGE_SIZE * 2 - 1, PAGE_SIZE, PAGE_SIZE * 2)  # nearer below
    assert model.index(PAGE_SIZE * 7, COL_NAME).data() == f"Yhdistys {PAGE_SIZE * 7}"
    assert service.reads[-1] == ("before", PAGE_SIZE * 9, PAGE_SIZE, PAGE_SIZE)  # nearer above
    reads = len(service.reads)
    assert _names(model, range(PAGE_SIZE * 7, PAGE_SIZE * 8)) == [
        f"Yhdistys {n}" for n in range(PAGE_SIZE * 7, PAGE_SIZE * 8)
    ]
    assert len(service.reads) == reads  # a page is read once


def test_a_search_counted_in_part_counts_the_rest_when_asked(qtbot) -> None:  # type: ignore[no-untyped-def]
    service = FakeService(PAGE_SIZE * 3, counted=PAGE_SIZE * 2)
    model = OrganisationTableModel(service)
    model.set_query(OrganisationQuery(text="yhdistys"))
    assert (model.rowCount(), model.more) == (PAGE_SIZE * 2, True)
    assert model.index(PAGE_SIZE * 2 - 1, COL_NAME).data() == f"Yhdistys {PAGE_SIZE * 2 - 1}"
    assert service.reads == [("after", PAGE_SIZE - 1, PAGE_SIZE, 0)]  # no known end to read back from
    model.complete_count()
    assert (model.rowCount(), model.more) == (PAGE_SIZE * 3, False)
    assert model.index(PAGE_SIZE * 3 - 1, COL_NAME).data() == f"Yhdistys {PAGE_SIZE * 3 - 1}"


def test_fetch_all_reads_the_rest_in_one_go(qtbot) -> None:  # type: ignore[no-untyped-def]
    service = FakeService(PAGE_SIZE * 3 + 1, counted=PAGE_SIZE)
    model = OrganisationTableModel(service)
    model.set_query(OrganisationQuery(text="yhdistys"))
    model.fetch_all()
    assert model.loaded == model.rowCount() == PAGE_SIZE * 3 + 1
    assert service.reads == [("after", None, None, 0)]


def test_data_shows_the_name_in_the_query_language(qtbot) -> None:  # type: ignore[no-untyped-def]
    service = FakeService(3)
    model = OrganisationTableModel(service)
    model.set_query(OrganisationQuery(language="sv"))
    assert model.index(1, COL_NAME).data() == "Förening 1"
    assert model.index(0, COL_NAME).data() == "Yhdistys 0"  # no Swedish name: falls back
    assert model.index(0, COL_NAME).data(ID_ROLE) == service.rows[0].id
    assert model.index(0, COL_STATUS).data() == MembershipStatus.MEMBER.label
    assert model.index(0, COL_MEMBERS).data() == i18n.format_number(1234)


def test_headers_follow_the_language(qtbot) -> None:  # type: ignore[no-untyped-def]
    model = OrganisationTableModel(FakeService(1))
    i18n.set_language("sv")
    assert model.headerData(COL_NAME, Qt.Orientation.Horizontal) == i18n._(HEADERS[COL_NAME])
    i18n.set_language("fi")
    assert model.headerData(COL_NAME, Qt.Orientation.Horizontal) == i18n._(HEADERS[COL_NAME])


def test_sort_asks_the_service_once_per_change(qtbot) -> None:  # type: ignore[no-untyped-def]
    service = FakeService(5)
    model = OrganisationTableModel(service)
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
    model = OrganisationTableModel(service)
    model.sort(COL_STATUS, Qt.SortOrder.DescendingOrder)  # e.g. a header state restored at start
    assert service.queries == []
    model.set_query(model.query)
    assert [(q.sort, q.descending) for q in service.queries] == [("membership_status", True)]
