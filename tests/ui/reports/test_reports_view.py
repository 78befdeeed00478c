"""The Reports view as a user meets it: choose, build in the background, cancel, look, save."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QSettings, Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QFileDialog, QMessageBox

from jarjestokeskus.db.engine import Database
from jarjestokeskus.i18n import _, sort_key
from jarjestokeskus.reports import catalogue
from jarjestokeskus.reports.catalogue import (
    COUNTERPARTY,
    DAYS,
    GROUP_BY,
    ORGANISATION,
    WITHOUT_NAMES,
    YEAR,
    ReportKind,
)
from jarjestokeskus.ui.reports import build as report_build
from jarjestokeskus.ui.reports import options as report_options
from jarjestokeskus.ui.reports.build import suggested_name
from jarjestokeskus.ui.reports.view import CANCELLED, FAILED, READY, ReportsView
from jarjestokeskus.ui.window.qt_language import apply_language
from tests.reports.pdf_text import demo_database, pdf_text

BUILD_TIMEOUT_MS = 20000


@pytest.fixture(autouse=True)
def private_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No remembered kind, language or folder from an earlier test; the cache in a temporary folder."""
    QSettings().clear()
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


@pytest.fixture
def demo(tmp_path: Path, migrated_template: Path):  # type: ignore[no-untyped-def]
    database = demo_database(tmp_path, migrated_template)
    yield database
    database.close()


def _view(qtbot, db: Database) -> ReportsView:  # type: ignore[no-untyped-def]
    view = ReportsView(db)
    qtbot.addWidget(view)
    view.resize(1100, 750)
    view.show()
    return view


def _build(qtbot, view: ReportsView) -> None:  # type: ignore[no-untyped-def]
    view.build_button.click()
    qtbot.waitUntil(lambda: not view.is_building(), timeout=BUILD_TIMEOUT_MS)


def _shown(view: ReportsView, option: str) -> bool:
    return view.form.option_widgets[option].isVisibleTo(view)


def test_members_report_in_finnish_is_shown(qtbot, demo: Database) -> None:  # type: ignore[no-untyped-def]
    view = _view(qtbot, demo)
    view.form.set_kind("members")
    view.form.set_language("fi")
    _build(qtbot, view)
    assert view.state == READY
    assert view.status.text() == _("Ready")
    assert view.preview.document.status() == QPdfDocument.Status.Ready
    pages = view.preview.document.pageCount()
    assert pages > 0
    assert view.preview.page_label.text() == f"Sivu 1 / {pages}"
    assert "Jäsenrekisteri" in pdf_text(view.pdf or b"")
    assert view.save_button.isEnabled() and view.open_button.isEnabled()


def test_report_language_is_independent_of_the_window(qtbot, demo: Database) -> None:  # type: ignore[no-untyped-def]
    view = _view(qtbot, demo)
    view.form.set_kind("members")
    assert view.form.language() == "fi"  # the window's language by default
    view.form.set_language("sv")
    _build(qtbot, view)
    assert view.state == READY
    assert "Medlemsregister" in pdf_text(view.pdf or b"")
    assert view.cancel_button.text() == "Peruuta"  # the window stays Finnish


