"""The Reports view's form: the kind, the report's language and the options that kind needs.

Option widgets are made for every option a report can ask (`catalogue` names them); a kind's
`needs` decide which rows show, so a newly registered kind appears here without changes.
"""

from __future__ import annotations

import uuid
from datetime import date

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLabel, QSpinBox, QWidget

from jarjestokeskus import i18n
from jarjestokeskus.db.engine import Database
from jarjestokeskus.i18n import N_, _, localized, sort_key
from jarjestokeskus.reports.catalogue import (
    AREA,
    COUNTERPARTY,
    DAYS,
    GROUP_BY,
    KINDS,
    ORGANISATION,
    WITHOUT_NAMES,
    YEAR,
    ReportOptions,
)
from jarjestokeskus.ui.widgets.organisation_picker import OrganisationPicker

REPORT_LANGUAGES = {"fi": "Suomi", "sv": "Svenska"}  # each in its own language, never translated
GROUPINGS = (("municipality", N_("Municipality")), ("field", N_("Field")))
# The label of each option's row; messages about a missing option name the field by it.
OPTION_LABELS = {
    YEAR: N_("Year"),
    COUNTERPARTY: N_("Counterparty"),
    ORGANISATION: N_("Organisation"),
    GROUP_BY: N_("Group by"),
    WITHOUT_NAMES: N_("Without persons' names (statistics only)"),
    DAYS: N_("Days ahead"),
    AREA: N_("Municipality or wellbeing services county"),
}
SETTINGS_KIND, SETTINGS_LANGUAGE = "reports/kind", "reports/language"
Counterparty = tuple[uuid.UUID, str, str]  # id, Finnish name, Swedish name


def counterparty_choices(db: Database) -> list[Counterparty]:
    """The cities and counties that have agreements; any organisations until that service exists."""
    try:
        from jarjestokeskus.services.agreements.report_data import agreement_counterparties
    except ImportError:  # the agreement report's data service is not there yet
        from jarjestokeskus.services.organisations.register import organisation_choices

        return [(row.id, row.name_fi, row.name_sv) for row in organisation_choices(db, "", limit=500)]
    return list(agreement_counterparties(db))


class OptionProblem(ValueError):
    """An option the chosen kind needs is not filled in; `option` names it."""

    def __init__(self, option: str) -> None:
        super().__init__(option)
        self.option = option


