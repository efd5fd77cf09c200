"""``batch --report report.html``: one self-contained page about a run, for people.

What a sales team looks at on a Monday: verdicts and fit tiers by country (stacked
bars), the leads to answer first, the fakes and why (with the reasons that made
them fakes most often), and the follow-ups due this week, day by day. One HTML file:
inline CSS and SVG, no script, no font, no image, no request of any kind (its
Content-Security-Policy forbids them), so it opens offline and can be mailed.

Memory stays flat however long the run: the builder keeps counts and a bounded
number of rows per list (:data:`LIST_SIZE`), chosen as rows arrive. Every stranger's
text is escaped; control characters are removed.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import heapq
import html
import os
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from leadcheck.errors import LeadcheckError
from leadcheck.textsafe import clean_line

if TYPE_CHECKING:
    from leadcheck.batch.summary import BatchSummary
    from leadcheck.batch.writers import RowResult
    from leadcheck.followup.rep import RepSettings

LIST_SIZE = 25
TOP_COUNTRIES = 12
DUE_DAYS = 7
VERDICTS = ("genuine", "suspicious", "unknown", "fake")
TIERS = ("A", "B", "C", "D", "unknown")
VERDICT_COLOURS = {
    "genuine": "#2e7d32",
    "suspicious": "#f9a825",
    "unknown": "#5c7fa8",
    "fake": "#c62828",
}
TIER_COLOURS = {
    "A": "#1b5e20",
    "B": "#66bb6a",
    "C": "#fdd835",
    "D": "#bdbdbd",
    "unknown": "#90a4ae",
}
_VERDICT_RANK = {"genuine": 0, "suspicious": 1}
_TIER_RANK = {"A": 0, "B": 1, "C": 2, "D": 3}


def _text(value: object, limit: int = 200) -> str:
    return html.escape(clean_line(str(value), limit=limit) or "") if value is not None else ""


def _against(reasons: str | None, codes: str | None) -> str:
    """The reasons that count against a lead (a reason table row with negative points)."""
    from leadcheck.verify.verdict import REASONS

    texts = (reasons or "").split("; ")
    keys = (codes or "").split("; ")
    if len(texts) != len(keys):
        return reasons or ""
    kept = [t for t, k in zip(texts, keys, strict=True) if k in REASONS and REASONS[k].points < 0]
    return "; ".join(kept) or (reasons or "")


class _Lead:
    __slots__ = ("company", "country", "email", "fit", "reasons", "score", "segment", "window")

    def __init__(self, row: RowResult, fields: Mapping[str, int]) -> None:
        cells = row.cells

        def cell(name: str) -> str | None:
            index = fields.get(name)
            return cells[index] if index is not None and index < len(cells) else None

        c = row.columns
        self.company = cell("company") or cell("website") or c.website_url or ""
        self.email = cell("email") or ""
        self.country = c.country or ""
        self.fit = c.fit_tier or "—"
        self.segment = c.fit_segment or ""
        self.score = c.verdict_score or 0
        self.reasons = _against(c.reasons, c.verdict_reasons)
        self.window = c.next_window_rep or ""


class ReportBuilder:
    """Collects what the report shows while the rows are written; writes it at the end."""

    def __init__(
        self,
        path: Path,
        *,
        rep: RepSettings,
        fields: Mapping[str, int] | None = None,
        now: dt.datetime | None = None,
    ) -> None:
        self.path = path
        self.rep = rep
        self.fields = dict(fields or {})
        zone = rep.zone
        self.now = (now or dt.datetime.now(dt.UTC)).astimezone(zone)
        self.by_country: dict[str, Counter[str]] = {}
        self.tiers_by_country: dict[str, Counter[str]] = {}
        self.fake_reasons: Counter[str] = Counter()
        self.first: list[tuple[tuple[int, int, int, int], int, _Lead]] = []
        self.fakes: list[tuple[int, int, _Lead]] = []
        self.due: list[tuple[float, int, _Lead]] = []
        self.due_days: Counter[dt.date] = Counter()
        self.rows = 0

    # -- collecting --------------------------------------------------------------------
    def write(self, row: RowResult) -> None:
        self.rows += 1
        c = row.columns
        if c.error:
            return
        verdict = c.verdict or "unknown"
        country = c.country or "unknown"
        self.by_country.setdefault(country, Counter())[verdict] += 1
        self.tiers_by_country.setdefault(country, Counter())[c.fit_tier or "unknown"] += 1
        if verdict == "fake":
            for code in (c.verdict_reasons or "").split("; "):
                if code:
                    self.fake_reasons[code] += 1
                    break  # the first (most negative) reason says why
            _keep(self.fakes, (-(c.verdict_score or 0), -row.index, _Lead(row, self.fields)))
            return
        if verdict in _VERDICT_RANK:
            rank = (
                _VERDICT_RANK[verdict],
                _TIER_RANK.get(c.fit_tier or "", 4),
                -(c.fit_score or 0),
                -(c.verdict_score or 0),
            )
            # heapq keeps the largest: store the negated rank
            inverted = tuple(-part for part in rank)
            _keep(self.first, (inverted, -row.index, _Lead(row, self.fields)))
            window = _parse(c.next_window_rep)
            if window is not None:
                day = window.astimezone(self.now.tzinfo).date()
                if 0 <= (day - self.now.date()).days < DUE_DAYS:
                    self.due_days[day] += 1
                    _keep(self.due, (-window.timestamp(), -row.index, _Lead(row, self.fields)))

    # -- writing -----------------------------------------------------------------------
    def render(self, summary: BatchSummary | None) -> str:
        countries = sorted(self.by_country, key=lambda k: -sum(self.by_country[k].values()))
        shown = countries[:TOP_COUNTRIES]
        first = [lead for _, _, lead in sorted(self.first, key=lambda e: e[:2], reverse=True)]
        fakes = [lead for _, _, lead in sorted(self.fakes, key=lambda e: e[:2], reverse=True)]
        due = [lead for _, _, lead in sorted(self.due, key=lambda e: e[:2], reverse=True)]
        totals = Counter[str]()
        for counts in self.by_country.values():
            totals.update(counts)
        parts = [
            _HEAD.format(title="leadcheck report"),
            "<header><h1>Leads checked</h1>",
            f"<p class=sub>{_text(self._stamp(summary))}</p></header>",
            _tiles(totals, summary, self.rows),
            "<section><h2>Verdicts by country</h2>",
            _stacked(shown, self.by_country, VERDICTS, VERDICT_COLOURS),
            "</section><section><h2>Fit tiers by country</h2>",
            _stacked(shown, self.tiers_by_country, TIERS, TIER_COLOURS),
            "</section>",
            "<section><h2>Answer these first</h2>",
            _table(
                first,
                ("Company", "Email", "Country", "Tier", "Segment", "Next window (yours)"),
                lambda x: (x.company, x.email, x.country, x.fit, x.segment, _short(x.window)),
                empty="No genuine or suspicious lead in this run.",
            ),
            "</section><section><h2>The fakes and why</h2>",
            _bars(self.fake_reasons.most_common(8), "#c62828"),
            _table(
                fakes,
                ("Company", "Email", "Country", "Why"),
                lambda x: (x.company, x.email, x.country, x.reasons),
                empty="No fake lead in this run.",
            ),
            "</section><section><h2>Follow-ups due this week</h2>",
            _days(self.now.date(), self.due_days),
            _table(
                due,
                ("When (yours)", "Company", "Email", "Country", "Tier"),
                lambda x: (_short(x.window), x.company, x.email, x.country, x.fit),
                empty="Nothing due in the next seven days.",
            ),
            "</section>",
            f"<footer>Times in {_text(self.rep.timezone)}. Made by leadcheck; "
            "this page loads nothing from the network.</footer></body></html>\n",
        ]
        return "".join(parts)

    def _stamp(self, summary: BatchSummary | None) -> str:
        when = self.now.strftime("%a %d %b %Y %H:%M")
        if summary is None:
            return f"{self.rows:,} rows, {when} ({self.rep.timezone})"
        return (
            f"{summary.rows:,} rows: {summary.checked:,} checked now, {summary.cached:,} from "
            f"the database, {summary.errors:,} with errors. {when} ({self.rep.timezone})"
        )

    def finish(self, summary: BatchSummary | None = None) -> None:
        partial = self.path.with_name(self.path.name + ".partial")
        try:
            partial.write_text(self.render(summary), encoding="utf-8")
            os.replace(partial, self.path)
        except OSError as exc:
            with contextlib.suppress(OSError):
                partial.unlink()
            raise LeadcheckError(
                f"cannot write the report {self.path}: {exc.strerror or exc}"
            ) from exc

    def discard(self) -> None:
        with contextlib.suppress(OSError):
            self.path.with_name(self.path.name + ".partial").unlink()


def _keep(heap: list, item: tuple) -> None:  # type: ignore[type-arg]
    """Keep the LIST_SIZE largest items."""
    if len(heap) < LIST_SIZE:
        heapq.heappush(heap, item)
    elif item[:2] > heap[0][:2]:
        heapq.heapreplace(heap, item)


def _parse(value: str | None) -> dt.datetime | None:
    if not value:
        return None
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


def _short(value: str) -> str:
    moment = _parse(value)
    return moment.strftime("%a %d %b %H:%M") if moment is not None else ""


_HEAD = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
body{{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;
margin:0 auto;max-width:1100px;padding:24px;color:#1d2733;background:#f6f8fa}}
h1{{margin:0;font-size:26px}} h2{{font-size:18px;margin:0 0 10px}}
.sub{{color:#5b6b7b;margin:4px 0 0}}
section{{background:#fff;border:1px solid #dde3ea;border-radius:8px;padding:16px 18px;
margin:16px 0}}
.tiles{{display:flex;gap:12px;flex-wrap:wrap;margin:16px 0}}
.tile{{flex:1 1 120px;background:#fff;border:1px solid #dde3ea;border-radius:8px;padding:10px 14px}}
.tile b{{display:block;font-size:24px}} .tile span{{color:#5b6b7b}}
table{{border-collapse:collapse;width:100%;margin-top:8px}}
th,td{{text-align:left;padding:5px 8px;border-bottom:1px solid #edf0f3;vertical-align:top}}
th{{font-size:12px;text-transform:uppercase;color:#5b6b7b;letter-spacing:.03em}}
td.why{{color:#7a1f1f}} .empty{{color:#5b6b7b;font-style:italic}}
.legend span{{display:inline-block;margin-right:14px}}
.legend i{{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:5px}}
footer{{color:#5b6b7b;font-size:12px;margin-top:20px}}
svg text{{font:12px system-ui,sans-serif;fill:#1d2733}}
</style></head><body>
"""


