"""``leadcheck verify``: one inquiry, checked."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from leadcheck.cli.app import app
from leadcheck.cli.exitcodes import ExitCode
from leadcheck.cli.options import (
    DEFAULT_REP_TIMEZONE,
    CompanyOption,
    CountryOption,
    EmailOption,
    JsonOption,
    MessageOption,
    PhoneOption,
    RepTimezoneOption,
    TaxonomyOption,
    WebsiteOption,
    bad_website_option,
    network_options,
)

if TYPE_CHECKING:
    from leadcheck.net.config import NetConfig

# Kept back from --timeout for what follows the checks: scoring, planning, rendering,
# closing connections and leaving the interpreter.
WIND_DOWN = 0.35
MIN_CHECK_TIME = 0.5  # less than this left for the checks deserves a warning


@app.command()
@network_options
def verify(
    ctx: typer.Context,
    email: EmailOption = None,
    website: WebsiteOption = None,
    phone: PhoneOption = None,
    country: CountryOption = None,
    company: CompanyOption = None,
    message: MessageOption = None,
    json_output: JsonOption = False,
    taxonomy: TaxonomyOption = None,
    rep_timezone: RepTimezoneOption = DEFAULT_REP_TIMEZONE,
    *,
    net: NetConfig,
) -> int:
    """Check one inquiry: is the email real, is the website an operating business?

    Exit 0 when the checks ran, whatever the verdict; 2 for bad usage.
    """
    import asyncio

    from leadcheck.cli import command_started
    from leadcheck.cli.errors import UsageError
    from leadcheck.deadline import Deadline
    from leadcheck.inquiry import Inquiry
    from leadcheck.lead import normalize_lead
    from leadcheck.pipeline import CheckOptions, check_lead

    if not (email and email.strip()) and not (website and website.strip()):
        raise UsageError("give at least one of --email and --website")
    inquiry = Inquiry(
        email=email, website=website, phone=phone, country=country, company=company, message=message
    )
    lead = normalize_lead(inquiry, strict=True)  # an unknown country fails before any network
    if website and website.strip() and lead.website is not None and lead.website.url is None:
        raise bad_website_option(lead.website.error)
    # --timeout bounds the whole command, start-up included.
    deadline = Deadline(command_started(ctx) + net.timeout - WIND_DOWN)
    if deadline.remaining() < MIN_CHECK_TIME:
        import sys

        sys.stderr.write(
            f"leadcheck: warning: --timeout {net.timeout:g} leaves "
            f"{deadline.remaining():.1f} s once leadcheck has started: the checks will not "
            "finish and the parts they miss will be unknown; give --timeout 3 or more\n"
        )
    from leadcheck.cli.options import rep_from

    options = CheckOptions(net=net, taxonomy_path=taxonomy, rep=rep_from(rep_timezone))
    report = asyncio.run(check_lead(lead, options, deadline=deadline))
    if report.network is not None:  # once, on stderr, whatever the output format
        from leadcheck.cli.views.console import warn

        warn(report.network.message)
    if json_output:
        from leadcheck.cli.views.console import print_json

        print_json(report.model_dump(mode="json"))
    else:
        from leadcheck.cli.views.verify import show_report

        show_report(report)
    return ExitCode.OK
