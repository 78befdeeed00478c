"""A year's question set as the user edits it: drafts of typed text checked into QuestionSpecs.

Keys compare answers across years, so they are short, plain and unique; a choice question needs
at least two options, each with its own key and a text in one language at least.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from jarjestokeskus.domain.survey import QuestionKind, QuestionSpec
from jarjestokeskus.domain.validation import Errors, clean
from jarjestokeskus.i18n import N_, _

_KEY = re.compile(r"[a-z][a-z0-9_]{0,39}")
LABELS = {
    "key": N_("Key"),
    "section_fi": N_("Section in Finnish"),
    "section_sv": N_("Section in Swedish"),
    "text_fi": N_("Question in Finnish"),
    "text_sv": N_("Question in Swedish"),
    "kind": N_("Kind"),
    "options": N_("Options"),
}


@dataclass
class QuestionDraft:
    key: str = ""
    section_fi: str = ""
    section_sv: str = ""
    text_fi: str = ""
    text_sv: str = ""
    kind: QuestionKind = QuestionKind.TEXT
    options: str = ""  # a line per option: key; Finnish; Swedish


def draft_of(spec: QuestionSpec) -> QuestionDraft:
    lines = "\n".join("; ".join(option) for option in spec.options)
    return QuestionDraft(
        spec.key, spec.section_fi, spec.section_sv, spec.text_fi, spec.text_sv, spec.kind, lines
    )


def _options(text: str, where: str, errors: Errors) -> tuple[tuple[str, str, str], ...]:
    found: list[tuple[str, str, str]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        parts = [clean(p) for p in (line.split(";") + ["", ""])[:3]]
        key, fi, sv = parts
        if not _KEY.fullmatch(key):
            errors.add(
                where,
                _("{field}, line {line}: the key is lower-case letters, digits and _").format(
                    field=_(LABELS["options"]), line=number
                ),
            )
        elif any(key == other for other, _fi, _sv in found):
            errors.add(
                where,
                _("{field}, line {line}: the key {key} is used twice").format(
                    field=_(LABELS["options"]), line=number, key=key
                ),
            )
        elif not (fi or sv):
            errors.add(
                where,
                _("{field}, line {line}: write the option in Finnish or Swedish").format(
                    field=_(LABELS["options"]), line=number
                ),
            )
        else:
            found.append((key, fi, sv))
    return tuple(found)


def check_question_set(drafts: list[QuestionDraft]) -> tuple[list[QuestionSpec], Errors]:
    """The drafts as specs, and the errors found; each error's field is `questions[i].name`."""
    errors = Errors()
    specs: list[QuestionSpec] = []
    keys: set[str] = set()
    if not drafts:
        errors.add("questions", _("The survey needs at least one question."))
    for index, draft in enumerate(drafts):
        prefix = f"questions[{index}]."
        number = index + 1
        key = clean(draft.key)
        if not _KEY.fullmatch(key):
            errors.add(
                prefix + "key",
                _(
                    "Question {number}: {field}: lower-case letters, digits and _, starting with a letter"
                ).format(number=number, field=_(LABELS["key"])),
            )
        elif key in keys:
            errors.add(
                prefix + "key",
                _("Question {number}: {field}: another question has the key {key}").format(
                    number=number, field=_(LABELS["key"]), key=key
                ),
            )
        keys.add(key)
        text_fi, text_sv = clean(draft.text_fi), clean(draft.text_sv)
        if not (text_fi or text_sv):
            errors.add(
                prefix + "text_fi",
                _("Question {number}: write the question in Finnish or Swedish").format(number=number),
            )
        options = _options(draft.options, prefix + "options", errors)
        if draft.kind in (QuestionKind.CHOICE, QuestionKind.MULTI) and len(options) < 2:
            errors.add(
                prefix + "options",
                _("Question {number}: {field}: a choice needs at least two options").format(
                    number=number, field=_(LABELS["options"])
                ),
            )
        if draft.kind not in (QuestionKind.CHOICE, QuestionKind.MULTI):
            options = ()
        specs.append(
            QuestionSpec(
                key, clean(draft.section_fi), clean(draft.section_sv), text_fi, text_sv, draft.kind, options
            )
        )
    return specs, errors
