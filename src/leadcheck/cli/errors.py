"""The command line's own error: bad usage (exit 2). The library's errors are mapped
to exit codes in :func:`leadcheck.cli.main`."""

from __future__ import annotations

from leadcheck.errors import LeadcheckError


class UsageError(LeadcheckError):
    """The command was called wrongly: a missing, conflicting or malformed option."""
