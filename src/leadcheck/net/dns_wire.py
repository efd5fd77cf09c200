"""DNS on the wire, by hand: the lean path behind :class:`leadcheck.net.dns.Resolver`.

A batch asks tens of thousands of DNS questions. Building and parsing each message
with dnspython costs 250-450 µs of CPU; a query of a few dozen bytes built here and an
answer parsed for just what the checks read cost under 20 µs, and one connected UDP
socket per name server serves every question in flight, told apart by ID and question.

What is kept from dnspython's resolver, deliberately the same:

* the tries: each server in turn, ``per_try`` seconds each; after a round, a back-off
  sleep (0.1 s, doubling up to 2 s) and another round, until the lifetime is spent;
* a server that answers SERVFAIL, REFUSED or another error code, or sends a message
  that cannot be read over TCP, is not asked again for that question; one whose UDP
  answer does not parse, or answers another question, is ignored (spoofed or stray);
* a truncated UDP answer (TC) is asked again over TCP, of the same server;
* no EDNS (512-byte UDP answers), as dnspython's default; the answer is read from the
  CNAME chain as dnspython's ``resolve_chaining`` does (16 links at most), records of
  one set deduplicated in the order they came, a second CNAME of a name replacing the
  first.

Only questions this module reads (A, AAAA, MX, TXT, CNAME) for plain host names come
here; :class:`~leadcheck.net.dns.Resolver` gives anything else to dnspython.

Spoofing: one socket per server means one source port for many questions, so the
socket is replaced after :data:`ROTATE_AFTER` questions, and IDs come from
``secrets``. Answers come only from the server the socket is connected to.
"""

from __future__ import annotations

import asyncio
import re
import secrets
import socket
import struct
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

QTYPES: dict[str, int] = {"A": 1, "NS": 2, "CNAME": 5, "SOA": 6, "MX": 15, "TXT": 16, "AAAA": 28}
WIRE_TYPES = frozenset({"A", "AAAA", "MX", "TXT", "CNAME"})  # what parse_response reads
CLASS_IN = 1
MAX_CHAIN = 16  # CNAME links followed, as dnspython's resolve_chaining
ROTATE_AFTER = 2048  # questions one UDP socket carries before a new one takes over

NOERROR, FORMERR, SERVFAIL, NXDOMAIN, NOTIMP, REFUSED, YXDOMAIN = 0, 1, 2, 3, 4, 5, 6
RCODE_NAMES = {
    NOERROR: "NOERROR",
    FORMERR: "FORMERR",
    SERVFAIL: "SERVFAIL",
    NXDOMAIN: "NXDOMAIN",
    NOTIMP: "NOTIMP",
    REFUSED: "REFUSED",
    YXDOMAIN: "YXDOMAIN",
}

# A host name this module sends as it is: LDH labels (and "_"), 1-63 characters each.
# Anything else (escapes, spaces, non-ASCII, an empty label) goes to dnspython, whose
# rules and messages for odd names stay the resolver's.
_PLAIN_NAME = re.compile(r"(?:[A-Za-z0-9_-]{1,63}\.)*[A-Za-z0-9_-]{1,63}")
_ESCAPED = b'"().;\\@$'


def sendable(name: str, rdtype: str) -> bool:
    """Whether the question goes over this module's wire (else: dnspython)."""
    return rdtype in WIRE_TYPES and len(name) <= 253 and _PLAIN_NAME.fullmatch(name) is not None


class FormError(Exception):
    """A message that cannot be read."""


class Truncated(Exception):
    """A UDP answer with the TC bit: ask again over TCP."""


# -- encoding ---------------------------------------------------------------------------


def encode_name(name: str) -> bytes:
    """A plain host name (see :func:`sendable`) in wire form."""
    out = bytearray()
    for label in name.split("."):
        data = label.encode("ascii")
        out.append(len(data))
        out += data
    out.append(0)
    return bytes(out)


def encode_query(qid: int, wire_name: bytes, qtype: int) -> bytes:
    """A standard query with recursion desired (no EDNS): header, one question."""
    return (
        struct.pack("!HHHHHH", qid, 0x0100, 1, 0, 0, 0)
        + wire_name
        + struct.pack("!HH", qtype, CLASS_IN)
    )


# -- decoding ---------------------------------------------------------------------------


Name = tuple[bytes, ...]  # lower-cased labels; () is the root