def _tiles(totals: Counter[str], summary: BatchSummary | None, rows: int) -> str:
    items = [("rows", summary.rows if summary else rows)]
    items += [(verdict, totals.get(verdict, 0)) for verdict in VERDICTS]
    if summary is not None:
        items.append(("row errors", summary.errors))
    cells = "".join(
        f'<div class=tile><b style="color:{VERDICT_COLOURS.get(name, "#1d2733")}">{count:,}</b>'
        f"<span>{_text(name)}</span></div>"
        for name, count in items
    )
    return f"<div class=tiles>{cells}</div>"


def _legend(keys: Sequence[str], colours: Mapping[str, str]) -> str:
    spans = "".join(f'<span><i style="background:{colours[k]}"></i>{_text(k)}</span>' for k in keys)
    return f"<div class=legend>{spans}</div>"


def _stacked(
    rows: Sequence[str],
    counts: Mapping[str, Counter[str]],
    keys: Sequence[str],
    colours: Mapping[str, str],
) -> str:
    """Horizontal stacked bars, one per country, as inline SVG."""
    if not rows:
        return "<p class=empty>No checked lead.</p>"
    width, label, bar, gap = 1000, 90, 18, 8
    biggest = max(sum(counts[r].values()) for r in rows) or 1
    scale = (width - label - 60) / biggest
    height = len(rows) * (bar + gap) + gap
    out = [
        f'<svg role="img" viewBox="0 0 {width} {height}" width="100%" '
        f'aria-label="stacked bars by country">'
    ]
    for n, country in enumerate(rows):
        y = gap + n * (bar + gap)
        out.append(f'<text x="0" y="{y + 13}">{_text(country)}</text>')
        x = float(label)
        for key in keys:
            value = counts[country].get(key, 0)
            if not value:
                continue
            w = value * scale
            out.append(
                f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{bar}" '
                f'fill="{colours[key]}"><title>{_text(country)} {_text(key)}: {value}'
                "</title></rect>"
            )
            x += w
        out.append(f'<text x="{x + 6:.1f}" y="{y + 13}">{sum(counts[country].values()):,}</text>')
    out.append("</svg>")
    return "".join(out) + _legend(keys, colours)


