"""``leadcheck score``: how well one lead fits our industries."""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

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
from leadcheck.errors import LeadcheckError, UsageError
from leadcheck.net import DEFAULT_TIMEOUT

if TYPE_CHECKING:
    from leadcheck.fit.scoring import FitInput, FitResult
    from leadcheck.net.config import NetConfig
from leadcheck.textsafe import clean_line

_TIER_STYLE = {"A": "bold green", "B": "green", "C": "yellow", "D": "red"}


@app.command()
def score(
    source: Annotated[
        str | None,
        typer.Argument(metavar="[-]", help="'-' reads the page text or HTML from stdin."),
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
    company: Annotated[
        str | None, typer.Option("--company", metavar="NAME", help="The company's name.")
    ] = None,
    message: Annotated[
        str | None,
        typer.Option("--message", metavar="TEXT", help="The inquiry message the lead sent."),
    ] = None,
    taxonomy: TaxonomyOption = None,
    as_json: JsonOption = False,
    nameserver: NameserverOption = None,
    allow_private: AllowPrivateOption = False,
    timeout: TimeoutOption = DEFAULT_TIMEOUT,
    port_map: PortMapOption = None,
) -> int:
    """Score how well a lead fits the UV-disinfection markets: 0-100, a tier A-D, the evidence."""
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
    from leadcheck.fit.scoring import score_fit
    from leadcheck.fit.taxonomy import load_taxonomy

    tax = load_taxonomy(taxonomy)  # a bad taxonomy fails before any network work
    if website is not None:
        from leadcheck.cli.netopts import net_config

        net = net_config(
            nameservers=nameserver, allow_private=allow_private, timeout=timeout, port_map=port_map
        )
        doc = _fetch(website, net).model_copy(update={"company": company, "message": message})
    else:
        from leadcheck.fit.html import fit_input_from_text
        from leadcheck.fit.textfile import read_text_file, read_text_stream

        text = (
            read_text_file(text_file)
            if text_file is not None
            else read_text_stream(sys.stdin.buffer)
        )
        doc = fit_input_from_text(text, company=company, message=message)
    result = score_fit(doc, tax)
    if as_json:
        sys.stdout.write(json.dumps(result.model_dump(mode="json"), ensure_ascii=False) + "\n")
    else:
        Console().print(fit_renderable(result))
    return ExitCode.OK


def _fetch(url: str, net: NetConfig) -> FitInput:
    # Stage 1's guarded fetcher; imported lazily so that scoring a file needs no network code.
    from leadcheck.verify import fetch_fit_input

    website, doc = asyncio.run(fetch_fit_input(url, net))
    if doc is None:
        if website.page_kind:
            reason = f"the site is a {website.page_kind.replace('_', ' ')} page, not a business"
        else:
            reason = website.error or (
                f"HTTP {website.status_code}" if website.status_code else "no page came back"
            )
        raise LeadcheckError(f"could not read {url}: {reason}; its fit is unknown")
    return doc


def fit_renderable(result: FitResult) -> RenderableType:
    """The fit result as a rich panel; every page-derived string is inert ``Text``."""
    head = Text()
    head.append(f"Tier {result.tier}", style=_TIER_STYLE[result.tier])
    head.append(f"   score {result.score}/100")
    if result.languages:
        head.append("   languages " + ", ".join(result.languages), style="dim")
    parts: list[RenderableType] = [head, Text(clean_line(result.summary, limit=400) or "")]
    if result.segments or result.negatives:
        table = Table(box=None, pad_edge=False, show_header=True, header_style="bold")
        table.add_column("segment")
        table.add_column("score", justify="right")
        table.add_column("terms found (count)")
        for segment in result.segments:
            label = Text(segment.name + (" *" if segment.core else ""))
            table.add_row(label, str(segment.score), _terms(segment.matches))
        for negative in result.negatives:
            table.add_row(
                Text("− " + negative.name, style="red"),
                str(negative.score),
                _terms(negative.matches),
            )
        parts.append(table)
    if result.buyer_types:
        buyers = Text("buyer type: ", style="bold")
        buyers.append(
            "; ".join(f"{b.name} ({_plain_terms(b.matches)})" for b in result.buyer_types)
        )
        parts.append(buyers)
    if result.segments and any(s.core for s in result.segments):
        parts.append(Text("* core segment", style="dim"))
    return Panel(Group(*parts), title="industry fit", title_align="left", expand=False)


def _terms(matches: tuple[object, ...]) -> Text:
    return Text(_plain_terms(matches))


def _plain_terms(matches: tuple[object, ...]) -> str:
    out = []
    for match in matches[:8]:
        term = clean_line(getattr(match, "term", ""), limit=60) or ""
        count = getattr(match, "count", 0)
        out.append(f"{term} ×{count}" if count > 1 else term)
    if len(matches) > 8:
        out.append(f"+{len(matches) - 8} more")
    return ", ".join(out)
