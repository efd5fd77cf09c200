"""``leadcheck score``: how well one lead fits our industries."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from leadcheck.cli.app import app
from leadcheck.cli.exitcodes import ExitCode
from leadcheck.cli.options import (
    CompanyOption,
    JsonOption,
    MessageOption,
    TaxonomyOption,
    bad_website_option,
    network_options,
)

if TYPE_CHECKING:
    from leadcheck.fit.scoring import FitResult
    from leadcheck.net.config import NetConfig


@app.command()
@network_options
def score(
    source: Annotated[
        str | None,
        typer.Argument(metavar="-", help="'-' reads the page text or HTML from stdin."),
    ] = None,
    website: Annotated[
        str | None, typer.Option("--website", metavar="URL", help="Fetch and score this site.")
    ] = None,
    text_file: Annotated[
        Path | None,
        typer.Option(
            "--text-file",
            metavar="PATH",
            dir_okay=False,
            help="Score a saved page (HTML or plain text, up to 10 MB).",
        ),
    ] = None,
    company: CompanyOption = None,
    message: MessageOption = None,
    taxonomy: TaxonomyOption = None,
    as_json: JsonOption = False,
    *,
    net: NetConfig,
) -> int:
    """Score how well a lead fits the UV-disinfection markets: 0-100, a tier A-D, the evidence."""
    import sys

    from leadcheck.cli.errors import UsageError

    chosen = [
        name
        for name, value in (("--website", website), ("--text-file", text_file), ("-", source))
        if value is not None
    ]
    if source is not None and source != "-":
        raise UsageError(f"unexpected argument {source!r}; to score a file use --text-file PATH")
    if len(chosen) != 1:
        raise UsageError(
            "give exactly one of --website URL, --text-file PATH or - (stdin)"
            + (f"; got {' and '.join(chosen)}" if chosen else "")
        )
    if website is not None:
        from leadcheck.verify.website import parse_website

        address = parse_website(website)
        if address.url is None:  # javascript:, ftp:...: bad usage, as for verify
            raise bad_website_option(address.error)
    from leadcheck.fit import load_taxonomy

    tax = load_taxonomy(taxonomy)  # a bad taxonomy fails before any network work
    if website is not None:
        result = _score_website(website, net, taxonomy, company, message)
    else:
        from leadcheck.fit import score_page
        from leadcheck.fit.textfile import read_bytes_file, read_bytes_stream

        data = (
            read_bytes_file(text_file)
            if text_file is not None
            else read_bytes_stream(sys.stdin.buffer)
        )
        result = score_page(data, company=company, message=message, taxonomy=tax)
    if as_json:
        from leadcheck.cli.views.console import print_json

        print_json(result.model_dump(mode="json"))
    else:
        from leadcheck.cli.views.fit import show_fit

        show_fit(result)
    return ExitCode.OK


def _score_website(
    url: str, net: NetConfig, taxonomy: Path | None, company: str | None, message: str | None
) -> FitResult:
    import asyncio

    from leadcheck.errors import LeadcheckError
    from leadcheck.pipeline import CheckOptions, score_website

    options = CheckOptions(net=net, taxonomy_path=taxonomy)
    outcome = asyncio.run(score_website(url, options=options, company=company, message=message))
    if outcome.fit is None:
        raise LeadcheckError(f"could not read {url}: {outcome.unread_reason}; its fit is unknown")
    return outcome.fit
