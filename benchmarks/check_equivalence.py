"""Two versions of leadcheck give the same batch output, cell by cell, on real-sized pages.

Run:  python benchmarks/check_equivalence.py --reference OLD/src [--companies 400]
                                              [--workers 1] [--keep DIR]

A speed-up must not change a result. This script serves, from one world process
(tests/world, no latency): the sites of every scenario of tests/world/scenarios.py
(parked pages, clones, bot walls, look-alikes, templates...) and ``--companies``
realistic company sites of 30-80 KB in ten languages (benchmarks/pages.py), and writes
an export that names each of them several times, with varied messages, countries and
phone numbers, websites given bare, as ``https://www.`` and left out. It then runs
``leadcheck batch`` over that export twice, once with the code under ``--reference``
(a ``src`` folder of another checkout, e.g. ``git archive main src | tar -x -C /tmp/old``)
and once with this checkout's, both at the same fixed moment (so the follow-up windows
agree), and compares every cell of the two outputs (``checked_at`` aside) and every
lead's full report (the JSON of ``LeadReport``: evidence, contacts, fit terms, plan;
``checked_at`` and ``elapsed_ms`` aside). It prints
the differences and exits 1 if there is any.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pages import company_site
from world_process import ROOT, WorldProcess

AT = "2026-03-10T09:30:00+00:00"  # a Tuesday morning in Europe
SKIP = ("checked_at",)
COUNTRIES = ("DE", "ES", "IT", "FR", "VN", "BR", "IN", "TR", "US", "AE", "", "CN")
PHONES = ("+49 711 2589340", "", "+84 28 3822 9999", "0711 2589340", "+971 4 123 4567")
MESSAGES = (
    "We need UV sterilizers for our water treatment project. Please quote.",
    "Please send your price list for 40 W UV-C lamps and electronic ballasts.",
    "",
    "Hello, we are a fish farm (RAS) and look for UV for 200 m3/h. FOB price?",
    "Need kitchen exhaust UV for restaurant hoods",
    "Dear supplier, kindly login to view our purchase order: https://secure-docs.example/po",
    "sofas and tables",
    "Interested in your products",
)

# The batch run by each version: the session gets a fixed "now", nothing else changes.
DRIVER = """
import os, sys
from datetime import datetime
import leadcheck.batch.run as run
from leadcheck.pipeline import CheckOptions, CheckSession
AT = datetime.fromisoformat(sys.argv[1])
REPORTS = sys.argv[2]
def open_session(options):
    return CheckSession(CheckOptions(net=options.net, taxonomy_path=options.taxonomy_path,
                                     rep=options.rep, at=AT))
run.open_session = open_session
check = CheckSession.check
async def check_and_keep(self, inquiry, **kwargs):
    report = await check(self, inquiry, **kwargs)
    with open(f"{REPORTS}.{os.getpid()}", "a", encoding="utf-8") as out:
        out.write(report.model_dump_json(exclude={"checked_at", "elapsed_ms"}) + "\\n")
    return report
CheckSession.check = check_and_keep
from leadcheck.cli import main
sys.argv = ["leadcheck", *sys.argv[3:]]
main()
"""


def build_world(world: Any, companies: int) -> list[tuple[str, ...]]:
    """Every scenario's sites and ``companies`` realistic ones; the leads to ask about."""
    sys.path.insert(0, str(ROOT))
    from tests.world.scenarios import SCENARIOS, install_default_scenarios

    install_default_scenarios(world)
    leads: list[tuple[str, ...]] = []
    for scenario in SCENARIOS:
        if scenario.slow or scenario.network != "normal":
            continue
        if scenario.leaves_loopback_with_allow_private or scenario.requires_no_allow_private:
            continue
        q = scenario.inquiry
        leads.append(
            tuple(
                q.get(name) or ""
                for name in ("company", "email", "website", "phone", "country", "message")
            )
        )
    from world import Page

    for i in range(companies):
        domain, name, html = company_site(i)
        world.add_site(domain, {"/": Page(html.encode("utf-8"))})
        world.add_mail_domain(domain)
        leads.append((name, f"buyer@{domain}", domain, "", "", ""))
    for domain in ("gmail.com", "outlook.com", "qq.com"):
        world.add_mail_domain(domain, mx_host=f"mx.{domain}", spf=True, dmarc=True)
    if hasattr(world, "issue_certificates"):
        world.issue_certificates()
    return leads


