"""Bounded, guarded HTTP(S) fetching, on asyncio streams.

Every fetch is bounded in connect time, total time (a deadline), body size *after*
decompression, and redirects. Hostnames are resolved by the run's
:class:`~leadcheck.net.dns.Resolver` (so ``--nameserver`` covers HTTP too) and the
connection goes to the resolved address; without ``allow_private`` only public
addresses are dialled, checked at connect time for every hop of a redirect chain.

A certificate that fails verification is reported (``tls_valid=False`` with the
reason) and the page is fetched again without verification so it can still be
judged. Nothing here raises for network trouble: a :class:`FetchResult` says what
happened, with ``error_kind`` naming the failure.

HTTP/1.1 is spoken here directly (a GET, its status line, headers and body: length,
chunked or until close), with no client library: a request through httpx cost about
0.6 ms of CPU, one on a bare stream a twentieth of that. An idle connection is kept
for a few seconds per origin, so a redirect to another path of the same site, or the
retry at the site's root, needs no second TLS handshake.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import ssl
import time
import zlib
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from leadcheck.deadline import Deadline
from leadcheck.net.addresses import is_public, parse_ip, refusal_reason
from leadcheck.net.config import NetConfig
from leadcheck.net.dns import AddressLookup, DnsStatus
from leadcheck.net.fetch_result import (
    DEFINITE_FAILURES,
    REDIRECT_STATUSES,
    FetchErrorKind,
    FetchResult,
    Hop,
)
from leadcheck.net.urls import join_url, split_url

if TYPE_CHECKING:
    from urllib.parse import SplitResult

    from leadcheck.net.interfaces import Resolver

ACCEPT = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5"
ACCEPT_LANGUAGE = "en;q=0.9,*;q=0.5"
MAX_HEAD_BYTES = 65_536  # status line and headers of one response
MAX_HEADERS = 200
MAX_CHUNK_LINE = 4_096
MAX_INFORMATIONAL = 10  # 1xx answers skipped before the real one
READ_SIZE = 65_536
IDLE_CONNECTIONS = 8  # kept open after a response, at most...
IDLE_SECONDS = 5.0  # ...and for this long
MAX_DRAIN = 65_536  # a redirect's body read to keep its connection, at most


class AddressRefusedError(Exception):
    """A host resolved to an address we may not connect to."""

    def __init__(self, host: str, address: str, reason: str) -> None:
        super().__init__(f"{host} resolves to {address}, {reason}; refused (see --allow-private)")
        self.host = host
        self.address = address


class NameNotResolvedError(Exception):
    """A host name gave no address."""

    def __init__(self, lookup: AddressLookup) -> None:
        status = lookup.status
        if status is DnsStatus.NXDOMAIN:
            message = f"{lookup.host} does not exist (NXDOMAIN)"
        elif status is DnsStatus.NODATA:
            message = f"{lookup.host} has no A/AAAA record"
        else:
            message = f"{lookup.host}: {lookup.error or 'DNS lookup failed'}"
        super().__init__(message)
        self.lookup = lookup


class ConnectError(Exception):
    """The connection (TCP, or the TLS handshake on it) could not be made."""


class TLSClosedError(Exception):
    """The server closed the connection during the TLS handshake (asyncio reports a
    reset; OpenSSL calls it UNEXPECTED_EOF_WHILE_READING): a TLS failure."""


class ConnectTimeoutError(Exception):
    """Connecting took longer than the connect timeout."""


class ReadError(Exception):
    """The connection broke while the answer was read."""


class ProtocolError(Exception):
    """The server does not speak HTTP/1.x properly."""


class BadURLError(Exception):
    """A URL that cannot be requested."""


def ssl_context(*, verify: bool) -> ssl.SSLContext:
    """The TLS context: SSL_CERT_FILE / SSL_CERT_DIR when set (as httpx does), else certifi."""
    if not verify:
        context = ssl.create_default_context()
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        return context
    cafile = os.environ.get("SSL_CERT_FILE")
    capath = os.environ.get("SSL_CERT_DIR")
    if cafile and Path(cafile).is_file():
        return ssl.create_default_context(cafile=cafile)
    if capath and Path(capath).is_dir():
        return ssl.create_default_context(capath=capath)
    import certifi

    return ssl.create_default_context(cafile=certifi.where())


# asyncio gives every TLS connection a 256 KiB receive buffer (zero-filled, so resident)
# and asks OpenSSL for up to 256 KiB a read: with 64 connections in flight, 16 MiB of
# buffers per process that the allocator then keeps. A page is read 64 KiB at a time
# anyway (READ_SIZE); TLS records are at most 16 KiB.
TLS_BUFFER = 64 * 1024


def _bound_tls_buffers() -> None:
    """Lower asyncio's TLS buffer size (``SSLProtocol.max_size``, a class attribute that
    every ``start_tls`` connection reads) to :data:`TLS_BUFFER`; never raise it."""
    import asyncio.sslproto

    protocol = asyncio.sslproto.SSLProtocol
    if getattr(protocol, "max_size", 0) > TLS_BUFFER:
        protocol.max_size = TLS_BUFFER


# -- one connection ---------------------------------------------------------------------

Origin = tuple[str, str, int, bool]  # scheme, host, port, verify


class _Connection:
    """A stream with its own read buffer (so the body starts where the head ended)."""

    __slots__ = ("buffer", "idle_since", "origin", "reader", "writer")

    def __init__(
        self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter, origin: Origin
    ) -> None:
        self.reader = reader
        self.writer = writer
        self.origin = origin
        self.buffer = bytearray()
        self.idle_since = 0.0

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.writer.transport.abort()

    @property
    def usable(self) -> bool:
        return not self.writer.is_closing() and not self.reader.at_eof() and not self.buffer

    async def _fill(self) -> bool:
        """Read more into the buffer; False at the end of the stream."""
        try:
            data = await self.reader.read(READ_SIZE)
        except (ConnectionError, OSError) as exc:
            raise ReadError(str(exc)) from exc
        if not data:
            return False
        self.buffer += data
        return True

    async def read_head(self) -> bytes:
        """The status line and headers, up to the empty line (CRLF or bare LF)."""
        while True:
            end = self.buffer.find(b"\r\n\r\n")
            size = 4
            if end < 0:
                end = self.buffer.find(b"\n\n")
                size = 2
            if end >= 0:
                head = bytes(self.buffer[:end])
                del self.buffer[: end + size]
                return head
            if len(self.buffer) > MAX_HEAD_BYTES:
                raise ProtocolError("the response headers are too large")
            if not await self._fill():
                if self.buffer:
                    raise ProtocolError("the server closed the connection in the headers")
                raise ProtocolError("Server disconnected without sending a response.")

    async def read_some(self, limit: int) -> bytes:
        """Up to ``limit`` bytes (b"" at the end of the stream)."""
        if not self.buffer and not await self._fill():
            return b""
        piece = bytes(self.buffer[:limit])
        del self.buffer[:limit]
        return piece

    async def read_line(self) -> bytes:
        while True:
            end = self.buffer.find(b"\n")
            if end >= 0:
                line = bytes(self.buffer[:end]).rstrip(b"\r")
                del self.buffer[: end + 1]
                return line
            if len(self.buffer) > MAX_CHUNK_LINE:
                raise ProtocolError("a chunk header that never ends")
            if not await self._fill():
                raise ProtocolError("the server closed the connection inside a chunked body")


class _Response:
    """A response whose head has been read; its body is read with :meth:`body`."""

    def __init__(
        self,
        conn: _Connection,
        status: int,
        version: str,
        headers: list[tuple[str, str]],
        method_head: bool = False,
    ) -> None:
        self.conn = conn
        self.status_code = status
        self.version = version
        self.headers = headers
        self.reusable = False
        self._done = False
        self.framing, self.remaining = self._framing(method_head)

    def header(self, name: str) -> str | None:
        """The header's value; repeated headers joined with ", " (as httpx gives them)."""
        values = [value for key, value in self.headers if key == name]
        return ", ".join(values) if values else None

    def _framing(self, method_head: bool) -> tuple[str, int]:
        status = self.status_code
        if method_head or status in (204, 304) or 100 <= status < 200:
            return "none", 0
        coding = self.header("transfer-encoding")
        if coding is not None:
            codings = [item.strip().lower() for item in coding.split(",") if item.strip()]
            if codings and codings[-1] == "chunked":
                return "chunked", 0
            return "close", 0
        length = self.header("content-length")
        if length is not None:
            values = {item.strip() for item in length.split(",")}
            if len(values) != 1 or not next(iter(values)).isdigit():
                raise ProtocolError(f"a bad Content-Length: {length[:60]!r}")
            return "length", int(next(iter(values)))
        return "close", 0

    def _keep_alive(self) -> bool:
        tokens = {t.strip().lower() for t in (self.header("connection") or "").split(",")}
        if self.version == "HTTP/1.0":
            return "keep-alive" in tokens
        return "close" not in tokens

    async def chunks(self) -> Any:
        """The raw body, piece by piece (still compressed, if it is)."""
        conn = self.conn
        if self.framing == "length":
            left = self.remaining
            while left > 0:
                piece = await conn.read_some(min(left, READ_SIZE))
                if not piece:
                    raise ProtocolError(
                        f"the server closed the connection {left:,} bytes before the end "
                        "of the body it announced"
                    )
                left -= len(piece)
                self.remaining = left
                yield piece
        elif self.framing == "chunked":
            while True:
                line = await conn.read_line()
                size_text = line.split(b";", 1)[0].strip()
                try:
                    size = int(size_text, 16)
                except ValueError as exc:
                    raise ProtocolError(f"a bad chunk size: {size_text[:40]!r}") from exc
                if size < 0:
                    raise ProtocolError("a negative chunk size")
                if size == 0:
                    while await conn.read_line():  # trailers, up to the empty line
                        pass
                    break
                left = size
                while left > 0:
                    piece = await conn.read_some(min(left, READ_SIZE))
                    if not piece:
                        raise ProtocolError(
                            "the server closed the connection inside a chunked body"
                        )
                    left -= len(piece)
                    yield piece
                if await conn.read_line():
                    raise ProtocolError("a chunk longer than its size")
        elif self.framing == "close":
            while True:
                piece = await conn.read_some(READ_SIZE)
                if not piece:
                    break
                yield piece
        self._done = True
        self.reusable = self.framing != "close" and self._keep_alive()

    async def drain(self) -> None:
        """Read a small body to the end, so the connection can serve the next request."""
        if self.framing == "close" or (self.framing == "length" and self.remaining > MAX_DRAIN):
            return
        read = 0
        async for piece in self.chunks():
            read += len(piece)
            if read > MAX_DRAIN:
                self.reusable = False
                return


