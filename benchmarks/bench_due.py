"""``leadcheck due`` on a results database of 10,000 leads.

Run:  python benchmarks/bench_due.py [--leads 10000] [--repeat 5]

The database is generated here, through the store's own ``put`` (so each lead has the
facts a batch leaves) and ``add_touch``: inquiries arriving evenly over the year before the
date, from 24 countries (Germany, the US, Vietnam, Saudi Arabia, India, Japan, China,
Brazil...), 60 % genuine, 20 % suspicious, 5 % unknown, 15 % fake, fit tiers A to D,
phones and website contacts on most. The rep answers 97 % of the inquiries within a day
and then follows the cadence (day 3, 7, 10, 14, 30), each step on its day or up to two
days late; the lead answers after one step in eight. 1 % are marked urgent. Two databases:

  year     - that year of history: the morning's list is what a rep meets every day
  backlog  - the same leads, all written to once in the last 45 days and never again:
             thousands of overdue steps, the worst case for the list's length

Reported for each: ``due_from_database`` in the process (open, read, plan; median wall
and CPU time of --repeat runs), and ``leadcheck due --json`` as its own process, start-up
included (median wall time, and the process's CPU time), for the day and with ``--all``.
For scale, the same for ``leadcheck followup DE`` (one lead: what start-up and imports
cost alone). CPU times are given because wall times on a shared machine vary with its
load; the load average is printed at the end.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from leadcheck.batch.outcome import RowOutcome
from leadcheck.batch.store import ResultStore, TouchRecord
from leadcheck.followup.due import due_from_database
from leadcheck.followup.rep import RepSettings

AT = dt.datetime(2026, 3, 9, 8, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))
COUNTRIES = {  # code: (zone, phone prefix)
    "DE": ("Europe/Berlin", "+49711"),
    "US": ("America/New_York", "+1212"),
    "GB": ("Europe/London", "+44161"),
    "FR": ("Europe/Paris", "+33142"),
    "IT": ("Europe/Rome", "+39028"),
    "ES": ("Europe/Madrid", "+34915"),
    "IN": ("Asia/Kolkata", "+91226"),
    "VN": ("Asia/Ho_Chi_Minh", "+84903"),
    "SA": ("Asia/Riyadh", "+96611"),
    "AE": ("Asia/Dubai", "+97145"),
    "JP": ("Asia/Tokyo", "+81352"),
    "KR": ("Asia/Seoul", "+82231"),
    "CN": ("Asia/Shanghai", "+86755"),
    "BR": ("America/Sao_Paulo", "+55113"),
    "MX": ("America/Mexico_City", "+52555"),
    "ID": ("Asia/Jakarta", "+62215"),
    "TR": ("Europe/Istanbul", "+90212"),
    "RU": ("Europe/Moscow", "+74951"),
    "NG": ("Africa/Lagos", "+23480"),
    "EG": ("Africa/Cairo", "+20227"),
    "AU": ("Australia/Sydney", "+61292"),
    "TH": ("Asia/Bangkok", "+66226"),
    "PL": ("Europe/Warsaw", "+48221"),
    "NL": ("Europe/Amsterdam", "+31204"),
}
VERDICTS = ["genuine"] * 12 + ["suspicious"] * 4 + ["unknown"] + ["fake"] * 3


def report(i: int, rng: random.Random) -> tuple[str, dict[str, Any], RowOutcome]:
    code = rng.choice(list(COUNTRIES))
    zone, prefix = COUNTRIES[code]
    email = f"buyer{i}@company-{i:05}.example"
    phone = f"{prefix}{rng.randrange(1_000_000, 9_999_999)}" if rng.random() < 0.7 else None
    verdict = rng.choice(VERDICTS)
    tier = rng.choice("AABBCD")
    contacts = {
        "phones": [phone] if phone and rng.random() < 0.5 else [],
        "social": [
            {"network": "facebook", "url": f"https://www.facebook.com/company{i}"},
            {"network": "linkedin", "url": f"https://www.linkedin.com/company/company{i}"},
        ]
        if rng.random() < 0.6
        else [],
    }
    full = {
        "inquiry": {"email": email, "company": f"Company {i} Ltd", "phone": phone},
        "verdict": {
            "label": verdict,
            "reasons": [{"code": "x", "message": "a warning", "points": -10}]
            if verdict == "suspicious"
            else [],
        },
        "fit": {"tier": tier, "score": 50},
        "email": {"normalized": email},
        "website": {"host": f"company-{i:05}.example", "contacts": contacts},
        "followup": {"country": code, "timezone": zone, "contacts": {"phone": phone}},
    }
    columns = RowOutcome(verdict=verdict, fit_tier=tier, country=code)
    return email, full, columns


CADENCE = ((3, "WhatsApp"), (7, "LinkedIn"), (10, "Facebook"), (14, "Phone"), (30, "Email"))
DAY = 86400.0


def build(path: Path, leads: int, *, backlog: bool, seed: int = 7) -> None:
    rng = random.Random(seed)
    now = AT.timestamp()
    with ResultStore(path) as store:
        for i in range(leads):
            email, full, columns = report(i, rng)
            arrived = now - rng.random() * (45 if backlog else 365) * DAY
            checked = dt.datetime.fromtimestamp(arrived, dt.UTC)
            store.put(
                f"key{i}", lead=f"{email} |  | ", columns=columns, report=full, checked_at=checked
            )
            for touch in history(email, arrived, now, rng, backlog=backlog):
                store.add_touch(touch)
            if rng.random() < 0.01:
                store.set_urgent(email, True, note="goods at the port", at=arrived)
        store.commit()


def history(
    email: str, arrived: float, now: float, rng: random.Random, *, backlog: bool
) -> list[TouchRecord]:
    if rng.random() > 0.97:
        return []  # never answered
    first = arrived + rng.uniform(0.05, 1.0) * DAY
    touches = [TouchRecord(email, first, "out", "Email")]
    if backlog:
        return touches if first <= now else []
    previous = first
    for day, channel in CADENCE:
        # each step on its day, or up to two days late, and two days after the previous
        at = max(first + day * DAY, previous + 2 * DAY) + rng.uniform(0.0, 2.0) * DAY
        if at > now:
            break
        if rng.random() < 0.125:
            touches.append(TouchRecord(email, at - 0.5 * DAY, "in", "Email"))
            break
        touches.append(TouchRecord(email, at, "out", channel))
        previous = at
    return [t for t in touches if t.at <= now]


def measure(path: Path, repeat: int, label: str) -> None:
    import resource

    rep = RepSettings()
    walls, cpus = [], []
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        due = due_from_database(path, at=AT, rep=rep)
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    s = due.summary
    print(
        f"{label:8} library    {statistics.median(walls) * 1000:6.0f} ms wall "
        f"{statistics.median(cpus) * 1000:6.0f} ms CPU: {s.listed:,} listed today, "
        f"{s.later:,} later, {s.replied:,} replied, {s.closed:,} closed, {s.fake:,} fake"
    )
    for extra in ([], ["--all"]):
        runs, used = [], []
        for _ in range(repeat):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            started = time.perf_counter()
            command = [sys.executable, "-m", "leadcheck", "due", "--db", str(path)]
            command += ["--json", "--at", AT.isoformat(), *extra]
            done = subprocess.run(command, capture_output=True, check=True)
            runs.append(time.perf_counter() - started)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            used.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
        count = len(json.loads(done.stdout))
        name = "cli --all" if extra else "cli"
        print(
            f"{label:8} {name:10} {statistics.median(runs) * 1000:6.0f} ms wall "
            f"{statistics.median(used) * 1000:6.0f} ms CPU: {count:,} actions "
            f"({len(done.stdout) / 1e6:.1f} MB of JSON), process start included"
        )


def baseline(repeat: int) -> None:
    import resource

    runs, used = [], []
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "leadcheck", "followup", "DE", "--phone", "+49 30 1234567"],
            capture_output=True,
            check=True,
        )
        runs.append(time.perf_counter() - started)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        used.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    print(
        f"{'scale':8} {'followup':10} {statistics.median(runs) * 1000:6.0f} ms wall "
        f"{statistics.median(used) * 1000:6.0f} ms CPU: one lead, start-up and imports"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--leads", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    baseline(args.repeat)
    with tempfile.TemporaryDirectory() as tmp:
        for label, backlog in (("year", False), ("backlog", True)):
            path = Path(tmp) / f"{label}.sqlite3"
            started = time.perf_counter()
            build(path, args.leads, backlog=backlog)
            print(f"{label:8} built {args.leads:,} leads in {time.perf_counter() - started:.1f} s")
            measure(path, args.repeat, label)
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(
        f"python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} cores, "
        f"load average {load}"
    )


if __name__ == "__main__":
    main()
