"""A small HTTP/1.1 server (asyncio streams) with virtual hosts and scripted misbehaviour.

Sites are chosen by the ``Host`` header; the HTTPS server picks each host's
certificate by SNI (see :mod:`.ca`). Each path of a site maps to a *route*: a
page, a redirect, or one of the ways real servers hurt clients (gzip bomb, huge
body, tarpit, reset). Written by hand rather than with a framework so every byte
on the wire is under the test's control.
"""

from __future__ import annotations

import asyncio
import contextlib
import gzip
import socket
import ssl
import struct
import threading
import time
import zlib
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal
from urllib.parse import urlsplit

from leadcheck.world.ca import TlsMode, WorldCA

HttpMode = Literal["serve", "https_redirect", "none"]
Scheme = Literal["http", "https"]

REASONS = {
    200: "OK",
    204: "No Content",
    301: "Moved Permanently",
    302: "Found",
    303: "See Other",
    304: "Not Modified",
    307: "Temporary Redirect",
    308: "Permanent Redirect",
    400: "Bad Request",
    403: "Forbidden",
    404: "Not Found",
    405: "Method Not Allowed",
    410: "Gone",
    429: "Too Many Requests",
    500: "Internal Server Error",
    501: "Not Implemented",
    502: "Bad Gateway",
    503: "Service Unavailable",
    504: "Gateway Timeout",
}

MAX_HEADER_BYTES = 65536
IDLE_TIMEOUT = 30.0


# -- routes -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Page:
    """A plain response. ``gzip`` compresses the body when the client accepts gzip."""

    body: bytes | str = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    headers: tuple[tuple[str, str], ...] = ()
    gzip: bool = False

    def body_bytes(self) -> bytes:
        return self.body.encode("utf-8") if isinstance(self.body, str) else self.body


@dataclass(frozen=True)
class Redirect:
    """A redirect. ``location`` may use ``{address}``, ``{http_port}``, ``{https_port}``,
    ``{http_origin}`` (``127.0.0.1:PORT``, no port when it is 80) and ``{https_origin}``."""

    location: str
    status: int = 301


@dataclass(frozen=True)
class GzipBomb:
    """A small gzip body (about 1/1000 of the size) that inflates to ``inflated_size`` bytes.

    The inflated text starts with ``prefix`` (so it looks like a page), then spaces. Sent
    with ``Content-Encoding: gzip`` whatever the client accepts, as a hostile server would."""

    inflated_size: int = 50_000_000
    prefix: bytes = b"<!DOCTYPE html><html><head><title>Loading</title></head><body>"
    content_type: str = "text/html; charset=utf-8"


@dataclass(frozen=True)
class HugeBody:
    """A ``size``-byte body streamed in chunks: ``prefix`` then filler HTML comments.

    ``content_length=False`` sends it chunked (no size announced up front)."""

    size: int = 30_000_000
    prefix: bytes = b"<!DOCTYPE html><html><head><title>Catalogue</title></head><body>"
    content_length: bool = True
    content_type: str = "text/html; charset=utf-8"


@dataclass(frozen=True)
class Tarpit:
    """``drip``: headers, then one byte every ``interval`` s forever; ``silent``: never answer."""

    mode: Literal["drip", "silent"] = "drip"
    interval: float = 1.0


@dataclass(frozen=True)
class Reset:
    """Reset the connection (TCP RST) after reading the request."""


@dataclass(frozen=True)
class Delayed:
    """Wait ``seconds`` before serving ``route``."""

    seconds: float
    route: Route


@dataclass(frozen=True)
class Dynamic:
    """A route chosen at request time: ``handler(path)`` gives the route to serve (the
    world's RDAP servers answer every ``/domain/<name>`` this way)."""

    handler: Callable[[str], Route]


Route = Page | Redirect | GzipBomb | HugeBody | Tarpit | Reset | Delayed | Dynamic

