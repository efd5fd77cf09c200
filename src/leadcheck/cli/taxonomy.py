"""``leadcheck taxonomy``: show or check the industry taxonomy."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from leadcheck.cli.app import app
from leadcheck.cli.exitcodes import ExitCode
from leadcheck.cli.options import JsonOption, TaxonomyOption

if TYPE_CHECKING:
    from leadcheck.fit.taxonomy import Taxonomy


@app.command("taxonomy")
def taxonomy_command(
    taxonomy: TaxonomyOption = None,
    check: Annotated[
        bool,
        typer.Option("--check", help="Only validate the file; exit 0 if it is usable, 3 if not."),
    ] = False,
    terms: Annotated[bool, typer.Option("--terms", help="List every term of every group.")] = False,
    as_json: JsonOption = False,
) -> int:
    """Show the industry taxonomy (segments, weights, terms), or check an edited one."""
    from leadcheck.fit.matcher import compile_taxonomy
    from leadcheck.fit.taxonomy import load_taxonomy

    tax = load_taxonomy(taxonomy)  # DataFileError -> one line, exit 3
    compiled = compile_taxonomy(tax)
    summary = {
        "ok": True,
        "path": str(tax.source) if tax.source else None,
        "segments": len(tax.segments),
        "negatives": len(tax.negatives),
        "buyer_types": len(tax.buyer_types),
        "terms": len(compiled.terms),
        "keys": compiled.key_count,
        "languages": list(tax.languages()),
    }
    if check:
        if as_json:
            sys.stdout.write(json.dumps(summary, ensure_ascii=False) + "\n")
        else:
            sys.stdout.write(
                f"ok: {summary['path']}: {summary['segments']} segments, "
                f"{summary['negatives']} negative groups, {summary['buyer_types']} buyer types, "
                f"{summary['terms']} terms in {len(tax.languages())} languages\n"
            )
        return ExitCode.OK
    if as_json:
        data = {"summary": summary, "taxonomy": tax.model_dump(mode="json", by_alias=True)}
        sys.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")
        return ExitCode.OK
    _render(tax, show_terms=terms)
    return ExitCode.OK


def _render(tax: Taxonomy, *, show_terms: bool) -> None:
    console = Console()
    console.print(Text(f"{tax.name}  ({tax.source})", style="bold"))
    segments = Table(title="segments", title_justify="left")
    for column in ("id", "name", "weight", "core", "terms", "languages"):
        segments.add_column(column, justify="right" if column in ("weight", "terms") else "left")
    for segment in tax.segments:
        count = sum(1 for _ in segment.iter_terms())
        segments.add_row(
            segment.id,
            Text(segment.name),
            f"{segment.weight:.2f}",
            "yes" if segment.core else "",
            str(count),
            " ".join(sorted(set(segment.terms) | set(segment.weak_terms))),
        )
    console.print(segments)
    others = Table(title="negative groups and buyer types", title_justify="left")
    for column in ("kind", "id", "name", "weight", "terms"):
        others.add_column(column)
    for negative in tax.negatives:
        count = sum(1 for _ in negative.iter_terms())
        others.add_row(
            "negative", negative.id, Text(negative.name), f"{negative.weight:.2f}", str(count)
        )
    for buyer in tax.buyer_types:
        count = sum(1 for _ in buyer.iter_terms())
        others.add_row("buyer type", buyer.id, Text(buyer.name), "", str(count))
    console.print(others)
    tiers = tax.scoring.tiers
    console.print(
        f"tiers: A >= {tiers.a} (and a core segment >= {tiers.a_min_core_segment}, "
        f"negative <= {tiers.a_max_negative}), B >= {tiers.b}, C >= {tiers.c}, else D"
    )
    if show_terms:
        for _, group in tax.groups():
            table = Table(
                title=f"{group.id}: {group.name}", title_justify="left", show_header=False
            )
            table.add_column("language")
            table.add_column("terms")
            for language, term, weak in group.iter_terms():
                table.add_row(language + (" (weak)" if weak else ""), Text(term))
            console.print(table)
