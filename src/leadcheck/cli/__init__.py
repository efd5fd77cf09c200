"""The ``leadcheck`` command line: thin glue over the library.

Each command parses its options, calls one library function, renders the result
and returns an :class:`ExitCode`. Errors become one line on stderr and an exit
code, in one place (:func:`main`): bad usage and invalid values exit 2, a broken
data file 3, a busy results database 75, any other leadcheck error 1; Ctrl-C 130.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass

from leadcheck.cli.app import app
from leadcheck.cli.errors import UsageError
from leadcheck.cli.exitcodes import ExitCode
from leadcheck.deadline import process_started
from leadcheck.errors import DataFileError, InvalidInputError, LeadcheckError, StoreBusyError

# Command modules register themselves on ``app`` when imported.
from leadcheck.cli import batch as _batch  # noqa: F401  isort: skip
from leadcheck.cli import config as _config  # noqa: F401  isort: skip
from leadcheck.cli import demo as _demo  # noqa: F401  isort: skip
from leadcheck.cli import due as _due  # noqa: F401  isort: skip
from leadcheck.cli import data as _data  # noqa: F401  isort: skip
from leadcheck.cli import followup as _followup  # noqa: F401  isort: skip
from leadcheck.cli import log as _log  # noqa: F401  isort: skip
from leadcheck.cli import merge as _merge  # noqa: F401  isort: skip
from leadcheck.cli import score as _score  # noqa: F401  isort: skip
from leadcheck.cli import taxonomy as _taxonomy  # noqa: F401  isort: skip
from leadcheck.cli import verify as _verify  # noqa: F401  isort: skip

__all__ = ["CliState", "ExitCode", "app", "main"]


@dataclass(frozen=True)
class CliState:
    """What every command may need to know about its invocation."""

    started: float  # time.monotonic() when the command began: --timeout counts from it


def _error(message: str) -> None:
    from leadcheck.textsafe import clean_line

    sys.stderr.write(f"leadcheck: error: {clean_line(message, limit=2000)}\n")
    sys.stderr.flush()


def help_to_stderr(ctx: object) -> None:
    """Print a command's help on stderr (Typer's rich help writes to stdout itself)."""
    import contextlib

    with contextlib.redirect_stdout(sys.stderr):
        text = ctx.get_help()  # type: ignore[attr-defined]
    if text:
        sys.stderr.write(text + "\n")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code instead of exiting.

    Run as a program, a command's time counts from the process start; called from
    Python (``main([...])``), from the call.
    """
    import typer
    import typer.main

    state = CliState(started=process_started() if argv is None else time.monotonic())
    command = typer.main.get_command(app)
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        result = command.main(args=args, prog_name="leadcheck", standalone_mode=False, obj=state)
    except typer.Exit as exc:
        return int(exc.exit_code)
    except SystemExit as exc:  # shell completion exits on its own
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    except (typer.Abort, KeyboardInterrupt):
        sys.stderr.write("leadcheck: interrupted\n")
        return ExitCode.INTERRUPTED
    except typer.TyperException as exc:
        # Typer's (vendored click) usage errors: one line, no usage block, exit 2.
        ctx = getattr(exc, "ctx", None)
        if ctx is not None and type(exc).__name__ == "NoArgsIsHelpError":
            help_to_stderr(ctx)  # a bare group: show its help, on stderr
            return ExitCode.USAGE
        hint = f" (see '{ctx.command_path} --help')" if ctx is not None else ""
        _error(exc.format_message() + hint)
        return ExitCode.USAGE if exc.exit_code == ExitCode.USAGE else ExitCode.ERROR
    except (UsageError, InvalidInputError) as exc:
        _error(str(exc))
        return ExitCode.USAGE
    except DataFileError as exc:
        _error(str(exc))
        return ExitCode.DATA
    except StoreBusyError as exc:
        _error(str(exc))
        return ExitCode.BUSY
    except LeadcheckError as exc:
        _error(str(exc))
        return ExitCode.ERROR
    except BrokenPipeError:
        return ExitCode.OK
    if isinstance(result, int):
        return result
    return ExitCode.OK


def command_started(ctx: object) -> float:
    """When the running command began (see :class:`CliState`)."""
    obj = getattr(ctx, "obj", None)
    if isinstance(obj, CliState):
        return obj.started
    return time.monotonic()