NOT_FOUND = Page(
    b"<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n"
    b"<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx</center>\r\n"
    b"</body>\r\n</html>\r\n",
    status=404,
)
UNKNOWN_HOST = Page(
    b"404 no such site in the leadcheck test world\n", 404, "text/plain; charset=utf-8"
)


@dataclass
class Site:
    """One virtual host. ``routes`` maps exact paths (no query) to routes; ``"*"`` is the
    fallback, then a 404 page. ``http``: serve the routes over plain HTTP too, redirect
    HTTP to HTTPS, or reset HTTP connections. ``tls``: the certificate HTTPS presents."""

    host: str
    routes: dict[str, Route] = field(default_factory=dict)
    tls: TlsMode = "valid"
    http: HttpMode = "serve"

    def route_for(self, path: str) -> Route:
        return self.routes.get(path) or self.routes.get("*") or NOT_FOUND


@dataclass(frozen=True)
class RequestRecord:
    """One request as the world saw it."""

    scheme: Scheme
    host: str
    method: str
    path: str
    headers: tuple[tuple[str, str], ...]
    time: float


class SiteRegistry:
    """The world's virtual hosts and request log. Thread-safe."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._sites: dict[str, Site] = {}
        self.default_site: Site | None = None
        self._log: deque[RequestRecord] = deque(maxlen=200_000)

    def add(self, site: Site) -> None:
        with self._lock:
            self._sites[normalize_host(site.host)] = site

    def remove(self, host: str) -> None:
        with self._lock:
            self._sites.pop(normalize_host(host), None)

    def get(self, host: str) -> Site | None:
        with self._lock:
            return self._sites.get(normalize_host(host), self.default_site)

    def hosts(self) -> list[str]:
        with self._lock:
            return sorted(self._sites)

    def record(self, entry: RequestRecord) -> None:
        with self._lock:
            self._log.append(entry)

    def requests(self, host: str | None = None) -> list[RequestRecord]:
        with self._lock:
            entries = list(self._log)
        return entries if host is None else [e for e in entries if e.host == normalize_host(host)]

    def clear_log(self) -> None:
        with self._lock:
            self._log.clear()


def normalize_host(host: str) -> str:
    """Lower-case, no port, no trailing dot, IDNs in A-label form, IPv6 without brackets."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[1 : host.find("]")] if "]" in host else host[1:]
    if host.count(":") == 1:
        host = host.split(":", 1)[0]
    host = host.rstrip(".")
    if not host.isascii():
        with contextlib.suppress(UnicodeError):
            host = host.encode("idna").decode("ascii")
    return host


@dataclass
class Settings:
    """Values shared by the servers, changeable while they run."""

    address: str = "127.0.0.1"
    http_port: int = 0
    https_port: int = 0
    http_delay: float = 0.0

    def expand(self, location: str) -> str:
        if "{" not in location:
            return location
        host = f"[{self.address}]" if ":" in self.address else self.address
        http_origin = host if self.http_port == 80 else f"{host}:{self.http_port}"
        https_origin = host if self.https_port == 443 else f"{host}:{self.https_port}"
        values = {
            "{address}": host,
            "{http_port}": str(self.http_port),
            "{https_port}": str(self.https_port),
            "{http_origin}": http_origin,
            "{https_origin}": https_origin,
        }
        for key, value in values.items():
            location = location.replace(key, value)
        return location


_bomb_cache: dict[tuple[int, bytes], bytes] = {}
_bomb_lock = threading.Lock()


def gzip_bomb_bytes(inflated_size: int, prefix: bytes) -> bytes:
    """The gzip body of a :class:`GzipBomb` (computed once per size, ~0.2 s for 50 MB)."""
    key = (inflated_size, prefix)
    with _bomb_lock:
        cached = _bomb_cache.get(key)
        if cached is not None:
            return cached
        compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
        parts = [compressor.compress(prefix)]
        chunk = b" " * (1 << 20)
        remaining = max(0, inflated_size - len(prefix))
        while remaining > 0:
            piece = chunk if remaining >= len(chunk) else chunk[:remaining]
            parts.append(compressor.compress(piece))
            remaining -= len(piece)
        parts.append(compressor.flush())
        data = b"".join(parts)
        _bomb_cache[key] = data
        return data


