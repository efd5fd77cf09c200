"""Is it the lead or our network? Probes that tell a broken network from a missing company.

A hotel or captive-portal Wi-Fi, a hijacked or misconfigured resolver, a machine
with no internet: its resolver may answer NXDOMAIN for every name, and a firewall
may refuse every connection. Taken at its word, that makes every lead ``fake``.
Before a lead's "no such domain" or "connection refused" is believed, the network
is asked about things that exist on the real internet:

* **DNS** -- the root zone and the lead's TLD have SOA records, and the
  :attr:`~leadcheck.net.config.NetConfig.known_good_hosts` have addresses. A
  resolver that denies any of them (NXDOMAIN or no data) *lies*; one that cannot
  answer even the root is *silent*. Only a TLD that is in the Public Suffix List is
  held against the resolver (``acme.con`` really does not exist).
* **Connections** -- when a lead's site refuses (or never answers) every connection,
  an HTTPS GET to each known-good host: any answer at all, whatever its status,
  means the network lets connections out.

Everything goes through the run's own resolver and fetcher, so a test world can
stand in for the internet, and a probe is shared by every lead of a run: the DNS
verdict per TLD once per run, the root and the known-good names once per run. A
connection verdict that the network works is kept for :data:`CONNECT_TTL` seconds
only (a long batch may lose its network half-way); one that it is broken is kept
for the run, which only ever makes leads *unknown* and so checked again next time.
A probe runs within :data:`PROBE_TIMEOUT` of its own; a lead waits for it only as
long as its own deadline allows.
"""

from __future__ import annotations

import asyncio
import time
from enum import StrEnum
from typing import TYPE_CHECKING, TypeVar

from leadcheck.deadline import Deadline, wait_within
from leadcheck.models import Frozen
from leadcheck.net.dns import DnsStatus

if TYPE_CHECKING:
    from leadcheck.net.dns import AddressLookup, DnsAnswer
    from leadcheck.net.fetch_result import FetchResult
    from leadcheck.net.interfaces import Fetcher, Resolver

_T = TypeVar("_T")

PROBE_TIMEOUT = 5.0  # seconds a probe may take, whichever lead started it
CONNECT_TTL = 60.0  # seconds a "connections work" verdict is trusted in a long run
ROOT_TRIES = 3  # times the root zone is asked within the probe's time when no answer comes


class DnsVerdict(StrEnum):
    TRUSTED = "trusted"  # the root, the TLD and a known-good name resolve
    LYING = "lying"  # it denies something that exists: every NXDOMAIN is suspect
    SILENT = "silent"  # it cannot answer even for the root zone


class DnsHealth(Frozen):
    """What the resolver said about the landmarks; ``detail`` names what it got wrong."""

    verdict: DnsVerdict
    detail: str = ""

    @property
    def trusted(self) -> bool:
        return self.verdict is DnsVerdict.TRUSTED


class ConnectHealth(Frozen):
    """Whether any connection to a known-good host opened."""

    works: bool
    detail: str = ""


