"""Errors and limit warnings of the staff form: shown at the top, marked at the field, one click away."""

from __future__ import annotations

import re

from jarjestokeskus.db.errors import DatabaseProblem
from jarjestokeskus.domain.validation import FieldError, ValidationFailed
from jarjestokeskus.i18n import _
from jarjestokeskus.services.staff import employment as service
from jarjestokeskus.ui.widgets.field_errors import ErrorList

_PERIOD_KEY = re.compile(r"^employments\[(\d+)\]\.(.+)$")


class PersonErrors(ErrorList):
    def retranslate(self) -> None:
        self.title.setText(_("The person was not saved. Correct these and save again:"))


class EditorFeedback:
    """A mixin of EmploymentEditor (its attributes are the editor's): the side that shows what is wrong (errors) or unusual (warnings about the limits)."""

    def check_limits(self) -> list[FieldError]:
        """Show the warnings of the form as it is now (nothing when it does not validate yet)."""
        self._check_timer.stop()
        try:
            # Periods saved anyway keep their mark: they are still outside the limits.
            self.warnings = service.limit_warnings(self.db, self.collect(), self.person_id, stored_too=True)
        except (ValidationFailed, DatabaseProblem):
            self.warnings = []
        self._show_warnings()
        self._refresh_period_list()
        return self.warnings

    def _message(self, item: FieldError) -> str:
        match = _PERIOD_KEY.match(item.field)
        if not match:
            return item.message
        return _("Period {number}: {message}").format(number=int(match.group(1)) + 1, message=item.message)

    def _show_warnings(self) -> None:
        self._mark_period_warnings()
        if not self.warnings:
            self.warning_label.setVisible(False)
            return
        lines = "\n".join("• " + self._message(w) for w in self.warnings)
        self.warning_label.setText(_("Outside the scheme's limits (you may still save):") + "\n" + lines)
        self.warning_label.setVisible(True)

    def _clear_errors(self) -> None:
        for box in self.boxes.values():
            box.clear_error()
        self.period_fields.clear_errors()
        self.error_list.set_items([])

    def _show_errors(self, errors: list[FieldError], go_to_first: bool) -> None:
        self.errors = list(errors)
        self._clear_errors()
        for error in errors:
            if error.field in self.boxes:
                self.boxes[error.field].show_error(error.message)
        self._mark_period_errors()
        self.error_list.set_items([(e.field, self._message(e)) for e in errors])
        if go_to_first and errors:
            self.go_to(errors[0].field)

    def _mark_period_warnings(self) -> None:
        """The shown period's fields outside the limits get a yellow border and the warning as tooltip."""
        marks = []
        for warning in self.warnings:
            match = _PERIOD_KEY.match(warning.field)
            if match and int(match.group(1)) == self.current:
                marks.append((match.group(2), warning.message))
        self.period_fields.show_warnings(marks)

    def _mark_period_errors(self) -> None:
        for error in self.errors:
            match = _PERIOD_KEY.match(error.field)
            if match and int(match.group(1)) == self.current:
                self.period_fields.show_error(match.group(2), error.message)

    def go_to(self, key: str) -> None:
        match = _PERIOD_KEY.match(key)
        if match:
            self.period_list.setCurrentRow(int(match.group(1)))
            self.period_fields.focus(match.group(2))
        elif key in self.inputs:
            self.inputs[key].setFocus()
