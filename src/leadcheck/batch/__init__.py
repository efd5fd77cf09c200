"""``leadcheck batch``: check a whole export of leads, streamed, resumable.

:func:`run_file` is the one call (:mod:`~leadcheck.batch.run`). The pieces, one module
each: :mod:`~leadcheck.batch.readers` (CSV/XLSX in),
:mod:`~leadcheck.batch.columns` (which column is which field),
:mod:`~leadcheck.batch.rows` (a row → a lead or a row error),
:mod:`~leadcheck.batch.runner` (concurrent checking, input order kept),
:mod:`~leadcheck.batch.store` (the results database), :mod:`~leadcheck.batch.writers`
(CSV/JSONL/JSON/XLSX out), :mod:`~leadcheck.batch.outcome` (a row's result columns)
and :mod:`~leadcheck.batch.summary` (the counts).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from leadcheck.lazy import lazy_exports

if TYPE_CHECKING:
    from leadcheck.batch.outcome import RowOutcome
    from leadcheck.batch.run import BatchOptions, run_file
    from leadcheck.batch.summary import BatchSummary

_EXPORTS = {
    "BatchOptions": "leadcheck.batch.run",
    "BatchSummary": "leadcheck.batch.summary",
    "RowOutcome": "leadcheck.batch.outcome",
    "run_file": "leadcheck.batch.run",
}
__all__ = [
    "BatchOptions",
    "BatchSummary",
    "RowOutcome",
    "run_file",
]


__getattr__ = lazy_exports("leadcheck.batch", _EXPORTS, globals())
