"""Exit codes of the ``leadcheck`` command (documented in docs/exit-codes.md)."""

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    """The work ran. For ``verify``, whatever the verdict."""
    ERROR = 1
    """The work could not run (unreadable input, unexpected failure)."""
    USAGE = 2
    """Bad usage: a missing or invalid option or argument, an unknown country."""
    DATA = 3
    """A data file (taxonomy, channel table, ...) is malformed."""
    ROW_ERRORS = 4
    """``batch --strict`` and ``log --import --strict`` only: the run finished, but some rows
    carry an error."""
    BUSY = 75
    """``batch``: another run holds the results database (EX_TEMPFAIL; retry later)."""
    INTERRUPTED = 130
    """Interrupted by Ctrl-C or SIGTERM; finished work is kept."""