class _Request:
    __slots__ = ("headers", "host", "method", "path", "target", "version")

    def __init__(
        self, method: str, target: str, version: str, headers: list[tuple[str, str]]
    ) -> None:
        self.method = method
        self.target = target
        self.version = version
        self.headers = headers
        lowered = {k.lower(): v for k, v in headers}
        host = lowered.get("host", "")
        if target.startswith(("http://", "https://")):  # absolute form
            parts = urlsplit(target)
            host = parts.netloc
            target = parts.path or "/"
        self.host = normalize_host(host) if host else ""
        self.path = target.split("?", 1)[0].split("#", 1)[0] or "/"

    def header(self, name: str) -> str | None:
        name = name.lower()
        for key, value in self.headers:
            if key.lower() == name:
                return value
        return None

    @property
    def keep_alive(self) -> bool:
        tokens = {t.strip().lower() for t in (self.header("connection") or "").split(",")}
        if self.version == "HTTP/1.0":
            return "keep-alive" in tokens
        return "close" not in tokens


class WebServer:
    """Serves a :class:`SiteRegistry` over HTTP or HTTPS. Run it inside an event loop."""

    def __init__(
        self, registry: SiteRegistry, settings: Settings, scheme: Scheme, ca: WorldCA | None = None
    ) -> None:
        self.registry = registry
        self.settings = settings
        self.scheme: Scheme = scheme
        self.ca = ca
        self.port = 0
        self._host = ""
        self._server: asyncio.Server | None = None
        self._placeholder: socket.socket | None = None
        self._tasks: set[asyncio.Task[None]] = set()
        self._writers: set[asyncio.StreamWriter] = set()

    @property
    def refusing(self) -> bool:
        return self._placeholder is not None

    async def refuse(self) -> None:
        """Refuse every connection from now on: stop listening (and end the open
        connections) but keep the port bound, so a client's SYN meets a reset."""
        if self._placeholder is not None or self._server is None:
            return
        self._server.close()
        for writer in list(self._writers):
            writer.transport.abort()
        family = socket.AF_INET6 if ":" in self._host else socket.AF_INET
        placeholder = socket.socket(family, socket.SOCK_STREAM)
        placeholder.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        placeholder.bind((self._host, self.port))  # bound, never listening: refused
        self._placeholder = placeholder
        self._server = None

    async def resume(self) -> None:
        """Serve again on the same port after :meth:`refuse`."""
        if self._placeholder is None:
            return
        self._placeholder.close()
        self._placeholder = None
        await self.start(self._host, self.port)

    async def start(self, host: str, port: int) -> int:
        context: ssl.SSLContext | None = None
        if self.scheme == "https":
            assert self.ca is not None
            identities = (self.settings.address, "localhost")
            context = self.ca.default_context(identities)
            context.sni_callback = self._sni_callback
        self._server = await asyncio.start_server(
            self._serve,
            host,
            port,
            ssl=context,
            reuse_address=True,
            backlog=2048,
            limit=MAX_HEADER_BYTES,
            ssl_handshake_timeout=30.0 if context is not None else None,
        )
        self.port = self._server.sockets[0].getsockname()[1]
        self._host = host
        return self.port

    async def close(self) -> None:
        if self._placeholder is not None:
            self._placeholder.close()
            self._placeholder = None
        if self._server is not None:
            self._server.close()
        for writer in list(self._writers):
            writer.transport.abort()
        for task in list(self._tasks):
            task.cancel()
        if self._tasks:
            await asyncio.gather(*self._tasks, return_exceptions=True)

    # -- TLS ---------------------------------------------------------------------------------
    def _sni_callback(
        self, ssl_object: ssl.SSLObject, server_name: str | None, _context: ssl.SSLContext
    ) -> int | None:
        if not server_name or self.ca is None:
            return None  # keep the default certificate (the world's address)
        try:
            site = self.registry.get(server_name)
            if site is None:
                return None  # unknown host: the default certificate will not match it
            context = self.ca.context_for(normalize_host(server_name), site.tls)
            if context is None:  # tls="none": this host has no HTTPS
                return ssl.ALERT_DESCRIPTION_HANDSHAKE_FAILURE
            ssl_object.context = context
        except Exception:
            return ssl.ALERT_DESCRIPTION_INTERNAL_ERROR
        return None

    # -- HTTP --------------------------------------------------------------------------------
    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        if task is not None:
            self._tasks.add(task)
        self._writers.add(writer)
        try:
            while True:
                request = await self._read_request(reader)
                if request is None:
                    break
                if not await self._respond(request, reader, writer):
                    break
        except (ConnectionError, asyncio.IncompleteReadError, ssl.SSLError, TimeoutError):
            pass
        except asyncio.CancelledError:  # the world is stopping: end quietly
            writer.transport.abort()
        finally:
            self._writers.discard(writer)
            if task is not None:
                self._tasks.discard(task)
            if not writer.transport.is_closing():
                writer.close()

    async def _read_request(self, reader: asyncio.StreamReader) -> _Request | None:
        try:
            head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), IDLE_TIMEOUT)
        except (asyncio.IncompleteReadError, asyncio.LimitOverrunError, TimeoutError):
            return None
        lines = head.decode("latin-1").split("\r\n")
        parts = lines[0].split(" ")
        if len(parts) != 3 or not parts[2].startswith("HTTP/"):
            return None
        headers: list[tuple[str, str]] = []
        for line in lines[1:]:
            if not line:
                continue
            name, sep, value = line.partition(":")
            if sep:
                headers.append((name.strip(), value.strip()))
        request = _Request(parts[0].upper(), parts[1], parts[2], headers)
        length = request.header("content-length")
        if length and length.isdigit() and int(length) > 0:
            await reader.readexactly(min(int(length), 10_000_000))
        return request

    async def _respond(
        self, request: _Request, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
    ) -> bool:
        """Answer one request; False when the connection must end."""
        self.registry.record(
            RequestRecord(
                self.scheme,
                request.host,
                request.method,
                request.path,
                tuple(request.headers),
                time.time(),
            )
        )
        if self.settings.http_delay > 0:
            await asyncio.sleep(self.settings.http_delay)
        keep_alive = request.keep_alive
        if not request.host:
            await _write_page(writer, request, Page(b"Bad Request\n", 400, "text/plain"), False)
            return False
        if request.header("transfer-encoding"):
            await _write_page(writer, request, Page(b"Not Implemented\n", 501, "text/plain"), False)
            return False
        site = self.registry.get(request.host)
        route: Route
        if site is None:
            route = UNKNOWN_HOST
        elif self.scheme == "http" and site.http == "none":
            route = Reset()
        elif self.scheme == "http" and site.http == "https_redirect":
            target = request.target if request.target.startswith("/") else request.path
            route = Redirect(f"https://{site.host}{target}")
        else:
            route = site.route_for(request.path)
        while isinstance(route, Delayed | Dynamic):
            if isinstance(route, Dynamic):
                route = route.handler(request.path)
                continue
            await asyncio.sleep(route.seconds)
            route = route.route
        if request.method not in ("GET", "HEAD"):
            route = Page(b"Method Not Allowed\n", 405, "text/plain", (("Allow", "GET, HEAD"),))
        if isinstance(route, Page):
            await _write_page(writer, request, route, keep_alive)
            return keep_alive
        if isinstance(route, Redirect):
            location = self.settings.expand(route.location)
            body = (
                f"<html><head><title>{route.status} {REASONS.get(route.status, '')}</title></head>"
                f'<body><a href="{location}">moved here</a></body></html>\n'
            )
            page = Page(body, route.status, headers=(("Location", location),))
            await _write_page(writer, request, page, keep_alive)
            return keep_alive
        if isinstance(route, GzipBomb):
            loop = asyncio.get_running_loop()
            data = await loop.run_in_executor(
                None, gzip_bomb_bytes, route.inflated_size, route.prefix
            )
            headers = (("Content-Encoding", "gzip"),)
            page = Page(data, 200, route.content_type, headers)
            await _write_page(writer, request, page, keep_alive, encode=False)
            return keep_alive
        if isinstance(route, HugeBody):
            await _write_huge(writer, request, route, keep_alive)
            return keep_alive
        if isinstance(route, Tarpit):
            await _tarpit(reader, writer, route)
            return False
        if isinstance(route, Reset):
            _reset(writer)
            return False
        raise TypeError(f"unknown route {route!r}")  # pragma: no cover


