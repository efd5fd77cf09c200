"""DNS lookups for one run: cached, deduplicated, bounded, never raising.

Every query of a run goes through one :class:`Resolver`: the email checks, the
website checks and the connections behind HTTP requests. Answers are cached for the
run and concurrent identical queries share one lookup, so a batch that names the
same domain a thousand times asks once.

A lookup ends in one of four states: ``ok`` (records), ``nodata`` (the name exists
without records of that type), ``nxdomain`` (the name does not exist) or ``error``
(the question could not be answered: timeout, SERVFAIL, refused, no network).
Only the first three are facts about the domain; ``error`` means *unknown*.

The questions the checks ask (A, AAAA, MX, TXT of plain host names) go over the wire
by hand (:mod:`leadcheck.net.dns_wire`: shared sockets, a fraction of dnspython's CPU,
the same tries and answers); anything else, and reading the system's configuration,
is dnspython's.
"""

from __future__ import annotations

import asyncio
import marshal
from enum import StrEnum
from typing import TYPE_CHECKING

from leadcheck.deadline import wait_within
from leadcheck.errors import BadNameserverError
from leadcheck.memo import FutureMemo
from leadcheck.models import Frozen
from leadcheck.net.addresses import parse_ip

if TYPE_CHECKING:
    import dns.asyncresolver

    from leadcheck.deadline import Deadline
    from leadcheck.net.dns_wire import WireClient


class DnsStatus(StrEnum):
    OK = "ok"
    NODATA = "nodata"
    NXDOMAIN = "nxdomain"
    ERROR = "error"


class DnsAnswer(Frozen):
    """The outcome of one query."""

    name: str
    rdtype: str
    status: DnsStatus
    records: tuple[str, ...] = ()
    canonical_name: str | None = None  # set when CNAMEs were followed
    error: str | None = None

    @property
    def known(self) -> bool:
        return self.status is not DnsStatus.ERROR


def parse_nameserver(text: str) -> tuple[str, int]:
    """``"IP"``, ``"IP:PORT"`` or ``"[IPv6]:PORT"`` to ``(ip, port)``; BadNameserverError if bad."""
    value = text.strip()
    host, port = value, 53
    if value.startswith("["):
        end = value.find("]")
        if end == -1:
            raise BadNameserverError(f"bad --nameserver {text!r}: missing ']'")
        host, rest = value[1:end], value[end + 1 :]
        if rest:
            if not rest.startswith(":") or not rest[1:].isdigit():
                raise BadNameserverError(f"bad --nameserver {text!r}: expected [IPv6]:PORT")
            port = int(rest[1:])
    elif value.count(":") == 1:
        host, _, port_text = value.partition(":")
        if not port_text.isdigit():
            raise BadNameserverError(f"bad --nameserver {text!r}: the port must be a number")
        port = int(port_text)
    if parse_ip(host) is None:
        raise BadNameserverError(
            f"bad --nameserver {text!r}: give an IP address, e.g. 1.1.1.1 or 9.9.9.9:53"
        )
    if not 0 < port < 65536:
        raise BadNameserverError(f"bad --nameserver {text!r}: the port must be 1-65535")
    return host, port


DNS_MEMO = 100_000  # answers a run remembers (a domain needs about eight)


def _question(name: str, rdtype: str) -> tuple[str, str, str]:
    """(name, type, memo key) of a question as the run's memo knows it."""
    name, rdtype = name.lower().rstrip("."), rdtype.upper()
    return name, rdtype, f"{rdtype} {name}"  # a record type has no blank: one string


