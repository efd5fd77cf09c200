"""End-to-end throughput of ``leadcheck batch`` against the loopback test world.

Run:  python benchmarks/bench_batch.py [--leads 10000] [--concurrency 64]
                                        [--dns-delay 0.02] [--http-delay 0.1]

The world (tests/world) serves DNS, HTTP and HTTPS on loopback with latency injected
on every DNS answer and every HTTP response, so the numbers measure how well the run
overlaps waiting, not how fast loopback is. The input is an Alibaba-style CSV:
leads spread over company domains (several leads per company, as in a real export),
a share of them on free mail. Reported:

  batch      - leads/s and wall time of the whole run, its CPU time and peak RSS,
               DNS queries and HTTP requests the world saw per distinct domain
               (what per-domain deduplication and caching save);
  ideal      - the latency bound for the concurrency: the distinct domains checked
               -j at a time, each taking one check's latency (measured with -j 1 on
               leads of distinct companies), CPU taken as free;
  one by one - every row checked alone, nothing shared (rows x one check's
               latency), and one ``leadcheck verify`` process per row (measured on a
               few rows): what batch replaces.

Each run is a fresh ``python -m leadcheck`` process, so start-up is included.
"""

from __future__ import annotations

import argparse
import csv
import os
import platform
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from world import Page, World  # noqa: E402  (the test world lives under tests/)

FREE_MAIL = ("gmail.com", "outlook.com", "qq.com", "163.com", "yahoo.com")
COUNTRIES = ("DE", "ES", "IT", "FR", "VN", "BR", "IN", "TR", "US", "AE")
PAGE = (
    "<html lang='en'><head><title>{name} – UV water sterilizers and water treatment</title>"
    "<meta name='description' content='{name} plans and builds water treatment plants: "
    "UV disinfection, reverse osmosis, filtration.'></head><body><h1>{name}</h1>"
    "<p>Since 1998 {name} designs, installs and services water treatment systems for "
    "municipalities, hospitals, aquaculture farms and industry. Our UV sterilizers "
    "disinfect drinking water and wastewater without chemicals.</p>"
    "<p>Contact: sales@{domain} · +49 711 2589340</p></body></html>"
)


def build_world(world: World, companies: int) -> list[str]:
    """Company sites with mail, plus the free-mail providers; the company domains."""
    domains = []
    for i in range(companies):
        domain = f"company-{i:05}.de"
        name = f"Company {i:05} GmbH"
        world.add_site(domain, {"/": Page(PAGE.format(name=name, domain=domain))})
        world.add_mail_domain(domain)
        domains.append(domain)
    for domain in FREE_MAIL:
        world.add_mail_domain(domain, mx_host=f"mx.{domain}", spf=True, dmarc=True)
    return domains


def write_leads(path: Path, leads: int, domains: list[str], seed: int = 7) -> None:
    rng = random.Random(seed)
    with path.open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(["Company", "Contact", "Email", "Website", "Phone", "Country", "Message"])
        for i in range(leads):
            domain = domains[i % len(domains)]
            free = rng.random() < 0.3
            email = f"buyer{i}@{rng.choice(FREE_MAIL)}" if free else f"buyer{i}@{domain}"
            out.writerow(
                [
                    f"Company {domain[8:13]} GmbH",
                    f"Buyer {i}",
                    email,
                    domain if free or rng.random() < 0.5 else f"https://www.{domain}",
                    "+49 711 2589340",
                    COUNTRIES[int(domain[8:13]) % len(COUNTRIES)],  # a company has one country
                    "We need UV sterilizers for our water treatment project. Please quote.",
                ]
            )


