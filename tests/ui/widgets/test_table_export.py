"""Export a list from the window: the file holds what the view shows, in its order and columns."""

from __future__ import annotations

import csv
import threading
from collections.abc import Iterator
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QTableView, QWidget
from pytestqt.qtbot import QtBot

from jarjestokeskus import i18n
from jarjestokeskus.db.engine import Database
from jarjestokeskus.domain.enums import Field
from jarjestokeskus.services.exports.files import Euros
from jarjestokeskus.services.exports.tables import export_table
from jarjestokeskus.ui.agreements.view import AgreementsView
from jarjestokeskus.ui.organisations import table_model as organisation_table_model
from jarjestokeskus.ui.organisations.table_model import COL_BUSINESS_ID, COL_MEMBERS, COL_MUNICIPALITY
from jarjestokeskus.ui.organisations.view import OrganisationsView
from jarjestokeskus.ui.projects.funding_overview import FundingOverview
from jarjestokeskus.ui.projects.view import ProjectsView
from jarjestokeskus.ui.staff.view import StaffView
from jarjestokeskus.ui.widgets.table_export import (
    current_table,
    export_current_view,
    export_table_view,
    suggested_name,
    typed_value,
    view_contents,
)
from tests.databases import copy_of
from tests.reports.pdf_text import demo_database

TODAY = date(2026, 3, 2)
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise|grabbing)")


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory, migrated_template: Path) -> Path | str:
    db = demo_database(tmp_path_factory.mktemp("ui-export"), migrated_template)
    target = db.path or db.url  # a file, or a database on the PostgreSQL test server
    db.close()
    return target


@pytest.fixture
def demo(demo_file: Path | str, tmp_path: Path) -> Iterator[Database]:
    db = copy_of(demo_file, tmp_path)
    yield db
    db.close()


class SaveDialog:
    """Stands in for QFileDialog.getSaveFileName: answers with `answer`, remembers what it was asked."""

    def __init__(self, answer: Path | None, chosen_filter: str = "") -> None:
        self.answer = answer
        self.chosen_filter = chosen_filter
        self.asked: list[tuple[object, ...]] = []

    def __call__(self, *args: object) -> tuple[str, str]:
        self.asked.append(args)
        return (str(self.answer) if self.answer else "", self.chosen_filter)


class Messages:
    def __init__(self) -> None:
        self.warnings: list[str] = []
        self.informations: list[str] = []

    def warning(self, _parent: QWidget, _title: str, text: str, *_a: object) -> QMessageBox.StandardButton:
        self.warnings.append(text)
        return QMessageBox.StandardButton.Ok

    def information(
        self, _parent: QWidget, _title: str, text: str, *_a: object
    ) -> QMessageBox.StandardButton:
        self.informations.append(text)
        return QMessageBox.StandardButton.Ok


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> Messages:
    recorder = Messages()
    monkeypatch.setattr(QMessageBox, "warning", recorder.warning)
    monkeypatch.setattr(QMessageBox, "information", recorder.information)
    return recorder


def shown(view: OrganisationsView) -> tuple[list[str], list[list[str]]]:
    """The header and cells as the user sees them: visible columns left to right, rows top down."""
    model, header = view.table.model(), view.table.horizontalHeader()
    while model.canFetchMore(QModelIndex()):  # what scrolling to the end would show
        model.fetchMore(QModelIndex())
    columns = [header.logicalIndex(v) for v in range(header.count())]
    columns = [c for c in columns if not header.isSectionHidden(c)]
    texts = [model.headerData(c, Qt.Orientation.Horizontal) for c in columns]
    rows = [[model.index(r, c).data() for c in columns] for r in range(model.rowCount())]
    return texts, rows