class Resolver:
    """An asynchronous, caching DNS resolver for one run.

    ``nameservers`` as accepted by :func:`parse_nameserver`; empty means the
    system's configuration (``/etc/resolv.conf``). ``query_timeout`` bounds each
    lookup, retries included; a caller's :class:`~leadcheck.deadline.Deadline` bounds
    it further. ``wire=False`` leaves every question to dnspython (the reference the
    hand-built path is tested against). Answers that say something about the name (ok,
    nodata, nxdomain) are remembered for the run; an ``error`` is shared only while it
    is in flight, so the next lead asks again.
    """

    def __init__(
        self,
        nameservers: tuple[str, ...] = (),
        *,
        query_timeout: float = 5.0,
        wire: bool = True,
        memo_limit: int = DNS_MEMO,
    ) -> None:
        self._servers = [parse_nameserver(server) for server in nameservers]
        self._use_wire = wire
        self._query_timeout = query_timeout
        self._resolver: dns.asyncresolver.Resolver | None = None
        self._wire: WireClient | None = None
        self._setup_error: str | None = None
        # Bounded: a long batch forgets the oldest answers instead of growing forever.
        # Keyed by "RDTYPE name" (one string: a tuple of two costs 56 bytes more).
        self._cache: FutureMemo[str, DnsAnswer] = FutureMemo(
            memo_limit, pack=_pack_answer, unpack=_unpack_answer, keep=_is_fact
        )
        self._configured = False

    def _configure(self) -> None:
        import dns.asyncresolver
        import dns.nameserver
        import dns.resolver

        self._configured = True
        try:
            if self._servers:
                resolver = dns.asyncresolver.Resolver(configure=False)
                resolver.nameservers = [
                    dns.nameserver.Do53Nameserver(host, port) for host, port in self._servers
                ]
            else:
                resolver = dns.asyncresolver.Resolver()
        except (dns.resolver.NoResolverConfiguration, OSError) as exc:
            self._setup_error = f"no DNS resolver is configured ({exc}); use --nameserver"
            return
        resolver.timeout = min(2.0, self._query_timeout)
        resolver.lifetime = self._query_timeout
        resolver.cache = None  # we cache per run ourselves, with in-flight sharing
        self._resolver = resolver
        servers = _plain_servers(resolver) if self._use_wire else []
        if servers:
            from leadcheck.net.dns_wire import WireClient

            self._wire = WireClient(servers, per_try=resolver.timeout, rotate=resolver.rotate)

    def configure(self) -> None:
        """Read the configuration now (the system's resolvers, with dnspython: a good
        fraction of a second), at the start of a run rather than in a lead's deadline."""
        if not self._configured:
            self._configure()

    async def aclose(self) -> None:
        """Close the shared sockets."""
        if self._wire is not None:
            await self._wire.close()

    def answered(self, name: str, rdtype: str) -> DnsAnswer | None:
        """The answer :meth:`query` would give at once, if the run has it already
        (None: not asked yet, or still in flight): asked without a coroutine to run."""
        return self._cache.finished(_question(name, rdtype)[2])

    async def query(self, name: str, rdtype: str, *, deadline: Deadline | None = None) -> DnsAnswer:
        """Look ``name`` up within ``deadline``; a known answer is cached for the run."""
        name, rdtype, key = _question(name, rdtype)
        known = self._cache.finished(key)
        if known is not None:
            return known
        cached = self._cache.get(key)
        if cached is None:
            timeout = None if deadline is None else deadline.remaining()
            if timeout is not None and timeout <= 0.001:
                return _error(name, rdtype, "no time left for the DNS lookup")
            cached = asyncio.ensure_future(self._lookup(name, rdtype, timeout))
            self._cache.put(key, cached)
        answer = await wait_within(cached, deadline)
        if answer is None:
            return _error(name, rdtype, "no answer within the time limit")
        return answer

    async def _lookup(self, name: str, rdtype: str, timeout: float | None) -> DnsAnswer:
        import dns.exception
        import dns.name
        import dns.rdatatype
        import dns.resolver

        if not self._configured:
            self._configure()
        if self._resolver is None:
            return DnsAnswer(
                name=name, rdtype=rdtype, status=DnsStatus.ERROR, error=self._setup_error
            )
        lifetime = self._query_timeout if timeout is None else min(timeout, self._query_timeout)
        if self._wire is not None:
            from leadcheck.net.dns_wire import sendable

            if sendable(name, rdtype):
                return await self._lookup_wire(self._wire, name, rdtype, lifetime)
        try:
            # dnspython checks its lifetime between tries but sleeps a back-off first:
            # a hard stop keeps the caller's deadline.
            async with asyncio.timeout(lifetime):
                answer = await self._resolver.resolve(
                    name, rdtype, raise_on_no_answer=False, lifetime=lifetime, search=False
                )
        except TimeoutError:
            return _error(name, rdtype, f"DNS timeout after {lifetime:g} s")
        except dns.resolver.NXDOMAIN:
            return DnsAnswer(name=name, rdtype=rdtype, status=DnsStatus.NXDOMAIN)
        except dns.resolver.LifetimeTimeout:
            return _error(name, rdtype, f"DNS timeout after {lifetime:g} s")
        except dns.resolver.NoNameservers as exc:
            return _error(name, rdtype, _describe_no_nameservers(exc))
        except dns.resolver.YXDOMAIN:
            return _error(name, rdtype, "the name is too long after CNAME expansion")
        except (dns.name.LabelTooLong, dns.name.EmptyLabel, dns.name.NameTooLong) as exc:
            return DnsAnswer(
                name=name, rdtype=rdtype, status=DnsStatus.NXDOMAIN, error=f"invalid name: {exc}"
            )
        except dns.exception.DNSException as exc:
            return _error(name, rdtype, f"DNS error: {exc}")
        except (OSError, ValueError) as exc:
            return _error(name, rdtype, f"DNS error: {exc}")
        canonical = answer.canonical_name.to_text(omit_final_dot=True).lower()
        canonical_name = canonical if canonical != name else None
        if answer.rrset is None:
            return DnsAnswer(
                name=name, rdtype=rdtype, status=DnsStatus.NODATA, canonical_name=canonical_name
            )
        records = tuple(_rdata_text(rdata) for rdata in answer.rrset)
        return DnsAnswer(
            name=name,
            rdtype=rdtype,
            status=DnsStatus.OK,
            records=records,
            canonical_name=canonical_name,
        )

    async def _lookup_wire(
        self, wire: WireClient, name: str, rdtype: str, lifetime: float
    ) -> DnsAnswer:
        from leadcheck.net import dns_wire

        try:
            async with asyncio.timeout(lifetime):
                response = await wire.ask(name, rdtype, lifetime)
        except (TimeoutError, dns_wire.LifetimeExpired):
            return _error(name, rdtype, f"DNS timeout after {lifetime:g} s")
        except dns_wire.NoServers as exc:
            return _error(name, rdtype, _describe_rcodes(exc.rcodes))
        except dns_wire.NameTooLong:
            return _error(name, rdtype, "the name is too long after CNAME expansion")
        except (OSError, ValueError) as exc:
            return _error(name, rdtype, f"DNS error: {exc}")
        if response.rcode == dns_wire.NXDOMAIN:
            return DnsAnswer.model_construct(
                name=name,
                rdtype=rdtype,
                status=DnsStatus.NXDOMAIN,
                records=(),
                canonical_name=None,
                error=None,
            )
        canonical = dns_wire.name_text(response.canonical).lower()
        return DnsAnswer.model_construct(
            name=name,
            rdtype=rdtype,
            status=DnsStatus.OK if response.found else DnsStatus.NODATA,
            records=response.records,
            canonical_name=canonical if canonical != name else None,
            error=None,
        )

    async def addresses(self, host: str, *, deadline: Deadline | None = None) -> AddressLookup:
        """The addresses of ``host``: A, and AAAA only when the name has no A record.

        The A answer carries the CNAME chain (``canonical_name``), so no CNAME question
        is asked; AAAA changes the answer only for an IPv6-only host.
        """
        literal = parse_ip(host)
        if literal is not None:
            return AddressLookup(host=host, addresses=(str(literal),))
        a = await self.query(host, "A", deadline=deadline)
        if a.status is not DnsStatus.NODATA:
            return AddressLookup(host=host, a=a, addresses=a.records)
        aaaa = await self.query(host, "AAAA", deadline=deadline)
        return AddressLookup(host=host, a=a, aaaa=aaaa, addresses=aaaa.records)


