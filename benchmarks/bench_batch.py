"""End-to-end throughput of ``leadcheck batch`` against the loopback test world.

Run:  python benchmarks/bench_batch.py [--leads 10000] [--concurrency 64] [--workers N]
                                        [--pages realistic|tiny] [--messages varied|same]
                                        [--world-cpus 1] [--client-cpus 0]
                                        [--dns-delay 0.02] [--http-delay 0.1]

The world (tests/world) serves DNS, HTTP and HTTPS on loopback from a process of its
own (``--world-cpus`` pins it, e.g. to a core the client does not use), with latency
injected on every DNS answer and every HTTP response, so the numbers measure how well
the run overlaps waiting, not how fast loopback is. The sites serve realistic home
pages of 30-80 KB in ten languages (benchmarks/pages.py; ``--pages tiny`` for the old
0.6 KB page). The input is an Alibaba-style CSV: leads spread over company domains
(several leads per company, the same company every ``companies`` rows), a share of
them on free mail, half the websites given as ``https://www.…`` that must fall back to
the bare domain, each lead with its own message (templates with their own quantities,
as buyers write them; ``--messages same`` for one message for all, as before). Reported:

  batch      - wall time, leads/s; the client's CPU time per lead (the leadcheck process
               and its workers), the world's CPU time per lead; peak memory (the sum
               of the proportional set sizes of the leadcheck processes, and the largest
               single RSS); DNS queries and HTTP requests the world saw per domain;
  ideal      - the latency bound for the concurrency: the distinct domains checked
               -j at a time, each taking one check's latency (measured with -j 1 on
               leads of distinct companies), CPU taken as free; and the run's ratio to it;
  one by one - every row checked alone, nothing shared (rows x one check's latency),
               and one ``leadcheck verify`` process per row (measured on a few rows).

Each run is a fresh ``python -m leadcheck`` process, so start-up is included.
"""

from __future__ import annotations

import argparse
import csv
import os
import platform
import random
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from inquiries import ONE_MESSAGE, inquiry_message
from pages import company_page, site_profile
from world_process import WorldProcess, parse_cpus

FREE_MAIL = ("gmail.com", "outlook.com", "qq.com", "163.com", "yahoo.com")
COUNTRIES = ("DE", "ES", "IT", "FR", "VN", "BR", "IN", "TR", "US", "AE")
TINY_PAGE = (
    "<html lang='en'><head><title>{name} – UV water sterilizers and water treatment</title>"
    "<meta name='description' content='{name} plans and builds water treatment plants: "
    "UV disinfection, reverse osmosis, filtration.'></head><body><h1>{name}</h1>"
    "<p>Since 1998 {name} designs, installs and services water treatment systems for "
    "municipalities, hospitals, aquaculture farms and industry. Our UV sterilizers "
    "disinfect drinking water and wastewater without chemicals.</p>"
    "<p>Contact: sales@{domain} · +49 711 2589340</p></body></html>"
)


def build_world(world: object, companies: int, pages: str) -> tuple[list[str], int]:
    """Company sites with mail, plus the free-mail providers: (domains, page bytes served)."""
    from world import Page

    domains = []
    total = 0
    for i in range(companies):
        domain = f"company-{i:05}.de"
        name = f"Company {i:05} GmbH"
        if pages == "tiny":
            html = TINY_PAGE.format(name=name, domain=domain)
        else:
            language, industry, size = site_profile(i)
            html = company_page(domain, name, language=language, industry=industry, size=size)
        body = html.encode("utf-8")
        total += len(body)
        world.add_site(domain, {"/": Page(body)})  # type: ignore[attr-defined]
        world.add_mail_domain(domain)  # type: ignore[attr-defined]
        domains.append(domain)
    for domain in FREE_MAIL:
        world.add_mail_domain(domain, mx_host=f"mx.{domain}", spf=True, dmarc=True)  # type: ignore[attr-defined]
    if hasattr(world, "issue_certificates"):  # before the clock starts (not in old worlds)
        world.issue_certificates()
    return domains, total


def write_leads(
    path: Path, leads: int, domains: list[str], seed: int = 7, *, messages: str = "varied"
) -> None:
    """``messages``: "varied" (each lead its own, as in a real export) or "same" (one
    message for every lead, as before the benchmark's sixth round)."""
    rng = random.Random(seed)
    words = random.Random(seed + 1)  # the messages' own draws leave the others as they were
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
                    inquiry_message(words) if messages == "varied" else ONE_MESSAGE,
                ]
            )


