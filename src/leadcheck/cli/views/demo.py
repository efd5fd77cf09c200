"""The view of ``leadcheck demo``: one line per inquiry, the verdict first."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from leadcheck.cli.views.console import console, safe

if TYPE_CHECKING:
    from leadcheck.demo import DemoResult

VERDICT_STYLES = {
    "genuine": "bold green",
    "suspicious": "bold yellow",
    "fake": "bold red",
    "unknown": "bold blue",
}
TIER_STYLES = {"A": "bold green", "B": "green", "C": "yellow", "D": "red"}


def demo_json(result: DemoResult) -> dict[str, Any]:
    return {
        "leads": [
            {
                "company": lead.inquiry.company,
                "email": lead.inquiry.email,
                "website": lead.inquiry.website or None,
                "expected": lead.inquiry.expect,
                **lead.outcome.as_dict(),
            }
            for lead in result.leads
        ],
        "summary": result.summary.model_dump(mode="json"),
    }


def _when(value: str | None) -> str:
    if not value:
        return "—"
    try:
        return dt.datetime.fromisoformat(value).strftime("%a %H:%M")
    except ValueError:
        return value


def show_demo(result: DemoResult, *, output: Path | None, report: Path | None) -> None:
    from rich.table import Table
    from rich.text import Text

    out = console()
    out.print(
        Text.assemble(
            ("leadcheck demo", "bold"),
            ": 12 inquiries checked against a small internet started on 127.0.0.1 "
            "(DNS, HTTP, HTTPS with its own CA). Every company is invented.",
        )
    )
    table = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
    table.add_column("lead", overflow="fold", max_width=24)
    table.add_column("verdict", no_wrap=True)
    table.add_column("fit", no_wrap=True)
    table.add_column("why", overflow="fold", ratio=1)
    table.add_column("write (yours)", no_wrap=True)
    for lead in result.leads:
        o = lead.outcome
        verdict = o.verdict or "error"
        first = (o.reasons or o.error or "").split("; ")[0]
        if o.email_suggestion:
            first = f"did you mean {o.email_suggestion}? {first}"
        table.add_row(
            safe(f"{lead.inquiry.company} ({o.country or '?'})"),
            Text(
                f"{verdict} {o.verdict_score if o.verdict_score is not None else ''}".strip(),
                style=VERDICT_STYLES.get(verdict, ""),
            ),
            Text(o.fit_tier or "?", style=TIER_STYLES.get(o.fit_tier or "", "dim")),
            safe(first, limit=60),
            Text(_when(o.next_window_rep)),
        )
    out.print(table)
    out.print(
        Text(
            "Real leads: leadcheck verify --email ADDRESS --website SITE, or "
            "leadcheck batch export.xlsx -o checked.xlsx --report report.html",
            style="dim",
        )
    )
    for label, path in (("Workbook", output), ("Report", report)):
        if path is not None:
            out.print(Text(f"{label}: ") + safe(str(path), style="bold"))
