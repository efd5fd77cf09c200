"""The human view of an industry-fit result (``leadcheck score``, ``verify``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from leadcheck.textsafe import clean_line

if TYPE_CHECKING:
    from rich.console import RenderableType
    from rich.text import Text

    from leadcheck.fit.scoring import FitResult

TIER_STYLES = {"A": "bold green", "B": "green", "C": "yellow", "D": "red"}


def show_fit(result: FitResult) -> None:
    from leadcheck.cli.views.console import console

    console().print(fit_renderable(result))


def fit_renderable(result: FitResult) -> RenderableType:
    """The fit result as a rich panel; every page-derived string is inert ``Text``."""
    from rich.console import Group
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    head = Text()
    head.append(f"Tier {result.tier}", style=TIER_STYLES[result.tier])
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
    for reason in [r for r in result.reasons if not r.startswith("evidence: ")][:6]:
        parts.append(Text("why: " + (clean_line(reason, limit=300) or ""), style="dim"))
    if result.segments and any(s.core for s in result.segments):
        parts.append(Text("* core segment", style="dim"))
    return Panel(Group(*parts), title="industry fit", title_align="left", expand=False)


def _terms(matches: tuple[object, ...]) -> Text:
    from rich.text import Text

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
