"""``leadcheck batch``: check a whole export of leads, streamed, resumable.

The pieces, one module each: :mod:`~leadcheck.batch.readers` (CSV/XLSX in),
:mod:`~leadcheck.batch.columns` (which column is which field),
:mod:`~leadcheck.batch.rows` (a row → a lead or a row error),
:mod:`~leadcheck.batch.runner` (concurrent checking, input order kept),
:mod:`~leadcheck.batch.store` (the results database), :mod:`~leadcheck.batch.writers`
(CSV/JSONL/JSON/XLSX out) and :mod:`~leadcheck.batch.summary` (the counts).
"""
