"""Per-family accuracy of the email stage on leadcheck's own case files, offline.

Run:  python benchmarks/bench_email_families.py [--cases benchmarks/email_cases] [--misses]

Every case goes through the real ``check_email`` (syntax, lists, typo suggestion), with
the DNS outcome modelled explicitly by a resolver that answers from memory instead of
the network. The models:

* ``nxdomain`` -- every name is NXDOMAIN: a typo domain that nobody registered, and
  always the case for a top-level domain that does not exist;
* ``mail``     -- every name under an existing TLD has an MX record: a real domain, or
  a typo domain that a squatter registered and gave a mail server (names under a TLD
  that does not exist are NXDOMAIN, as real DNS answers them);
* ``unknown``  -- every query times out: the check cannot tell whether the domain
  resolves, so it must act as cautiously as for a resolving one.

Families and what counts as a hit:

* typos of big providers (``typos.txt``): the suggestion is the domain meant, under each
  DNS model (``nxdomain`` is the common case; ``mail`` the squatted one);
  ``typos_heldout.txt`` was written after the rules were tuned, as a check;
* domains with a TLD that does not exist (``bad_tlds.txt``): the suggestion repairs the
  TLD; the case file is checked against the Public Suffix List snapshot first;
* regional free-mail (``regional_freemail.txt``): ``free_provider`` is true;
* role mailboxes (``role_mailboxes.txt``, and ``roles_heldout.txt`` written after the
  list was extended): ``role_account`` is true; personal local parts
  (``personal_locals.txt``) are reported as false positives;
* temp-mail domains (``temp_mail.txt``): ``disposable`` is true;
* false suggestions (``false_suggestions.txt``): real domains, so modelled as ``mail``
  (and ``unknown``); any suggestion at all is a miss. Target: zero.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from leadcheck.net.dns import AddressLookup, DnsAnswer, DnsStatus
from leadcheck.net.suffixes import load_rules
from leadcheck.verify.email import EmailReport, check_email

ROOT = Path(__file__).resolve().parent
CASES = ROOT / "email_cases"


def tld_exists(name: str) -> bool:
    """Whether the name's last label is a TLD of the bundled Public Suffix List snapshot."""
    last = name.lower().rstrip(".").rsplit(".", 1)[-1]
    if not last.isascii():
        last = last.encode("idna").decode("ascii")
    rules = load_rules()
    return last in rules.exact or last in rules.wildcard


class ModelResolver:
    """A resolver whose every answer follows one DNS model; it never touches a network."""

    def __init__(self, model: str) -> None:
        self.model = model

    async def query(self, name: str, rdtype: str, **_: object) -> DnsAnswer:
        if self.model == "unknown":
            return DnsAnswer(name=name, rdtype=rdtype, status=DnsStatus.ERROR, error="timeout")
        if self.model == "nxdomain" or not tld_exists(name):
            return DnsAnswer(name=name, rdtype=rdtype, status=DnsStatus.NXDOMAIN)
        if rdtype == "MX" and not name.startswith("_"):
            return DnsAnswer(
                name=name, rdtype=rdtype, status=DnsStatus.OK, records=(f"10 mx.{name}.",)
            )
        return DnsAnswer(name=name, rdtype=rdtype, status=DnsStatus.NODATA)

    async def addresses(self, host: str, **_: object) -> AddressLookup:
        a = await self.query(host, "A")
        return AddressLookup(host=host, a=a, aaaa=a)


def read_cases(name: str, directory: Path) -> list[list[str]]:
    """The lines of a case file, comments and blanks dropped, split on blanks."""
    rows = []
    for line in (directory / name).read_text(encoding="utf-8").splitlines():
        text = line.split("#", 1)[0].strip()
        if text:
            rows.append(text.split())
    return rows


@dataclass
class Tally:
    hits: int = 0
    total: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, ok: bool, label: str) -> None:
        self.total += 1
        if ok:
            self.hits += 1
        else:
            self.misses.append(label)

    def percent(self) -> str:
        return f"{100 * self.hits / self.total:5.1f} %" if self.total else "  n/a"


async def run_family(
    addresses: Iterable[tuple[str, str]],
    model: str,
    hit: Callable[[EmailReport, str], bool],
) -> Tally:
    """Check each ``(address, expected)`` under one DNS model; ``hit`` judges the report."""
    resolver = ModelResolver(model)
    tally = Tally()
    for address, expected in addresses:
        report = await check_email(address, resolver)
        ok = hit(report, expected)
        tally.add(ok, f"{address} -> {report.suggestion or '-'} (wanted {expected or '-'})")
    return tally


