"""Serializer fields shared by the API's resources."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers


class ChoiceLabelField(serializers.CharField):
    """The Chinese label of a model's choice field (`job_type` → 全职), read-only.

    `CharField(source="get_job_type_display")` says the same, but DRF then checks, for every
    object, whether that source is a callable it may call without arguments, through
    `inspect.signature`: on a page of 20 recommendations that was 60 signatures and the largest
    single cost of the serialisation.
    """

    def __init__(self, choice_field: str, **kwargs: Any) -> None:
        self.choice_field = choice_field
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, instance: Any) -> str:
        return str(getattr(instance, f"get_{self.choice_field}_display")())
