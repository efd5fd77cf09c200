"""What the checks need from the network: a resolver and a fetcher.

Stage 1 and the pipeline take these as parameters, so tests and scripts can pass
their own: the real ones are :class:`leadcheck.net.dns.Resolver` and
:class:`leadcheck.net.http.Fetcher`; tests use small dict-backed fakes for unit
tests and the loopback test world for end-to-end ones.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from leadcheck.deadline import Deadline
    from leadcheck.net.dns import AddressLookup, DnsAnswer
    from leadcheck.net.fetch_result import FetchResult


class Resolver(Protocol):
    """Answers DNS questions; never raises for network trouble (an ``error`` answer)."""

    async def query(
        self, name: str, rdtype: str, *, deadline: Deadline | None = None
    ) -> DnsAnswer: ...

    def answered(self, name: str, rdtype: str) -> DnsAnswer | None:
        """What ``query`` would answer at once, if already known (else None)."""
        ...

    async def addresses(self, host: str, *, deadline: Deadline | None = None) -> AddressLookup: ...


class Fetcher(Protocol):
    """GETs a URL with its redirects; never raises for network trouble. ``accept``
    replaces the Accept header (a registry's RDAP answer is asked for as JSON)."""

    async def fetch(
        self, url: str, *, deadline: Deadline, accept: str | None = None
    ) -> FetchResult: ...

    async def aclose(self) -> None: ...