class NetworkHealth:
    """The probes of one run (see the module docstring)."""

    def __init__(
        self,
        resolver: Resolver,
        fetcher: Fetcher,
        *,
        known_good_hosts: tuple[str, ...],
        probe_timeout: float | None = None,
        connect_ttl: float = CONNECT_TTL,
    ) -> None:
        if not known_good_hosts:
            raise ValueError("give at least one known-good host")
        self._resolver = resolver
        self._fetcher = fetcher
        self._hosts = tuple(host.lower().rstrip(".") for host in known_good_hosts)
        self._probe_timeout = PROBE_TIMEOUT if probe_timeout is None else probe_timeout
        self._connect_ttl = connect_ttl
        self._base: asyncio.Future[DnsHealth] | None = None
        self._short = False  # the base probe had less than its own time limit
        self._tlds: dict[str, asyncio.Future[DnsHealth]] = {}
        self._connect: tuple[float, asyncio.Future[ConnectHealth]] | None = None

    async def dns(self, tld: str | None, *, deadline: Deadline) -> DnsHealth | None:
        """Whether the resolver tells the truth about the root, ``tld`` and the known-good
        names; None when the answer did not come within ``deadline``."""
        base = self._base
        if base is not None and self._short and _silent(base) and deadline.remaining() > 1.0:
            # "silent" within another lead's short time says little to a lead with time
            # to spare: it asks again, with the probe's full time (the short lead has had
            # its answer).
            self._forget_base()
        if self._base is None:
            self.start()
        base = self._base
        assert base is not None
        if base.done() and not base.cancelled() and base.exception() is None:
            judged = base.result()
            if not judged.trusted:
                return judged  # lying or silent about the root: so for every TLD, at once
        key = (tld or "").lower().strip(".")
        future = self._tlds.get(key)
        if future is None:
            future = asyncio.ensure_future(self._probe_dns(key, base))
            self._tlds[key] = future
        return await wait_within(future, deadline)

    async def connections(self, *, deadline: Deadline) -> ConnectHealth | None:
        """Whether connections to the known-good hosts open; None when the answer did not
        come within ``deadline`` (the probe goes on for the leads after this one)."""
        now = time.monotonic()
        held = self._connect
        if held is not None:
            started, future = held
            expired = (
                future.done()
                and not future.cancelled()
                and future.result().works
                and now - started > self._connect_ttl
            )
            if expired or future.cancelled():
                held = None
        if held is None:
            held = (now, asyncio.ensure_future(self._probe_connections()))
            self._connect = held
        return await wait_within(held[1], deadline)

    def start(self, *, within: float | None = None) -> None:
        """Begin asking about the root zone and the known-good names, if not yet begun;
        ``within`` shortens the probe's own time limit (a single lead's check starts it
        so that its verdict is in before the lead's deadline)."""
        if self._base is not None and self._short and _silent(self._base):
            self._forget_base()  # "silent" within a lead's short time: asked again, not kept
        if self._base is None:
            limit = self._probe_timeout if within is None else min(within, self._probe_timeout)
            self._short = limit < self._probe_timeout
            self._base = asyncio.ensure_future(self._probe_base(Deadline.after(limit)))

    def _forget_base(self) -> None:
        """Drop the base verdict and every TLD verdict drawn from it (done or not)."""
        self._base = None
        self._tlds = {}

    async def settle(self) -> DnsHealth | None:
        """Ask about the root zone and the known-good names now, and wait for the answer
        (at most the probe's own time limit; None if it did not come). A batch does so
        before its first lead: on a resolver that answers nothing, a lead's own queries
        time out as soon as the probe's do, so the first leads of a run would be judged
        before the network is, and stored as plain *unknown*."""
        self.start()
        assert self._base is not None
        return await wait_within(asyncio.shield(self._base), self._deadline())

    def close(self) -> None:
        """Cancel the probes still running (the run is over)."""
        for future in [*self._tlds.values(), self._base]:
            if future is not None:
                future.cancel()
        if self._connect is not None:
            self._connect[1].cancel()

    # -- the probes ----------------------------------------------------------------------
    def _deadline(self) -> Deadline:
        return Deadline.after(self._probe_timeout)

    async def _probe_dns(self, tld: str, base_probe: asyncio.Future[DnsHealth]) -> DnsHealth:
        base_task = asyncio.shield(base_probe)
        if not tld or not _is_public_tld(tld):
            return await base_task
        # Asked together, but a resolver already found lying or silent is not asked
        # again: its verdict stands at once (a silent one would make every new TLD wait
        # out a timeout, and the leads of that TLD miss the verdict).
        tld_query = asyncio.ensure_future(
            self._resolver.query(tld, "SOA", deadline=self._deadline())
        )
        try:
            base = await base_task
            if base.verdict is not DnsVerdict.TRUSTED:
                return base
            tld_answer = await tld_query
        finally:
            tld_query.cancel()
            if tld_query.done() and not tld_query.cancelled():
                tld_query.exception()  # retrieved: a failure here is no one's to report
        if tld_answer.status in (DnsStatus.NXDOMAIN, DnsStatus.NODATA):
            return DnsHealth(
                verdict=DnsVerdict.LYING, detail=f"it says the TLD .{tld} does not exist"
            )
        if tld_answer.status is DnsStatus.ERROR:
            return DnsHealth(
                verdict=DnsVerdict.SILENT,
                detail=f"it does not answer for the TLD .{tld} ({tld_answer.error or 'error'})",
            )
        return base

    async def _probe_base(self, deadline: Deadline) -> DnsHealth:
        root, good = await asyncio.gather(
            self._root(deadline),
            asyncio.gather(
                *(self._resolver.addresses(host, deadline=deadline) for host in self._hosts)
            ),
        )
        return _judge_base(root, list(good), self._hosts)

    async def _root(self, deadline: Deadline) -> DnsAnswer:
        """The root zone's SOA, asked again while time is left when no answer came: one
        lost datagram, or one try capped at a short ``--timeout``, is not a silent
        resolver."""
        answer = await self._resolver.query(".", "SOA", deadline=deadline)
        for _ in range(ROOT_TRIES - 1):
            if answer.status is not DnsStatus.ERROR or deadline.remaining() <= 0:
                break
            answer = await self._resolver.query(".", "SOA", deadline=deadline)
        return answer

    async def _probe_connections(self) -> ConnectHealth:
        deadline = self._deadline()
        results = await asyncio.gather(
            *(self._fetcher.fetch(f"https://{host}/", deadline=deadline) for host in self._hosts)
        )
        return _judge_connections(results, self._hosts)


def _judge_base(root: DnsAnswer, good: list[AddressLookup], hosts: tuple[str, ...]) -> DnsHealth:
    denied = [host for host, lookup in zip(hosts, good, strict=True) if _denied(lookup.status)]
    if _denied(root.status):
        return DnsHealth(verdict=DnsVerdict.LYING, detail="it says the root zone does not exist")
    if denied and len(denied) == len(hosts):
        return DnsHealth(
            verdict=DnsVerdict.LYING, detail=f"it says {', '.join(denied)} do(es) not exist"
        )
    if root.status is DnsStatus.ERROR:
        return DnsHealth(
            verdict=DnsVerdict.SILENT,
            detail=f"it does not answer even for the root zone ({root.error or 'error'})",
        )
    return DnsHealth(verdict=DnsVerdict.TRUSTED)


def _judge_connections(results: list[FetchResult], hosts: tuple[str, ...]) -> ConnectHealth:
    if any(result.status_code is not None for result in results):
        return ConnectHealth(works=True)
    why = "; ".join(
        f"{host}: {result.error or 'no answer'}"
        for host, result in zip(hosts, results, strict=True)
    )
    return ConnectHealth(works=False, detail=why)


def _silent(future: asyncio.Future[DnsHealth]) -> bool:
    if not future.done() or future.cancelled() or future.exception() is not None:
        return False
    return future.result().verdict is DnsVerdict.SILENT


def _denied(status: DnsStatus) -> bool:
    return status in (DnsStatus.NXDOMAIN, DnsStatus.NODATA)


def _is_public_tld(tld: str) -> bool:
    from leadcheck.net.suffixes import load_rules

    rules = load_rules()
    return tld in rules.exact or tld in rules.wildcard


__all__ = [
    "CONNECT_TTL",
    "PROBE_TIMEOUT",
    "ConnectHealth",
    "DnsHealth",
    "DnsVerdict",
    "NetworkHealth",
]
