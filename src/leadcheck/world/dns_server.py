"""An in-memory DNS zone and an asyncio DNS server (UDP and TCP on one port) answering from it.

The server answers like a recursive resolver that knows the whole (fake) internet:
CNAME chains are followed and returned in the answer, a name that exists without
the asked type is NODATA (NOERROR, empty answer, SOA in authority), a name that
does not exist is NXDOMAIN with the SOA of the closest zone above it (its domain,
its TLD, or the root). Like the real internet, the root zone and every top-level
domain have SOA and NS records: the TLDs of the Public Suffix List and any other
TLD the world holds names under (``.test``). Faults are injected per name (and, by
default, every name below it): ``servfail``, ``refused``, ``timeout`` (never
answer), ``truncate`` (TC bit over UDP, full answer over TCP) and an extra delay. A
global delay applies to every query without blocking the others (one task per
delayed query).

:attr:`Zone.mode` ``"deny_all"`` turns the server into a lying resolver (a captive
portal, a hijacked or misconfigured resolver): NXDOMAIN for every question, the
root zone included; ``"silent"`` into one that never answers (a dead uplink, a
firewall that drops DNS): every question times out.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import struct
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Literal, get_args

import dns.exception
import dns.flags
import dns.message
import dns.name
import dns.opcode
import dns.rcode
import dns.rdata
import dns.rdataclass
import dns.rdatatype
import dns.rrset

FaultKind = Literal["servfail", "refused", "timeout", "truncate"]
FAULT_KINDS: tuple[str, ...] = get_args(FaultKind)
#: ``normal``: answer from the zone; ``deny_all``: NXDOMAIN for everything (a lying resolver);
#: ``silent``: no answer to anything (a resolver behind a dead link or a firewall).
DnsMode = Literal["normal", "deny_all", "silent"]
DNS_MODES: tuple[str, ...] = get_args(DnsMode)

#: Public suffixes with two labels that the world knows, so ``x.com.cn`` is a zone apex.
TWO_LABEL_SUFFIXES = frozenset(
    {
        "com.cn",
        "net.cn",
        "org.cn",
        "com.br",
        "net.br",
        "co.uk",
        "org.uk",
        "com.tr",
        "com.vn",
        "co.in",
        "net.in",
        "com.au",
        "co.jp",
        "com.mx",
        "com.ar",
        "co.za",
        "com.sa",
        "com.eg",
        "co.id",
        "com.my",
        "com.ph",
        "com.pk",
        "com.ua",
        "co.kr",
    }
)

_Sender = Callable[[bytes], None]

DEFAULT_TTL = 300
MAX_CNAME_CHAIN = 12


def to_name(text: str | dns.name.Name) -> dns.name.Name:
    """An absolute, lower-cased DNS name (IDN accepted in U-label form)."""
    if isinstance(text, dns.name.Name):
        name = text
    else:
        text = text.strip()
        if not text.isascii():
            text = text.rstrip(".").encode("idna").decode("ascii")
        name = dns.name.from_text(text if text.endswith(".") else text + ".")
    return dns.name.from_text(name.to_text().lower())


@functools.cache
def public_tlds() -> frozenset[str]:
    """The top-level domains of the Public Suffix List (ICANN section), lower-case ASCII."""
    from leadcheck.net.suffixes import load_rules

    rules = load_rules()
    names = {rule for rule in (*rules.exact, *rules.wildcard) if "." not in rule}
    return frozenset(
        name if name.isascii() else name.encode("idna").decode("ascii") for name in names
    )


def zone_apex(name: dns.name.Name) -> dns.name.Name:
    """The registrable domain of ``name`` (our stand-in for its zone apex)."""
    labels = [label.decode("ascii").lower() for label in name.labels if label]
    keep = 3 if len(labels) >= 3 and ".".join(labels[-2:]) in TWO_LABEL_SUFFIXES else 2
    return dns.name.from_text(".".join(labels[-keep:]) + ".") if labels else dns.name.root


@dataclass(frozen=True)
class Fault:
    """What goes wrong when ``name`` (and names below it when ``subtree``) is asked for."""

    kind: FaultKind | None = None
    delay: float = 0.0
    rdtypes: frozenset[int] | None = None  # None: every type
    subtree: bool = True


@dataclass
class _Outcome:
    """The answer to one question, before it is turned into a message."""

    rcode: int = dns.rcode.NOERROR
    answer: list[dns.rrset.RRset] | None = None
    authority: list[dns.rrset.RRset] | None = None
    drop: bool = False
    truncate: bool = False
    delay: float = 0.0


class Zone:
    """Every record of the world. Thread-safe: written from the test thread, read by the server."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._records: dict[dns.name.Name, dict[int, tuple[int, list[dns.rdata.Rdata]]]] = {}
        self._existing: Counter[dns.name.Name] = Counter()
        self._faults: dict[dns.name.Name, Fault] = {}
        # TLDs and two-label suffixes the world holds names under (they have SOA records)
        self._suffixes: set[dns.name.Name] = set()
        self._mode: DnsMode = "normal"
        self.version = 0  # bumped on every change, so servers can cache answers

    @property
    def mode(self) -> DnsMode:
        return self._mode

    @mode.setter
    def mode(self, mode: DnsMode) -> None:
        if mode not in DNS_MODES:
            raise ValueError(f"unknown DNS mode {mode!r}; known: {', '.join(DNS_MODES)}")
        with self._lock:
            self.version += 1
            self._mode = mode

    # -- writing -----------------------------------------------------------------------------
    def add(
        self,
        name: str | dns.name.Name,
        rdtype: str | int,
        values: Iterable[str],
        ttl: int = DEFAULT_TTL,
    ) -> None:
        """Add records (rdata in zone-file text form, e.g. ``"10 mx.example.com."``) at ``name``."""
        owner = to_name(name)
        kind = dns.rdatatype.RdataType.make(rdtype)
        rdatas = [dns.rdata.from_text(dns.rdataclass.IN, kind, value) for value in values]
        if not rdatas:
            return
        with self._lock:
            self.version += 1
            self._ensure_apex(owner)
            self._add_locked(owner, kind, rdatas, ttl)

    def touch(self, name: str | dns.name.Name) -> None:
        """Make ``name`` exist without records (every question about it is NODATA)."""
        owner = to_name(name)
        with self._lock:
            self.version += 1
            self._ensure_apex(owner)
            if owner not in self._records:
                self._add_locked(owner, dns.rdatatype.TXT, [], DEFAULT_TTL)
                del self._records[owner][dns.rdatatype.TXT]

    def exists(self, name: str | dns.name.Name) -> bool:
        """Whether ``name`` exists (has records, or names below it do)."""
        with self._lock:
            return to_name(name) in self._existing

    def replace(
        self,
        name: str | dns.name.Name,
        rdtype: str | int,
        values: Iterable[str],
        ttl: int = DEFAULT_TTL,
    ) -> None:
        """Set the records of one type at ``name`` (an empty ``values`` removes them)."""
        owner = to_name(name)
        kind = dns.rdatatype.RdataType.make(rdtype)
        rdatas = [dns.rdata.from_text(dns.rdataclass.IN, kind, value) for value in values]
        with self._lock:
            self.version += 1
            types = self._records.get(owner)
            if types is not None and kind in types:
                del types[kind]
                if not types:
                    self._forget_locked(owner)
            if rdatas:
                self._ensure_apex(owner)
                self._add_locked(owner, kind, rdatas, ttl)

    def remove(self, name: str | dns.name.Name) -> None:
        """Remove every record at ``name`` (not below it) and its fault."""
        owner = to_name(name)
        with self._lock:
            self.version += 1
            if owner in self._records:
                self._forget_locked(owner)
            self._faults.pop(owner, None)

    def set_fault(self, name: str | dns.name.Name, fault: Fault | None) -> None:
        """Inject ``fault`` at ``name``; ``None`` clears it."""
        owner = to_name(name)
        with self._lock:
            self.version += 1
            if fault is None:
                self._faults.pop(owner, None)
            else:
                self._faults[owner] = fault

    def _ensure_apex(self, owner: dns.name.Name) -> None:
        apex = zone_apex(owner)
        if len(owner.labels) >= 2:  # the TLD (and a two-label suffix) it lives under
            self._suffixes.add(dns.name.Name(owner.labels[-2:]))
            if len(apex.labels) == 4:
                self._suffixes.add(apex.parent())
        if apex in self._records and dns.rdatatype.SOA in self._records[apex]:
            return
        if len(apex.labels) < 3:  # a bare TLD: no zone of ours
            return
        soa = dns.rdata.from_text(
            dns.rdataclass.IN,
            dns.rdatatype.SOA,
            f"ns1.{apex} hostmaster.{apex} 2024010101 7200 3600 1209600 300",
        )
        ns = [
            dns.rdata.from_text(dns.rdataclass.IN, dns.rdatatype.NS, f"ns{i}.{apex}")
            for i in (1, 2)
        ]
        self._add_locked(apex, dns.rdatatype.SOA, [soa], 3600)
        self._add_locked(apex, dns.rdatatype.NS, ns, 3600)

    def _add_locked(
        self, owner: dns.name.Name, kind: int, rdatas: Sequence[dns.rdata.Rdata], ttl: int
    ) -> None:
        types = self._records.get(owner)
        if types is None:
            types = self._records[owner] = {}
            apex = zone_apex(owner)
            node = owner
            while True:  # the owner and its ancestors up to the apex exist (empty non-terminals)
                self._existing[node] += 1
                if node == apex or len(node.labels) <= 1:
                    break
                node = node.parent()
        old_ttl, existing = types.get(kind, (ttl, []))
        for rdata in rdatas:
            if rdata not in existing:
                existing.append(rdata)
        types[kind] = (min(old_ttl, ttl), existing)

    def _forget_locked(self, owner: dns.name.Name) -> None:
        del self._records[owner]
        apex = zone_apex(owner)
        node = owner
        while True:
            self._existing[node] -= 1
            if self._existing[node] <= 0:
                del self._existing[node]
            if node == apex or len(node.labels) <= 1:
                break
            node = node.parent()

    # -- reading -----------------------------------------------------------------------------
    def names(self) -> list[str]:
        """Every owner name with records (for debugging and benchmarks)."""
        with self._lock:
            return sorted(name.to_text() for name in self._records)

    def lookup(self, qname: dns.name.Name, qtype: int) -> _Outcome:
        """Answer one question the way a recursive resolver would."""
        with self._lock:
            return self._lookup_locked(qname, qtype)

    def _fault_for(self, name: dns.name.Name, qtype: int) -> Fault | None:
        node = name
        first = True
        while True:
            fault = self._faults.get(node)
            if (
                fault is not None
                and (first or fault.subtree)
                and (fault.rdtypes is None or qtype in fault.rdtypes)
            ):
                return fault
            if len(node.labels) <= 1:
                return None
            node = node.parent()
            first = False

    def _is_suffix_zone(self, name: dns.name.Name) -> bool:
        """The root, a TLD (public or held), or a two-label suffix the world holds names
        under: a zone of the registry's, with SOA and NS but no records of the world's."""
        if name == dns.name.root:
            return True
        if name in self._suffixes:
            return True
        if len(name.labels) == 2:
            return name.labels[0].decode("ascii").lower() in public_tlds()
        return False

    def _suffix_records(self, name: dns.name.Name) -> tuple[dns.rrset.RRset, dns.rrset.RRset]:
        """SOA and NS of a registry zone (the root, a TLD, a two-label suffix)."""
        if name == dns.name.root:
            soa = "a.root-servers.net. nstld.verisign-grs.com. 2024010101 1800 900 604800 86400"
            servers = ["a.root-servers.net.", "b.root-servers.net."]
        else:
            label = name.to_text(omit_final_dot=True)
            soa = f"a.nic.{label}. hostmaster.nic.{label}. 2024010101 1800 900 604800 86400"
            servers = [f"a.nic.{label}.", f"b.nic.{label}."]
        soa_rdata = dns.rdata.from_text(dns.rdataclass.IN, dns.rdatatype.SOA, soa)
        ns = [dns.rdata.from_text(dns.rdataclass.IN, dns.rdatatype.NS, s) for s in servers]
        return (
            dns.rrset.from_rdata_list(name, 900, [soa_rdata]),
            dns.rrset.from_rdata_list(name, 172800, ns),
        )

    def _soa_for(self, name: dns.name.Name) -> dns.rrset.RRset:
        """The SOA of the closest zone at or above ``name``: its domain, a registry zone
        (TLD or two-label suffix) or the root."""
        node = name
        while True:
            entry = self._records.get(node, {}).get(dns.rdatatype.SOA)
            if entry is not None:
                ttl, rdatas = entry
                return dns.rrset.from_rdata_list(node, ttl, rdatas)
            if self._is_suffix_zone(node):
                return self._suffix_records(node)[0]
            node = node.parent()

    def _lookup_locked(self, qname: dns.name.Name, qtype: int) -> _Outcome:
        outcome = _Outcome(answer=[], authority=[])
        assert outcome.answer is not None
        assert outcome.authority is not None
        if self._mode == "silent":  # a black hole: the question is never answered
            outcome.drop = True
            return outcome
        if self._mode == "deny_all":  # a lying resolver: nothing exists, not even the root
            outcome.rcode = dns.rcode.NXDOMAIN
            outcome.authority.append(self._suffix_records(dns.name.root)[0])
            return outcome
        name = qname.canonicalize()
        owner_text = qname  # the first owner keeps the client's spelling
        seen: set[dns.name.Name] = set()
        for _ in range(MAX_CNAME_CHAIN):
            fault = self._fault_for(name, qtype)
            if fault is not None:
                outcome.delay += fault.delay
                if fault.kind == "timeout":
                    outcome.drop = True
                    return outcome
                if fault.kind == "servfail":
                    outcome.rcode = dns.rcode.SERVFAIL
                    outcome.answer = []
                    return outcome
                if fault.kind == "refused":
                    outcome.rcode = dns.rcode.REFUSED
                    outcome.answer = []
                    return outcome
                if fault.kind == "truncate":
                    outcome.truncate = True
            types = self._records.get(name)
            if types is None and self._is_suffix_zone(name):
                soa, ns = self._suffix_records(name)
                if qtype in (dns.rdatatype.SOA, dns.rdatatype.NS, dns.rdatatype.ANY):
                    for rrset in (
                        (soa, ns)
                        if qtype == dns.rdatatype.ANY
                        else (soa if qtype == dns.rdatatype.SOA else ns,)
                    ):
                        outcome.answer.append(
                            dns.rrset.from_rdata_list(owner_text, rrset.ttl, list(rrset))
                        )
                else:
                    outcome.authority.append(soa)  # the registry zone exists: NODATA
                return outcome
            if types is None:
                if name not in self._existing:
                    outcome.rcode = dns.rcode.NXDOMAIN
                outcome.authority.append(self._soa_for(name))
                return outcome
            if qtype == dns.rdatatype.ANY:
                for ttl, rdatas in types.values():
                    outcome.answer.append(dns.rrset.from_rdata_list(owner_text, ttl, rdatas))
                return outcome
            if qtype in types:
                ttl, rdatas = types[qtype]
                outcome.answer.append(dns.rrset.from_rdata_list(owner_text, ttl, rdatas))
                return outcome
            cname = types.get(dns.rdatatype.CNAME)
            if cname is None:
                outcome.authority.append(self._soa_for(name))  # NODATA
                return outcome
            ttl, rdatas = cname
            outcome.answer.append(dns.rrset.from_rdata_list(owner_text, ttl, rdatas))
            seen.add(name)
            target = rdatas[0].target.canonicalize()  # type: ignore[attr-defined]
            if target in seen:  # a CNAME loop: what resolvers report
                outcome.rcode = dns.rcode.SERVFAIL
                outcome.answer = []
                return outcome
            name = owner_text = target
        outcome.rcode = dns.rcode.SERVFAIL
        outcome.answer = []
        return outcome