class TreeMemory:
    """Samples the memory of a process and its descendants (Linux /proc) until stopped."""

    def __init__(self, pid: int, interval: float = 0.2) -> None:
        self.pid = pid
        self.interval = interval
        self.peak_pss_kib = 0
        self.peak_rss_kib = 0
        # at the moment of the peak: each process's PSS and private memory, KiB
        self.at_peak: list[tuple[int, int, int]] = []  # (pid, pss, private)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> TreeMemory:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _tree(self) -> list[int]:
        pids = [self.pid]
        index = 0
        while index < len(pids):
            try:
                children = Path(f"/proc/{pids[index]}/task/{pids[index]}/children").read_text()
            except OSError:
                children = ""
            pids.extend(int(p) for p in children.split())
            index += 1
        return pids

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            pss = 0
            processes: list[tuple[int, int, int]] = []
            for pid in self._tree():
                try:
                    text = Path(f"/proc/{pid}/smaps_rollup").read_text()
                except OSError:
                    continue
                own = private = 0
                for line in text.splitlines():
                    if line.startswith("Pss:"):
                        own = int(line.split()[1])
                    elif line.startswith(("Private_Clean:", "Private_Dirty:")):
                        private += int(line.split()[1])
                    elif line.startswith("Rss:"):
                        self.peak_rss_kib = max(self.peak_rss_kib, int(line.split()[1]))
                pss += own
                processes.append((pid, own, private))
            if pss > self.peak_pss_kib:
                self.peak_pss_kib = pss
                self.at_peak = processes


class RunResult:
    def __init__(self, elapsed: float, cpu: float, maxrss: int, memory: TreeMemory) -> None:
        self.elapsed = elapsed
        self.cpu = cpu
        self.maxrss_kib = maxrss
        self.peak_pss_kib = memory.peak_pss_kib
        self.peak_rss_kib = max(memory.peak_rss_kib, maxrss)
        self.at_peak = memory.at_peak


def run_batch(
    world: WorldProcess,
    source: Path,
    output: Path,
    concurrency: int,
    *,
    workers: int | None = None,
    client_cpus: tuple[int, ...] | None = None,
    profile: Path | None = None,
    extra: list[str] | None = None,
) -> RunResult:
    """One ``leadcheck batch`` process: wall, CPU (its workers included), memory."""
    assert world.info is not None
    env = {**os.environ, **world.info.env}
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
        *(["--workers", str(workers)] if workers is not None else []),
        *(extra or []),
        *world.info.cli_args,
    ]

    def pin() -> None:
        if client_cpus:
            os.sched_setaffinity(0, set(client_cpus))

    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, preexec_fn=pin)
    with TreeMemory(process.pid) as memory:
        _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        raise SystemExit(f"leadcheck batch exited {code}")
    # wait4's usage covers the process and the children it waited for (its workers)
    return RunResult(elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, memory)


