"""The Welfare survey view by clicks: forms written, returned forms imported, states, reminders."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

from jarjestokeskus.db.engine import Database
from jarjestokeskus.domain.survey import QuestionKind
from jarjestokeskus.ui.survey.view import SurveyView
from tests.services.survey.filling import fill
from tests.services.survey.test_survey import AALTO, make_members


@pytest.fixture
def view(qtbot, db: Database) -> SurveyView:  # type: ignore[no-untyped-def]
    make_members(db)
    widget = SurveyView(db)
    qtbot.addWidget(widget)
    widget.resize(1280, 720)
    widget.year.setValue(2026)
    widget.show()
    return widget


def test_forms_out_and_back(qtbot, view: SurveyView, monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert view.summary.text() == "Vastannut: 0 · Vastannut osittain: 0 · Ei vielä: 3"
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_a, **_k: str(tmp_path))
    qtbot.mouseClick(view.forms_button, Qt.MouseButton.LeftButton)
    files = sorted(tmp_path.glob("*.xlsx"))
    assert len(files) == 3
    fill(files[0], AALTO)
    fill(files[2], {"groups": "kolme"})
    shown: list[str] = []
    monkeypatch.setattr(
        QFileDialog, "getOpenFileNames", lambda *_a, **_k: ([str(files[0]), str(files[2])], "")
    )
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *_a: shown.append(text))
    qtbot.mouseClick(view.import_button, Qt.MouseButton.LeftButton)
    assert shown and "Tallennettu: 1, tallentamatta: 1" in shown[0] and "ei ole luku" in shown[0]
    assert view.summary.text() == "Vastannut: 1 · Vastannut osittain: 0 · Ei vielä: 2"
    assert view.table.item(0, 2).text() == "Vastannut"
    qtbot.mouseClick(view.remind_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == "b@example.fi; c@example.fi"


def test_a_web_export_with_unusual_headings_is_mapped_by_the_user(
    qtbot, view: SurveyView, monkeypatch, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """The guess leaves "Kysymys 3" unmapped; the user picks the volunteers question for it in the
    mapping step, is first stopped for leaving out the organisation, and the answers are stored."""
    from decimal import Decimal

    from PySide6.QtCore import QTimer
    from sqlalchemy import select

    from jarjestokeskus.db.models import SurveyAnswer, SurveyQuestion
    from jarjestokeskus.ui.survey.mapping_dialog import IGNORED, WebMappingDialog

    export = tmp_path / "webropol.csv"
    export.write_text("Y-tunnus;Vastaaja;Kysymys 3\n0207669-0;Aalto ry;12\n", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(export), ""))
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *_a: shown.append(text))
    seen: dict[str, object] = {}

    def choose() -> None:
        dialog = next(d for d in view.findChildren(WebMappingDialog) if d.isVisible())
        organisation, volunteers = dialog.combos[0], dialog.combos[2]
        seen["guessed"] = (organisation.currentData(), volunteers.currentData())
        organisation.setCurrentIndex(organisation.findData(IGNORED))
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        seen["refused"] = dialog.isVisible() and dialog.problem.isVisible()
        organisation.setCurrentIndex(organisation.findData("_business_id"))
        volunteers.setCurrentIndex(volunteers.findData("volunteers"))
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, choose)
    qtbot.mouseClick(view.web_button, Qt.MouseButton.LeftButton)
    assert seen == {"guessed": ("_business_id", IGNORED), "refused": True}
    assert shown and "Tallennettu: 1, tallentamatta: 0" in shown[0]
    assert view.summary.text().startswith("Vastannut: 0 · Vastannut osittain: 1")
    with view.db.reading() as session:
        stored = session.execute(
            select(SurveyQuestion.key, SurveyAnswer.number_value).join(
                SurveyQuestion, SurveyAnswer.question_id == SurveyQuestion.id
            )
        ).all()
    assert stored == [("volunteers", Decimal("12.00"))]


def test_the_questions_are_edited_in_the_window_until_answers_arrive(
    qtbot, view: SurveyView, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """A question is added by clicks and typing; a bad key and a choice without options are named
    and nothing is saved until they are right; once an answer is stored the set is read-only."""
    from PySide6.QtCore import QTimer

    from jarjestokeskus.services.survey.questions import ensure_survey, questions
    from jarjestokeskus.ui.survey.questions_dialog import QuestionsDialog

    ensure_survey(view.db, 2026)
    before = questions(view.db, 2026)
    assert len(before) > 5
    seen: dict[str, object] = {}

    def edit() -> None:
        dialog = next(d for d in view.findChildren(QuestionsDialog) if d.isVisible())
        qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
        key = dialog.fields["key"]
        key.selectAll()
        qtbot.keyClicks(key, "Bad key")
        qtbot.keyClicks(dialog.fields["text_fi"], "Montako kerhoa kokoontuu viikoittain")
        qtbot.keyClicks(dialog.fields["text_sv"], "Hur manga klubbar traffas varje vecka")
        dialog.kind.setCurrentIndex(dialog.kind.findData(QuestionKind.CHOICE))
        dialog.kind.activated.emit(dialog.kind.currentIndex())
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        seen["errors"] = dialog.problem.text()
        seen["still open"] = dialog.isVisible()
        key.selectAll()
        qtbot.keyClicks(key, "weekly_clubs")
        dialog.options.setPlainText("none; Ei yhtaan; Ingen\nsome; Joitakin; Nagra")
        qtbot.mouseClick(dialog.up_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, edit)
    qtbot.mouseClick(view.questions_button, Qt.MouseButton.LeftButton)
    assert seen["still open"] is True
    assert "Tunniste: pienet kirjaimet" in str(seen["errors"]) and "vähintään kaksi vaihtoehtoa" in str(
        seen["errors"]
    )
    after = questions(view.db, 2026)
    assert [q.key for q in after] == [q.key for q in before[:-1]] + ["weekly_clubs", before[-1].key]
    added = after[-2]
    assert added.kind == QuestionKind.CHOICE and added.options == (
        ("none", "Ei yhtaan", "Ingen"),
        ("some", "Joitakin", "Nagra"),
    )
    assert added.text_sv == "Hur manga klubbar traffas varje vecka"


def test_answered_questions_cannot_be_edited(qtbot, view: SurveyView, monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QTimer

    from jarjestokeskus.ui.survey.questions_dialog import QuestionsDialog

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_a, **_k: str(tmp_path))
    qtbot.mouseClick(view.forms_button, Qt.MouseButton.LeftButton)
    form = sorted(tmp_path.glob("*.xlsx"))[0]
    fill(form, AALTO)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *_a, **_k: ([str(form)], ""))
    monkeypatch.setattr(QMessageBox, "information", lambda *_a: None)
    qtbot.mouseClick(view.import_button, Qt.MouseButton.LeftButton)
    seen: dict[str, object] = {}

    def look() -> None:
        dialog = next(d for d in view.findChildren(QuestionsDialog) if d.isVisible())
        seen["note"] = dialog.note.text()
        seen["can save"] = dialog.save_button.isEnabled() or dialog.add_button.isEnabled()
        seen["read only"] = dialog.fields["text_fi"].isReadOnly()
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    QTimer.singleShot(0, look)
    qtbot.mouseClick(view.questions_button, Qt.MouseButton.LeftButton)
    assert "eivät voi enää muuttua" in str(seen["note"])
    assert seen["can save"] is False and seen["read only"] is True


def test_welfare_plan_objectives_are_entered_in_the_window(qtbot, view: SurveyView, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QTimer

    from jarjestokeskus.services.survey.welfare_plan import objectives
    from jarjestokeskus.ui.survey.objectives_dialog import ObjectivesDialog

    asked: list[str] = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda _p, _t, text, *_a: asked.append(text) or QMessageBox.StandardButton.Cancel,
    )
    seen: dict[str, object] = {}

    def enter() -> None:
        dialog = next(d for d in view.findChildren(ObjectivesDialog) if d.isVisible())
        seen["municipality"], seen["term"] = dialog.municipality.currentText(), dialog.term.currentText()
        qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        seen["refused"] = dialog.problem.text()
        qtbot.keyClicks(dialog.title_fi, "Yksinaisyyden ehkaisy")
        qtbot.keyClicks(dialog.title_sv, "Forebygga ensamhet")
        for index in range(dialog.themes.count()):
            item = dialog.themes.item(index)
            if item.data(Qt.ItemDataRole.UserRole) == "loneliness":
                item.setCheckState(Qt.CheckState.Checked)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        seen["saved"] = dialog.problem.text()
        qtbot.keyClicks(dialog.title_fi, " ja osallisuus")
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # asks; Cancel keeps the dialog and the text
        seen["kept"] = dialog.isVisible() and dialog.title_fi.text().endswith("osallisuus")
        dialog.changed = False
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    QTimer.singleShot(0, enter)
    qtbot.mouseClick(view.objectives_button, Qt.MouseButton.LeftButton)
    assert seen["municipality"] == "Vaasa" and seen["term"] == "2025–2029"
    assert "kirjoita tavoite suomeksi tai ruotsiksi" in str(seen["refused"])
    assert seen["saved"] == "Tallennettu." and seen["kept"] is True
    assert asked == ["Hylätäänkö tavoitteisiin tehdyt muutokset?"]
    saved = objectives(view.db, ["905"], 2025)
    assert [(o.title_fi, o.title_sv, o.themes) for o in saved] == [
        ("Yksinaisyyden ehkaisy", "Forebygga ensamhet", ("loneliness",))
    ]


def test_the_survey_period_is_typed_and_saved(qtbot, view: SurveyView, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from jarjestokeskus.services.survey.questions import survey_period

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *_a: shown.append(text))
    qtbot.keyClicks(view.opens, "1.9.2026")
    qtbot.keyClicks(view.closes, "31.13.2026")
    qtbot.mouseClick(view.period_button, Qt.MouseButton.LeftButton)
    assert shown and shown[0].startswith("Vastausaika päättyy:")
    assert view.closes.text() == "31.13.2026" and survey_period(view.db, 2026) is None
    view.closes.clear()
    qtbot.keyClicks(view.closes, "31.10.2026")
    qtbot.keyClick(view.closes, Qt.Key.Key_Return)
    period = survey_period(view.db, 2026)
    assert period is not None and (period.opens_on.isoformat(), period.closes_on.isoformat()) == (
        "2026-09-01",
        "2026-10-31",
    )
    view.year.setValue(2027)
    assert view.opens.text() == ""
    view.open(period.survey_id)
    assert view.year.value() == 2026 and view.closes.text() == "31.10.2026"


def test_the_free_text_answers_are_searched(qtbot, view: SurveyView, monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_a, **_k: str(tmp_path))
    qtbot.mouseClick(view.forms_button, Qt.MouseButton.LeftButton)
    form = sorted(tmp_path.glob("*.xlsx"))[0]
    fill(form, AALTO)  # observations: "Yksinäisyys on lisääntynyt."
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *_a, **_k: ([str(form)], ""))
    monkeypatch.setattr(QMessageBox, "information", lambda *_a: None)
    qtbot.mouseClick(view.import_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(view.search, "ON LIS")  # any case
    assert view.table.rowCount() == 1 and view.table.item(0, 2).text() == "Yksinäisyys on lisääntynyt."
    assert view.table.item(0, 0).text() == "Aalto ry"
    assert view.summary.text() == "1 vastaus sisältää ”ON LIS”"
    view.search.clear()
    assert view.table.columnCount() == 4 and view.table.rowCount() == 3