def check_bad_tld_cases(rows: list[list[str]]) -> None:
    for typed, _ in rows:
        tld = typed.rsplit(".", 1)[-1]
        if tld_exists(typed):
            raise SystemExit(f"bad_tlds.txt: {typed}: .{tld} exists; not a case of this family")


async def main_async(directory: Path, show_misses: bool) -> int:
    typos = read_cases("typos.txt", directory)
    typos_heldout = read_cases("typos_heldout.txt", directory)
    roles_heldout = read_cases("roles_heldout.txt", directory)
    bad_tlds = read_cases("bad_tlds.txt", directory)
    check_bad_tld_cases([row[:2] for row in bad_tlds])
    regional = read_cases("regional_freemail.txt", directory)
    roles = read_cases("role_mailboxes.txt", directory)
    personal = read_cases("personal_locals.txt", directory)
    temp = read_cases("temp_mail.txt", directory)
    real = read_cases("false_suggestions.txt", directory)

    def suggested(report: EmailReport, expected: str) -> bool:
        return report.suggestion == expected

    def silent(report: EmailReport, _: str) -> bool:
        return report.suggestion is None

    typo_cases = [(f"li.wei@{t}", f"li.wei@{m}") for t, m, *_ in typos]
    tld_cases = [(f"info@{t}", f"info@{m}") for t, m, *_ in bad_tlds]
    rows: list[tuple[str, str, Tally]] = []
    for model in ("nxdomain", "mail", "unknown"):
        tally = await run_family(typo_cases, model, suggested)
        rows.append((f"typos of big providers [{model}]", ">= 95 % (nxdomain)", tally))
    heldout_cases = [(f"li.wei@{t}", f"li.wei@{m}") for t, m, *_ in typos_heldout]
    for model in ("nxdomain", "mail"):
        tally = await run_family(heldout_cases, model, suggested)
        rows.append((f"typos, held-out set [{model}]", "(check)", tally))
    for model in ("nxdomain", "unknown"):
        tally = await run_family(tld_cases, model, suggested)
        rows.append((f"TLD that does not exist [{model}]", ">= 75 %", tally))
    rows.append(
        (
            "regional free-mail [mail]",
            "100 %",
            await run_family(
                ((f"info@{d}", "") for d, *_ in regional),
                "mail",
                lambda r, _: r.free_provider,
            ),
        )
    )
    rows.append(
        (
            "role mailboxes",
            ">= 99 %",
            await run_family(
                ((f"{local}@acme-uv.com", "") for local, *_ in roles),
                "mail",
                lambda r, _: r.role_account,
            ),
        )
    )
    rows.append(
        (
            "role mailboxes, held-out set",
            "(check)",
            await run_family(
                ((f"{local}@acme-uv.com", "") for local, *_ in roles_heldout),
                "mail",
                lambda r, _: r.role_account,
            ),
        )
    )
    rows.append(
        (
            "personal local parts kept personal",
            "100 %",
            await run_family(
                ((f"{local}@acme-uv.com", "") for local, *_ in personal),
                "mail",
                lambda r, _: not r.role_account,
            ),
        )
    )
    rows.append(
        (
            "temp-mail domains [mail]",
            ">= 36 %",
            await run_family(((f"x@{d}", "") for d, *_ in temp), "mail", lambda r, _: r.disposable),
        )
    )
    false_hits = 0
    for model in ("mail", "unknown"):
        tally = await run_family(((f"info@{d}", "") for d, *_ in real), model, silent)
        false_hits += tally.total - tally.hits
        rows.append((f"real domains left alone [{model}]", "100 % (0 false)", tally))

    width = max(len(name) for name, _, _ in rows)
    print(f"{'family':<{width}}  {'cases':>5}  {'hits':>5}  {'accuracy':>8}  target")
    for name, target, tally in rows:
        print(f"{name:<{width}}  {tally.total:>5}  {tally.hits:>5}  {tally.percent():>8}  {target}")
    print(f"false suggestions on real domains: {false_hits}")
    if show_misses:
        for name, _, tally in rows:
            for miss in tally.misses:
                print(f"  miss [{name}] {miss}")
    return 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=Path, default=CASES, help="folder of case files")
    parser.add_argument("--misses", action="store_true", help="list every miss")
    args = parser.parse_args()
    started = time.perf_counter()
    code = asyncio.run(main_async(args.cases, args.misses))
    print(f"(ran in {time.perf_counter() - started:.1f} s, no network)")
    sys.exit(code)


if __name__ == "__main__":
    main()