def run_batch(
    world: World, source: Path, output: Path, concurrency: int, profile: Path | None = None
) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds and peak RSS (KiB) of one ``leadcheck batch`` process."""
    env = {**os.environ, **world.env()}
    profiler = ["-m", "cProfile", "-o", str(profile)] if profile else []
    command = [
        sys.executable,
        *profiler,
        "-m",
        "leadcheck",
        "batch",
        str(source),
        "-o",
        str(output),
        "--no-db",
        "-j",
        str(concurrency),
        "--timeout",
        "30",
        *world.cli_args(),
    ]
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        raise SystemExit(f"leadcheck batch exited {code}")
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def time_verify_per_row(world: World, domains: list[str]) -> float:
    """Mean wall seconds of one ``leadcheck verify`` process on one lead."""
    env = {**os.environ, **world.env()}
    started = time.perf_counter()
    for domain in domains:
        subprocess.run(
            [
                sys.executable,
                "-m",
                "leadcheck",
                "verify",
                "--email",
                f"buyer@{domain}",
                "--website",
                domain,
                "--country",
                "DE",
                "--json",
                *world.cli_args(),
            ],
            env=env,
            stdout=subprocess.DEVNULL,
            check=True,
        )
    return (time.perf_counter() - started) / len(domains)


def count_rows(path: Path) -> int:
    with path.open(encoding="utf-8", newline="") as handle:
        return sum(1 for _ in csv.reader(handle)) - 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--leads", type=int, default=10_000)
    parser.add_argument("--leads-per-company", type=int, default=4)
    parser.add_argument("--concurrency", type=int, default=64)
    parser.add_argument("--dns-delay", type=float, default=0.020)
    parser.add_argument("--http-delay", type=float, default=0.100)
    parser.add_argument(
        "--sample", type=int, default=100, help="leads in the -j 1 run (0: no such run)"
    )
    parser.add_argument("--verify-sample", type=int, default=10, help="verify processes timed")
    parser.add_argument("--profile", type=Path, help="cProfile the batch run into this file")
    args = parser.parse_args()

    companies = max(1, args.leads // args.leads_per_company)
    print(f"python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} CPUs")
    print(
        f"{args.leads:,} leads, {companies:,} company domains + {len(FREE_MAIL)} free-mail, "
        f"dns delay {args.dns_delay * 1000:.0f} ms, http delay {args.http_delay * 1000:.0f} ms"
    )
    with (
        tempfile.TemporaryDirectory() as tmp,
        World(dns_delay=args.dns_delay, http_delay=args.http_delay) as world,
    ):
        work = Path(tmp)
        domains = build_world(world, companies)

        source = work / "leads.csv"
        write_leads(source, args.leads, domains)
        world.reset_stats()
        output = work / "out.csv"
        elapsed, cpu, rss = run_batch(world, source, output, args.concurrency, args.profile)
        rows = count_rows(output)
        queries = sum(world.dns_queries().values())
        requests = len(world.requests())
        distinct = companies + len(FREE_MAIL)
        print(
            f"batch -j {args.concurrency}: {rows:,} rows in {elapsed:.1f} s = "
            f"{rows / elapsed:,.0f} leads/s, peak RSS {rss / 1024:.0f} MiB, "
            f"CPU {cpu:.1f} s ({cpu / rows * 1000:.1f} ms per lead)"
        )
        print(
            f"  world saw {queries:,} DNS queries ({queries / distinct:.1f} per distinct "
            f"domain) and {requests:,} HTTP requests ({requests / companies:.2f} per site)"
        )
        if rows != args.leads:
            raise SystemExit(f"lost rows: {rows} of {args.leads}")

        if args.sample <= 0:
            return
        sample = work / "sample.csv"
        sample_domains = [f"company-{i:05}.de" for i in range(companies)]
        random.Random(11).shuffle(sample_domains)
        # one lead per company: the -j 1 run gets no help from any cache
        write_leads(sample, args.sample, sample_domains[: args.sample])
        seq_elapsed, _, _ = run_batch(world, sample, work / "sample-out.csv", 1)
        per_lead = seq_elapsed / args.sample
        waves = -(-distinct // args.concurrency)
        ideal = waves * per_lead
        print(
            f"-j 1 on {args.sample} leads of distinct companies: {seq_elapsed:.1f} s = "
            f"{per_lead * 1000:.0f} ms per lead (the latency of one check)"
        )
        print(
            f"ideal bound for -j {args.concurrency}: {distinct:,} distinct domains in "
            f"{waves} waves x {per_lead * 1000:.0f} ms = {ideal:.1f} s; batch took "
            f"{elapsed / ideal:.1f}x that; its CPU time alone was {cpu:.1f} s"
        )
        one_by_one = per_lead * rows
        print(
            f"one by one (each row checked alone, nothing shared): ~{one_by_one:,.0f} s "
            f"-> batch is {one_by_one / elapsed:.0f}x faster"
        )
        verify_each = time_verify_per_row(world, sample_domains[: args.verify_sample])
        each_total = verify_each * rows
        print(
            f"one 'leadcheck verify' process per row: {verify_each * 1000:.0f} ms per row "
            f"-> ~{each_total:,.0f} s -> batch is {each_total / elapsed:.0f}x faster"
        )
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"(benchmark process itself, world included: peak RSS {own / 1024:.0f} MiB)")


if __name__ == "__main__":
    main()
