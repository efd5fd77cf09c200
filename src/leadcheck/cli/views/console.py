"""The one console factory, the one JSON writer, and inert text from strangers.

Page titles, inquiry text and cells come from strangers. They reach the screen only
as :class:`rich.text.Text` built from cleaned strings (control characters and escape
sequences removed), never through rich's markup parser.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

from leadcheck.textsafe import clean_line, json_dumps

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text


def console(*, stderr: bool = False) -> Console:
    """A console on stdout (results) or stderr (messages); NO_COLOR is honoured by rich.

    A reader that goes away (``leadcheck taxonomy --terms | head -1``) is not an error:
    the rest of the output goes to the null device and the command exits 0, as it does
    for JSON output (rich's own console would exit 1).
    """
    from rich.console import Console

    class _Console(Console):
        def on_broken_pipe(self) -> None:
            import os

            self.quiet = True
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            raise BrokenPipeError

    return _Console(stderr=stderr, highlight=False, emoji=False, soft_wrap=False)


def safe(value: object, *, style: str = "", limit: int = 300) -> Text:
    """Untrusted text as an inert rich Text."""
    from rich.text import Text

    if value is None:
        return Text("—", style="dim")
    return Text(clean_line(str(value), limit=limit) or "", style=style)


def yes_no(value: bool | None, *, good: bool = True) -> Text:
    """True/False/None as coloured words; ``good`` says which answer is the good one."""
    from rich.text import Text

    if value is None:
        return Text("unknown", style="yellow")
    ok = value is good
    return Text("yes" if value else "no", style="green" if ok else "red")


def print_json(data: Any) -> None:
    """One JSON document on one line of stdout, nothing else: every command's ``--json``.
    Terminal controls and bidi marks in strangers' text are escaped (see
    :func:`leadcheck.textsafe.json_dumps`)."""
    sys.stdout.write(json_dumps(data) + "\n")
    sys.stdout.flush()


def warn(message: str) -> None:
    """One warning line on stderr (``leadcheck: warning: ...``), made inert."""
    sys.stderr.write(f"leadcheck: warning: {clean_line(message, limit=2000)}\n")
    sys.stderr.flush()
