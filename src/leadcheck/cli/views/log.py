"""What ``leadcheck log`` says on stderr: one line per touch, a summary per import."""

from __future__ import annotations

import datetime as dt
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from leadcheck.followup.logbook import ImportSummary


def show_logged(results: dict[str, object], moment: dt.datetime) -> None:
    from leadcheck.textsafe import clean_line

    email = clean_line(str(results.get("email")), limit=120)
    parts = []
    if "urgent" in results:
        parts.append("marked urgent" if results["urgent"] else "urgent mark cleared")
    if "direction" in results:
        what = "sent" if results["direction"] == "out" else "reply"
        channel = results.get("channel") or "no channel"
        again = "" if results.get("added") else " (already logged)"
        parts.append(f"{what} by {channel} at {moment:%a %d %b %H:%M %Z}{again}")
    sys.stderr.write(f"leadcheck: {email}: {'; '.join(parts)}\n")


def show_import(summary: ImportSummary) -> None:
    from leadcheck.textsafe import clean_line

    sys.stderr.write(
        f"leadcheck: {clean_line(summary.source, limit=200)} ({summary.read_as}): "
        f"{summary.rows} rows, {summary.added} touches added, {summary.already_known} already "
        f"known, {summary.errors} with errors\n"
    )
    for problem in summary.problems[:10]:
        sys.stderr.write(f"  line {problem.line}: {clean_line(problem.error, limit=300)}\n")
    if summary.errors > 10:
        sys.stderr.write(f"  ... and {summary.errors - 10} more (--json lists up to 50)\n")
