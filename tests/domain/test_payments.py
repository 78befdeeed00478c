"""Reference numbers and the bank barcode against Finance Finland's published examples."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from jarjestokeskus.domain.payments import (
    BarcodeInput,
    InvalidReference,
    format_reference,
    is_national_reference,
    is_rf_reference,
    national_reference,
    reference_check_digit,
    rf_reference,
    valid_bic,
    valid_iban,
    virtual_barcode,
)

# The barcode guide's (Pankkiviivakoodi-opas) example account and payment.
ACCOUNT = "FI79 4405 2020 0360 82"
REFERENCE = "86851 62596 19897"
RF = "RF09 8685 1625 9619 897"


def test_check_digit_by_hand() -> None:
    # base 1234: from the right 4·7 + 3·3 + 2·1 + 1·7 = 46 → (10 − 6) mod 10 = 4
    assert reference_check_digit("1234") == "4"
    assert national_reference(1234) == "12344"
    # a sum divisible by ten gives 0: 100·… base 505 → 5·7 + 0·3 + 5·1 = 40
    assert reference_check_digit("505") == "0"


def test_the_guide_reference_is_valid_and_a_changed_digit_is_not() -> None:
    assert is_national_reference(REFERENCE)
    assert not is_national_reference("86851 62596 19898")
    assert not is_national_reference("12")  # too short
    assert not is_national_reference("1" * 21)
    with pytest.raises(InvalidReference):
        reference_check_digit("12")


def test_rf_reference_from_the_national_one() -> None:
    assert rf_reference(REFERENCE) == "RF098685162596198 97".replace(" ", "")
    assert is_rf_reference(RF)
    assert not is_rf_reference("RF10 8685 1625 9619 897")


def test_printed_groups() -> None:
    assert format_reference("868516259619897") == REFERENCE
    assert format_reference("RF098685162596198 97") == RF
    assert format_reference("12344") == "12344"
    assert format_reference("123449") == "1 23449"


def test_version_4_barcode_of_the_guide() -> None:
    code = virtual_barcode(BarcodeInput(ACCOUNT, Decimal("4883.15"), REFERENCE, date(2010, 6, 12)))
    assert code == "479440520200360820048831500000000868516259619897100612"
    assert len(code) == 54


def test_version_5_barcode_of_the_guide() -> None:
    code = virtual_barcode(BarcodeInput(ACCOUNT, Decimal("4883.15"), RF, date(2010, 6, 12)))
    assert code == "579440520200360820048831509000000868516259619897100612"


def test_no_due_date_and_too_large_sums_are_zeros() -> None:
    code = virtual_barcode(BarcodeInput(ACCOUNT, Decimal("1000000.00"), REFERENCE, None))
    assert code[17:25] == "00000000"
    assert code.endswith("000000")


def test_barcode_needs_a_finnish_account_and_a_valid_reference() -> None:
    with pytest.raises(ValueError):
        virtual_barcode(BarcodeInput("SE45 5000 0000 0583 9825 7466", Decimal(1), REFERENCE, None))
    with pytest.raises(InvalidReference):
        virtual_barcode(BarcodeInput(ACCOUNT, Decimal(1), "86851 62596 19898", None))


def test_account_and_bic() -> None:
    assert valid_iban(ACCOUNT) == "FI7944052020036082"
    assert valid_iban("FI79 4405 2020 0360 83") is None
    assert valid_bic("OKOYFIHH") == "OKOYFIHH"
    assert valid_bic("OKOY") is None
