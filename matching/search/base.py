"""The interface every search backend implements; the contract tests run against all of them."""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any


class SearchUnavailable(RuntimeError):
    """The engine cannot be reached or answered with an error. Writes are kept for later."""


class BaseSearchBackend(ABC):
    #: Short name shown in health reports and logs.
    name: str = "base"

    def __init__(self, *, alias: str, params: dict[str, Any]) -> None:
        self.alias = alias
        self.params = params

    @abstractmethod
    def health(self) -> dict[str, Any]:
        """Describe the engine (name, version, location); raise SearchUnavailable when it is down."""
