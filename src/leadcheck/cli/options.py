"""Options shared by several commands, declared once."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

JsonOption = Annotated[
    bool, typer.Option("--json", help="Print one JSON object on stdout and nothing else there.")
]
NameserverOption = Annotated[
    list[str] | None,
    typer.Option(
        "--nameserver",
        metavar="IP[:PORT]",
        help="Send every DNS query of the run to this server (repeatable) instead of the "
        "system resolver.",
    ),
]
AllowPrivateOption = Annotated[
    bool,
    typer.Option(
        "--allow-private",
        help="Allow fetching hosts that resolve to private, loopback or link-local addresses.",
    ),
]
TimeoutOption = Annotated[
    float,
    typer.Option(
        "--timeout",
        min=0.1,
        max=600.0,
        metavar="SECONDS",
        help="Upper bound on the whole check of one lead (DNS and HTTP).",
    ),
]
TaxonomyOption = Annotated[
    Path | None,
    typer.Option(
        "--taxonomy",
        metavar="PATH",
        help="Use this taxonomy file instead of the shipped one.",
        dir_okay=False,
    ),
]
# Testing aid, like curl's --connect-to: send connections for port A to port B.
PortMapOption = Annotated[
    list[str] | None,
    typer.Option("--port-map", metavar="FROM=TO", hidden=True),
]