class ReportForm(QWidget):
    """`kind()`, `language()` and `options()` are what the user chose."""

    kind_changed = Signal(str)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self._counterparties: list[Counterparty] = []
        self.kind_box = QComboBox(objectName="reportKind")
        for key in KINDS:
            self.kind_box.addItem("", key)
        self.language_box = QComboBox(objectName="reportLanguage")
        for code, name in REPORT_LANGUAGES.items():
            self.language_box.addItem(name, code)
        self.year = QSpinBox(objectName="reportYear")
        self.year.setRange(1990, 2100)
        self.year.setValue(date.today().year)
        self.counterparty = QComboBox(objectName="reportCounterparty")
        self.counterparty.setMinimumContentsLength(24)
        self.counterparty.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.organisation = OrganisationPicker(db)
        self.organisation.setObjectName("reportOrganisation")
        self.group_by = QComboBox(objectName="reportGroupBy")
        for key, _label in GROUPINGS:
            self.group_by.addItem("", key)
        self.without_names = QCheckBox(objectName="reportWithoutNames")
        self.days = QSpinBox(objectName="reportDays")
        self.days.setRange(0, 3650)
        self.days.setValue(30)
        self.area = QComboBox(objectName="reportArea", editable=True)
        self.area.setMinimumContentsLength(24)
        self.area.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.option_widgets: dict[str, QWidget] = {
            YEAR: self.year,
            COUNTERPARTY: self.counterparty,
            ORGANISATION: self.organisation,
            GROUP_BY: self.group_by,
            WITHOUT_NAMES: self.without_names,
            DAYS: self.days,
            AREA: self.area,
        }
        self.kind_label, self.language_label = QLabel(), QLabel()
        self.kind_label.setBuddy(self.kind_box)
        self.language_label.setBuddy(self.language_box)
        self.labels: dict[str, QLabel] = {}
        self.layout_ = QFormLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.layout_.addRow(self.kind_label, self.kind_box)
        self.layout_.addRow(self.language_label, self.language_box)
        for option, widget in self.option_widgets.items():
            if option == WITHOUT_NAMES:  # a check box carries its own text
                self.layout_.addRow(widget)
                continue
            label = QLabel()
            label.setBuddy(widget)
            self.labels[option] = label
            self.layout_.addRow(label, widget)
        self._restore_choices()
        self.kind_box.currentIndexChanged.connect(self._kind_chosen)
        self.language_box.currentIndexChanged.connect(self._remember)
        self.retranslate()
        self._show_needed()

    # --- what was chosen ---------------------------------------------------------------------
    def kind(self) -> str:
        return str(self.kind_box.currentData())

    def set_kind(self, key: str) -> None:
        self.kind_box.setCurrentIndex(self.kind_box.findData(key))

    def language(self) -> str:
        return str(self.language_box.currentData())

    def set_language(self, code: str) -> None:
        self.language_box.setCurrentIndex(self.language_box.findData(code))

    def needs(self) -> tuple[str, ...]:
        return KINDS[self.kind()].needs

    def field_label(self, option: str) -> str:
        """The field's label as the user sees it (no accelerator, no colon)."""
        return _(OPTION_LABELS[option]) if option in OPTION_LABELS else option

    def option_message(self, option: str) -> str:
        """What to do about `option`, naming its field, in the window's language."""
        field = self.field_label(option)
        if option == ORGANISATION and self.organisation.is_unresolved():
            return _("{field}: choose the organisation from the list that opens as you type").format(
                field=field
            )
        return _("{field}: required").format(field=field)

    def options(self) -> ReportOptions:
        """The options of the chosen kind; raises OptionProblem naming an option not filled in."""
        needs = self.needs()
        organisation_id = self.organisation.organisation_id() if ORGANISATION in needs else None
        if ORGANISATION in needs and (organisation_id is None or self.organisation.is_unresolved()):
            raise OptionProblem(ORGANISATION)
        counterparty_id = self.counterparty.currentData() if COUNTERPARTY in needs else None
        if COUNTERPARTY in needs and not isinstance(counterparty_id, uuid.UUID):
            raise OptionProblem(COUNTERPARTY)
        return ReportOptions(
            year=self.year.value(),
            counterparty_id=counterparty_id,
            organisation_id=organisation_id,
            group_by=str(self.group_by.currentData()),
            without_names=self.without_names.isChecked(),
            days=self.days.value(),
            area=self.area.currentText().strip(),
        )

    def focus_option(self, option: str) -> None:
        widget = self.option_widgets.get(option)
        if widget is not None and widget.isVisibleTo(self):
            widget.setFocus()

    # --- showing ------------------------------------------------------------------------------
    def _kind_chosen(self) -> None:
        self._show_needed()
        self._remember()
        self.kind_changed.emit(self.kind())

    def _show_needed(self) -> None:
        needs = self.needs()
        for option, widget in self.option_widgets.items():
            self.layout_.setRowVisible(widget, option in needs)
        if COUNTERPARTY in needs:
            self.load_counterparties()
        if AREA in needs:
            self._fill_areas()

    def _fill_areas(self) -> None:
        """The whole region first, then every municipality and county by name, in the window's language."""
        from jarjestokeskus.services.municipalities import authority_names

        typed = self.area.currentText()
        self.area.blockSignals(True)
        self.area.clear()
        self.area.addItem("")
        self.area.addItems(authority_names(i18n.current_language()))
        self.area.setCurrentText(typed)
        self.area.blockSignals(False)

    def load_counterparties(self) -> None:
        """Read the counterparties again (agreements may have changed); keeps the choice."""
        chosen = self.counterparty.currentData()
        self._counterparties = counterparty_choices(self.db)
        self._fill_counterparties(chosen)

    def _fill_counterparties(self, chosen: object) -> None:
        language = i18n.current_language()
        names = sorted(
            ((localized(fi, sv, language), id_) for id_, fi, sv in self._counterparties),
            key=lambda pair: sort_key(pair[0]),
        )
        self.counterparty.blockSignals(True)
        self.counterparty.clear()
        for name, id_ in names:
            self.counterparty.addItem(name, id_)
        index = self.counterparty.findData(chosen)
        self.counterparty.setCurrentIndex(index if index >= 0 else (0 if names else -1))
        self.counterparty.blockSignals(False)

    def retranslate(self) -> None:
        self.kind_label.setText(_("&Report:"))
        self.language_label.setText(_("Report lan&guage:"))
        for index, key in enumerate(KINDS):
            self.kind_box.setItemText(index, _(KINDS[key].title))
        for option, label in self.labels.items():
            label.setText(self.field_label(option) + ":")
        self.without_names.setText(self.field_label(WITHOUT_NAMES))
        for index, (_key, label_text) in enumerate(GROUPINGS):
            self.group_by.setItemText(index, _(label_text))
        self.organisation.retranslate()
        if self._counterparties:
            self._fill_counterparties(self.counterparty.currentData())

    # --- remembered choices -------------------------------------------------------------------
    def _restore_choices(self) -> None:
        settings = QSettings()
        kind = settings.value(SETTINGS_KIND)
        if isinstance(kind, str) and kind in KINDS:
            self.set_kind(kind)
        language = settings.value(SETTINGS_LANGUAGE)
        if not (isinstance(language, str) and language in REPORT_LANGUAGES):
            language = i18n.current_language()  # the window's language until the user chooses
        self.set_language(language)

    def _remember(self) -> None:
        settings = QSettings()
        settings.setValue(SETTINGS_KIND, self.kind())
        settings.setValue(SETTINGS_LANGUAGE, self.language())
