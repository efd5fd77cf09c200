"""``leadcheck followup``: how and when to reach a lead who does not reply."""

from __future__ import annotations

from typing import Annotated

import typer

from leadcheck.cli.app import app
from leadcheck.cli.exitcodes import ExitCode
from leadcheck.cli.options import (
    DEFAULT_REP_TIMEZONE,
    AtOption,
    EmailOption,
    JsonOption,
    PhoneOption,
    RepTimezoneOption,
)


@app.command()
def followup(
    country: Annotated[
        str | None,
        typer.Argument(
            metavar="COUNTRY",
            help="The lead's country: ISO code or name (DE, USA, United Kingdom, Türkiye...). "
            "Without it, the country of --phone +CC... (or of the email's domain).",
            show_default=False,
        ),
    ] = None,
    phone: PhoneOption = None,
    email: EmailOption = None,
    at: AtOption = None,
    rep_timezone: RepTimezoneOption = DEFAULT_REP_TIMEZONE,
    json_output: JsonOption = False,
) -> int:
    """Plan the follow-up of a silent lead: channels, local time, holidays, next window."""
    from leadcheck.cli.options import parse_at, rep_from
    from leadcheck.followup import plan_followup

    plan = plan_followup(
        country, phone=phone, email=email, at=parse_at(at), rep=rep_from(rep_timezone)
    )
    if json_output:
        from leadcheck.cli.views.console import print_json

        print_json(plan.model_dump(mode="json"))
    else:
        from leadcheck.cli.views.followup import show_plan

        show_plan(plan)
    return ExitCode.OK
