"""The Basic tab of the agreement editor: kind, titles, dates, value; oral and premises parts when relevant."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from jarjestokeskus.db.engine import Database
from jarjestokeskus.domain.agreement_roles import InKindDirection
from jarjestokeskus.domain.agreements import AgreementForm, GoalForm, PartyForm, label
from jarjestokeskus.domain.enums import AgreementKind, AgreementStatus
from jarjestokeskus.i18n import _, current_language, format_date, format_number, localized
from jarjestokeskus.services.agreements.register import frameworks
from jarjestokeskus.services.agreements.rows import AgreementDetail
from jarjestokeskus.services.municipalities import municipality
from jarjestokeskus.services.projects.funding import funding_choices
from jarjestokeskus.ui.projects.tables import format_amount
from jarjestokeskus.ui.widgets.field_errors import FieldBox
from jarjestokeskus.ui.widgets.municipality_box import MunicipalityBox

LINE_KEYS = (
    "title_fi",
    "title_sv",
    "signed_on",
    "valid_from",
    "valid_to",
    "renewal_notice_date",
    "yearly_value",
    "oral_agreed_by",
    "premises_address",
    "premises_area_m2",
    "premises_rent",
    "premises_estimated_value",
)
MAIN_KEYS = (
    "kind",
    "title_fi",
    "title_sv",
    "status",
    "parent",
    "conditional_on_funding",
    "signed_on",
    "valid_from",
    "valid_to",
    "renewal_notice_date",
    "yearly_value",
    "description",
)


def form_from_detail(detail: AgreementDetail) -> AgreementForm:
    """The stored values as the form shows them: text typed the way the domain parses it."""
    return AgreementForm(
        kind=detail.kind,
        title_fi=detail.title_fi,
        title_sv=detail.title_sv,
        description=detail.description,
        parent_id=detail.parent_id,
        predecessor_id=detail.predecessor_id,
        status=detail.status,
        signed_on=format_date(detail.signed_on),
        valid_from=format_date(detail.valid_from),
        valid_to=format_date(detail.valid_to),
        renewal_notice_date=format_date(detail.renewal_notice_date),
        yearly_value=format_amount(detail.yearly_value),
        oral_agreed_by=detail.oral_agreed_by,
        conditional_on_funding_id=detail.conditional_on_funding_id,
        premises_address=detail.premises_address,
        premises_municipality_code=detail.premises_municipality_code,
        premises_area_m2="" if detail.premises_area_m2 is None else format_number(detail.premises_area_m2),
        premises_rent=format_amount(detail.premises_rent),
        premises_free_of_charge=detail.premises_free_of_charge,
        premises_estimated_value=format_amount(detail.premises_estimated_value),
        premises_direction=detail.premises_direction,
        parties=[
            PartyForm(p.organisation_id, p.role, p.signatory, p.id, p.role_kind) for p in detail.parties
        ],
        goals=[
            GoalForm(
                g.title_fi,
                g.title_sv,
                g.our_commitment,
                g.counterparty_commitment,
                g.indicator,
                g.follow_up_method,
                g.id,
            )
            for g in detail.goals
        ],
    )


class AgreementFields(QObject):
    """The inputs of the Basic tab, each in a FieldBox that can show its error."""

    edited = Signal(str)  # the key of the field the user changed

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self._form = AgreementForm()
        self.inputs: dict[str, QWidget] = {key: QLineEdit() for key in LINE_KEYS}
        self.kind = QComboBox()
        self.status = QComboBox()
        self.parent_box = QComboBox()
        self.funding_box = QComboBox()  # the funding decision a project agreement waits for
        self.municipality = MunicipalityBox()  # of the premises
        self.municipality.currentTextChanged.connect(lambda _t: self.edited.emit("premises_municipality"))
        self.description = QPlainTextEdit()
        self.description.setTabChangesFocus(True)
        self.description.setFixedHeight(self.description.fontMetrics().height() * 5)
        self.free_of_charge = QCheckBox()
        self.direction = QComboBox()  # received by us or given by us
        self.direction_label = QLabel()
        self.direction_label.setBuddy(self.direction)
        self.direction.currentIndexChanged.connect(lambda _i: self.edited.emit("premises_direction"))
        self.inputs.update(
            kind=self.kind,
            status=self.status,
            parent=self.parent_box,
            conditional_on_funding=self.funding_box,
            description=self.description,
            premises_municipality=self.municipality,
        )
        self.boxes = {key: FieldBox(widget) for key, widget in self.inputs.items()}
        self.boxes["premises_municipality"].layout().addWidget(self.municipality.note)
        self.labels = {key: QLabel() for key in self.inputs}
        for key, widget in self.inputs.items():
            if isinstance(widget, QLineEdit):
                widget.textEdited.connect(lambda _t, k=key: self.edited.emit(k))
            self.labels[key].setBuddy(widget)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.status.currentIndexChanged.connect(lambda _i: self.edited.emit("status"))
        self.parent_box.currentIndexChanged.connect(lambda _i: self.edited.emit("parent"))
        self.funding_box.currentIndexChanged.connect(lambda _i: self.edited.emit("conditional_on_funding"))
        self.description.textChanged.connect(lambda: self.edited.emit("description"))
        self.free_of_charge.toggled.connect(lambda _on: self.edited.emit("premises_rent"))
        self.predecessor = QLabel(wordWrap=True)
        self.funding_state = QLabel(wordWrap=True)

        self.page = QScrollArea()
        self.page.setWidgetResizable(True)
        inner = QWidget()
        layout = QVBoxLayout(inner)
        main = QFormLayout()
        for key in MAIN_KEYS:
            main.addRow(self.labels[key], self.boxes[key])
        main.addRow(self.predecessor)
        main.addRow(self.funding_state)
        layout.addLayout(main)
        self.oral_group = QGroupBox()
        oral = QFormLayout(self.oral_group)
        oral.addRow(self.labels["oral_agreed_by"], self.boxes["oral_agreed_by"])
        self.premises_group = QGroupBox()
        premises = QFormLayout(self.premises_group)
        for key in ("premises_address", "premises_municipality", "premises_area_m2", "premises_rent"):
            premises.addRow(self.labels[key], self.boxes[key])
        premises.addRow(self.free_of_charge)
        premises.addRow(self.direction_label, self.direction)
        premises.addRow(self.labels["premises_estimated_value"], self.boxes["premises_estimated_value"])
        layout.addWidget(self.oral_group)
        layout.addWidget(self.premises_group)
        layout.addStretch(1)
        self.page.setWidget(inner)

    def retranslate(self) -> None:
        for key, widget_label in self.labels.items():
            widget_label.setText(label(key) + ":")
        self._fill_enum(self.kind, AgreementKind)
        self._fill_enum(self.status, AgreementStatus)
        self._fill_enum(self.direction, InKindDirection)
        self.direction_label.setText(_("In-kind support:"))
        self.oral_group.setTitle(_("Oral agreement"))
        self.premises_group.setTitle(_("Premises"))
        self.municipality.retranslate()
        self.free_of_charge.setText(_("&Free of charge (in-kind support)"))
        self.inputs["signed_on"].setToolTip(_("For an oral agreement: the day it was agreed"))
        for key in ("signed_on", "valid_from", "valid_to", "renewal_notice_date"):
            self.inputs[key].setPlaceholderText(_("d.m.yyyy"))  # type: ignore[attr-defined]
        self.reload_frameworks()
        self.reload_fundings()
        self._show_links()

    @staticmethod
    def _fill_enum(combo: QComboBox, enum_type: type) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        for member in enum_type:
            combo.addItem(member.label, member)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        combo.blockSignals(False)

    def reload_frameworks(self, own_id: uuid.UUID | None = None) -> None:
        language = current_language()
        current = self.parent_box.currentData()
        self.parent_box.blockSignals(True)
        self.parent_box.clear()
        self.parent_box.addItem(_("(none)"), None)
        for agreement_id, fi, sv in frameworks(self.db):
            if agreement_id != own_id:
                self.parent_box.addItem(localized(fi, sv, language), str(agreement_id))
        self.parent_box.setCurrentIndex(max(0, self.parent_box.findData(current)))
        self.parent_box.blockSignals(False)

    def reload_fundings(self) -> None:
        language = current_language()
        current = self.funding_box.currentData()
        self.funding_box.blockSignals(True)
        self.funding_box.clear()
        self.funding_box.addItem(_("(none)"), None)
        for choice in funding_choices(self.db):
            project = localized(choice.project_fi, choice.project_sv, language)
            text = _("{project}: {instrument} {year}").format(
                project=project, instrument=choice.instrument.label, year=choice.year
            )
            self.funding_box.addItem(text, str(choice.id))
        self.funding_box.setCurrentIndex(max(0, self.funding_box.findData(current)))
        self.funding_box.blockSignals(False)

    def _kind_changed(self) -> None:
        self._show_sections()
        self.edited.emit("kind")

    def _show_sections(self) -> None:
        """The oral and premises parts appear when the kind asks for them or they hold something."""
        kind = self.kind.currentData()
        premises_typed = bool(self.municipality.currentText().strip()) or any(
            self.inputs[k].text().strip()  # type: ignore[attr-defined]
            for k in ("premises_address", "premises_area_m2", "premises_rent", "premises_estimated_value")
        )
        self.oral_group.setVisible(
            kind == AgreementKind.ORAL or bool(self.inputs["oral_agreed_by"].text().strip())  # type: ignore[attr-defined]
        )
        self.premises_group.setVisible(
            kind == AgreementKind.PREMISES or premises_typed or self.free_of_charge.isChecked()
        )

    def set_form(self, form: AgreementForm, detail: AgreementDetail | None) -> None:
        self._form = form
        self._detail = detail
        self.reload_frameworks(detail.id if detail else None)
        self.reload_fundings()
        for widget in self.inputs.values():
            widget.blockSignals(True)
        self.free_of_charge.blockSignals(True)
        try:
            for key in LINE_KEYS:
                self.inputs[key].setText(getattr(form, key))  # type: ignore[attr-defined]
            self.kind.setCurrentIndex(max(0, self.kind.findData(form.kind)))
            self.status.setCurrentIndex(max(0, self.status.findData(form.status)))
            parent = str(form.parent_id) if form.parent_id else None
            self.parent_box.setCurrentIndex(max(0, self.parent_box.findData(parent)))
            funding = str(form.conditional_on_funding_id) if form.conditional_on_funding_id else None
            self.funding_box.setCurrentIndex(max(0, self.funding_box.findData(funding)))
            self.description.setPlainText(form.description)
            place = municipality(form.premises_municipality_code)
            self.municipality.set_text(place.name(current_language()) if place else "")
            self.free_of_charge.setChecked(form.premises_free_of_charge)
            self.direction.blockSignals(True)
            self.direction.setCurrentIndex(max(0, self.direction.findData(form.premises_direction)))
            self.direction.blockSignals(False)
        finally:
            for widget in self.inputs.values():
                widget.blockSignals(False)
            self.free_of_charge.blockSignals(False)
        self._show_sections()
        self._show_links()

    def _show_links(self) -> None:
        detail = getattr(self, "_detail", None)
        language = current_language()
        title = localized(*detail.predecessor_title, language) if detail and detail.predecessor_id else ""
        self.predecessor.setText(_("Renews: {title}").format(title=title) if title else "")
        self.predecessor.setVisible(bool(title))
        state = detail.funding_state if detail else None
        self.funding_state.setText(
            _("Conditional on a funding decision: {state}").format(state=state.label) if state else ""
        )
        self.funding_state.setVisible(state is not None)

    def values(self) -> dict[str, object]:
        """The typed values for the AgreementForm (parties and goals come from their tables)."""
        parent = self.parent_box.currentData()
        return {
            **{key: self.inputs[key].text() for key in LINE_KEYS},  # type: ignore[attr-defined]
            "kind": self.kind.currentData(),
            "status": self.status.currentData(),
            "parent_id": uuid.UUID(parent) if parent else None,
            "predecessor_id": self._form.predecessor_id,
            "conditional_on_funding_id": uuid.UUID(funding)
            if (funding := self.funding_box.currentData())
            else None,
            "description": self.description.toPlainText(),
            "premises_free_of_charge": self.free_of_charge.isChecked(),
            "premises_direction": self.direction.currentData() or InKindDirection.RECEIVED,
            "premises_municipality_code": self.municipality.code(),
        }

    def set_read_only(self, read_only: bool) -> None:
        for key in LINE_KEYS:
            self.inputs[key].setReadOnly(read_only)  # type: ignore[attr-defined]
        self.description.setReadOnly(read_only)
        widgets = (
            self.kind,
            self.status,
            self.parent_box,
            self.funding_box,
            self.free_of_charge,
            self.direction,
            self.municipality,
        )
        for widget in widgets:
            widget.setEnabled(not read_only)

    def clear_errors(self) -> None:
        for box in self.boxes.values():
            box.clear_error()

    def tab_chain(self) -> list[QWidget]:
        return [self.inputs[k] for k in MAIN_KEYS] + [
            self.inputs["oral_agreed_by"],
            self.inputs["premises_address"],
            self.municipality,
            self.inputs["premises_area_m2"],
            self.inputs["premises_rent"],
            self.free_of_charge,
            self.inputs["premises_estimated_value"],
        ]