def _read_name(wire: bytes, offset: int) -> tuple[Name, int]:
    """The name at ``offset`` as lower-cased labels, and the offset after it.
    Compression pointers are followed, backwards only."""
    labels: list[bytes] = []
    end = -1
    jumps = 0
    length_total = 0
    size = len(wire)
    while True:
        if offset >= size:
            raise FormError("a name runs past the end of the message")
        count = wire[offset]
        if count & 0xC0 == 0xC0:
            if offset + 1 >= size:
                raise FormError("a cut compression pointer")
            target = ((count & 0x3F) << 8) | wire[offset + 1]
            if end < 0:
                end = offset + 2
            if target >= offset or jumps > 64:
                raise FormError("a bad compression pointer")
            jumps += 1
            offset = target
            continue
        if count & 0xC0:
            raise FormError("an unknown label type")
        offset += 1
        if count == 0:
            break
        if offset + count > size:
            raise FormError("a label runs past the end of the message")
        labels.append(wire[offset : offset + count].lower())
        length_total += count + 1
        if length_total > 255:
            raise FormError("a name longer than 255 octets")
        offset += count
    return tuple(labels), (end if end >= 0 else offset)


def name_text(name: Name) -> str:
    """A name as dnspython writes it, without the final dot ("." for the root): special
    characters escaped with a backslash, unprintable ones as \\DDD."""
    if not name:
        return "."
    parts = []
    for label in name:
        if all(0x20 < byte < 0x7F and byte not in _ESCAPED for byte in label):
            parts.append(label.decode("ascii"))
            continue
        text = []
        for byte in label:
            if byte in _ESCAPED:
                text.append("\\" + chr(byte))
            elif 0x20 < byte < 0x7F:
                text.append(chr(byte))
            else:
                text.append(f"\\{byte:03d}")
        parts.append("".join(text))
    return ".".join(parts)


@dataclass(slots=True)
class Response:
    """What the resolver needs of an answer."""

    rcode: int
    truncated: bool
    records: tuple[str, ...] = ()  # the answer's records as text; () for NODATA
    found: bool = False  # an answer set of the asked type was found at the chain's end
    canonical: Name = ()  # where the CNAME chain ended (the asked name if none)


@dataclass(slots=True)
class _RRset:
    items: list[Any] = field(default_factory=list)
    keys: set[Any] = field(default_factory=set)


def parse_header(wire: bytes) -> tuple[int, int, int, int, int, int]:
    if len(wire) < 12:
        raise FormError("shorter than a DNS header")
    return struct.unpack_from("!HHHHHH", wire)


def question_matches(wire: bytes, qname: Name, qtype: int) -> bool:
    """Whether ``wire`` (header already read) asks exactly our one question."""
    name, offset = _read_name(wire, 12)
    if offset + 4 > len(wire):
        raise FormError("a cut question")
    rtype, rclass = struct.unpack_from("!HH", wire, offset)
    return name == qname and rtype == qtype and rclass == CLASS_IN


def parse_response(wire: bytes, qid: int, qname: Name, qtype: int) -> Response | None:
    """Read an answer to our question ``(qid, qname, qtype)``; None when it is not one
    (another ID, not a response, another question). Raises FormError when it cannot be
    read and Truncated when it is truncated. ``qname`` is lower-case labels."""
    try:
        return _parse_response(wire, qid, qname, qtype)
    except (struct.error, IndexError, ValueError) as exc:
        raise FormError(f"a message that cannot be read ({exc})") from exc


