"""``leadcheck taxonomy``: show or check the industry taxonomy."""

from __future__ import annotations

from typing import Annotated

import typer

from leadcheck.cli.app import app
from leadcheck.cli.exitcodes import ExitCode
from leadcheck.cli.options import JsonOption, TaxonomyOption


@app.command("taxonomy")
def taxonomy_command(
    taxonomy: TaxonomyOption = None,
    check: Annotated[
        bool,
        typer.Option(
            "--check",
            help="Only validate the file; exit 0 if it is usable, 3 if it is malformed, 2 if "
            "it does not exist.",
        ),
    ] = False,
    terms: Annotated[bool, typer.Option("--terms", help="List every term of every group.")] = False,
    as_json: JsonOption = False,
) -> int:
    """Show the industry taxonomy (segments, weights, terms), or check an edited one."""
    import sys

    from leadcheck.cli.views.console import print_json
    from leadcheck.fit.matcher import taxonomy_stats
    from leadcheck.fit.taxonomy import load_taxonomy

    tax = load_taxonomy(taxonomy)  # DataFileError -> one line, exit 3
    stats = taxonomy_stats(tax)
    if check:
        if as_json:
            print_json(stats.model_dump(mode="json"))
        else:
            from leadcheck.cli.views.taxonomy import check_line

            sys.stdout.write(check_line(stats) + "\n")
        return ExitCode.OK
    if as_json:
        print_json(
            {
                "summary": stats.model_dump(mode="json"),
                "taxonomy": tax.model_dump(mode="json", by_alias=True),
            }
        )
        return ExitCode.OK
    from leadcheck.cli.views.taxonomy import show_taxonomy

    show_taxonomy(tax, show_terms=terms)
    return ExitCode.OK
