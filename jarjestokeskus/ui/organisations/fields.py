"""The organisation's own fields on the Basic, Contact and Membership tabs of the editor."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from jarjestokeskus.domain.enums import (
    Field,
    LabelledEnum,
    MembershipStatus,
    OrganisationKind,
    StaffProfile,
    WorkingLanguage,
)
from jarjestokeskus.domain.organisation import FeeForm, OrganisationForm, RoleForm, label
from jarjestokeskus.i18n import _, format_date
from jarjestokeskus.services.rows import OrganisationDetail
from jarjestokeskus.ui.organisations.fee_table import FeeTable, format_amount
from jarjestokeskus.ui.widgets.field_errors import FieldBox
from jarjestokeskus.ui.widgets.municipality_box import MunicipalityBox

BASIC_KEYS = (
    "name_fi",
    "name_sv",
    "former_names",  # a summary and the button that opens their window
    "abbreviation",
    "business_id",
    "register_number",
    "kind",
    "field",
    "working_language",
    "staff_profile",
    "member_count",
    "uses_municipal_premises",
    "notes",
)
CONTACT_KEYS = ("municipality", "street_address", "postal_code", "post_office", "email", "phone", "website")
MEMBERSHIP_KEYS = ("membership_status", "member_since", "member_until")
PAGE_KEYS = (BASIC_KEYS, CONTACT_KEYS, MEMBERSHIP_KEYS)

LINE_KEYS = (
    "name_fi",
    "name_sv",
    "abbreviation",
    "business_id",
    "register_number",
    "member_count",
    "street_address",
    "postal_code",
    "post_office",
    "email",
    "phone",
    "website",
    "member_since",
    "member_until",
)
DATE_KEYS = ("member_since", "member_until")
COMBO_TYPES: dict[str, type[LabelledEnum]] = {
    "kind": OrganisationKind,
    "field": Field,
    "working_language": WorkingLanguage,
    "staff_profile": StaffProfile,
    "membership_status": MembershipStatus,
}
OPTIONAL_COMBOS = ("staff_profile",)  # first item: not given
# Short values get short boxes, sized in characters of the current font.
NARROW_KEYS = {
    "abbreviation": 14,
    "business_id": 14,
    "register_number": 14,
    "member_count": 12,
    "postal_code": 10,
    "member_since": 14,
    "member_until": 14,
}
PLACEHOLDERS = {"business_id": "1234567-8", "register_number": "123.456"}


def form_from_detail(detail: OrganisationDetail) -> OrganisationForm:
    """The stored values as the form shows them: text typed the way the domain parses it."""
    return OrganisationForm(
        name_fi=detail.name_fi,
        name_sv=detail.name_sv,
        abbreviation=detail.abbreviation,
        business_id=detail.business_id or "",
        register_number=detail.register_number or "",
        kind=detail.kind,
        field=detail.field,
        working_language=detail.working_language,
        municipality=detail.municipality,
        street_address=detail.street_address,
        postal_code=detail.postal_code,
        post_office=detail.post_office,
        email=detail.email,
        phone=detail.phone,
        website=detail.website,
        staff_profile=detail.staff_profile,
        member_count="" if detail.member_count is None else str(detail.member_count),
        uses_municipal_premises=detail.uses_municipal_premises,
        membership_status=detail.membership_status,
        member_since=format_date(detail.member_since),
        member_until=format_date(detail.member_until),
        notes=detail.notes,
        fees=[
            FeeForm(str(f.year), format_amount(f.amount), format_date(f.paid_on), f.id) for f in detail.fees
        ],
        roles=[
            RoleForm(
                r.first_name,
                r.last_name,
                r.email,
                r.phone,
                r.kind,
                format_date(r.start_date),
                format_date(r.end_date),
                r.id,
                r.person_id,
            )
            for r in detail.roles
        ],
    )


class OrganisationFields(QObject):
    """Owns the inputs of the organisation itself; `edited` names the field the user changed."""

    edited = Signal(str)

    def __init__(self, fee_table: FeeTable, parent: QWidget) -> None:
        super().__init__(parent)
        self._setting = False
        self.inputs: dict[str, QWidget] = {}
        self.lines: dict[str, QLineEdit] = {}
        self.combos: dict[str, QComboBox] = {}
        for key in LINE_KEYS:
            edit = QLineEdit()
            edit.setPlaceholderText(PLACEHOLDERS.get(key, ""))
            edit.textEdited.connect(lambda _text, k=key: self._edited(k))
            self.lines[key] = self.inputs[key] = edit
        for key in COMBO_TYPES:
            combo = QComboBox()
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(16)
            combo.currentIndexChanged.connect(lambda _index, k=key: self._edited(k))
            self.combos[key] = self.inputs[key] = combo
        self.municipality = MunicipalityBox()
        self.municipality.currentTextChanged.connect(lambda _text: self._edited("municipality"))
        self.inputs["municipality"] = self.municipality
        self.premises = QCheckBox()
        self.premises.toggled.connect(lambda _on: self._edited("uses_municipal_premises"))
        self.inputs["uses_municipal_premises"] = self.premises
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(self.notes.fontMetrics().lineSpacing() * 5 + 12)
        self.notes.textChanged.connect(lambda: self._edited("notes"))
        self.inputs["notes"] = self.notes
        metrics = parent.fontMetrics()
        for key, characters in NARROW_KEYS.items():
            self.lines[key].setMaximumWidth(metrics.horizontalAdvance("0") * characters + 16)
        self.former_summary = QLabel(wordWrap=True)
        self.former_button = QPushButton()
        self.inputs["former_names"] = self.former_button
        self.boxes = {key: FieldBox(w) for key, w in self.inputs.items() if key != "former_names"}
        former_row = QWidget()
        row_layout = QHBoxLayout(former_row)
        row_layout.setContentsMargins(0, 0, 0, 0)
        row_layout.addWidget(self.former_summary, 1)
        row_layout.addWidget(self.former_button)
        self.boxes["former_names"] = FieldBox(former_row)
        former_row.setFocusProxy(self.former_button)
        self.boxes["municipality"].layout().addWidget(self.municipality.note)
        self.labels: dict[str, QLabel] = {}
        self.fee_group = QGroupBox()
        fee_layout = QVBoxLayout(self.fee_group)
        fee_layout.addWidget(fee_table)
        fee_table.table.setMinimumHeight(metrics.height() * 9)
        self.pages = [
            self._page(BASIC_KEYS),
            self._page(CONTACT_KEYS),
            self._page(MEMBERSHIP_KEYS, self.fee_group),
        ]
        self.retranslate()

    def _page(self, keys: tuple[str, ...], extra: QWidget | None = None) -> QScrollArea:
        content = QWidget()
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for key in keys:
            if key == "uses_municipal_premises":
                form.addRow("", self.boxes[key])
                continue
            caption = QLabel()
            caption.setBuddy(self.inputs[key])
            self.labels[key] = caption
            form.addRow(caption, self.boxes[key])
        layout = QVBoxLayout(content)
        layout.addLayout(form)
        if extra is not None:
            layout.addWidget(extra, 1)
        else:
            layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        return scroll

    def _edited(self, key: str) -> None:
        if not self._setting:
            self.edited.emit(key)

    def page_of(self, key: str) -> int | None:
        for index, keys in enumerate(PAGE_KEYS):
            if key in keys:
                return index
        return None

    def tab_chain(self) -> list[QWidget]:
        """The inputs in the order Tab walks them, page by page."""
        chain: list[QWidget] = []
        for keys in PAGE_KEYS:
            chain.extend(self.inputs[key] for key in keys)
        return chain

    # --- texts -----------------------------------------------------------------------------
    def retranslate(self) -> None:
        self._setting = True
        try:
            for key, caption in self.labels.items():
                caption.setText(label(key))
            # One label column width on every page, so the fields stay put when the tab changes.
            widest = max(caption.sizeHint().width() for caption in self.labels.values())
            for caption in self.labels.values():
                caption.setMinimumWidth(widest)
            self.premises.setText(label("uses_municipal_premises"))
            for key in DATE_KEYS:
                self.lines[key].setPlaceholderText(_("d.m.yyyy"))
            self.municipality.retranslate()
            for key, enum_type in COMBO_TYPES.items():
                self._fill_combo(key, list(enum_type))
            self.fee_group.setTitle(_("Membership fees"))
            self.former_button.setText(_("Earlier &names…"))
            self.former_button.setToolTip(_("Names the organisation had before, with their days"))
        finally:
            self._setting = False

    def _fill_combo(self, key: str, members: list[LabelledEnum]) -> None:
        combo = self.combos[key]
        texts = [member.label for member in members]
        if key in OPTIONAL_COMBOS:
            texts.insert(0, _("Not given"))
        if combo.count() == len(texts):
            for index, text in enumerate(texts):
                combo.setItemText(index, text)
            return
        combo.clear()
        if key in OPTIONAL_COMBOS:
            combo.addItem(texts[0], None)
        for member in members:
            combo.addItem(member.label, member.value)

    # --- values ----------------------------------------------------------------------------
    def set_form(self, form: OrganisationForm) -> None:
        """Show `form`'s text as it is; signals of programmatic changes are not edits."""
        self._setting = True
        try:
            for key, edit in self.lines.items():
                edit.setText(getattr(form, key))
                edit.setCursorPosition(0)
            for key, combo in self.combos.items():
                value = getattr(form, key)
                index = combo.findData(value.value) if value is not None else 0
                combo.setCurrentIndex(max(0, index))
            self.municipality.set_text(form.municipality)
            self.premises.setChecked(form.uses_municipal_premises)
            self.notes.setPlainText(form.notes)
        finally:
            self._setting = False

    def values(self) -> dict[str, object]:
        """Keyword arguments of `OrganisationForm` for the organisation's own fields."""
        values: dict[str, object] = {key: edit.text() for key, edit in self.lines.items()}
        for key, combo in self.combos.items():
            data = combo.currentData()
            values[key] = COMBO_TYPES[key](data) if data is not None else None
        values["municipality"] = self.municipality.value()
        values["uses_municipal_premises"] = self.premises.isChecked()
        values["notes"] = self.notes.toPlainText()
        return values

    def set_read_only(self, read_only: bool) -> None:
        for edit in self.lines.values():
            edit.setReadOnly(read_only)
        self.notes.setReadOnly(read_only)
        for widget in (*self.combos.values(), self.municipality, self.premises):
            widget.setEnabled(not read_only)

    def clear_errors(self) -> None:
        for box in self.boxes.values():
            box.clear_error()