def _head(status: int, headers: list[tuple[str, str]]) -> bytes:
    lines = [f"HTTP/1.1 {status} {REASONS.get(status, 'Unknown')}"]
    lines += [f"{k}: {v}" for k, v in headers]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


def _base_headers(content_type: str, keep_alive: bool) -> list[tuple[str, str]]:
    return [
        ("Server", "nginx"),
        ("Date", time.strftime("%a, %d %b %Y %H:%M:%S GMT", time.gmtime())),
        ("Content-Type", content_type),
        ("Connection", "keep-alive" if keep_alive else "close"),
    ]


async def _write_page(
    writer: asyncio.StreamWriter,
    request: _Request,
    page: Page,
    keep_alive: bool,
    *,
    encode: bool = True,
) -> None:
    body = page.body_bytes()
    headers = _base_headers(page.content_type, keep_alive)
    accepts = (request.header("accept-encoding") or "").lower()
    if encode and page.gzip and "gzip" in accepts:
        body = gzip.compress(body, mtime=0)
        headers.append(("Content-Encoding", "gzip"))
        headers.append(("Vary", "Accept-Encoding"))
    headers.extend(page.headers)
    headers.append(("Content-Length", str(len(body))))
    writer.write(_head(page.status, headers))
    if request.method != "HEAD" and page.status not in (204, 304):
        writer.write(body)
    await writer.drain()


