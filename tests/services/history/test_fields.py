"""Every kind of record and every field the trail can hold has a name in the user's language."""

from __future__ import annotations

import pytest

from jarjestokeskus import i18n
from jarjestokeskus.db.audit import _SKIPPED
from jarjestokeskus.services.history import fields


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_every_audited_field_has_a_label_and_every_record_kind_a_name(language: str) -> None:
    i18n.set_language(language)
    from jarjestokeskus.db.base import Base, Record

    # Only records are audited: the audit trail itself and the erasure ledger (ids) are not.
    audited = {m.class_.__name__ for m in Base.registry.mappers if issubclass(m.class_, Record)}
    unnamed = []
    for entity, columns in fields._COLUMNS.items():
        if entity not in audited:
            continue
        if entity not in fields.ENTITIES:
            unnamed.append(entity)
        for key in columns:
            if key in _SKIPPED or key.endswith("_key") or not fields.is_shown(entity, key):
                continue
            if fields.field_label(entity, key) == key:
                unnamed.append(f"{entity}.{key}")
    i18n.set_language("fi")
    assert unnamed == []


def test_a_business_id_is_shown_and_a_link_is_not() -> None:
    assert fields.is_shown("Organisation", "business_id")
    assert not fields.is_shown("Funding", "project_id")
    assert fields.format_value("Funding", "amount_granted", "75000.00") == "75\xa0000,00\xa0€"
    assert fields.format_value("Agreement", "valid_to", "2026-12-06") == "6.12.2026"
    assert fields.format_value("Project", "status", "granted") == "Myönnetty"
    assert fields.format_value("Event", "language", "sv") == "Ruotsi"