def _parse_head(head: bytes) -> tuple[str, int, list[tuple[str, str]]]:
    """(version, status, headers with lower-case names) of a response head. Header
    values are read as UTF-8 when they are, else as Latin-1 (as httpx reads them)."""
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError:
        text = head.decode("latin-1")
    lines = text.replace("\r\n", "\n").split("\n")
    status_line = lines[0]
    parts = status_line.split(" ", 2)
    if (
        len(parts) < 2
        or not parts[0].startswith("HTTP/1.")
        or len(parts[1]) != 3
        or not parts[1].isdigit()
    ):
        raise ProtocolError(f"not an HTTP status line: {status_line[:80]!r}")
    headers: list[tuple[str, str]] = []
    for line in lines[1:]:
        if not line:
            continue
        if line[0] in " \t" and headers:  # an obsolete folded continuation line
            name, value = headers[-1]
            headers[-1] = (name, f"{value} {line.strip()}")
            continue
        name, sep, value = line.partition(":")
        name = name.strip()
        if not sep or not name or " " in name:
            raise ProtocolError(f"a bad header line: {line[:80]!r}")
        headers.append((name.lower(), value.strip()))
        if len(headers) > MAX_HEADERS:
            raise ProtocolError("too many headers")
    return parts[0], int(parts[1]), headers


