"""ID and phone numbers are never stored in clear, and others see them masked."""

import pytest
from django.db import connection

from marketplace.models import User, WorkerProfile
from marketplace.privacy import mask_id_number, mask_phone
from tests.factories import SeekerFactory, id_number

pytestmark = pytest.mark.django_db


def raw_row(table: str, pk: int) -> str:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {table} WHERE id = %s", [pk])  # noqa: S608 - table names from code
        return " ".join(str(value) for value in cursor.fetchone())


def test_phone_and_id_number_are_encrypted_in_the_database_and_readable_in_code():
    number = id_number()
    user = SeekerFactory(profile__id_number=number)
    phone = user.phone

    assert phone not in raw_row("marketplace_user", user.pk)
    assert number not in raw_row("marketplace_workerprofile", user.profile.pk)
    assert WorkerProfile.objects.get(pk=user.profile.pk).id_number == number
    assert User.objects.get(pk=user.pk).phone == phone


def test_a_user_is_found_by_phone_without_the_phone_being_stored_in_clear():
    user = SeekerFactory()

    assert User.objects.get_by_phone("+86 " + user.phone) == user


def test_masks_keep_only_what_lets_a_person_recognise_their_own_number():
    assert mask_id_number("522601199001011234") == "5226**********1234"
    assert mask_phone("13812345678") == "138****5678"
    assert mask_id_number("") == ""
