"""Identifiers people type are checked the way the issuing standards define them."""

import pytest
from django.core.exceptions import ValidationError

from marketplace.validators import normalize_phone, validate_id_number, validate_phone
from tests.factories import id_number


def test_a_real_id_number_with_its_check_digit_is_accepted():
    validate_id_number("11010519491231002X")  # the standard's published example
    validate_id_number(id_number())
    validate_id_number("11010519491231002x")  # lower-case x typed on a phone


@pytest.mark.parametrize(
    ("number", "code"),
    [
        ("110105194912310021", "id_check"),
        ("11010519491331002X", "id_birth_date"),  # month 13
        ("1101051949123100", "id_format"),
        ("11010519491231002Y", "id_format"),
        ("", "id_format"),
    ],
)
def test_a_wrong_id_number_is_refused_with_a_reason_in_chinese(number, code):
    with pytest.raises(ValidationError) as excinfo:
        validate_id_number(number)
    assert excinfo.value.code == code
    assert "身份证" in excinfo.value.messages[0]


@pytest.mark.parametrize("typed", ["13812345678", "138 1234 5678", "+86 138-1234-5678", "8613812345678"])
def test_phone_numbers_are_accepted_as_people_type_them(typed):
    validate_phone(typed)
    assert normalize_phone(typed) == "13812345678"


@pytest.mark.parametrize("typed", ["12812345678", "1381234567", "138123456789", "0851-8888888", "abc"])
def test_a_number_that_is_not_a_mainland_mobile_is_refused(typed):
    with pytest.raises(ValidationError) as excinfo:
        validate_phone(typed)
    assert "手机号" in excinfo.value.messages[0]