def _bars(items: Sequence[tuple[str, int]], colour: str) -> str:
    if not items:
        return ""
    width, label, bar, gap = 1000, 260, 16, 6
    biggest = max(count for _, count in items) or 1
    scale = (width - label - 60) / biggest
    height = len(items) * (bar + gap) + gap
    out = [f'<svg role="img" viewBox="0 0 {width} {height}" width="100%" aria-label="reasons">']
    for n, (name, count) in enumerate(items):
        y = gap + n * (bar + gap)
        out.append(f'<text x="0" y="{y + 12}">{_text(name.replace("_", " "), 40)}</text>')
        out.append(
            f'<rect x="{label}" y="{y}" width="{count * scale:.1f}" height="{bar}" '
            f'fill="{colour}"/>'
        )
        out.append(f'<text x="{label + count * scale + 6:.1f}" y="{y + 12}">{count:,}</text>')
    out.append("</svg>")
    return "<p>The reason that weighed most against each fake:</p>" + "".join(out)


def _days(today: dt.date, counts: Counter[dt.date]) -> str:
    """A column per day of the coming week: how many follow-ups open then."""
    width, height, top = 1000, 150, 20
    column = width / DUE_DAYS
    biggest = max(counts.values(), default=0) or 1
    out = [f'<svg role="img" viewBox="0 0 {width} {height}" width="100%" aria-label="due by day">']
    for n in range(DUE_DAYS):
        day = today + dt.timedelta(days=n)
        value = counts.get(day, 0)
        h = (height - top - 30) * value / biggest
        x = n * column + column * 0.2
        y = height - 30 - h
        out.append(
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{column * 0.6:.1f}" height="{h:.1f}" '
            'fill="#305496"/>'
        )
        out.append(f'<text x="{x:.1f}" y="{y - 4:.1f}">{value:,}</text>')
        out.append(f'<text x="{x:.1f}" y="{height - 10}">{day:%a %d %b}</text>')
    out.append("</svg>")
    return "".join(out)


def _table(
    leads: Sequence[_Lead],
    headings: Sequence[str],
    cells: object,
    *,
    empty: str,
) -> str:
    if not leads:
        return f"<p class=empty>{_text(empty)}</p>"
    head = "".join(f"<th>{_text(h)}</th>" for h in headings)
    body = []
    for lead in leads:
        values = cells(lead)  # type: ignore[operator]
        tds = "".join(
            f"<td{' class=why' if h == 'Why' else ''}>{_text(v, 400)}</td>"
            for h, v in zip(headings, values, strict=True)
        )
        body.append(f"<tr>{tds}</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
