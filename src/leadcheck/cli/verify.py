"""``leadcheck verify``: one inquiry, checked."""

from __future__ import annotations

import asyncio
import time
from typing import Annotated

import typer

from leadcheck.cli.app import app
from leadcheck.cli.exitcodes import ExitCode
from leadcheck.cli.options import (
    AllowPrivateOption,
    JsonOption,
    NameserverOption,
    PortMapOption,
    TaxonomyOption,
    TimeoutOption,
)
from leadcheck.net import DEFAULT_TIMEOUT

_WIND_DOWN = 0.7  # seconds kept for scoring, planning, rendering and closing connections


@app.command()
def verify(
    email: Annotated[str | None, typer.Option("--email", "-e", help="The lead's email.")] = None,
    website: Annotated[
        str | None,
        typer.Option("--website", "-w", help="The company website: domain, www.x or a URL."),
    ] = None,
    phone: Annotated[str | None, typer.Option("--phone", help="The lead's phone.")] = None,
    country: Annotated[
        str | None, typer.Option("--country", help="The lead's country: ISO code or name.")
    ] = None,
    company: Annotated[str | None, typer.Option("--company", help="The company name.")] = None,
    message: Annotated[str | None, typer.Option("--message", help="The inquiry's text.")] = None,
    json_output: JsonOption = False,
    nameserver: NameserverOption = None,
    allow_private: AllowPrivateOption = False,
    timeout: TimeoutOption = DEFAULT_TIMEOUT,
    taxonomy: TaxonomyOption = None,
    port_map: PortMapOption = None,
) -> int:
    """Check one inquiry: is the email real, is the website an operating business?

    Exit 0 when the checks ran, whatever the verdict; 2 for bad usage.
    """
    from leadcheck.cli.netopts import net_config
    from leadcheck.errors import UsageError
    from leadcheck.inquiry import Inquiry
    from leadcheck.verify import VerifyOptions, verify_inquiry

    if not (email and email.strip()) and not (website and website.strip()):
        raise UsageError("give at least one of --email and --website")
    if country:
        from leadcheck.followup import resolve_country

        resolve_country(country)  # an unknown country is a usage error, before any network
    # --timeout bounds the whole command, not just the checks: take off what start-up
    # has used (the later stages' imports included) and what the wind-down will need.
    import leadcheck.fit
    import leadcheck.followup  # noqa: F401
    from leadcheck.cli import command_started

    budget = max(0.1, timeout - (time.monotonic() - command_started()) - _WIND_DOWN)
    net = net_config(
        nameservers=nameserver, allow_private=allow_private, timeout=budget, port_map=port_map
    )
    inquiry = Inquiry(
        email=email, website=website, phone=phone, country=country, company=company, message=message
    )
    options = VerifyOptions(net=net, taxonomy_path=taxonomy)
    report = asyncio.run(verify_inquiry(inquiry, options))
    if json_output:
        from leadcheck.cli.render import print_json

        print_json(report.model_dump(mode="json"))
    else:
        from leadcheck.cli.verify_view import show_report

        show_report(report)
    return ExitCode.OK