def _parse_response(wire: bytes, qid: int, qname: Name, qtype: int) -> Response | None:
    rid, flags, qdcount, ancount, nscount, arcount = parse_header(wire)
    if rid != qid or not flags & 0x8000 or (flags >> 11) & 0xF != 0:
        return None
    rcode = flags & 0xF
    if qdcount == 0 and rcode in (FORMERR, SERVFAIL, NOTIMP, REFUSED):
        # an error may come without the question (dnspython accepts it so too)
        if flags & 0x0200:
            raise Truncated
        return Response(rcode=rcode, truncated=False)
    if qdcount != 1 or not question_matches(wire, qname, qtype):
        return None
    if flags & 0x0200:
        raise Truncated
    offset = _read_name(wire, 12)[1] + 4
    sets: dict[tuple[Name, int], _RRset] = {}
    size = len(wire)
    for section, count in ((0, ancount), (1, nscount), (2, arcount)):
        for _ in range(count):
            owner, offset = _read_name(wire, offset)
            if offset + 10 > size:
                raise FormError("a cut record")
            rtype, rclass, _ttl, rdlength = struct.unpack_from("!HHIH", wire, offset)
            offset += 10
            end = offset + rdlength
            if end > size:
                raise FormError("record data runs past the end of the message")
            value = _rdata(wire, offset, end, rtype, rclass)
            offset = end
            if section != 0 or rclass != CLASS_IN or value is None:
                continue
            rrset = sets.setdefault((owner, rtype), _RRset())
            key, item = value
            if rtype == 5:  # a name has one CNAME: a later one replaces it (as in dnspython)
                rrset.items = [item]
                rrset.keys = {key}
            elif key not in rrset.keys:  # a record set holds each record once
                rrset.keys.add(key)
                rrset.items.append(item)
    if offset != size:
        raise FormError("trailing bytes after the message")
    current = qname
    found: _RRset | None = None
    links = 0
    while links < MAX_CHAIN:
        found = sets.get((current, qtype))
        if found is not None or qtype == QTYPES["CNAME"]:
            break
        chain = sets.get((current, QTYPES["CNAME"]))
        if chain is None:
            break
        current = chain.items[0]
        links += 1
    if links >= MAX_CHAIN:
        raise FormError("the CNAME chain is too long")
    if rcode == NXDOMAIN and found is not None:
        raise FormError("an answer with NXDOMAIN")
    if found is None:
        return Response(rcode=rcode, truncated=False, canonical=current)
    records = tuple(_text(qtype, item) for item in found.items)
    return Response(rcode=rcode, truncated=False, records=records, found=True, canonical=current)


def _rdata(wire: bytes, start: int, end: int, rtype: int, rclass: int) -> tuple[Any, Any] | None:
    """(dedup key, value) of one record's data, checked; None for types not read."""
    if rclass != CLASS_IN and rtype != 41:  # OPT carries the payload size in its class
        return None
    if rtype == 1:
        if end - start != 4:
            raise FormError("an A record that is not 4 bytes")
        data = wire[start:end]
        return data, data
    if rtype == 28:
        if end - start != 16:
            raise FormError("an AAAA record that is not 16 bytes")
        data = wire[start:end]
        return data, data
    if rtype in (2, 5, 12):  # NS, CNAME, PTR: one name
        target, after = _read_name(wire, start)
        if after != end:
            raise FormError("a name record with trailing data")
        return target, target
    if rtype == 15:
        if end - start < 3:
            raise FormError("a cut MX record")
        (preference,) = struct.unpack_from("!H", wire, start)
        exchange, after = _read_name(wire, start + 2)
        if after != end:
            raise FormError("an MX record with trailing data")
        return (preference, exchange), (preference, exchange)
    if rtype == 16:
        strings = []
        offset = start
        while offset < end:
            count = wire[offset]
            offset += 1
            if offset + count > end:
                raise FormError("a TXT string runs past its record")
            strings.append(wire[offset : offset + count])
            offset += count
        if not strings:
            raise FormError("an empty TXT record")
        joined = tuple(strings)
        return joined, joined
    if rtype == 6:  # SOA: two names and five numbers, checked as dnspython does
        _mname, after = _read_name(wire, start)
        _rname, after = _read_name(wire, after)
        if after + 20 != end:
            raise FormError("a bad SOA record")
        return None
    return None


def _text(qtype: int, item: Any) -> str:
    """A record as the resolver gives it (as dnspython's text, MX as 'PREF HOST')."""
    if qtype == 1:
        return socket.inet_ntop(socket.AF_INET, item)
    if qtype == 28:
        return socket.inet_ntop(socket.AF_INET6, item)
    if qtype == 15:
        preference, exchange = item
        return f"{preference} {name_text(exchange) or '.'}"
    if qtype == 16:
        return b"".join(item).decode("utf-8", "replace")
    return name_text(item)


# -- transport --------------------------------------------------------------------------


class LifetimeExpired(Exception):
    """No answer within the question's lifetime."""


class NoServers(Exception):
    """Every server failed for this question; ``rcodes`` holds the error codes seen."""

    def __init__(self, rcodes: list[str]) -> None:
        super().__init__(", ".join(rcodes) or "no server could answer")
        self.rcodes = rcodes