_URL_SAFE = "/:@!$&'()*+,;=-._~%"


def _target(parts: SplitResult) -> str:
    """The request target: the path and query, with what is not allowed in a request
    line percent-encoded (spaces, non-ASCII, quotes), existing %XX escapes kept."""
    path = quote(parts.path or "/", safe=_URL_SAFE)
    if not path.startswith("/"):
        path = "/" + path
    if parts.query:
        path += "?" + quote(parts.query, safe=_URL_SAFE + "?")
    return path


def _ascii_host(hostname: str) -> str:
    if hostname.isascii():
        return hostname
    try:
        return hostname.encode("idna").decode("ascii")
    except UnicodeError as exc:
        raise BadURLError(f"the host {hostname[:100]!r} is not a valid name") from exc


class Fetcher:
    """Fetches pages for one run; share one instance across all leads of a batch.

    ``per_host`` bounds concurrent requests to the same host (politeness).
    """

    def __init__(self, config: NetConfig, resolver: Resolver, *, per_host: int = 4) -> None:
        self._config = config
        self._resolver = resolver
        self._per_host = per_host
        self._contexts: dict[bool, ssl.SSLContext] = {}
        self._host_slots: dict[str, asyncio.Semaphore] = {}
        self._idle: dict[Origin, list[_Connection]] = {}
        self._idle_count = 0

    def _context(self, verify: bool) -> ssl.SSLContext:
        context = self._contexts.get(verify)
        if context is None:  # the fetcher's first TLS connection (or open())
            _bound_tls_buffers()
            context = self._contexts[verify] = ssl_context(verify=verify)
            context.set_alpn_protocols(["http/1.1"])
        return context

    def open(self) -> None:
        """Load the CA bundle now (a good fraction of a second): at the start of a run,
        not in the middle of a lead's deadline."""
        self._context(True)
        self._context(False)

    async def aclose(self) -> None:
        for connections in self._idle.values():
            for conn in connections:
                conn.close()
        self._idle.clear()
        self._idle_count = 0

    async def fetch(
        self, url: str, *, deadline: Deadline, accept: str | None = None
    ) -> FetchResult:
        """GET ``url`` following redirects, within ``deadline``; ``accept`` replaces the
        Accept header (``application/rdap+json`` for a registry)."""
        state = _FetchState(url=url, started=time.monotonic())
        try:
            async with asyncio.timeout(deadline.remaining()):
                return await self._follow(state, deadline, accept)
        except TimeoutError:
            return state.result(
                error_kind=FetchErrorKind.TIMEOUT,
                error=f"no complete answer within the time limit ({state.where()})",
            )

    async def _follow(
        self, state: _FetchState, deadline: Deadline, accept: str | None
    ) -> FetchResult:
        current = state.url
        verify = True
        for _ in range(self._config.max_redirects + 1):
            parts = split_url(current)
            if parts is None or parts.scheme not in ("http", "https") or not parts.hostname:
                kind = FetchErrorKind.BAD_REDIRECT if state.hops else FetchErrorKind.BAD_URL
                return state.result(error_kind=kind, error=f"cannot fetch {current!r}")
            state.current = current
            host = parts.hostname
            slot = self._host_slots.setdefault(host, asyncio.Semaphore(self._per_host))
            async with slot:
                try:
                    response = await self._send(
                        parts, verify=verify, deadline=deadline, accept=accept
                    )
                except ConnectError as exc:
                    cert_problem = _certificate_problem(exc)
                    if cert_problem is not None and verify:
                        state.tls_error = cert_problem
                        verify = False
                        try:
                            response = await self._send(
                                parts, verify=False, deadline=deadline, accept=accept
                            )
                        except Exception as retry_exc:
                            return state.failure(retry_exc)
                    else:
                        return state.failure(exc)
                except Exception as exc:
                    return state.failure(exc)
                if parts.scheme == "https" and state.tls_error is None:
                    state.tls_seen = True
                finished = False
                try:
                    location = response.header("location")
                    if response.status_code in REDIRECT_STATUSES and location:
                        state.hops.append(
                            Hop(url=current, status_code=response.status_code, location=location)
                        )
                        joined = join_url(current, location.strip())
                        if joined is None:
                            return state.result(
                                error_kind=FetchErrorKind.BAD_REDIRECT,
                                error=f"a malformed redirect: {location[:200]!r}",
                            )
                        with contextlib.suppress(Exception):
                            await response.drain()
                        finished = True
                        current = joined
                        continue
                    body, truncated = await _read_bounded(response, self._config.max_body_bytes)
                    finished = not truncated
                    return state.result(
                        final_url=current,
                        status_code=response.status_code,
                        content_type=response.header("content-type"),
                        headers=_kept_headers(response.headers),
                        body=body,
                        truncated=truncated,
                    )
                except (ReadError, ProtocolError) as exc:
                    return state.failure(exc)
                finally:
                    self._release(response, finished)
        return state.result(
            error_kind=FetchErrorKind.TOO_MANY_REDIRECTS,
            error=f"more than {self._config.max_redirects} redirects",
        )

    async def _send(
        self, parts: SplitResult, *, verify: bool, deadline: Deadline, accept: str | None
    ) -> _Response:
        """One GET: a kept connection to the origin if there is one, else a new one."""
        scheme = parts.scheme
        host = _ascii_host(parts.hostname or "")
        port = parts.port or (443 if scheme == "https" else 80)
        origin: Origin = (scheme, host, port, verify)
        default_port = 443 if scheme == "https" else 80
        authority = host if ":" not in host else f"[{host}]"
        if port != default_port:
            authority = f"{authority}:{port}"
        request = (
            f"GET {_target(parts)} HTTP/1.1\r\n"
            f"Host: {authority}\r\n"
            f"Accept: {accept or ACCEPT}\r\n"
            "Accept-Encoding: gzip, deflate\r\n"
            "Connection: keep-alive\r\n"
            f"User-Agent: {self._config.user_agent}\r\n"
            f"Accept-Language: {ACCEPT_LANGUAGE}\r\n\r\n"
        ).encode("latin-1", "replace")
        kept = self._take(origin)
        if kept is not None:
            try:
                return await self._exchange(kept, request)
            except (ReadError, ProtocolError, ConnectionError, OSError):
                kept.close()  # the server had closed it: once more on a new connection
        conn = await self._connect(origin, deadline)
        try:
            return await self._exchange(conn, request)
        except BaseException:
            conn.close()
            raise

    async def _exchange(self, conn: _Connection, request: bytes) -> _Response:
        try:
            conn.writer.write(request)
            await conn.writer.drain()
        except (ConnectionError, OSError) as exc:
            raise ReadError(str(exc)) from exc
        for _ in range(MAX_INFORMATIONAL + 1):
            version, status, headers = _parse_head(await conn.read_head())
            if not 100 <= status < 200:
                return _Response(conn, status, version, headers)
        raise ProtocolError("too many informational answers")

    async def _connect(self, origin: Origin, deadline: Deadline) -> _Connection:
        """Resolve with our resolver, refuse non-public addresses, dial the address,
        then TLS with the host's name; all within the connect timeout."""
        scheme, host, port, verify = origin
        left = max(0.001, deadline.remaining())
        timeout = min(self._config.connect_timeout, left)
        lookup = await self._resolver.addresses(host, deadline=Deadline.after(timeout))
        if not lookup.addresses:
            raise NameNotResolvedError(lookup)
        if not self._config.allow_private:
            for text in lookup.addresses:
                address = parse_ip(text)
                if address is None or not is_public(address):
                    reason = refusal_reason(address) if address else "not an address"
                    raise AddressRefusedError(host, text, reason)
        dial_port = self._config.port_map.get(port, port)
        last_error: BaseException | None = None
        for address_text in lookup.addresses:
            try:
                async with asyncio.timeout(timeout):
                    reader, writer = await asyncio.open_connection(
                        address_text, dial_port, limit=READ_SIZE
                    )
            except TimeoutError as exc:
                last_error = exc
                continue
            except OSError as exc:
                last_error = exc
                continue
            conn = _Connection(reader, writer, origin)
            if scheme == "https":
                try:
                    async with asyncio.timeout(timeout):
                        await writer.start_tls(self._context(verify), server_hostname=host)
                except TimeoutError as exc:
                    conn.close()
                    raise ConnectTimeoutError("timed out (ConnectTimeout)") from exc
                except ssl.SSLError as exc:
                    conn.close()
                    raise ConnectError(str(exc)) from exc
                except (ConnectionError, OSError) as exc:
                    conn.close()
                    raise ConnectError(str(exc)) from TLSClosedError()
                except BaseException:  # cancelled (the lead's deadline): close it too
                    conn.close()
                    raise
            return conn
        if isinstance(last_error, TimeoutError):
            raise ConnectTimeoutError("timed out (ConnectTimeout)") from last_error
        raise ConnectError("All connection attempts failed") from last_error

    # -- idle connections ---------------------------------------------------------------

    def _take(self, origin: Origin) -> _Connection | None:
        connections = self._idle.get(origin)
        now = time.monotonic()
        while connections:
            conn = connections.pop()
            self._idle_count -= 1
            if now - conn.idle_since < IDLE_SECONDS and conn.usable:
                return conn
            conn.close()
        return None

    def _release(self, response: _Response, finished: bool) -> None:
        conn = response.conn
        if not (finished and response.reusable and conn.usable):
            conn.close()
            return
        now = time.monotonic()
        if self._idle_count >= IDLE_CONNECTIONS:
            self._expire(now, force=True)
        conn.idle_since = now
        self._idle.setdefault(conn.origin, []).append(conn)
        self._idle_count += 1

    def _expire(self, now: float, *, force: bool) -> None:
        """Close expired idle connections; with ``force``, the oldest one at least."""
        oldest: tuple[float, Origin, _Connection] | None = None
        for origin, connections in list(self._idle.items()):
            for conn in list(connections):
                if now - conn.idle_since >= IDLE_SECONDS:
                    connections.remove(conn)
                    self._idle_count -= 1
                    conn.close()
                elif oldest is None or conn.idle_since < oldest[0]:
                    oldest = (conn.idle_since, origin, conn)
            if not connections:
                del self._idle[origin]
        if force and self._idle_count >= IDLE_CONNECTIONS and oldest is not None:
            _, origin, conn = oldest
            self._idle[origin].remove(conn)
            if not self._idle[origin]:
                del self._idle[origin]
            self._idle_count -= 1
            conn.close()