@pytest.fixture
def organisations(qtbot: QtBot, demo: Database, monkeypatch: pytest.MonkeyPatch) -> OrganisationsView:
    monkeypatch.setattr(organisation_table_model, "PAGE_SIZE", 5)  # the export must read every page
    view = OrganisationsView(demo)
    qtbot.addWidget(view)
    view.ensure_loaded()
    view.field_filter.setCurrentIndex(view.field_filter.findData(Field.SOCIAL_HEALTH))
    view.table.sortByColumn(COL_MEMBERS, Qt.SortOrder.DescendingOrder)
    header = view.table.horizontalHeader()
    header.setSectionHidden(COL_BUSINESS_ID, True)
    header.moveSection(header.visualIndex(COL_MUNICIPALITY), 0)
    assert view.model.loaded == 5 < view.model.total
    return view


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_csv_holds_the_filtered_sorted_list(
    organisations: OrganisationsView,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    messages: Messages,
    language: str,
) -> None:
    i18n.set_language(language)
    organisations.retranslate()
    target = tmp_path / "jasenet.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", SaveDialog(target))
    export_table_view(organisations, organisations.table, organisations.title.text())
    with target.open(encoding="utf-8-sig", newline="") as file:
        back = list(csv.reader(file, delimiter=";"))
    header, rows = shown(organisations)
    assert header[0] == i18n.catalog(language).gettext("Municipality")
    assert i18n.catalog(language).gettext("Business ID") not in header
    assert len(rows) == organisations.model.total > 5
    members = header.index(i18n.catalog(language).gettext("Members"))
    # Counts are written as plain numbers (1200, not "1 200"), so Excel can add them up.
    expected = [[c.replace("\u00a0", "") if i == members else c for i, c in enumerate(r)] for r in rows]
    assert back == [header, *expected]
    assert messages.informations and str(target) in messages.informations[0]
    counts = [int(r[members]) for r in back[1:] if r[members]]
    assert counts == sorted(counts, reverse=True)


def test_xlsx_holds_the_filtered_sorted_list(
    organisations: OrganisationsView, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, messages: Messages
) -> None:
    target = tmp_path / "jasenet.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", SaveDialog(target))
    export_table_view(organisations, organisations.table, organisations.title.text())
    sheet = load_workbook(target).active
    assert sheet.title == organisations.title.text()
    back = [[cell.value for cell in row] for row in sheet.iter_rows()]
    header, rows = shown(organisations)
    members = header.index(i18n.catalog("fi").gettext("Members"))
    expected = [
        [
            (int(c.replace("\u00a0", "")) if c else None) if i == members else (c or None)
            for i, c in enumerate(r)
        ]
        for r in rows
    ]
    assert back == [header, *expected]


def comparable(rows: list[list[object]]) -> list[list[object]]:
    """Empty text and no value are the same empty cell in the file."""
    return [[None if v == "" else v for v in row] for row in rows]


@pytest.mark.parametrize("language", ["fi", "sv"])
@pytest.mark.parametrize("kind", ["organisations", "projects", "employment", "agreements"])
def test_window_and_command_export_the_same(qtbot: QtBot, demo: Database, kind: str, language: str) -> None:
    i18n.set_language(language)
    if kind == "organisations":  # the window's list of every organisation (`export members`: the members)
        view: QWidget = OrganisationsView(demo)
        view.ensure_loaded()  # type: ignore[attr-defined]
    elif kind == "projects":
        view = ProjectsView(demo)
    elif kind == "employment":
        view = StaffView(demo, today=TODAY)
    else:
        view = AgreementsView(demo)
    qtbot.addWidget(view)
    table = view.table  # type: ignore[attr-defined]
    header, rows = view_contents(table, language)
    title, expected_header, expected_rows = export_table(demo, kind, language, today=TODAY)
    assert title == view.title.text()  # type: ignore[attr-defined]
    assert header == expected_header
    assert comparable(rows) == comparable(expected_rows)


def test_no_file_chosen_writes_nothing(
    organisations: OrganisationsView, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, messages: Messages
) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", SaveDialog(None))
    export_table_view(organisations, organisations.table, "Organisaatiot")
    assert list(tmp_path.glob("*.csv")) == list(tmp_path.glob("*.xlsx")) == []
    assert messages.warnings == messages.informations == []


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_unwritable_file_is_named_in_a_warning(
    organisations: OrganisationsView,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    messages: Messages,
    language: str,
) -> None:
    i18n.set_language(language)
    target = tmp_path / "missing folder" / "list.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", SaveDialog(target))
    export_table_view(organisations, organisations.table, "x")
    assert len(messages.warnings) == 1
    assert str(target) in messages.warnings[0]
    assert messages.warnings[0].startswith(
        i18n.catalog(language).gettext("Cannot write {path}: {reason}").split("{")[0]
    )


