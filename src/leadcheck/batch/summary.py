"""What a batch run did, in numbers: for the table at the end and for ``--json``."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime

from leadcheck.batch.outcome import RowOutcome
from leadcheck.models import Frozen


class BatchSummary(Frozen):
    """Counts of one run. ``rows`` = ``checked`` + ``cached`` + ``errors``."""

    rows: int  # rows written to the output
    checked: int  # checked in this run
    cached: int  # taken from the results database
    errors: int  # rows with an error (not checked)
    unfinished: int = 0  # rows started but not finished when the run was interrupted
    verdicts: dict[str, int]
    tiers: dict[str, int]
    countries: dict[str, int]
    total: int | None = None  # rows in the input: counted first, or known at the end
    interrupted: bool = False
    started_at: datetime
    finished_at: datetime
    elapsed_seconds: float
    rows_per_second: float
    output: str | None = None  # the finished output file (None: stdout, or interrupted)
    partial_output: str | None = None  # an interrupted run's rows, under the temporary name
    report: str | None = None  # the HTML report, when one was asked for
    database: str | None = None
    # rows left unknown because the network was broken (not stored: the next run checks
    # them again), and what was wrong with it
    network_rows: int = 0
    network_problem: str | None = None


class SummaryBuilder:
    """Counts rows as they are written, then makes the :class:`BatchSummary`."""

    def __init__(self) -> None:
        self.started_at = datetime.now(UTC)
        self.rows = 0
        self.checked = 0
        self.cached = 0
        self.errors = 0
        self.verdicts: Counter[str] = Counter()
        self.tiers: Counter[str] = Counter()
        self.countries: Counter[str] = Counter()

    def add(self, outcome: RowOutcome) -> None:
        """Count one output row by its outcome."""
        self.rows += 1
        if outcome.error:
            self.errors += 1
            return
        if outcome.from_cache:
            self.cached += 1
        else:
            self.checked += 1
        self.verdicts[outcome.verdict or "unknown"] += 1
        self.tiers[outcome.fit_tier or "unknown"] += 1
        self.countries[outcome.country or "unknown"] += 1

    def build(
        self,
        *,
        interrupted: bool = False,
        unfinished: int = 0,
        total: int | None = None,
        output: str | None = None,
        database: str | None = None,
        network_rows: int = 0,
        network_problem: str | None = None,
    ) -> BatchSummary:
        finished = datetime.now(UTC)
        elapsed = max((finished - self.started_at).total_seconds(), 1e-9)
        return BatchSummary(
            rows=self.rows,
            checked=self.checked,
            cached=self.cached,
            errors=self.errors,
            unfinished=unfinished,
            verdicts=dict(self.verdicts.most_common()),
            tiers=dict(self.tiers.most_common()),
            countries=dict(self.countries.most_common()),
            total=total,
            interrupted=interrupted,
            started_at=self.started_at,
            finished_at=finished,
            elapsed_seconds=round(elapsed, 3),
            rows_per_second=round(self.rows / elapsed, 2),
            output=output,
            database=database,
            network_rows=network_rows,
            network_problem=network_problem,
        )