class NameTooLong(Exception):
    """YXDOMAIN: the name is too long after a DNAME substitution."""


Server = tuple[str, int]


class _Pending:
    __slots__ = ("future", "qname", "qtype", "timer")

    def __init__(self, future: asyncio.Future[Response], qname: Name, qtype: int) -> None:
        self.future = future
        self.qname = qname
        self.qtype = qtype
        self.timer: asyncio.TimerHandle | None = None


class _UdpChannel(asyncio.DatagramProtocol):
    """One connected UDP socket and the questions waiting on it."""

    def __init__(self, on_closed: Callable[[_UdpChannel], None]) -> None:
        self.loop = asyncio.get_running_loop()
        self.transport: asyncio.DatagramTransport | None = None
        self.pending: dict[int, _Pending] = {}
        self.sent = 0
        self.retired = False
        self._on_closed = on_closed

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport  # type: ignore[assignment]

    def datagram_received(self, data: bytes, addr: Any) -> None:
        if len(data) < 12:
            return
        qid = int.from_bytes(data[:2], "big")
        entry = self.pending.get(qid)
        if entry is None or entry.future.done():
            return
        try:
            response = parse_response(data, qid, entry.qname, entry.qtype)
        except Truncated as exc:
            self._finish(qid, exc)
            return
        except FormError:
            return  # unreadable over UDP: ignored (and waited on), as dnspython does
        if response is None:
            return  # an answer to another question: ignored too
        self._finish(qid, response)

    def error_received(self, exc: Exception) -> None:
        # ICMP port unreachable and the like: every question on this socket learns of it
        for qid in list(self.pending):
            self._finish(qid, OSError(str(exc)))

    def connection_lost(self, exc: Exception | None) -> None:
        for qid in list(self.pending):
            self._finish(qid, OSError(str(exc) if exc else "the DNS socket closed"))
        self._on_closed(self)

    def _finish(self, qid: int, outcome: Response | BaseException) -> None:
        entry = self.pending.pop(qid, None)
        if entry is None:
            return
        if entry.timer is not None:
            entry.timer.cancel()
        if not entry.future.done():
            if isinstance(outcome, BaseException):
                entry.future.set_exception(outcome)
            else:
                entry.future.set_result(outcome)
        if self.retired and not self.pending and self.transport is not None:
            self.transport.close()

    def forget(self, qid: int, entry: _Pending) -> None:
        if self.pending.get(qid) is entry:
            del self.pending[qid]
        if self.retired and not self.pending and self.transport is not None:
            self.transport.close()