def test_kind_switching_shows_only_the_options_it_needs(qtbot, db: Database, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    everything = (YEAR, COUNTERPARTY, ORGANISATION, GROUP_BY, WITHOUT_NAMES, DAYS)
    kinds = dict(catalogue.KINDS)
    kinds["everything"] = ReportKind("everything", "Everything", everything, "members", "build_members")
    monkeypatch.setattr(catalogue, "KINDS", kinds)
    monkeypatch.setattr(report_options, "KINDS", kinds)
    view = _view(qtbot, db)
    view.form.set_kind("members")
    assert [o for o in everything if _shown(view, o)] == [YEAR, GROUP_BY]  # the members at the end of a year
    view.form.set_kind("organisation")
    assert [o for o in everything if _shown(view, o)] == [ORGANISATION]
    view.form.set_kind("everything")  # a kind registered later appears with its options
    assert [o for o in everything if _shown(view, o)] == list(everything)
    assert view.form.year.value() > 2000 and view.form.days.value() == 30


def test_cancel_stops_the_build_and_keeps_the_view_ready(qtbot, db: Database, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    steps: list[int] = []

    def slow_build(db, kind, language, out, options, progress) -> None:  # type: ignore[no-untyped-def]
        for step in range(1000):
            steps.append(step)
            progress(step, 1000)
            time.sleep(0.01)
        out.write(b"never")

    monkeypatch.setattr(catalogue, "build_report", slow_build)
    view = _view(qtbot, db)
    view.build_button.click()
    assert view.is_building()
    assert view.progress.isVisibleTo(view) and view.cancel_button.isVisibleTo(view)
    assert not view.build_button.isEnabled()
    qtbot.waitUntil(lambda: view.progress.maximum() == 1000 and view.progress.value() > 2)
    view.cancel_button.click()
    qtbot.waitUntil(lambda: not view.is_building(), timeout=BUILD_TIMEOUT_MS)
    assert view.state == CANCELLED
    assert view.status.text() == _("Cancelled")
    assert len(steps) < 1000
    assert view.pdf is None
    assert not view.progress.isVisibleTo(view) and view.build_button.isEnabled()


def test_closing_the_view_stops_a_running_build(qtbot, db: Database, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    def slow_build(db, kind, language, out, options, progress) -> None:  # type: ignore[no-untyped-def]
        for step in range(1000):
            progress(step, 1000)
            time.sleep(0.01)

    monkeypatch.setattr(catalogue, "build_report", slow_build)
    view = _view(qtbot, db)
    view.build()
    thread = view._thread
    assert thread is not None
    view.close()
    assert thread.isFinished()
    assert not view.is_building()


def test_a_view_deleted_while_building_leaves_its_thread_to_end(qtbot, db: Database, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    def slow_build(db, kind, language, out, options, progress) -> None:  # type: ignore[no-untyped-def]
        for step in range(300):
            progress(step, 300)
            time.sleep(0.01)

    monkeypatch.setattr(catalogue, "build_report", slow_build)
    view = ReportsView(db)  # as the main window does when it opens another database
    view.build()
    thread = view._thread
    assert thread is not None
    view.deleteLater()
    qtbot.wait(50)
    assert thread in report_build._threads and thread.isRunning()
    report_build.stop_all_builds()
    assert thread.isFinished() and not report_build._threads


def test_database_problem_is_shown_in_the_window_language(qtbot, db: Database, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from jarjestokeskus.db.errors import RecordNotFound

    def gone(db, kind, language, out, options, progress) -> None:  # type: ignore[no-untyped-def]
        raise RecordNotFound()

    monkeypatch.setattr(catalogue, "build_report", gone)
    view = _view(qtbot, db)
    _build(qtbot, view)
    assert view.state == FAILED
    assert view.message.text() == "Tietuetta ei enää ole."


def test_ctrl_return_and_f5_build(qtbot, db: Database, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    calls: list[str] = []
    monkeypatch.setattr(catalogue, "build_report", lambda *args: calls.append(args[1]))
    view = _view(qtbot, db)
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    qtbot.keyClick(view.form.kind_box, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not view.is_building() and len(calls) == 1)
    qtbot.keyClick(view.form.kind_box, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: not view.is_building() and len(calls) == 2)
    assert view.state == FAILED  # the fake wrote no PDF: "could not be shown", nothing crashed


def test_missing_organisation_names_the_field_and_keeps_the_preview(qtbot, demo: Database) -> None:  # type: ignore[no-untyped-def]
    view = _view(qtbot, demo)
    view.form.set_kind("members")
    _build(qtbot, view)
    shown = view.pdf
    view.form.set_kind("organisation")
    view.build_button.click()
    assert not view.is_building()
    assert view.message.isVisibleTo(view)
    assert view.message.text() == "Organisaatio: pakollinen tieto"
    assert view.form.organisation.hasFocus()
    assert view.pdf is shown and view.preview.page_count() > 0
    view.form.organisation.insert("Ei tällaista yhdistystä")
    view.build()
    assert (
        view.message.text() == "Organisaatio: valitse organisaatio luettelosta, joka avautuu kirjoittaessasi"
    )


def test_missing_option_reported_by_the_build_names_the_field(qtbot, db: Database, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    def needs_counterparty(db, kind, language, out, options, progress) -> None:  # type: ignore[no-untyped-def]
        raise catalogue.MissingOption(COUNTERPARTY)

    monkeypatch.setattr(catalogue, "build_report", needs_counterparty)
    view = _view(qtbot, db)
    _build(qtbot, view)
    assert view.state == FAILED
    assert view.message.text() == _("{field}: required").format(field=_("Counterparty"))
    assert view.form.counterparty.hasFocus() is False  # not shown for this kind: nothing to focus


def test_organisation_card_is_built_for_the_chosen_organisation(qtbot, demo: Database) -> None:  # type: ignore[no-untyped-def]
    view = _view(qtbot, demo)
    view.form.set_kind("organisation")
    picker = view.form.organisation
    picker.setFocus()
    picker.insert("Kaskisten")
    picker.search()
    assert picker.matches()
    picker.choose(0)
    _build(qtbot, view)
    assert view.state == READY, view.message.text()
    assert "Kaskisten Eläkeläiset" in pdf_text(view.pdf or b"")


def test_save_as_writes_the_pdf_and_remembers_the_folder(
    qtbot, demo: Database, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    view = _view(qtbot, demo)
    view.form.set_kind("members")
    _build(qtbot, view)
    offered: list[str] = []

    def choose(parent, caption, start, filters):  # type: ignore[no-untyped-def]
        offered.append(start)
        return str(tmp_path / "out" / "jasenet"), filters

    (tmp_path / "out").mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", choose)
    written = view.save_as()
    assert written == tmp_path / "out" / "jasenet.pdf"
    assert len(PdfReader(str(written)).pages) == view.preview.page_count()
    assert Path(offered[0]).name.startswith("Jäsenrekisteri_fi_")
    view.save_as()
    assert Path(offered[1]).parent == tmp_path / "out"


def test_save_as_failure_names_the_file(qtbot, demo: Database, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    view = _view(qtbot, demo)
    _build(qtbot, view)
    target = tmp_path / "no such folder" / "raportti.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(target), ""))
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warnings.append(text))
    assert view.save_as() is None
    assert len(warnings) == 1 and str(target) in warnings[0]


def test_open_in_viewer_writes_a_copy_in_the_cache(qtbot, demo: Database, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    view = _view(qtbot, demo)
    _build(qtbot, view)
    opened: list[str] = []
    monkeypatch.setattr(
        "jarjestokeskus.ui.reports.view.QDesktopServices.openUrl",
        lambda url: opened.append(url.toLocalFile()) or True,
    )
    path = view.open_in_viewer()
    assert path is not None and opened == [str(path)]
    assert path.read_bytes() == view.pdf
    assert "cache" in str(path)


def test_retranslate_to_swedish_relabels_everything(qtbot, db: Database) -> None:  # type: ignore[no-untyped-def]
    view = _view(qtbot, db)
    view.form.set_kind("organisation")
    view.build()  # no organisation: a message
    assert view.cancel_button.text() == "Peruuta"
    try:
        apply_language("sv")
        view.retranslate()
        assert view.cancel_button.text() == "Avbryt"
        assert view.build_button.text() == _("&Build report")
        assert view.form.kind_box.itemText(0) == "Medlemsregister"
        assert view.form.labels[ORGANISATION].text() == "Organisation:"
        assert view.message.text() == "Organisation: obligatorisk uppgift"
        assert view.form.language() == "fi"  # the report's language stays as chosen
    finally:
        apply_language("fi")


def test_last_kind_and_language_are_remembered(qtbot, db: Database) -> None:  # type: ignore[no-untyped-def]
    first = _view(qtbot, db)
    first.form.set_kind("organisation")
    first.form.set_language("sv")
    second = _view(qtbot, db)
    assert second.form.kind() == "organisation"
    assert second.form.language() == "sv"


def test_suggested_name_uses_the_reports_language() -> None:
    from datetime import date

    assert suggested_name("members", "sv", date(2026, 11, 23)) == "Medlemsregister_sv_2026-11-23.pdf"
    assert suggested_name("organisation", "fi", date(2026, 1, 2)) == "Organisaatiokortti_fi_2026-01-02.pdf"


def test_agreements_report_for_a_chosen_counterparty(qtbot, demo: Database, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    kinds = dict(catalogue.KINDS)
    kinds.setdefault(
        "agreements",
        ReportKind("agreements", "Agreements", (COUNTERPARTY, YEAR), "agreements", "build_agreements"),
    )
    monkeypatch.setattr(catalogue, "KINDS", kinds)
    monkeypatch.setattr(report_options, "KINDS", kinds)
    view = _view(qtbot, demo)
    view.form.set_kind("agreements")
    assert _shown(view, COUNTERPARTY)
    names = [view.form.counterparty.itemText(i) for i in range(view.form.counterparty.count())]
    assert names and names == sorted(names, key=sort_key)
    vaasa = next(i for i, name in enumerate(names) if name.startswith("Vaasan kaupunki"))
    view.form.counterparty.setCurrentIndex(vaasa)
    _build(qtbot, view)
    assert view.state == READY, view.message.text()
    assert "Vaasan kaupunki" in pdf_text(view.pdf or b"")


def test_an_unreadable_pdf_keeps_the_report_shown_before(qtbot, demo: Database) -> None:  # type: ignore[no-untyped-def]
    view = _view(qtbot, demo)
    _build(qtbot, view)
    pages = view.preview.page_count()
    assert view.preview.show_pdf(b"%PDF-1.4 broken") == 0
    assert view.preview.show_pdf(b"not a pdf") == 0
    assert view.preview.page_count() == pages
    assert view.preview.document.status() == QPdfDocument.Status.Ready


def test_a_failed_build_takes_the_report_before_away(qtbot, demo: Database, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The report shown before is not the one asked for: it must not stay to be saved by mistake."""
    view = _view(qtbot, demo)
    view.form.set_kind("members")
    _build(qtbot, view)
    assert view.save_button.isEnabled() and view.preview.page_count() > 0

    def broken(db, kind, language, out, options, progress) -> None:  # type: ignore[no-untyped-def]
        raise ValueError("no such column")

    monkeypatch.setattr(catalogue, "build_report", broken)
    _build(qtbot, view)
    assert view.state == FAILED
    assert "no such column" in view.message.text()
    assert not view.save_button.isEnabled() and not view.open_button.isEnabled()
    assert view.preview.page_count() == 0
    assert view.preview.pages.currentWidget() is view.preview.placeholder
    assert view.save_as() is None