class AddressLookup(Frozen):
    """The addresses of one host, with the answers they came from."""

    host: str
    addresses: tuple[str, ...] = ()
    a: DnsAnswer | None = None
    aaaa: DnsAnswer | None = None

    @property
    def canonical_name(self) -> str | None:
        """Where the host's CNAME chain ends, if it has one."""
        for answer in (self.a, self.aaaa):
            if answer is not None and answer.canonical_name:
                return answer.canonical_name
        return None

    @property
    def status(self) -> DnsStatus:
        """ok if any address; nxdomain/nodata when both answers say so; else error."""
        if self.addresses:
            return DnsStatus.OK
        answers = [answer for answer in (self.a, self.aaaa) if answer is not None]
        if any(answer.status is DnsStatus.NXDOMAIN for answer in answers):
            return DnsStatus.NXDOMAIN
        if answers and all(answer.status is DnsStatus.NODATA for answer in answers):
            return DnsStatus.NODATA
        return DnsStatus.ERROR

    @property
    def error(self) -> str | None:
        for answer in (self.a, self.aaaa):
            if answer is not None and answer.error:
                return answer.error
        return None


def _pack_answer(answer: DnsAnswer) -> bytes:
    """An answer as one small bytes object (marshal: strings, a tuple, None), about a
    third of a tuple of its parts and a tenth of the model: a run remembers 100,000."""
    return marshal.dumps(
        (
            answer.name,
            answer.rdtype,
            answer.status.value,
            answer.records,
            answer.canonical_name,
            answer.error,
        )
    )