class WireClient:
    """Asks DNS questions of some servers over shared UDP sockets (TCP when truncated).

    ``per_try`` bounds each try; the caller gives each question its lifetime.
    """

    def __init__(self, servers: list[Server], *, per_try: float = 2.0, rotate: bool = False):
        if not servers:
            raise ValueError("no DNS servers")
        self.servers = list(servers)
        self.per_try = per_try
        self.rotate = rotate
        self._channels: dict[Server, _UdpChannel] = {}
        self._opening: dict[Server, asyncio.Future[_UdpChannel]] = {}

    async def close(self) -> None:
        for channel in list(self._channels.values()):
            if channel.transport is not None:
                channel.transport.close()
        self._channels.clear()

    async def ask(self, name: str, rdtype: str, lifetime: float) -> Response:
        """The answer to one question, after the tries described in the module's text.

        Raises :class:`LifetimeExpired`, :class:`NoServers` or :class:`NameTooLong`.
        """
        loop = asyncio.get_running_loop()
        started = loop.time()
        qtype = QTYPES[rdtype]
        wire_name = encode_name(name)
        qname = _read_name(wire_name, 0)[0]
        servers = list(self.servers)
        if self.rotate and len(servers) > 1:
            secrets.SystemRandom().shuffle(servers)
        current = list(servers)
        rcodes: list[str] = []
        backoff = 0.10
        tcp_server: Server | None = None
        while True:
            if tcp_server is not None:
                server, use_tcp, tcp_server = tcp_server, True, None
            else:
                if not current:
                    if not servers:
                        raise NoServers(rcodes)
                    current = list(servers)
                    left = lifetime - (loop.time() - started)
                    if left <= 0:
                        raise LifetimeExpired
                    await asyncio.sleep(min(backoff, left))
                    backoff = min(backoff * 2, 2.0)
                server, use_tcp = current.pop(0), False
            left = lifetime - (loop.time() - started)
            if left <= 0:
                raise LifetimeExpired
            timeout = min(left, self.per_try)
            try:
                if use_tcp:
                    response = await self._ask_tcp(server, wire_name, qname, qtype, timeout)
                else:
                    response = await self._ask_udp(server, wire_name, qname, qtype, timeout)
            except TimeoutError:
                continue  # the server stays: it may answer the next round
            except Truncated:
                if use_tcp:
                    servers.remove(server)  # truncated over TCP is no good
                else:
                    tcp_server = server
                continue
            except (FormError, OSError, EOFError, asyncio.IncompleteReadError, struct.error):
                if server in servers:
                    servers.remove(server)
                continue
            if response.rcode in (NOERROR, NXDOMAIN):
                return response
            if response.rcode == YXDOMAIN:
                raise NameTooLong
            if server in servers:
                servers.remove(server)
            rcodes.append(RCODE_NAMES.get(response.rcode, str(response.rcode)))

    async def _channel(self, server: Server) -> _UdpChannel:
        channel = self._channels.get(server)
        if channel is not None and not channel.retired:
            if channel.loop is asyncio.get_running_loop():
                return channel
            del self._channels[server]  # made in an event loop that is gone
        opening = self._opening.get(server)
        if opening is not None:
            return await asyncio.shield(opening)
        loop = asyncio.get_running_loop()
        future: asyncio.Future[_UdpChannel] = loop.create_future()
        self._opening[server] = future
        try:
            family = socket.AF_INET6 if ":" in server[0] else socket.AF_INET
            _transport, protocol = await loop.create_datagram_endpoint(
                lambda: _UdpChannel(self._closed), remote_addr=server, family=family
            )
        except BaseException as exc:
            future.set_exception(exc)
            future.exception()  # retrieved: no "never retrieved" warning
            raise
        finally:
            del self._opening[server]
        self._channels[server] = protocol
        future.set_result(protocol)
        return protocol

    def _closed(self, channel: _UdpChannel) -> None:
        for server, known in list(self._channels.items()):
            if known is channel:
                del self._channels[server]

    async def _ask_udp(
        self, server: Server, wire_name: bytes, qname: Name, qtype: int, timeout: float
    ) -> Response:
        channel = await self._channel(server)
        loop = asyncio.get_running_loop()
        qid = secrets.randbits(16)
        while qid in channel.pending:
            qid = secrets.randbits(16)
        future: asyncio.Future[Response] = loop.create_future()
        entry = _Pending(future, qname, qtype)
        channel.pending[qid] = entry
        channel.sent += 1
        if channel.sent >= ROTATE_AFTER:  # the next question gets a fresh source port
            channel.retired = True
            self._closed(channel)
        assert channel.transport is not None
        entry.timer = loop.call_later(timeout, _time_out, future)
        try:
            channel.transport.sendto(encode_query(qid, wire_name, qtype))
            return await future
        finally:
            if entry.timer is not None:
                entry.timer.cancel()
            channel.forget(qid, entry)

    async def _ask_tcp(
        self, server: Server, wire_name: bytes, qname: Name, qtype: int, timeout: float
    ) -> Response:
        qid = secrets.randbits(16)
        query = encode_query(qid, wire_name, qtype)
        async with asyncio.timeout(timeout):
            reader, writer = await asyncio.open_connection(server[0], server[1])
            try:
                writer.write(struct.pack("!H", len(query)) + query)
                await writer.drain()
                (length,) = struct.unpack("!H", await reader.readexactly(2))
                data = await reader.readexactly(length)
                response = parse_response(data, qid, qname, qtype)
                if response is None:  # over TCP, an answer to another question is bad
                    raise FormError("the answer is not to our question")
                return response
            finally:
                writer.close()


def _time_out(future: asyncio.Future[Response]) -> None:
    if not future.done():
        future.set_exception(TimeoutError())


__all__ = [
    "QTYPES",
    "WIRE_TYPES",
    "FormError",
    "LifetimeExpired",
    "NameTooLong",
    "NoServers",
    "Response",
    "Truncated",
    "WireClient",
    "encode_name",
    "encode_query",
    "name_text",
    "parse_response",
    "sendable",
]
