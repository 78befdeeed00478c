"""What a meeting copy adds to its default: the same parts as `meeting-copy --include`, chosen knowingly."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from jarjestokeskus.i18n import N_, _
from jarjestokeskus.services.database.meeting_copy import INCLUDE_CHOICES

PART_LABELS = {
    "contacts": N_("Persons' &emails and phones"),
    "staff": N_("&Staff employment data (schemes, subsidies, decisions, outcomes)"),
    "documents": N_("Agreements' attached &documents"),
    "history": N_("The change &history"),
}


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
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.choose_button = buttons.addButton(_("Choose the &file…"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def include(self) -> frozenset[str]:
        return frozenset(part for part, box in self.parts.items() if box.isChecked())


def choose_parts(parent: QWidget | None) -> frozenset[str] | None:
    """Ask which parts to add; None when the user cancels."""
    dialog = MeetingCopyOptions(parent)
    try:
        return dialog.include() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()
