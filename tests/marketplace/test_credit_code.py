"""统一社会信用代码 are checked with their GB 32100-2015 check character."""

import pytest
from django.core.exceptions import ValidationError

from marketplace.validators import credit_code_check_char, validate_credit_code

VALID = "91350100M000100Y43"  # a published example code


def test_a_code_with_the_right_check_character_is_accepted():
    assert credit_code_check_char(VALID[:17]) == VALID[17]
    validate_credit_code(VALID)
    validate_credit_code(VALID.lower())  # typed in lower case on a phone


@pytest.mark.parametrize(
    ("code", "error"),
    [
        ("91350100M000100Y44", "credit_code_check"),
        ("91350100M000100Y4", "credit_code_format"),
        ("91350100M00010OY43", "credit_code_format"),  # O is not in the alphabet
        ("", "credit_code_format"),
    ],
)
def test_a_wrong_code_is_refused_with_a_chinese_message(code, error):
    with pytest.raises(ValidationError) as excinfo:
        validate_credit_code(code)
    assert excinfo.value.code == error
    assert "统一社会信用代码" in excinfo.value.messages[0]
