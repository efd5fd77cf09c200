"""The human views of ``leadcheck batch`` on stderr: the columns found, a progress bar
with rate and ETA, and the summary table."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import Progress, TaskID

    from leadcheck.batch.columns import ColumnMapping
    from leadcheck.batch.readers import Table
    from leadcheck.batch.summary import BatchSummary
    from leadcheck.batch.writers import RowResult


def show_mapping(err: Console, table: Table, mapping: ColumnMapping) -> None:
    from rich.table import Table as RichTable
    from rich.text import Text

    from leadcheck.cli.views.console import safe

    grid = RichTable(title=None, show_header=True, header_style="bold", box=None, pad_edge=False)
    grid.add_column("field")
    grid.add_column("column")
    for field, header in mapping.describe():
        grid.add_row(Text(field), safe(header) if header != "-" else Text("—", style="dim"))
    err.print(
        Text.assemble(("Reading ", ""), safe(table.source, style="bold"), f" ({table.describe()})")
    )
    err.print(grid)
    unused = [h for h in mapping.unmapped_headers if h.strip()]
    if unused:
        err.print(Text("Passed through: ", style="dim") + safe(", ".join(unused), limit=300))


def estimate_remaining(
    *, done: int, total: int | None, elapsed: float, oldest_wait: float, waiting: int
) -> float | None:
    """Seconds left, counting the rows that still wait on slow hosts.

    The plain estimate (rows left / rate) says "1 s" when 33 of 36 rows are written
    and the last three wait on a host that takes 12 s more. A row still waiting has
    at least as long again to go as the time it has already waited at the head of the
    queue, so the estimate is never below what the oldest waiting row has shown.
    """
    if total is None or done <= 0 or elapsed <= 0:
        return None
    left = max(total - done, 0)
    if left == 0:
        return 0.0
    by_rate = left * elapsed / done
    return max(by_rate, oldest_wait if waiting else 0.0)


def _eta_column(observer: ProgressObserver) -> object:
    from rich.progress import ProgressColumn, Task
    from rich.text import Text

    class EtaColumn(ProgressColumn):
        def render(self, task: Task) -> Text:
            return Text(observer.eta_text(), style="progress.remaining")

    return EtaColumn()


class ProgressObserver:
    """A rich progress bar with rate and an ETA that counts slow rows, on stderr."""

    def __init__(self, err: Console, *, show_mapping: bool = True) -> None:
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
        )

        self._progress: Progress = Progress(
            TextColumn("[bold]checking"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]}"),
            TimeElapsedColumn(),
            _eta_column(self),  # type: ignore[arg-type]
            console=err,
            transient=False,
        )
        self._err = err
        self._show_mapping = show_mapping
        self._task: TaskID | None = None
        self._started = 0.0
        self._done = 0
        self._total: int | None = None
        self._last_row = 0.0  # when the last row was written: the head row waits since

    def on_table(self, table: Table, mapping: ColumnMapping) -> None:
        if self._show_mapping:
            show_mapping(self._err, table, mapping)

    def on_start(self, total: int | None) -> None:
        import time

        self._started = self._last_row = time.monotonic()
        self._total = total
        self._progress.start()
        self._task = self._progress.add_task("batch", total=total, rate="")

    def on_row_done(self, row: RowResult) -> None:
        import time

        self._done += 1
        if self._task is None:
            return
        now = time.monotonic()
        elapsed = now - self._started
        self._last_row = now
        rate = f"{self._done / elapsed:,.1f} rows/s" if elapsed > 0 else ""
        self._progress.update(self._task, advance=1, rate=rate)

    def _eta(self, now: float) -> str:
        seconds = estimate_remaining(
            done=self._done,
            total=self._total,
            elapsed=now - self._started,
            oldest_wait=now - self._last_row,
            waiting=(self._total or 0) - self._done,
        )
        if seconds is None:
            return "-:--:--"
        whole = int(seconds + 0.999)
        return f"{whole // 3600}:{whole % 3600 // 60:02d}:{whole % 60:02d}"

    def eta_text(self) -> str:
        """The ETA now: rendered by the bar's refresh, so it grows while a row waits."""
        import time

        return "ETA " + self._eta(time.monotonic())

    def on_finish(self, summary: BatchSummary) -> None:
        if self._task is not None and not summary.interrupted:
            self._progress.update(self._task, total=self._done, completed=self._done)

    def stop(self) -> None:
        self._progress.stop()


def show_summary(err: Console, summary: BatchSummary) -> None:
    from rich.table import Table as RichTable
    from rich.text import Text

    from leadcheck.cli.views.console import safe

    head = RichTable(show_header=False, box=None, pad_edge=False)
    head.add_column(style="bold")
    head.add_column(justify="right")
    head.add_row("rows written", f"{summary.rows:,}")
    head.add_row("checked now", f"{summary.checked:,}")
    head.add_row("from the database", f"{summary.cached:,}")
    head.add_row("row errors", Text(f"{summary.errors:,}", style="red" if summary.errors else ""))
    if summary.unfinished:
        head.add_row("not finished", f"{summary.unfinished:,}")
    head.add_row(
        "time", f"{summary.elapsed_seconds:,.1f} s ({summary.rows_per_second:,.1f} rows/s)"
    )
    err.print(head)
    counts = RichTable(show_header=True, header_style="bold", box=None, pad_edge=False)
    for title in ("verdict", "", "fit tier", "", "country", ""):
        counts.add_column(title, justify="right" if not title else "left")
    verdicts = list(summary.verdicts.items())
    tiers = list(summary.tiers.items())
    countries = list(summary.countries.items())[:10]
    for i in range(max(len(verdicts), len(tiers), len(countries))):
        cells: list[Text] = []
        for items in (verdicts, tiers, countries):
            if i < len(items):
                cells.extend([safe(items[i][0]), Text(f"{items[i][1]:,}")])
            else:
                cells.extend([Text(""), Text("")])
        counts.add_row(*cells)
    err.print(counts)
    if summary.output:
        err.print(Text("Results: ") + safe(summary.output, style="bold"))
