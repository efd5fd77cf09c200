"""CPU and memory of the steps a batch pays per lead or per cache entry, in isolation.

Run:  python benchmarks/bench_per_lead.py [--leads 5000]
      PYTHONPATH=<another checkout>/src python benchmarks/bench_per_lead.py   (A/B)

Measured in one process, CPU by ``time.process_time`` (the best of three passes):

  plan_followup   - one lead's follow-up plan: leads over ten countries, the same
                    phone number (as in bench_batch.py) and a phone number per lead
                    (as in a real export: phonenumbers parses each one);
  split_host      - a host name split into subdomain, label and suffix, uncached;
  impersonation   - a lead's two domains checked for a borrowed brand, each domain
                    met four times (four leads of one company);
  check_email     - a lead's e-mail checked from the address as typed (its syntax read
                    by email-validator, then its domain's answers, known by then: four
                    leads of each of 500 companies, DNS answered from a canned table
                    in place of the wire);
  fit             - a lead's fit (CheckSession._score) when its site's page is known:
                    four leads of each of 100 realistic pages, each lead with its own
                    message (benchmarks/inquiries.py) and one message for all;
  DNS memory      - the bytes the resolver's memo holds per answer kept (tracemalloc,
                    40,000 answers).
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import random
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))  # inquiries.py, pages.py

COUNTRIES = ("DE", "ES", "IT", "FR", "VN", "BR", "IN", "TR", "US", "AE")


def best_of_three(work: Callable[[], Any], count: int) -> float:
    """Microseconds per item, the fastest of three passes."""
    best = float("inf")
    for _ in range(3):
        started = time.process_time()
        work()
        best = min(best, time.process_time() - started)
    return best / count * 1e6


def plan_figures(leads: int) -> None:
    from leadcheck.followup import plan_followup

    rng = random.Random(7)
    same = [(COUNTRIES[i % 10], "+49 711 2589340", f"buyer{i}@c{i}.de") for i in range(leads)]
    own = [
        (COUNTRIES[i % 10], f"+49 711 {rng.randint(1_000_000, 9_999_999)}", f"b{i}@c{i}.de")
        for i in range(leads)
    ]
    for rows, label in ((same, "one phone number"), (own, "a number per lead")):
        plan_followup(rows[0][0], phone=rows[0][1], email=rows[0][2])  # tables loaded

        def run(rows: list[tuple[str, str, str]] = rows) -> None:
            for country, phone, email in rows:
                plan_followup(country, phone=phone, email=email)

        print(f"  plan_followup, {label:18s} {best_of_three(run, len(rows)):7.1f} µs a lead")


def split_figures(count: int) -> None:
    from leadcheck.net import suffixes

    suffixes.load_rules()
    split = suffixes.split_host.__wrapped__
    hosts = [f"www.company-{i:05}.de" for i in range(count)]

    def run() -> None:
        for host in hosts:
            split(host)

    print(f"  split_host, uncached           {best_of_three(run, count):7.1f} µs a host")


def impersonation_figures(count: int) -> None:
    from leadcheck.verify.impersonation import impersonation

    impersonation("example.com", "email")  # tables loaded
    domains = [f"company-{i % (count // 4):05}.de" for i in range(count)]

    def run() -> None:
        for domain in domains:
            impersonation(domain, "email")
            impersonation(domain, "website")

    print(f"  impersonation, a lead's two    {best_of_three(run, count):7.1f} µs a lead")


def email_figures(count: int) -> None:
    from leadcheck.net import dns
    from leadcheck.verify.email import check_email

    resolver = dns.Resolver(("192.0.2.53",))

    async def canned(name: str, rdtype: str, timeout: float | None) -> dns.DnsAnswer:
        records: tuple[str, ...] = ()
        if rdtype == "MX" and not name.startswith("_dmarc."):
            records = (f"10 mx.{name}",)
        elif rdtype == "TXT":
            records = ("v=DMARC1; p=none",) if name.startswith("_dmarc.") else ("v=spf1 mx -all",)
        return dns.DnsAnswer(name=name, rdtype=rdtype, status=dns.DnsStatus.OK, records=records)

    resolver._lookup = canned  # type: ignore[method-assign]
    addresses = [f"buyer{i}@company-{i % 500:05}.de" for i in range(count)]

    async def run_all() -> None:
        for address in addresses:
            await check_email(address, resolver)

    loop = asyncio.new_event_loop()
    loop.run_until_complete(run_all())  # every domain's answers known from here on

    def run() -> None:
        loop.run_until_complete(run_all())

    print(f"  check_email, answers known     {best_of_three(run, count):7.1f} µs a lead")
    loop.close()


def fit_figures(sites: int = 100, leads_per_site: int = 4) -> None:
    """A lead's fit when its site's page is known (its matches counted once per site):
    each lead with its own message, as in bench_batch.py, and one message for all."""
    import pickle

    from inquiries import ONE_MESSAGE, inquiry_message, session_fit
    from leadcheck.fit.taxonomy import load_taxonomy
    from leadcheck.pipeline import CheckSession
    from leadcheck.verify.page import read_page
    from pages import company_site

    pages = [
        pickle.dumps(read_page(company_site(index)[2].encode(), "text/html"))
        for index in range(sites)
    ]
    taxonomy = load_taxonomy()
    rng = random.Random(3)
    for label, varied in (("own messages", True), ("one message", False)):
        leads = []
        for index in range(sites * leads_per_site):
            company = f"Company {index % sites:05} GmbH"
            message = inquiry_message(rng) if varied else ONE_MESSAGE
            leads.append((index % sites, company, message))
        # Each pass is a new session (its memo of fits empty); the pages' matches are
        # counted before (the taxonomy's cache, the process's): the first of a site's
        # four leads is scored, the others are scored again or share its fit. A lead
        # gets its page thawed afresh from the site memo: new strings, hashed anew.
        warm = CheckSession()
        warm._taxonomy = taxonomy
        for site, company, message in leads[:sites]:
            session_fit(warm, pickle.loads(pages[site]), company, message)
        passes = []
        for _ in range(3):
            session = CheckSession()
            session._taxonomy = warm._taxonomy
            passes.append((session, [(pickle.loads(pages[i]), c, m) for i, c, m in leads]))

        def run(passes: list[Any] = passes) -> None:
            session, work = passes.pop()
            for page, company, message in work:
                session_fit(session, page, company, message)

        print(f"  fit, page known, {label:13s} {best_of_three(run, len(leads)):7.1f} µs a lead")


def dns_memory(count: int = 40_000) -> None:
    import inspect

    from leadcheck.memo import FutureMemo
    from leadcheck.net import dns

    tuple_key = "tuple[str, str]" in inspect.getsource(dns.Resolver.__init__)
    loop = asyncio.new_event_loop()
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    memo: FutureMemo[Any, Any] = FutureMemo(
        100_000, keep=dns._is_fact, pack=dns._pack_answer, unpack=dns._unpack_answer
    )
    for index in range(count):
        name = f"company-{index:05}.de"
        answer = dns.DnsAnswer(
            name=name, rdtype="A", status=dns.DnsStatus.OK, records=(f"192.0.2.{index % 250}",)
        )
        future = loop.create_future()
        future.set_result(answer)
        memo.put((name, "A") if tuple_key else f"A {name}", future)
        if index % 100 == 0:
            loop.run_until_complete(asyncio.sleep(0))  # the done-callbacks pack them
    loop.run_until_complete(asyncio.sleep(0))
    gc.collect()
    held = tracemalloc.get_traced_memory()[0] - before
    tracemalloc.stop()
    loop.close()
    print(f"  DNS memo, per answer kept      {held / count:7.0f} bytes")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--leads", type=int, default=5_000)
    args = parser.parse_args()
    plan_figures(args.leads)
    split_figures(args.leads)
    impersonation_figures(args.leads)
    email_figures(args.leads)
    fit_figures()
    dns_memory()


if __name__ == "__main__":
    main()