class DnsServer:
    """Serves a :class:`Zone` over UDP and TCP on one port. Run it inside an event loop."""

    def __init__(self, zone: Zone, *, delay: float = 0.0) -> None:
        self.zone = zone
        self.delay = delay
        self.port = 0
        self._transport: asyncio.DatagramTransport | None = None
        self._tcp: asyncio.Server | None = None
        self._tasks: set[asyncio.Task[None]] = set()
        self._stats_lock = threading.Lock()
        self._queries: Counter[tuple[str, str, str]] = Counter()
        # (transport, header flags + everything after the header) -> zone version, reply
        # without its ID, extra delay, and the question for the statistics
        self._cache: dict[
            tuple[str, bytes], tuple[int, bytes | None, float, tuple[str, str, str]]
        ] = {}

    # -- statistics --------------------------------------------------------------------------
    def query_counts(self) -> Counter[tuple[str, str, str]]:
        """``{(name, type, "udp"|"tcp"): count}`` of the questions received so far."""
        with self._stats_lock:
            return Counter(self._queries)

    def reset_counts(self) -> None:
        with self._stats_lock:
            self._queries.clear()

    # -- life cycle --------------------------------------------------------------------------
    async def start(self, host: str, port: int, *, attempts: int = 20) -> int:
        """Bind UDP and TCP to the same ``port`` (0: a free one); returns the port."""
        loop = asyncio.get_running_loop()
        last_error: OSError | None = None
        for _ in range(attempts if port == 0 else 1):
            transport, _protocol = await loop.create_datagram_endpoint(
                lambda: _UdpProtocol(self), local_addr=(host, port)
            )
            bound = int(transport.get_extra_info("sockname")[1])
            try:
                self._tcp = await asyncio.start_server(
                    self._serve_tcp, host, bound, reuse_address=True, backlog=1024
                )
            except OSError as exc:  # the TCP side of a free UDP port is taken: try another
                transport.close()
                last_error = exc
                continue
            self._transport = transport
            self.port = bound
            return bound
        raise last_error or OSError("could not bind the DNS server")

    async def close(self) -> None:
        if self._transport is not None:
            self._transport.close()
        if self._tcp is not None:
            self._tcp.close()
        for task in list(self._tasks):
            task.cancel()
        if self._tasks:
            await asyncio.gather(*self._tasks, return_exceptions=True)

    # -- answering ---------------------------------------------------------------------------
    def answer(self, wire: bytes, proto: Literal["udp", "tcp"]) -> tuple[bytes | None, float]:
        """The reply to one query (None: stay silent) and how long to wait before sending it."""
        key = (proto, wire[2:])
        cached = self._cache.get(key)
        if cached is not None and cached[0] == self.zone.version:
            _version, body, extra, seen = cached
            with self._stats_lock:
                self._queries[seen] += 1
            return (None if body is None else wire[:2] + body), self.delay + extra
        version = self.zone.version
        reply, extra, question = self._compute(wire, proto)
        if question is not None and len(wire) >= 12:
            if len(self._cache) > 100_000:
                self._cache.clear()
            self._cache[key] = (version, None if reply is None else reply[2:], extra, question)
        return reply, self.delay + extra

    def _compute(
        self, wire: bytes, proto: Literal["udp", "tcp"]
    ) -> tuple[bytes | None, float, tuple[str, str, str] | None]:
        """Reply, extra delay, and the question (None when the reply must not be cached)."""
        try:
            query = dns.message.from_wire(wire)
        except Exception:
            if len(wire) < 12:
                return None, 0.0, None
            (qid,) = struct.unpack("!H", wire[:2])
            return struct.pack("!HHHHHH", qid, 0x8000 | dns.rcode.FORMERR, 0, 0, 0, 0), 0.0, None
        response = dns.message.make_response(query)
        response.flags |= dns.flags.AA | dns.flags.RA
        if query.opcode() != dns.opcode.QUERY or len(query.question) != 1:
            response.set_rcode(dns.rcode.NOTIMP)
            return response.to_wire(), 0.0, None
        question = query.question[0]
        asked = (question.name.to_text().lower(), dns.rdatatype.to_text(question.rdtype), proto)
        with self._stats_lock:
            self._queries[asked] += 1
        if question.rdclass != dns.rdataclass.IN:
            response.set_rcode(dns.rcode.REFUSED)
            return response.to_wire(), 0.0, asked
        outcome = self.zone.lookup(question.name, question.rdtype)
        delay = outcome.delay
        if outcome.drop:
            return None, delay, asked
        response.set_rcode(dns.rcode.Rcode(outcome.rcode))
        response.answer = list(outcome.answer or [])
        response.authority = list(outcome.authority or [])
        if proto == "tcp":
            return response.to_wire(max_size=65535), delay, asked
        if outcome.truncate:
            return _truncated(query), delay, asked
        limit = max(512, query.payload) if query.edns >= 0 else 512
        try:
            return response.to_wire(max_size=limit), delay, asked
        except dns.exception.TooBig:
            return _truncated(query), delay, asked

    def _send_later(self, coro_delay: float, send: _Sender, data: bytes | None) -> None:
        async def later() -> None:
            await asyncio.sleep(coro_delay)
            if data is not None:
                send(data)

        task = asyncio.get_running_loop().create_task(later())
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def _handle(self, wire: bytes, proto: Literal["udp", "tcp"], send: _Sender) -> None:
        data, delay = self.answer(wire, proto)
        if delay > 0:
            self._send_later(delay, send, data)
        elif data is not None:
            send(data)

    async def _serve_tcp(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        if task is not None:
            self._tasks.add(task)

        def send(data: bytes) -> None:
            if not writer.is_closing():
                writer.write(struct.pack("!H", len(data)) + data)

        try:
            while True:
                header = await reader.readexactly(2)
                (length,) = struct.unpack("!H", header)
                self._handle(await reader.readexactly(length), "tcp", send)
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        except asyncio.CancelledError:  # the world is stopping: end quietly
            writer.transport.abort()
        finally:
            if task is not None:
                self._tasks.discard(task)
            writer.close()


def _truncated(query: dns.message.Message) -> bytes:
    response = dns.message.make_response(query)
    response.flags |= dns.flags.AA | dns.flags.RA | dns.flags.TC
    return response.to_wire()


class _UdpProtocol(asyncio.DatagramProtocol):
    def __init__(self, server: DnsServer) -> None:
        self.server = server
        self.transport: asyncio.DatagramTransport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport  # type: ignore[assignment]

    def datagram_received(self, data: bytes, addr: tuple[str | object, ...]) -> None:
        transport = self.transport
        if transport is None:
            return

        def send(reply: bytes) -> None:
            if not transport.is_closing():
                transport.sendto(reply, addr)

        with contextlib.suppress(Exception):  # never let one bad packet kill the endpoint
            self.server._handle(data, "udp", send)

    def error_received(self, exc: Exception) -> None:  # e.g. ICMP port unreachable
        pass