_FILLER = b"<!-- " + b"catalogue entry " * 4090 + b"-->\n"  # about 64 KiB


async def _write_huge(
    writer: asyncio.StreamWriter, request: _Request, route: HugeBody, keep_alive: bool
) -> None:
    headers = _base_headers(route.content_type, keep_alive)
    if route.content_length:
        headers.append(("Content-Length", str(route.size)))
    else:
        headers.append(("Transfer-Encoding", "chunked"))
    writer.write(_head(200, headers))
    if request.method == "HEAD":
        await writer.drain()
        return
    remaining = route.size
    first = True
    while remaining > 0:
        piece = route.prefix if first else _FILLER
        first = False
        piece = piece[:remaining]
        remaining -= len(piece)
        if route.content_length:
            writer.write(piece)
        else:
            writer.write(b"%x\r\n%s\r\n" % (len(piece), piece))
        await writer.drain()
    if not route.content_length:
        writer.write(b"0\r\n\r\n")
        await writer.drain()


async def _tarpit(
    reader: asyncio.StreamReader, writer: asyncio.StreamWriter, route: Tarpit
) -> None:
    if route.mode == "silent":
        while await reader.read(65536):
            pass
        return
    writer.write(_head(200, _base_headers("text/html; charset=utf-8", False)))
    await writer.drain()
    for byte in b"<!DOCTYPE html><html><head><title>" * 10_000:
        if writer.transport.is_closing():
            return
        writer.write(bytes([byte]))
        await writer.drain()
        await asyncio.sleep(route.interval)


def _reset(writer: asyncio.StreamWriter) -> None:
    sock = writer.get_extra_info("socket")
    if sock is not None:
        with contextlib.suppress(OSError):
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    writer.transport.abort()
