"""One exception tree for the whole package.

Foreign exceptions (DNS, HTTP, file formats) are translated into these where they
enter our code, so callers catch ``LeadcheckError`` and nothing else. Messages say
what went wrong and, where we can tell, what to do next::

    LeadcheckError
    ├── InvalidInputError       a value handed to the library cannot be used
    │   ├── UnknownCountryError     a country code or name we do not know
    │   ├── UnknownTimezoneError    a time zone name that does not exist
    │   ├── BadNameserverError      a nameserver that is not IP[:PORT]
    │   ├── BadWebsiteError         a website that is not an http(s) address
    │   ├── BadOptionError          any other bad setting (an age, a column map, a format)
    │   ├── MissingFileError        a file that was named does not exist (also an
    │   │                           InputFileError; MissingDataFileError also a DataFileError)
    │   └── UnknownLeadError        an email the results database knows no lead by
    ├── DataFileError           a data file (taxonomy, tables, lists) is missing or malformed
    ├── InputFileError          an input file (CSV, Excel, text) cannot be read
    └── StoreError              the results database cannot be used
        └── StoreBusyError          another run holds it

The library never speaks of "usage": the command line turns ``InvalidInputError``
into a usage error (exit 2: so is a file named on the command line that does not
exist, whichever command and option named it), ``DataFileError`` into exit 3,
``StoreBusyError`` into exit 75 and every other ``LeadcheckError`` into exit 1.
"""

from __future__ import annotations

from pathlib import Path


class LeadcheckError(Exception):
    """Base class of every error leadcheck raises on purpose."""


class InvalidInputError(LeadcheckError):
    """A value handed to the library cannot be used (bad setting, unknown country...)."""


class UnknownCountryError(InvalidInputError):
    """A country code or name leadcheck does not know."""


class UnknownTimezoneError(InvalidInputError):
    """A time-zone name that is not in the IANA database."""


class BadNameserverError(InvalidInputError):
    """A nameserver that is not ``IP``, ``IP:PORT`` or ``[IPv6]:PORT``."""


class BadWebsiteError(InvalidInputError):
    """A website that is not an http(s) address (``javascript:``, ``ftp:``...)."""


class BadOptionError(InvalidInputError):
    """Any other setting that cannot be used (an age, a column map, an output format)."""


class UnknownLeadError(InvalidInputError):
    """An email address no stored lead wrote from (``leadcheck log``)."""


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


class MissingFileError(InvalidInputError, InputFileError):
    """A file that was named (an input, a saved page) does not exist."""


class MissingDataFileError(DataFileError, InvalidInputError):
    """A data file that was named (``--taxonomy``, ``--aliases``) does not exist."""