def time_verify_per_row(world: WorldProcess, domains: list[str]) -> float:
    """Mean wall seconds of one ``leadcheck verify`` process on one lead."""
    assert world.info is not None
    env = {**os.environ, **world.info.env}
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
                *world.info.cli_args,
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
    parser.add_argument("--workers", type=int, help="leadcheck batch --workers (default: its own)")
    parser.add_argument("--pages", choices=("realistic", "tiny"), default="realistic")
    parser.add_argument(
        "--messages",
        choices=("varied", "same"),
        default="varied",
        help="each lead its own message (default), or one for all (the earlier benchmark)",
    )
    parser.add_argument("--dns-delay", type=float, default=0.020)
    parser.add_argument("--http-delay", type=float, default=0.100)
    parser.add_argument("--world-cpus", help="pin the world's process, e.g. 1 (default: none)")
    parser.add_argument("--client-cpus", help="pin leadcheck and its workers, e.g. 0")
    parser.add_argument(
        "--sample", type=int, default=100, help="leads in the -j 1 run (0: no such run)"
    )
    parser.add_argument("--verify-sample", type=int, default=5, help="verify processes timed")
    parser.add_argument("--profile", type=Path, help="cProfile the batch process into this file")
    parser.add_argument("--extra", action="append", default=[], help="more leadcheck options")
    args = parser.parse_args()

    companies = max(1, args.leads // args.leads_per_company)
    world_cpus = parse_cpus(args.world_cpus)
    client_cpus = parse_cpus(args.client_cpus)
    print(f"python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} CPUs")
    print(
        f"{args.leads:,} leads, {companies:,} company domains + {len(FREE_MAIL)} free-mail, "
        f"{args.pages} pages, {args.messages} messages, dns delay "
        f"{args.dns_delay * 1000:.0f} ms, http delay {args.http_delay * 1000:.0f} ms; "
        f"world on CPUs {world_cpus or 'any'}, "
        f"client on CPUs {client_cpus or 'any'}"
    )
    with (
        tempfile.TemporaryDirectory() as tmp,
        WorldProcess(
            build_world,
            (companies, args.pages),
            cpus=world_cpus,
            dns_delay=args.dns_delay,
            http_delay=args.http_delay,
        ) as world,
    ):
        assert world.info is not None
        domains, page_bytes = world.info.built
        print(f"  pages: {page_bytes / companies / 1000:.1f} KB on average")
        work = Path(tmp)
        source = work / "leads.csv"
        write_leads(source, args.leads, domains, messages=args.messages)
        world.reset()
        output = work / "out.csv"
        run = run_batch(
            world,
            source,
            output,
            args.concurrency,
            workers=args.workers,
            client_cpus=client_cpus,
            profile=args.profile,
            extra=args.extra,
        )
        stats = world.stats()
        rows = count_rows(output)
        distinct = companies + len(FREE_MAIL)
        workers = f" --workers {args.workers}" if args.workers is not None else ""
        print(
            f"batch -j {args.concurrency}{workers}: {rows:,} rows in {run.elapsed:.1f} s = "
            f"{rows / run.elapsed:,.0f} leads/s"
        )
        print(
            f"  client CPU {run.cpu:.1f} s = {run.cpu / rows * 1000:.2f} ms per lead; "
            f"world CPU {stats.cpu_seconds:.1f} s = {stats.cpu_seconds / rows * 1000:.2f} ms "
            "per lead"
        )
        print(
            f"  peak memory: {run.peak_pss_kib / 1024:.0f} MiB PSS over the process tree, "
            f"largest RSS {run.peak_rss_kib / 1024:.0f} MiB"
        )
        if len(run.at_peak) > 1:
            parts = ", ".join(
                f"{'parent' if index == 0 else f'worker {index}'} {pss / 1024:.0f}"
                f" ({private / 1024:.0f} private)"
                for index, (_pid, pss, private) in enumerate(run.at_peak)
            )
            print(f"  at the peak, MiB PSS: {parts}")
        print(
            f"  world saw {stats.dns_queries:,} DNS queries ({stats.dns_queries / distinct:.1f} "
            f"per distinct domain, {stats.dns_tcp_queries} over TCP) and "
            f"{stats.http_requests:,} HTTP requests ({stats.http_requests / companies:.2f} "
            "per site)"
        )
        if rows != args.leads:
            raise SystemExit(f"lost rows: {rows} of {args.leads}")

        if args.sample <= 0:
            return
        sample = work / "sample.csv"
        sample_domains = list(domains)
        random.Random(11).shuffle(sample_domains)
        # one lead per company: the -j 1 run gets no help from any cache
        write_leads(sample, args.sample, sample_domains[: args.sample], messages=args.messages)
        seq = run_batch(
            world,
            sample,
            work / "sample-out.csv",
            1,
            workers=1 if args.workers is not None else None,
            client_cpus=client_cpus,
        )
        per_lead = seq.elapsed / args.sample
        waves = -(-distinct // args.concurrency)
        ideal = waves * per_lead
        print(
            f"-j 1 on {args.sample} leads of distinct companies: {seq.elapsed:.1f} s = "
            f"{per_lead * 1000:.0f} ms per lead (the latency of one check)"
        )
        print(
            f"ideal bound for -j {args.concurrency}: {distinct:,} distinct domains in "
            f"{waves} waves x {per_lead * 1000:.0f} ms = {ideal:.1f} s; batch took "
            f"{run.elapsed / ideal:.2f}x that"
        )
        one_by_one = per_lead * rows
        print(
            f"one by one (each row checked alone, nothing shared): ~{one_by_one:,.0f} s "
            f"-> batch is {one_by_one / run.elapsed:.0f}x faster"
        )
        if args.verify_sample > 0:
            verify_each = time_verify_per_row(world, sample_domains[: args.verify_sample])
            each_total = verify_each * rows
            print(
                f"one 'leadcheck verify' process per row: {verify_each * 1000:.0f} ms per row "
                f"-> ~{each_total:,.0f} s -> batch is {each_total / run.elapsed:.0f}x faster"
            )


if __name__ == "__main__":
    main()