def write_export(path: Path, leads: list[tuple[str, ...]], repeat: int, seed: int = 5) -> int:
    """Each lead ``repeat`` times over the file, its fields varied; the row count."""
    import csv

    rng = random.Random(seed)
    rows = 0
    with path.open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(["Company", "Email", "Website", "Phone", "Country", "Message"])
        for round_ in range(repeat):
            for company, email, website, phone, country, message in leads:
                if round_ and website and "://" not in website and rng.random() < 0.4:
                    website = f"https://www.{website}"
                if round_ and rng.random() < 0.3:
                    country = rng.choice(COUNTRIES)
                if round_ and rng.random() < 0.3:
                    phone = rng.choice(PHONES)
                if round_ and rng.random() < 0.5:
                    message = rng.choice(MESSAGES)
                if round_ and email and rng.random() < 0.2:
                    email = f"buyer{rows}@{rng.choice(('gmail.com', 'qq.com'))}"
                if round_ == 2 and email and website and rng.random() < 0.2:
                    website = ""  # the website left out: inferred from the email
                out.writerow([company, email, website, phone, country, message])
                rows += 1
    return rows


def run_version(
    src: Path, world: WorldProcess, export: Path, output: Path, workers: int
) -> tuple[list[dict[str, Any]], list[str]]:
    """The output rows of one version, and its full reports (sorted, times left out)."""
    assert world.info is not None
    env = {**os.environ, **world.info.env, "PYTHONPATH": str(src)}
    reports = output.with_suffix(".reports")
    for old in output.parent.glob(reports.name + ".*"):
        old.unlink()
    batch = ["batch", str(export), "-o", str(output), "--no-db", "--quiet", "--timeout", "30"]
    batch += ["--workers", str(workers), *world.info.cli_args]
    command = [sys.executable, "-c", DRIVER, AT, str(reports), *batch]
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL)
    rows = [json.loads(line) for line in output.read_text("utf-8").splitlines()]
    for row in rows:
        for column in SKIP:
            row.pop(column, None)
    full: list[str] = []
    for part in output.parent.glob(reports.name + ".*"):
        full.extend(_timeless(line) for line in part.read_text("utf-8").splitlines())
    return rows, sorted(full)


def _by_lead(reports: list[str]) -> dict[str, list[str]]:
    """The reports of each inquiry (an inquiry checked twice has two), sorted."""
    found: dict[str, list[str]] = {}
    for report in reports:
        lead = json.dumps(json.loads(report)["inquiry"], sort_keys=True)
        found.setdefault(lead, []).append(report)
    return {lead: sorted(items) for lead, items in found.items()}


def _timed_out(row: dict[str, Any]) -> bool:
    return "timeout" in json.dumps(row).lower()


def _timeless(line: str) -> str:
    """A report as JSON without the times it took (``elapsed_ms`` at every level)."""

    def strip(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: strip(v) for k, v in value.items() if k != "elapsed_ms"}
        if isinstance(value, list):
            return [strip(v) for v in value]
        return value

    return json.dumps(strip(json.loads(line)), sort_keys=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reference", type=Path, required=True, help="the other version's src")
    parser.add_argument("--companies", type=int, default=400)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--keep", type=Path, help="keep the export and both outputs here")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp, WorldProcess(
        build_world, (args.companies,)
    ) as world:  # fmt: skip
        assert world.info is not None
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        export = work / "export.csv"
        count = write_export(export, world.info.built, args.repeat)
        print(f"{count:,} rows over {len(world.info.built):,} leads' sites")
        old, old_full = run_version(
            args.reference, world, export, work / "reference.jsonl", args.workers
        )
        new, new_full = run_version(ROOT / "src", world, export, work / "this.jsonl", args.workers)
    if len(old) != len(new):
        raise SystemExit(f"{len(old)} rows against {len(new)}")
    differences = flakes = 0
    for number, (a, b) in enumerate(zip(old, new, strict=True), start=1):
        columns = [c for c in sorted(set(a) | set(b)) if a.get(c) != b.get(c)]
        if not columns:
            continue
        if _timed_out(a) != _timed_out(b):
            flakes += 1  # the loopback world dropped a query in one run: not the code
            print(f"row {number}: a network timeout in one run only ({', '.join(columns)})")
            continue
        differences += len(columns)
        for column in columns[:30]:
            print(f"row {number}, {column}: {a.get(column)!r} -> {b.get(column)!r}")
    by_lead_old, by_lead_new = _by_lead(old_full), _by_lead(new_full)
    for lead in sorted(set(by_lead_old) | set(by_lead_new)):
        a_reports, b_reports = by_lead_old.get(lead, []), by_lead_new.get(lead, [])
        if a_reports == b_reports:
            continue
        if any("timeout" in r.lower() for r in (*a_reports, *b_reports)):
            flakes += 1
            continue
        differences += 1
        if differences <= 3:
            print(f"the full report differs for {lead[:300]}:")
            for report in (*a_reports[:1], *b_reports[:1]):
                print("  " + report[:4000])
    verdicts = sorted({str(row.get("verdict")) for row in new})
    print(
        f"{len(new):,} rows, {len(new[0]) if new else 0} columns, {len(new_full):,} full "
        f"reports, verdicts {verdicts}"
    )
    if flakes:
        print(f"{flakes} rows or reports met a network timeout in one run only (run again)")
    if differences:
        raise SystemExit(f"{differences} cells or reports differ")
    print("identical")


if __name__ == "__main__":
    main()