def test_ending_added_from_the_chosen_filter_and_folder_remembered(
    organisations: OrganisationsView, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, messages: Messages
) -> None:
    csv_filter = i18n._("CSV file for Excel (*.csv)")
    dialog = SaveDialog(tmp_path / "lista", csv_filter)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    export_table_view(organisations, organisations.table, "Jäsenet")
    assert (tmp_path / "lista.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert len(messages.informations) == 1 and str(tmp_path / "lista.csv") in messages.informations[0]
    export_table_view(organisations, organisations.table, "Jäsenet")
    suggested = Path(str(dialog.asked[1][2]))
    assert suggested.parent == tmp_path
    assert suggested.name == suggested_name("Jäsenet", date.today(), "csv")
    assert dialog.asked[1][4] == csv_filter  # the format used last is offered first


def test_suggested_name_is_a_valid_file_name() -> None:
    assert suggested_name("Sopimukset: kaikki / 2026", date(2026, 11, 23), "xlsx") == (
        "Sopimukset kaikki 2026 2026-11-23.xlsx"
    )


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("120", 120),
        ("1\u00a0234", 1234),
        ("-1\u00a0234", -1234),
        ("12,5", Decimal("12.5")),
        ("1\u00a0234,50\u00a0€", Euros("1234.50")),
        ("2.1.2025", date(2025, 1, 2)),
        ("2.1.2025 13.05", datetime(2025, 1, 2, 13, 5)),
        ("0123", "0123"),  # a code keeps its zero
        ("2025", "2025"),  # a year or code is not written back as 2 025
        ("1234", "1234"),
        ("31.2.2025", "31.2.2025"),
        ("02.01.2025", "02.01.2025"),
        ("1.3.2025–31.12.2027", "1.3.2025–31.12.2027"),
        ("2173609-2", "2173609-2"),
        ("65100", "65100"),
        ("", ""),
    ],
)
def test_typed_value_only_when_it_reads_back_the_same(text: str, value: object) -> None:
    result = typed_value(text, "fi")
    assert result == value
    assert type(result) is type(value)


def test_current_table(qtbot: QtBot, demo: Database) -> None:
    view = OrganisationsView(demo)
    qtbot.addWidget(view)
    view.show()
    assert current_table(view) is view.table
    overview = FundingOverview(demo, today=lambda: TODAY)
    qtbot.addWidget(overview)
    overview.show()
    assert current_table(overview) is overview.by_funder
    staff = StaffView(demo, today=TODAY)
    qtbot.addWidget(staff)
    staff.show()
    assert current_table(staff) is staff.table