def _unpack_answer(packed: bytes) -> DnsAnswer:
    # our own bytes, made by _pack_answer in this process: never read from outside
    name, rdtype, status, records, canonical_name, error = marshal.loads(packed)
    return DnsAnswer.model_construct(
        name=name,
        rdtype=rdtype,
        status=DnsStatus(status),
        records=records,
        canonical_name=canonical_name,
        error=error,
    )


def _is_fact(_key: str, answer: DnsAnswer) -> bool:
    """Worth remembering for the run: the answer says something about the name."""
    return answer.status is not DnsStatus.ERROR


def _error(name: str, rdtype: str, message: str) -> DnsAnswer:
    return DnsAnswer(name=name, rdtype=rdtype, status=DnsStatus.ERROR, error=message)


def _plain_servers(resolver: dns.asyncresolver.Resolver) -> list[tuple[str, int]]:
    """The resolver's servers as (address, port), if all are plain DNS over UDP/TCP
    (a DNS-over-HTTPS server in the configuration leaves everything to dnspython)."""
    import dns.nameserver

    servers: list[tuple[str, int]] = []
    for server in resolver.nameservers:
        if isinstance(server, str):
            if parse_ip(server) is None:
                return []
            servers.append((server, resolver.nameserver_ports.get(server, resolver.port)))
        elif isinstance(server, dns.nameserver.Do53Nameserver):
            servers.append((server.address, server.port))
        else:
            return []
    return servers


def _describe_rcodes(rcodes: list[str]) -> str:
    if "SERVFAIL" in rcodes:
        return "the DNS server failed to answer (SERVFAIL)"
    if "REFUSED" in rcodes:
        return "the DNS server refused the query (REFUSED)"
    return "no DNS server could answer"


def _describe_no_nameservers(exc: Exception) -> str:
    text = str(exc)
    if "SERVFAIL" in text:
        return "the DNS server failed to answer (SERVFAIL)"
    if "REFUSED" in text:
        return "the DNS server refused the query (REFUSED)"
    return "no DNS server could answer"


def _rdata_text(rdata: object) -> str:
    """Records as plain text: MX as 'PREF HOST', TXT joined, names without the final dot."""
    import dns.rdtypes.ANY.CNAME
    import dns.rdtypes.ANY.MX
    import dns.rdtypes.ANY.TXT

    if isinstance(rdata, dns.rdtypes.ANY.MX.MX):
        return f"{rdata.preference} {rdata.exchange.to_text(omit_final_dot=True).lower() or '.'}"
    if isinstance(rdata, dns.rdtypes.ANY.TXT.TXT):
        return b"".join(rdata.strings).decode("utf-8", "replace")
    if isinstance(rdata, dns.rdtypes.ANY.CNAME.CNAME):
        return rdata.target.to_text(omit_final_dot=True).lower()
    return str(rdata)
