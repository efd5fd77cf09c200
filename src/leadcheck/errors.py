"""One exception tree for the whole package.

Foreign exceptions (DNS, HTTP, file formats) are translated into these where they
enter our code, so callers catch ``LeadcheckError`` and nothing else. Messages say
what went wrong and, where we can tell, what to do next.
"""

from __future__ import annotations

from pathlib import Path


class LeadcheckError(Exception):
    """Base class of every error leadcheck raises on purpose."""


class UsageError(LeadcheckError):
    """The caller asked for something that cannot be done (bad option, unknown country...)."""


class DataFileError(LeadcheckError):
    """A data file (taxonomy, channel table, lists...) is missing or malformed."""

    def __init__(self, path: Path | str, problem: str, *, location: str | None = None) -> None:
        self.path = Path(path)
        self.problem = problem
        self.location = location
        where = f"{self.path}: {location}: " if location else f"{self.path}: "
        super().__init__(where + problem)


class InputFileError(LeadcheckError):
    """An input file (CSV, Excel, text) cannot be read."""


class StoreError(LeadcheckError):
    """The results database cannot be used."""


class StoreBusyError(StoreError):
    """Another run holds the results database."""
