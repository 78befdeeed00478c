"""First start: create the register for the home organisation, or open the demo scenario."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from jarjestokeskus.db.engine import Database, data_dir, open_database
from jarjestokeskus.db.errors import DatabaseProblem
from jarjestokeskus.domain.enums import Field, MembershipStatus, WorkingLanguage
from jarjestokeskus.domain.organisation import OrganisationForm, label
from jarjestokeskus.domain.validation import ValidationFailed
from jarjestokeskus.i18n import _
from jarjestokeskus.services.organisations import register as service
from jarjestokeskus.ui.widgets.background import Cancelled, run_with_progress


class WelcomeDialog(QDialog):
    """Shown when the register is empty. After exec(), `demo_database` is set if the demo was chosen."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.demo_database: Database | None = None
        self.setWindowTitle(_("Welcome to Järjestökeskus"))
        intro = QLabel(
            _(
                "The register is empty. Start your own register by giving your organisation's name, "
                "or look around in the demo scenario first."
            ),
            wordWrap=True,
        )
        own = QGroupBox(_("Your organisation"))
        form = QFormLayout(own)
        self.fields: dict[str, QLineEdit] = {}
        for key in ("name_fi", "name_sv", "business_id", "municipality"):
            edit = QLineEdit()
            self.fields[key] = edit
            form.addRow(label(key), edit)
        self.error = QLabel(wordWrap=True, objectName="error")
        self.error.setStyleSheet("color: #b00020;")
        form.addRow(self.error)
        self.create_button = QPushButton(_("&Create the register"))
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self.create_home)
        form.addRow(self.create_button)
        demo = QGroupBox(_("Demo scenario"))
        demo_layout = QVBoxLayout(demo)
        demo_layout.addWidget(
            QLabel(
                _(
                    "An invented umbrella organisation in Vaasa with its members, projects, staff and "
                    "agreements, in a separate file. Your own register stays empty."
                ),
                wordWrap=True,
            )
        )
        self.demo_button = QPushButton(_("Open the &demo scenario"))
        self.demo_button.clicked.connect(self.open_demo)
        demo_layout.addWidget(self.demo_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(own)
        layout.addWidget(demo)
        layout.addWidget(buttons)
        self.resize(520, self.sizeHint().height())

    def create_home(self) -> bool:
        """Create the home organisation (it is also a member of itself: the umbrella)."""
        form = OrganisationForm(
            name_fi=self.fields["name_fi"].text(),
            name_sv=self.fields["name_sv"].text(),
            business_id=self.fields["business_id"].text(),
            municipality=self.fields["municipality"].text(),
            field=Field.SOCIAL_HEALTH,
            working_language=WorkingLanguage.BILINGUAL
            if self.fields["name_fi"].text().strip() and self.fields["name_sv"].text().strip()
            else WorkingLanguage.FINNISH,
            membership_status=MembershipStatus.NOT_MEMBER,
        )
        try:
            service.save_organisation(self.db, form, is_home=True)
        except ValidationFailed as failed:
            self.error.setText("\n".join(e.message for e in failed.errors))
            first = failed.errors[0].field
            if first in self.fields:
                self.fields[first].setFocus()
            return False
        except DatabaseProblem as problem:
            self.error.setText(problem.user_message())
            return False
        self.accept()
        return True

    def open_demo(self) -> bool:
        """Create (or reopen) the demo database in the data folder and hand it to the window."""
        from jarjestokeskus.services.demo.scenario import create_demo

        path = data_dir() / "demo.sqlite"

        def build(progress):  # type: ignore[no-untyped-def]
            db = open_database(path)
            try:
                if not service.count_organisations(db, service.OrganisationQuery()):
                    create_demo(db, progress)
            except BaseException:
                db.close()
                raise
            return db

        try:
            self.demo_database = run_with_progress(self, _("Creating the demo scenario…"), build)
        except Cancelled:
            return False
        except DatabaseProblem as problem:
            QMessageBox.warning(self, _("Demo scenario"), problem.user_message())
            return False
        self.accept()
        return True
