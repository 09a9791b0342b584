from __future__ import annotations

import pytest

from desktop.domain.cities import BY_KEY, city_label, is_guangdong, normalise_city
from desktop.domain.codes import (
    CreditCodeStatus,
    InvoiceKind,
    check_credit_code,
    credit_check_char,
    credit_code_region,
    recognise_invoice,
)


@pytest.mark.parametrize(
    "code", ["91110000600037341L", "914403001922038216", "9144030071526726XG", "91442000696462712R"]
)
def test_reference_codes_are_valid(code: str) -> None:
    assert check_credit_code(code).status is CreditCodeStatus.VALID


def test_checksum_mismatch_names_the_expected_character() -> None:
    result = check_credit_code("91110000600037341N")
    assert result.status is CreditCodeStatus.CHECKSUM_MISMATCH
    assert result.expected_check == "L"
    assert result.is_well_formed


@pytest.mark.parametrize("code", ["", "9144", "91110000600037341LL", "91110000600037341"])
def test_wrong_length(code: str) -> None:
    assert check_credit_code(code).status is CreditCodeStatus.WRONG_LENGTH


@pytest.mark.parametrize("bad", ["I", "O", "S", "V", "Z", "a", "-"])
def test_letters_outside_the_alphabet(bad: str) -> None:
    result = check_credit_code("9111000060003734" + bad + "L")
    assert result.status is CreditCodeStatus.WRONG_ALPHABET
    assert bad in result.bad_chars
    assert not result.is_well_formed


def test_check_char_and_region() -> None:
    assert credit_check_char("91110000600037341") == "L"
    assert credit_code_region("914403001922038216") == "440300"


@pytest.mark.parametrize(
    ("number", "kind"),
    [
        ("25442000000012345678", InvoiceKind.DIGITAL),
        ("4400231130 12345678", InvoiceKind.CLASSIC),
        ("440023113012-12345678", InvoiceKind.CLASSIC),
        ("12345", InvoiceKind.UNRECOGNISED),
        ("2544200000001234567X", InvoiceKind.UNRECOGNISED),
    ],
)
def test_invoice_recogniser(number: str, kind: InvoiceKind) -> None:
    assert recognise_invoice(number) is kind


def test_cities() -> None:
    assert len(BY_KEY) == 22
    assert normalise_city("广州") == "guangzhou"
    assert normalise_city("广州市") == "guangzhou"
    assert normalise_city("Shenzhen") == "shenzhen"
    assert normalise_city("横琴粤澳深度合作区") == "hengqin"
    assert normalise_city("长沙市") == "长沙市"
    assert is_guangdong("yunfu") and not is_guangdong("长沙市")
    assert city_label("foshan", "zh") == "佛山" and city_label("foshan", "en") == "Foshan"
