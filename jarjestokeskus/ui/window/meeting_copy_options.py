"""What a meeting copy adds to its default: the same parts as `meeting-copy --include`, chosen knowingly."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from jarjestokeskus.db.audit import os_user
from jarjestokeskus.i18n import N_, _
from jarjestokeskus.services.database.meeting_copy import INCLUDE_CHOICES

PART_LABELS = {
    "contacts": N_("Persons' &emails and phones"),
    "staff": N_("&Staff employment data (schemes, subsidies, decisions, outcomes)"),
    "documents": N_("Agreements' attached &documents"),
    "history": N_("The change &history"),
}


@dataclass(frozen=True)
class CopyChoice:
    include: frozenset[str]
    notebook: bool  # the meeting's parts can be written in it, and it is brought back afterwards
    recorder: str


class MeetingCopyOptions(QDialog):
    """Check boxes for the parts a meeting copy leaves out by default; all unchecked at first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Take a copy for a meeting"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            _(
                "A meeting copy carries only what the meeting needs: the organisations with their "
                "official contact data, persons' names and roles, projects and agreements. Add what "
                "it leaves out only when the meeting needs it:"
            ),
            wordWrap=True,
        )
        layout.addWidget(intro)
        self.parts: dict[str, QCheckBox] = {}
        for part in INCLUDE_CHOICES:
            box = QCheckBox(_(PART_LABELS[part]))
            box.setObjectName(f"include_{part}")
            self.parts[part] = box
            layout.addWidget(box)
        self.notebook = QCheckBox(
            _(
                "A &notebook copy: attendance, registrations, event notes, the decisions of bodies' "
                "meetings and new contacts can be written in it and brought back to the register"
            )
        )
        self.notebook.setObjectName("notebook")
        layout.addWidget(self.notebook)
        self.recorder = QLineEdit(os_user())
        self.recorder.setObjectName("recorder")
        recorder_form = QFormLayout()
        recorder_label = QLabel(_("&Recorded by"))
        recorder_label.setBuddy(self.recorder)
        recorder_form.addRow(recorder_label, self.recorder)
        layout.addLayout(recorder_form)
        self.recorder.setEnabled(False)
        self.notebook.toggled.connect(self.recorder.setEnabled)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.choose_button = buttons.addButton(_("Choose the &file…"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def choice(self) -> CopyChoice:
        include = frozenset(part for part, box in self.parts.items() if box.isChecked())
        return CopyChoice(include, self.notebook.isChecked(), self.recorder.text().strip() or os_user())


def choose_copy(parent: QWidget | None) -> CopyChoice | None:
    """Ask which parts to add and whether it is a notebook; None when the user cancels."""
    dialog = MeetingCopyOptions(parent)
    try:
        return dialog.choice() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()
