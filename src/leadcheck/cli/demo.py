"""``leadcheck demo``: see the product work on a first run, with no network at all."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from leadcheck.cli.app import app
from leadcheck.cli.exitcodes import ExitCode
from leadcheck.cli.options import DEFAULT_REP_TIMEZONE, JsonOption, RepTimezoneOption


@app.command()
def demo(
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="PATH",
            dir_okay=False,
            help="Also write the results as batch does: .xlsx, .csv, .jsonl or .json.",
        ),
    ] = None,
    report: Annotated[
        Path | None,
        typer.Option(
            "--report",
            metavar="PATH",
            dir_okay=False,
            help="Also write the batch's HTML report of the demo.",
        ),
    ] = None,
    rep_timezone: RepTimezoneOption = DEFAULT_REP_TIMEZONE,
    json_output: JsonOption = False,
) -> int:
    """Check a dozen bundled inquiries (genuine, fake, unknown, across countries)
    against a small internet that leadcheck starts on loopback: the real pipeline,
    no network needed."""
    from leadcheck.cli.options import rep_from
    from leadcheck.demo import run_demo

    result = run_demo(output=output, report=report, rep=rep_from(rep_timezone))
    if json_output:
        from leadcheck.cli.views.console import print_json
        from leadcheck.cli.views.demo import demo_json

        print_json(demo_json(result))
    else:
        from leadcheck.cli.views.demo import show_demo

        show_demo(result, output=output, report=report)
    return ExitCode.OK