MAX_KEPT_HEADERS = 64
MAX_HEADER_VALUE = 300


def _kept_headers(items: Iterable[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    """The response's headers, bounded: names lower-cased, at most 64, values cut to 300
    characters (a bot wall is told by a header or a cookie name, never by a long value)."""
    kept: list[tuple[str, str]] = []
    for name, value in items:
        kept.append((name.lower()[:100], value[:MAX_HEADER_VALUE]))
        if len(kept) >= MAX_KEPT_HEADERS:
            break
    return tuple(kept)


class _FetchState:
    """Mutable progress of one fetch, so a timeout still reports the hops seen."""

    def __init__(self, *, url: str, started: float) -> None:
        self.url = url
        self.current = url
        self.started = started
        self.hops: list[Hop] = []
        self.tls_error: str | None = None
        self.tls_seen = False

    def where(self) -> str:
        return f"while fetching {self.current}"

    def result(self, **fields: Any) -> FetchResult:
        body: bytes = fields.get("body", b"")
        tls_valid: bool | None = None
        if self.tls_error is not None:
            tls_valid = False
        elif self.tls_seen:
            tls_valid = True
        return FetchResult(
            url=self.url,
            hops=tuple(self.hops),
            tls_valid=tls_valid,
            tls_error=self.tls_error,
            body_bytes=len(body),
            elapsed_ms=int((time.monotonic() - self.started) * 1000),
            **fields,
        )

    def failure(self, exc: BaseException) -> FetchResult:
        kind, message, refused = _classify(exc)
        return self.result(error_kind=kind, error=message, refused_address=refused)


def _chain(exc: BaseException) -> Iterable[BaseException]:
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__


def _certificate_problem(exc: BaseException) -> str | None:
    for item in _chain(exc):
        if isinstance(item, ssl.SSLCertVerificationError):
            return str(item.verify_message or item.reason or "certificate verification failed")
    return None


def _classify(exc: BaseException) -> tuple[FetchErrorKind, str, str | None]:
    for item in _chain(exc):
        if isinstance(item, AddressRefusedError):
            return FetchErrorKind.REFUSED_ADDRESS, str(item), item.address
        if isinstance(item, NameNotResolvedError):
            status = item.lookup.status
            if status is DnsStatus.NXDOMAIN:
                return FetchErrorKind.NXDOMAIN, str(item), None
            if status is DnsStatus.NODATA:
                return FetchErrorKind.NO_ADDRESS, str(item), None
            return FetchErrorKind.DNS_ERROR, str(item), None
    for item in _chain(exc):
        if isinstance(item, ssl.SSLError):
            return FetchErrorKind.TLS, f"TLS handshake failed: {item.reason or item}", None
        if isinstance(item, TLSClosedError):
            return FetchErrorKind.TLS, "TLS handshake failed: UNEXPECTED_EOF_WHILE_READING", None
    if isinstance(exc, ConnectTimeoutError | TimeoutError):
        return FetchErrorKind.TIMEOUT, str(exc) or "timed out", None
    if isinstance(exc, ConnectError):
        return FetchErrorKind.CONNECT, f"cannot connect: {exc or 'connection failed'}", None
    if isinstance(exc, ProtocolError):
        return FetchErrorKind.PROTOCOL, f"bad HTTP answer: {exc}", None
    if isinstance(exc, ReadError):
        # the detail of a reset is left out, as it always was ("connection broken: ")
        return FetchErrorKind.CONNECT, "connection broken: ", None
    if isinstance(exc, BadURLError):
        return FetchErrorKind.BAD_URL, f"bad URL: {exc}", None
    return FetchErrorKind.PROTOCOL, f"{type(exc).__name__}: {exc}", None


async def _read_bounded(response: _Response, limit: int) -> tuple[bytes, bool]:
    """The body, decompressed by us so the size bound holds after decompression."""
    encoding = (response.header("content-encoding") or "identity").lower().strip()
    decoder = _Decoder(encoding)
    chunks: list[bytes] = []
    size = 0
    async for raw in response.chunks():
        piece = decoder.feed(raw, limit - size)
        chunks.append(piece)
        size += len(piece)
        if size >= limit or decoder.overflow:
            response.reusable = False
            return b"".join(chunks)[:limit], True
    return b"".join(chunks), False


class _Decoder:
    """gzip / deflate / identity with an output bound per call (no decompression bombs)."""

    def __init__(self, encoding: str) -> None:
        self.overflow = False
        self._zlib: Any = None
        self._deflate_guess = False
        if encoding in ("gzip", "x-gzip"):
            self._zlib = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif encoding == "deflate":
            self._zlib = zlib.decompressobj()
            self._deflate_guess = True
        self._identity = self._zlib is None

    def feed(self, data: bytes, room: int) -> bytes:
        if self._identity:
            return data
        if room <= 0:
            self.overflow = True
            return b""
        try:
            out = self._zlib.decompress(data, room)
        except zlib.error:
            if self._deflate_guess:  # some servers send raw deflate without the zlib header
                self._zlib = zlib.decompressobj(-zlib.MAX_WBITS)
                self._deflate_guess = False
                return self.feed(data, room)
            self.overflow = True  # undecodable: keep what we have
            return b""
        self._deflate_guess = False
        if self._zlib.unconsumed_tail:
            self.overflow = True
        return bytes(out)


__all__ = [
    "DEFINITE_FAILURES",
    "AddressRefusedError",
    "FetchErrorKind",
    "FetchResult",
    "Fetcher",
    "Hop",
    "NameNotResolvedError",
    "ssl_context",
]
