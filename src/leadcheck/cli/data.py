"""``leadcheck data``: the data files leadcheck ships, refreshed from their sources."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from leadcheck.cli.app import app
from leadcheck.cli.exitcodes import ExitCode
from leadcheck.cli.options import JsonOption, network_options

if TYPE_CHECKING:
    from leadcheck.net.config import NetConfig

data_app = typer.Typer(
    help="The data files leadcheck ships: refresh them from their sources.",
    no_args_is_help=True,
)
app.add_typer(data_app, name="data")


@data_app.command("refresh-rdap")
@network_options
def refresh_rdap(
    source: Annotated[
        str | None,
        typer.Option(
            "--from",
            metavar="PATH|URL",
            help="Read the bootstrap file from here instead of IANA "
            "(https://data.iana.org/rdap/dns.json).",
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="PATH",
            dir_okay=False,
            help="Write it here instead of over the shipped data/rdap_dns.json.",
        ),
    ] = None,
    json_output: JsonOption = False,
    *,
    net: NetConfig,
) -> int:
    """Refresh the RDAP bootstrap file (which registry answers for which TLD) from IANA.

    The file is checked before it replaces the old one; leadcheck never fetches it on its
    own. Exit 0 when written; 1 if it could not be fetched or read; 2 if --from names a
    file that does not exist; 3 if it is not a valid file.
    """
    import asyncio
    import sys

    from leadcheck.net.rdap import BOOTSTRAP_URL, read_bootstrap_source, refresh_bootstrap

    where = source or BOOTSTRAP_URL
    raw = asyncio.run(read_bootstrap_source(where, net))
    done = refresh_bootstrap(raw, where, output)
    if json_output:
        from leadcheck.cli.views.console import print_json

        print_json(done.model_dump(mode="json"))
        return ExitCode.OK
    before = f" (was {done.previous_publication:%Y-%m-%d})" if done.previous_publication else ""
    sys.stdout.write(
        f"wrote {done.path}: published {done.publication:%Y-%m-%d}{before}, "
        f"{done.services:,} services, {done.tlds:,} TLDs with an HTTPS registry\n"
    )
    return ExitCode.OK