class PagedModel(QAbstractTableModel):
    """A long list that can also be read at once with `fetch_all()`, as the export prefers."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)  # the view outlives the test's names: it owns its model
        self.rows = [[f"rivi {i}", str(i)] for i in range(3)]
        self.pages_fetched = 0

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 2

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        return self.rows[index.row()][index.column()]

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> object:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return ("Nimi", "Määrä")[section]

    def canFetchMore(self, parent: QModelIndex = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and len(self.rows) < 1000

    def fetchMore(self, parent: QModelIndex = QModelIndex()) -> None:  # noqa: B008, N802
        if parent.isValid():
            return
        self.pages_fetched += 1
        self._add(len(self.rows), min(1000, len(self.rows) + 10))

    def fetch_all(self) -> None:
        self._add(len(self.rows), 1000)

    def _add(self, first: int, end: int) -> None:
        self.beginInsertRows(QModelIndex(), first, end - 1)
        self.rows += [[f"rivi {i}", str(i)] for i in range(first, end)]
        self.endInsertRows()


def test_a_model_that_can_read_everything_at_once_is_not_paged(qtbot: QtBot) -> None:
    view = QTableView()
    qtbot.addWidget(view)
    model = PagedModel(view)
    proxy = QSortFilterProxyModel(view)
    proxy.setSourceModel(model)
    view.setModel(proxy)
    header, rows = view_contents(view, "fi")
    assert header == ["Nimi", "Määrä"]
    assert len(rows) == 1000 and model.pages_fetched == 0
    assert rows[999] == ["rivi 999", 999]


def test_a_paged_model_is_read_to_the_end(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    view = QTableView()
    qtbot.addWidget(view)
    model = PagedModel(view)
    monkeypatch.setattr(model, "fetch_all", None)
    view.setModel(model)
    view.setColumnHidden(1, True)
    header, rows = view_contents(view, "fi")
    assert header == ["Nimi"]
    assert len(rows) == 1000 and model.pages_fetched > 90


def test_export_current_view(
    qtbot: QtBot, demo: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, messages: Messages
) -> None:
    view = StaffView(demo, today=TODAY)
    qtbot.addWidget(view)
    view.show()
    dialog = SaveDialog(tmp_path / "henkilosto.xlsx")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    export_current_view(view, view)
    assert Path(str(dialog.asked[0][2])).name.startswith(view.title.text() + " ")
    sheet = load_workbook(tmp_path / "henkilosto.xlsx").active
    assert sheet.max_row == view.model.rowCount() + 1
    empty = QWidget()
    qtbot.addWidget(empty)
    export_current_view(empty, empty, "Tyhjä")
    assert messages.informations[-1] == i18n._("This view has no list to export.")


def test_a_long_list_is_written_in_the_background_and_can_be_cancelled(
    organisations: OrganisationsView, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, messages: Messages
) -> None:
    from jarjestokeskus.ui.widgets import background, table_export

    monkeypatch.setattr(table_export, "BACKGROUND_ROWS", 1)  # the demo's list counts as long
    target = tmp_path / "jasenet.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", SaveDialog(target))
    shown_with_progress: list[str] = []
    real = background.run_with_progress

    def watched(parent, label, work):  # type: ignore[no-untyped-def]
        shown_with_progress.append(label)
        return real(parent, label, work)

    monkeypatch.setattr(table_export, "run_with_progress", watched)
    export_table_view(organisations, organisations.table, organisations.title.text())
    assert shown_with_progress and target.exists() and not messages.warnings
    before = target.read_bytes()

    def cancelled(parent, label, work):  # type: ignore[no-untyped-def]
        def progress(done: int, total: int) -> None:
            raise background.Cancelled()

        return work(progress)

    monkeypatch.setattr(table_export, "run_with_progress", cancelled)
    export_table_view(organisations, organisations.table, organisations.title.text())
    assert target.read_bytes() == before  # the earlier export stays as it was
    assert messages.warnings and str(target) in messages.warnings[-1]


def test_the_window_reads_and_writes_a_long_list_off_the_gui_thread(
    qtbot: QtBot, demo: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from jarjestokeskus.services.organisations import register
    from jarjestokeskus.ui import main_window
    from jarjestokeskus.ui.widgets import table_export

    monkeypatch.setattr(organisation_table_model, "PAGE_SIZE", 5)
    reads: list[tuple[bool, int]] = []  # (on the GUI thread, how many rows read)
    real_read = register.list_organisations

    def read(*args, **kwargs):  # type: ignore[no-untyped-def]
        rows = real_read(*args, **kwargs)
        reads.append((threading.current_thread() is threading.main_thread(), len(rows)))
        return rows

    monkeypatch.setattr(register, "list_organisations", read)
    labels: list[str] = []
    real_run = table_export.run_with_progress
    monkeypatch.setattr(
        table_export,
        "run_with_progress",
        lambda p, label, work: labels.append(label) or real_run(p, label, work),
    )
    window = main_window.MainWindow(demo)
    qtbot.addWidget(window)
    window.show()
    window.view_actions[1].trigger()  # Ctrl+2: the organisations
    qtbot.wait(100)  # shown: the list has read the pages that fill it
    model = window.organisations.model
    loaded = model.loaded
    assert loaded < model.total
    target = tmp_path / "organisaatiot.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", SaveDialog(target))
    reads.clear()
    window.export_action.trigger()  # Ctrl+E
    # The whole list was read once, in the worker; on the GUI thread at most a page as it scrolls.
    assert [count for gui, count in reads if not gui] == [model.total]
    assert all(count <= 5 for gui, count in reads if gui)
    assert labels == [i18n._("Exporting the list…")]  # with progress and Cancel, however short
    assert model.loaded < model.total  # the window's list did not load the rest
    with target.open(encoding="utf-8-sig", newline="") as file:
        back = list(csv.reader(file, delimiter=";"))
    assert len(back) == 1 + model.total
    names = [row[0] for row in back[1:]]
    assert names == [model.index(r, 0).data() for r in range(loaded)] + names[loaded:]
    assert str(target) in window.statusBar().currentMessage()
