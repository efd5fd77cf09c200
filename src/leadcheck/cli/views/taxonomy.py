"""The human view of the industry taxonomy (``leadcheck taxonomy``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from leadcheck.cli.views.console import console, safe

if TYPE_CHECKING:
    from leadcheck.fit.matcher import TaxonomyStats
    from leadcheck.fit.taxonomy import Taxonomy


def check_line(stats: TaxonomyStats) -> str:
    return (
        f"ok: {stats.path}: {stats.segments} segments, {stats.negatives} negative groups, "
        f"{stats.buyer_types} buyer types, {stats.terms} terms in {len(stats.languages)} languages"
    )


def show_taxonomy(tax: Taxonomy, *, show_terms: bool) -> None:
    from rich.table import Table
    from rich.text import Text

    out = console()
    out.print(safe(f"{tax.name}  ({tax.source})", style="bold"))
    segments = Table(title="segments", title_justify="left")
    for column in ("id", "name", "weight", "core", "terms", "languages"):
        segments.add_column(column, justify="right" if column in ("weight", "terms") else "left")
    for segment in tax.segments:
        count = sum(1 for _ in segment.iter_terms())
        segments.add_row(
            segment.id,
            safe(segment.name),
            f"{segment.weight:.2f}",
            "yes" if segment.core else "",
            str(count),
            " ".join(sorted(set(segment.terms) | set(segment.weak_terms))),
        )
    out.print(segments)
    others = Table(title="negative groups and buyer types", title_justify="left")
    for column in ("kind", "id", "name", "weight", "terms"):
        others.add_column(column)
    for negative in tax.negatives:
        count = sum(1 for _ in negative.iter_terms())
        others.add_row(
            "negative", negative.id, safe(negative.name), f"{negative.weight:.2f}", str(count)
        )
    for buyer in tax.buyer_types:
        count = sum(1 for _ in buyer.iter_terms())
        others.add_row("buyer type", buyer.id, safe(buyer.name), "", str(count))
    out.print(others)
    tiers = tax.scoring.tiers
    out.print(
        Text(
            f"tiers: A >= {tiers.a} (and a core segment >= {tiers.a_min_core_segment}, "
            f"negative <= {tiers.a_max_negative}), B >= {tiers.b}, C >= {tiers.c}, else D"
        )
    )
    if show_terms:
        for _, group in tax.groups():
            table = Table(
                title=safe(f"{group.id}: {group.name}"), title_justify="left", show_header=False
            )
            table.add_column("language")
            table.add_column("terms")
            for language, term, weak in group.iter_terms():
                table.add_row(language + (" (weak)" if weak else ""), safe(term))
            out.print(table)
