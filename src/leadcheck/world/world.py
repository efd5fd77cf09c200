"""The test world: DNS, HTTP and HTTPS servers on loopback, run in one background thread.

>>> with World() as world:
...     world.add_site("acme-wasser.de", routes={"/": Page("<title>Acme</title>")})
...     args, env = world.cli_args(), world.env()

Everything is declared through :class:`World` (before or after :meth:`World.start`);
the servers only ever bind a loopback address.
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import threading
import warnings
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from types import TracebackType
from typing import Self

import dns.rdatatype

from leadcheck.world.ca import TlsMode, WorldCA
from leadcheck.world.dns_server import DnsServer, Fault, FaultKind, Zone, to_name
from leadcheck.world.http_server import (
    HttpMode,
    Page,
    Redirect,
    RequestRecord,
    Route,
    Settings,
    Site,
    SiteRegistry,
    WebServer,
)

STANDARD_PORTS = {"dns": 53, "http": 80, "https": 443}
START_TIMEOUT = 10.0


class WorldStartError(RuntimeError):
    """The world could not start (most often: a port could not be bound)."""


class World:
    """A miniature internet on loopback. See tests/world/README.md."""

    def __init__(
        self,
        *,
        standard_ports: bool = False,
        dns_delay: float = 0.0,
        http_delay: float = 0.0,
        address: str = "127.0.0.1",
        fallback: bool = False,
    ) -> None:
        ip = ipaddress.ip_address(address)
        if not ip.is_loopback:
            raise ValueError(f"the world only binds loopback addresses, not {address!r}")
        self.address = str(ip)
        self.standard_ports = standard_ports
        self.fallback = fallback
        self.zone = Zone()
        self.sites = SiteRegistry()
        self.settings = Settings(address=self.address, http_delay=http_delay)
        self._dns_delay = dns_delay
        self._ca: WorldCA | None = None
        self._dns: DnsServer | None = None
        self._http: WebServer | None = None
        self._https: WebServer | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None

    # -- life cycle --------------------------------------------------------------------------
    def start(self) -> Self:
        """Bind the servers and serve them from a background thread. Idempotent."""
        if self._thread is not None:
            return self
        self._ca = WorldCA()
        try:
            self._start_thread(self.standard_ports)
        except WorldStartError as exc:
            if not (self.standard_ports and self.fallback):
                self._ca.close()
                self._ca = None
                raise
            warnings.warn(
                f"{exc}; falling back to free ports (use the world's port_map)",
                RuntimeWarning,
                stacklevel=2,
            )
            self.standard_ports = False
            self._start_thread(False)
        return self

    def _start_thread(self, standard: bool) -> None:
        ready = threading.Event()
        failure: list[BaseException] = []
        loop = asyncio.new_event_loop()

        def run() -> None:
            asyncio.set_event_loop(loop)
            try:
                loop.run_until_complete(self._startup(standard))
            except BaseException as exc:
                failure.append(exc)
                ready.set()
                loop.run_until_complete(self._shutdown())
                loop.close()
                return
            ready.set()
            try:
                loop.run_forever()
            finally:
                with contextlib.suppress(Exception):
                    loop.run_until_complete(self._shutdown())
                    pending = [t for t in asyncio.all_tasks(loop) if not t.done()]
                    for task in pending:
                        task.cancel()
                    loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
                    loop.run_until_complete(loop.shutdown_default_executor())
                loop.close()

        thread = threading.Thread(target=run, name="leadcheck-test-world", daemon=True)
        thread.start()
        if not ready.wait(START_TIMEOUT):
            raise WorldStartError("the test world did not start within 10 s")
        if failure:
            thread.join(5)
            exc = failure[0]
            if isinstance(exc, WorldStartError):
                raise exc
            raise WorldStartError(f"the test world could not start: {exc}") from exc
        self._loop = loop
        self._thread = thread

    async def _startup(self, standard: bool) -> None:
        assert self._ca is not None
        ports = STANDARD_PORTS if standard else {"dns": 0, "http": 0, "https": 0}
        self._dns = DnsServer(self.zone, delay=self._dns_delay)
        self._http = WebServer(self.sites, self.settings, "http")
        self._https = WebServer(self.sites, self.settings, "https", self._ca)
        for what, server in (("dns", self._dns), ("http", self._http), ("https", self._https)):
            try:
                await server.start(self.address, ports[what])
            except OSError as exc:
                hint = (
                    " Standard ports need root (or CAP_NET_BIND_SERVICE) and must be free;"
                    " run World(standard_ports=False) (LEADCHECK_WORLD_STANDARD_PORTS unset)"
                    " to use free ports instead."
                    if standard
                    else ""
                )
                proto = "udp+tcp" if what == "dns" else "tcp"
                raise WorldStartError(
                    f"could not bind the {what} server to {self.address}:{ports[what]}/{proto}: "
                    f"{exc.strerror or exc}.{hint}"
                ) from exc
        self.settings.http_port = self._http.port
        self.settings.https_port = self._https.port

    async def _shutdown(self) -> None:
        for server in (self._dns, self._http, self._https):
            if server is not None:
                with contextlib.suppress(Exception):
                    await server.close()

    def stop(self) -> None:
        """Stop every server and the thread; delete the CA file. Idempotent."""
        loop, thread = self._loop, self._thread
        self._loop = self._thread = None
        if loop is not None and thread is not None:
            with contextlib.suppress(Exception):
                asyncio.run_coroutine_threadsafe(self._shutdown(), loop).result(5)
            with contextlib.suppress(RuntimeError):
                loop.call_soon_threadsafe(loop.stop)
            thread.join(10)
        if self._ca is not None:
            self._ca.close()
            self._ca = None

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    # -- where the world is ------------------------------------------------------------------
    def _require(self) -> None:
        if self._thread is None:
            raise RuntimeError("the world is not started: call world.start() first")

    @property
    def dns_port(self) -> int:
        self._require()
        assert self._dns is not None
        return self._dns.port

    @property
    def http_port(self) -> int:
        self._require()
        return self.settings.http_port

    @property
    def https_port(self) -> int:
        self._require()
        return self.settings.https_port

    @property
    def nameserver(self) -> str:
        """``"IP:PORT"`` (``"[::1]:PORT"`` for IPv6), as ``--nameserver`` takes it."""
        host = f"[{self.address}]" if ":" in self.address else self.address
        return f"{host}:{self.dns_port}"

    @property
    def ca_file(self) -> Path:
        """The test CA's PEM file, for ``SSL_CERT_FILE`` or httpx's ``verify=``."""
        self._require()
        assert self._ca is not None
        return self._ca.ca_file

    @property
    def port_map(self) -> dict[int, int]:
        """``{80: http_port, 443: https_port}``; empty on standard ports."""
        self._require()
        if self.http_port == 80 and self.https_port == 443:
            return {}
        return {80: self.http_port, 443: self.https_port}

    def cli_args(self) -> list[str]:
        """The leadcheck options that point a run at this world."""
        args = ["--nameserver", self.nameserver, "--allow-private"]
        for port, target in self.port_map.items():
            args += ["--port-map", f"{port}={target}"]
        return args

    def env(self) -> dict[str, str]:
        """Environment variables for the code under test (the CA bundle)."""
        return {"SSL_CERT_FILE": str(self.ca_file)}

    def origin(self, scheme: str = "https") -> str:
        """``"https://127.0.0.1:PORT"``: where to send requests with an explicit Host header."""
        host = f"[{self.address}]" if ":" in self.address else self.address
        port = self.https_port if scheme == "https" else self.http_port
        return f"{scheme}://{host}:{port}"

    # -- runtime knobs -----------------------------------------------------------------------
    @property
    def dns_delay(self) -> float:
        return self._dns_delay

    @dns_delay.setter
    def dns_delay(self, seconds: float) -> None:
        self._dns_delay = seconds
        if self._dns is not None:
            self._dns.delay = seconds

    @property
    def http_delay(self) -> float:
        return self.settings.http_delay

    @http_delay.setter
    def http_delay(self, seconds: float) -> None:
        self.settings.http_delay = seconds

    # -- declaring things --------------------------------------------------------------------
    def _host_records(self) -> dict[str, list[str]]:
        if ipaddress.ip_address(self.address).version == 6:
            return {"aaaa": [self.address]}
        return {"a": [self.address]}

    def add_domain(
        self,
        name: str,
        *,
        a: Sequence[str] = (),
        aaaa: Sequence[str] = (),
        cname: str | None = None,
        mx: Sequence[tuple[int, str]] = (),
        txt: Sequence[str] = (),
        ns: Sequence[str] = (),
        fault: FaultKind | None = None,
        delay: float = 0.0,
        fault_types: Iterable[str] | None = None,
        ttl: int = 300,
    ) -> None:
        """Add records at ``name`` (added to what is there). ``mx`` is ``[(pref, host)]``,
        ``(0, ".")`` being a null MX; ``txt`` strings longer than 255 are split. ``fault`` and
        ``delay`` apply to ``name`` and every name below it (see :meth:`set_fault`)."""
        if cname is not None and (a or aaaa or mx or txt):
            raise ValueError(f"{name}: a CNAME cannot live next to other records")
        self.zone.add(name, "A", a, ttl)
        self.zone.add(name, "AAAA", aaaa, ttl)
        if cname is not None:
            self.zone.replace(name, "CNAME", [_fqdn(cname)], ttl)
        self.zone.add(name, "MX", [f"{pref} {_fqdn(host)}" for pref, host in mx], ttl)
        self.zone.add(name, "TXT", [_txt(value) for value in txt], ttl)
        self.zone.add(name, "NS", [_fqdn(host) for host in ns], ttl)
        if not (a or aaaa or cname or mx or txt or ns):
            self.zone.touch(name)  # the name exists: NODATA for every type
        if fault is not None or delay:
            self.set_fault(name, fault, delay=delay, rdtypes=fault_types)

    def set_fault(
        self,
        name: str,
        fault: FaultKind | None,
        *,
        delay: float = 0.0,
        rdtypes: Iterable[str] | None = None,
        subtree: bool = True,
    ) -> None:
        """Make queries for ``name`` (and below it, if ``subtree``) fail: ``servfail``,
        ``refused``, ``timeout`` (no answer at all), ``truncate`` (TC over UDP), and/or wait
        ``delay`` seconds. ``rdtypes`` limits it to some types (e.g. ``["MX"]``).
        ``fault=None, delay=0`` clears it."""
        if fault is None and not delay:
            self.zone.set_fault(name, None)
            return
        types = None
        if rdtypes is not None:
            types = frozenset(int(dns.rdatatype.from_text(t)) for t in rdtypes)
        self.zone.set_fault(name, Fault(kind=fault, delay=delay, rdtypes=types, subtree=subtree))

    def remove_domain(self, name: str) -> None:
        """Remove every record at ``name`` (not below it) and its fault."""
        self.zone.remove(name)

    def add_mail_domain(
        self,
        domain: str,
        *,
        mx_host: str | Sequence[tuple[int, str]] | None = None,
        spf: bool | str = True,
        dmarc: bool | str = True,
    ) -> None:
        """A domain that receives mail: MX (default ``mail.<domain>``, given an address in
        the world), SPF at the domain and DMARC at ``_dmarc.<domain>`` (``True`` for a
        typical record, a string for an exact one, ``False`` for none)."""
        if mx_host is None:
            mx_host = f"mail.{domain}"
        mx = [(10, mx_host)] if isinstance(mx_host, str) else list(mx_host)
        for _pref, host in mx:
            if host != "." and not self.zone.exists(host):  # mail servers have addresses
                self.add_domain(host.rstrip("."), **self._host_records())  # type: ignore[arg-type]
        spf_text = spf if isinstance(spf, str) else "v=spf1 mx a ~all"
        dmarc_text = (
            dmarc
            if isinstance(dmarc, str)
            else f"v=DMARC1; p=quarantine; rua=mailto:dmarc@{domain}"
        )
        self.add_domain(domain, mx=mx, txt=[spf_text] if spf else [])
        if dmarc:
            self.add_domain(f"_dmarc.{domain}", txt=[dmarc_text])

    def add_site(
        self,
        host: str,
        routes: Mapping[str, Route | str | bytes] | None = None,
        *,
        tls: TlsMode = "valid",
        http: HttpMode = "serve",
        dns: bool = True,
    ) -> Site:
        """A website at ``host`` (and, if ``dns``, an A/AAAA record pointing at the world).

        ``routes`` maps paths to routes; a ``str``/``bytes`` value is a 200 HTML page.
        ``tls``: ``valid``, ``expired``, ``self_signed``, ``wrong_host`` or ``none`` (no
        HTTPS: the handshake fails). ``http``: ``serve`` the routes over plain HTTP,
        ``https_redirect`` (301 to HTTPS) or ``none`` (reset)."""
        built: dict[str, Route] = {}
        for path, route in (routes or {"/": Page(f"<title>{host}</title>")}).items():
            built[path] = Page(route) if isinstance(route, str | bytes) else route
        site = Site(host=host, routes=built, tls=tls, http=http)
        self.sites.add(site)
        if dns:
            self.add_domain(host, **self._host_records())  # type: ignore[arg-type]
        return site

    def add_redirect_site(
        self, host: str, target: str, *, status: int = 301, tls: TlsMode = "valid"
    ) -> Site:
        """A host that redirects every path to ``target`` + path (e.g. apex to www)."""
        return self.add_site(host, {"*": Redirect(target, status)}, tls=tls)

    def set_default_site(self, routes: Mapping[str, Route | str | bytes] | None) -> None:
        """What a Host the world does not know gets (None: a plain 404)."""
        if routes is None:
            self.sites.default_site = None
            return
        built = {p: Page(r) if isinstance(r, str | bytes) else r for p, r in routes.items()}
        self.sites.default_site = Site(host="default", routes=built, tls="wrong_host")

    # -- observing ---------------------------------------------------------------------------
    def dns_queries(self) -> Counter[tuple[str, str, str]]:
        """``{(name, type, "udp"|"tcp"): count}`` since the start (or :meth:`reset_stats`)."""
        return self._dns.query_counts() if self._dns is not None else Counter()

    def requests(self, host: str | None = None) -> list[RequestRecord]:
        """The HTTP(S) requests the world served, oldest first, optionally for one host."""
        return self.sites.requests(host)

    def reset_stats(self) -> None:
        if self._dns is not None:
            self._dns.reset_counts()
        self.sites.clear_log()

    def __repr__(self) -> str:
        if self._thread is None:
            return f"<World {self.address} (stopped)>"
        return (
            f"<World dns={self.nameserver} http={self.http_port} https={self.https_port}"
            f" sites={len(self.sites.hosts())}>"
        )


def _fqdn(host: str) -> str:
    host = host.strip()
    if host == ".":
        return "."
    if not host.isascii():
        host = host.rstrip(".").encode("idna").decode("ascii")
    return host if host.endswith(".") else host + "."


def _txt(value: str) -> str:
    """A TXT value in zone-file form: quoted strings of at most 255 bytes each."""
    data = value.encode("utf-8")
    chunks = [data[i : i + 255] for i in range(0, len(data), 255)] or [b""]
    return " ".join(
        '"' + c.decode("utf-8", "replace").replace("\\", "\\\\").replace('"', '\\"') + '"'
        for c in chunks
    )


__all__ = ["World", "WorldStartError", "to_name"]
