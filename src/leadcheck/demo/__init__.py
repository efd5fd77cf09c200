"""``leadcheck demo``: the real pipeline, run against a small bundled internet on loopback.

A newcomer should see leadcheck work on the first run, wherever they are (offline,
behind a proxy, on a network that lies). :func:`run_demo` starts the loopback world
(:mod:`leadcheck.world`: DNS, HTTP and HTTPS servers with their own certificate
authority, bound to 127.0.0.1 only), declares the dozen companies and fakes of
:mod:`leadcheck.demo.companies`, and checks their inquiries with the same
:func:`~leadcheck.batch.run.run_file` a real batch uses: the same DNS queries, TLS
handshakes, page reading, verdicts, fit scores and follow-up plans. Nothing leaves
the machine.
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from leadcheck.batch.outcome import RowOutcome
from leadcheck.batch.summary import BatchSummary
from leadcheck.demo.companies import INQUIRIES, DemoInquiry, install
from leadcheck.followup.rep import RepSettings

DEMO_TIMEOUT = 8.0
HEADER = ("Company", "Contact", "Email", "Website", "Phone", "Country", "Message")

__all__ = ["INQUIRIES", "DemoLead", "DemoResult", "demo_table", "run_demo"]


@dataclass(frozen=True)
class DemoLead:
    inquiry: DemoInquiry
    outcome: RowOutcome


@dataclass(frozen=True)
class DemoResult:
    leads: tuple[DemoLead, ...]
    summary: BatchSummary


def demo_table() -> list[list[str]]:
    """The demo's inquiries as an export would hold them: a header, then one row each."""
    rows = [list(HEADER)]
    for q in INQUIRIES:
        rows.append([q.company, q.contact, q.email, q.website, q.phone, q.country, q.message])
    return rows


class _Collect:
    def __init__(self) -> None:
        self.rows: dict[int, RowOutcome] = {}

    def on_table(self, table: object, mapping: object) -> None:
        pass

    def on_start(self, total: int | None) -> None:
        pass

    def on_row_done(self, row: object) -> None:
        index = getattr(row, "index", -1)
        self.rows[index] = getattr(row, "columns", RowOutcome())

    def on_finish(self, summary: BatchSummary) -> None:
        pass


@contextlib.contextmanager
def _environment(name: str, value: str) -> Iterator[None]:
    old = os.environ.get(name)
    os.environ[name] = value
    try:
        yield
    finally:
        if old is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = old


def run_demo(
    *,
    output: Path | None = None,
    report: Path | None = None,
    rep: RepSettings | None = None,
    timeout: float = DEMO_TIMEOUT,
) -> DemoResult:
    """Start the bundled world, check every demo inquiry, stop the world.

    ``output`` and ``report`` also write the batch's workbook (or CSV, JSON) and its
    HTML report, as ``leadcheck batch -o ... --report ...`` would.
    """
    from leadcheck.batch.run import BatchOptions, run_file
    from leadcheck.net.config import NetConfig
    from leadcheck.world import World

    collect = _Collect()
    with World() as world, tempfile.TemporaryDirectory(prefix="leadcheck-demo-") as tmp:
        install(world)
        source = Path(tmp) / "demo-inquiries.csv"
        with source.open("w", encoding="utf-8", newline="") as stream:
            csv.writer(stream).writerows(demo_table())
        net = NetConfig(
            nameservers=(world.nameserver,),
            allow_private=True,  # the world lives on 127.0.0.1
            port_map=world.port_map,
            timeout=timeout,
        )
        options = BatchOptions(
            output=output,
            report=report,
            use_database=False,
            net=net,
            rep=rep or RepSettings(),
            concurrency=len(INQUIRIES),
        )
        with _environment("SSL_CERT_FILE", str(world.ca_file)):
            summary = run_file(source, options, collect, stdout=io.StringIO())
    leads = tuple(
        DemoLead(inquiry=q, outcome=collect.rows.get(i, RowOutcome()))
        for i, q in enumerate(INQUIRIES)
    )
    return DemoResult(leads=leads, summary=summary)
