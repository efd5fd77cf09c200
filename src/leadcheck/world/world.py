"""The test world: DNS, HTTP and HTTPS servers on loopback, run in one background thread.

>>> with World() as world:
...     world.add_site("acme-wasser.de", routes={"/": Page("<title>Acme</title>")})
...     args, env = world.cli_args(), world.env()

Everything is declared through :class:`World` (before or after :meth:`World.start`);
the servers only ever bind a loopback address.

Like the internet, the world has landmarks that a checker may ask about when it
wonders whether its own network works: SOA records for the root and every TLD, and
the known-good hosts of :class:`~leadcheck.net.config.NetConfig` (served as small
sites). Its registries answer RDAP over HTTPS at the base URLs of the shipped IANA
bootstrap file (``rdap.verisign.com`` for .com, ...): every registrable domain of
the world is registered, by default on :data:`DEFAULT_REGISTERED`
(:meth:`World.set_registration` changes that). Modes break the network on purpose:
:attr:`World.dns_mode` ``"deny_all"`` (a resolver that says NXDOMAIN to everything)
or ``"silent"`` (one that never answers), and :attr:`World.network_mode`
``"refuse_all"`` (every TCP connection to the web servers refused).
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import json
import threading
import warnings
import zlib
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from types import TracebackType
from typing import Literal, Self, get_args
from urllib.parse import unquote, urlsplit

import dns.rdatatype

from leadcheck.world.ca import TlsMode, WorldCA
from leadcheck.world.dns_server import (
    DnsMode,
    DnsServer,
    Fault,
    FaultKind,
    Zone,
    to_name,
    zone_apex,
)
from leadcheck.world.http_server import (
    Delayed,
    Dynamic,
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

NetworkMode = Literal["serve", "refuse_all"]
NETWORK_MODES: tuple[str, ...] = get_args(NetworkMode)

#: When the world's domains were registered, unless a scenario says otherwise.
DEFAULT_REGISTERED = date(2012, 3, 14)

#: How a registry's RDAP server misbehaves for one domain (see :meth:`World.set_registration`).
RdapQuirk = Literal[
    "none",  # a conforming answer: registration, expiration and last-changed events
    "no_events",  # no ``events`` at all (DENIC style)
    "last_changed_only",  # only a ``last changed`` event (RIPE style)
    "offset_date",  # ``ldhName`` upper-case, the date with an offset and a fraction
    "not_found",  # 404 with an RDAP error object
    "rate_limited",  # 429 with Retry-After
    "html",  # 200 with an HTML page instead of JSON
    "slow",  # the answer takes 30 s
]
RDAP_QUIRKS: tuple[str, ...] = get_args(RdapQuirk)
RDAP_CONTENT_TYPE = "application/rdap+json"


@dataclass(frozen=True)
class RdapRecord:
    """What the world's registry knows about one registered domain."""

    registered: date | None
    quirk: RdapQuirk = "none"


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
        self._network_mode: NetworkMode = "serve"
        self._registrations: dict[str, RdapRecord] = {}
        self._rdap_hosts: set[str] = set()
        self._rdap_tlds: dict[str, str] | None = None
        self._install_landmarks()

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
        if self._network_mode == "refuse_all":
            await self._http.refuse()
            await self._https.refuse()

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

    @property
    def dns_mode(self) -> DnsMode:
        """``normal``; ``deny_all``: a lying resolver that answers NXDOMAIN to every
        question, the root zone and the TLDs included (a captive portal, a hijacked or
        misconfigured resolver); or ``silent``: a resolver that answers nothing (a dead
        uplink, a firewall dropping DNS). Settable while running."""
        return self.zone.mode

    @dns_mode.setter
    def dns_mode(self, mode: DnsMode) -> None:
        self.zone.mode = mode

    @property
    def network_mode(self) -> NetworkMode:
        """``serve``, or ``refuse_all``: the web servers stop listening (their ports stay
        bound), so every HTTP and HTTPS connection is refused, as on a network that lets
        nothing out. DNS still answers. Settable while running."""
        return self._network_mode

    @network_mode.setter
    def network_mode(self, mode: NetworkMode) -> None:
        if mode not in NETWORK_MODES:
            raise ValueError(f"unknown network mode {mode!r}; known: {', '.join(NETWORK_MODES)}")
        self._network_mode = mode
        loop = self._loop
        if loop is None or self._http is None or self._https is None:
            return  # applied when the world starts
        servers = (self._http, self._https)

        async def switch() -> None:
            for server in servers:
                await (server.refuse() if mode == "refuse_all" else server.resume())

        asyncio.run_coroutine_threadsafe(switch(), loop).result(10)

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
        self._serve_rdap_for(name)

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

    # -- landmarks and registries ------------------------------------------------------------
    def _install_landmarks(self) -> None:
        """The known-good hosts a checker asks about when every site fails: small sites."""
        from leadcheck.net.config import NetConfig

        for host in NetConfig().known_good_hosts:
            page = f"<!DOCTYPE html><html lang='en'><title>{host}</title><h1>{host}</h1></html>"
            self.add_site(host, {"*": Page(page)})

    def set_registration(
        self, domain: str, registered: date | int | None = None, *, quirk: RdapQuirk = "none"
    ) -> None:
        """When ``domain``'s registrable domain was registered, as its registry's RDAP
        server says: a date, a number of days ago, or ``None`` (an answer without a
        registration event); ``quirk`` makes the registry misbehave (see
        :data:`RdapQuirk`). Without a call, every domain of the world was registered on
        :data:`DEFAULT_REGISTERED`."""
        if quirk not in RDAP_QUIRKS:
            raise ValueError(f"unknown RDAP quirk {quirk!r}; known: {', '.join(RDAP_QUIRKS)}")
        if isinstance(registered, int):
            registered = datetime.now(UTC).date() - timedelta(days=registered)
        name = zone_apex(to_name(domain)).to_text(omit_final_dot=True)
        self._registrations[name] = RdapRecord(registered=registered, quirk=quirk)
        self._serve_rdap_for(name)

    def _serve_rdap_for(self, name: str) -> None:
        """Make sure the registry of ``name``'s TLD (per the shipped bootstrap) is served."""
        if self._rdap_tlds is None:
            from leadcheck.net.rdap import load_bootstrap

            self._rdap_tlds = load_bootstrap().base_urls()
        labels = name.rstrip(".").lower().split(".")
        for start in range(1, len(labels)):
            base = self._rdap_tlds.get(".".join(labels[start:]))
            if base is None:
                continue
            host = urlsplit(base).hostname or ""
            if host and host not in self._rdap_hosts:
                self._rdap_hosts.add(host)
                self.add_site(host, {"*": Dynamic(self._rdap_route)})
            return

    def _rdap_route(self, path: str) -> Route:
        """The answer of a world registry to ``GET <base>domain/<name>``."""
        _head, sep, tail = path.rpartition("/domain/")
        name = unquote(tail).strip("/").lower().rstrip(".")
        if not sep or not name:
            return _rdap_error(400, "Bad request", "expected <base>/domain/<name>")
        record = self._registrations.get(name)
        if record is None:
            apex = zone_apex(to_name(name))
            if apex != to_name(name) or not self.zone.exists(name):
                return _rdap_error(404, "Not Found", f"{name} is not registered")
            record = RdapRecord(registered=DEFAULT_REGISTERED)
        return _rdap_answer(name, record)

    def issue_certificates(self, hosts: Iterable[str] | None = None) -> int:
        """Issue the HTTPS certificates of ``hosts`` (default: every site) now, rather than
        at each host's first handshake: a benchmark's servers then spend the run serving,
        not signing. Returns how many were issued."""
        self._require()
        assert self._ca is not None
        issued = 0
        for host in self.sites.hosts() if hosts is None else hosts:
            site = self.sites.get(host)
            if site is not None and self._ca.context_for(host, site.tls) is not None:
                issued += 1
        return issued

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


def _rdap_error(status: int, title: str, description: str) -> Page:
    body = {"errorCode": status, "title": title, "description": [description]}
    headers = (("Retry-After", "60"),) if status == 429 else ()
    return Page(json.dumps(body), status, RDAP_CONTENT_TYPE, headers)


def _rdap_answer(name: str, record: RdapRecord) -> Route:
    """An RDAP domain object (RFC 9083) as the world's registry writes it."""
    quirk = record.quirk
    if quirk == "not_found":
        return _rdap_error(404, "Not Found", f"{name} is not registered")
    if quirk == "rate_limited":
        return _rdap_error(429, "Too Many Requests", "slow down")
    if quirk == "html":
        return Page(f"<html><title>Whois {name}</title><p>Please use the web form.</p></html>")
    registered = record.registered
    events: list[dict[str, str]] = []
    if registered is not None:
        if quirk == "offset_date":
            stamp = f"{registered.isoformat()}T09:15:02.437+08:00"
        else:
            stamp = f"{registered.isoformat()}T09:15:02Z"
        expires = registered + timedelta(days=365)
        events = [
            {"eventAction": "registration", "eventDate": stamp},
            {"eventAction": "expiration", "eventDate": f"{expires.isoformat()}T09:15:02Z"},
        ]
    events.append({"eventAction": "last changed", "eventDate": "2025-06-01T00:00:00Z"})
    if quirk == "last_changed_only":
        events = events[-1:]
    body: dict[str, object] = {
        "objectClassName": "domain",
        "rdapConformance": ["rdap_level_0", "icann_rdap_response_profile_1"],
        "handle": f"D{zlib.crc32(name.encode()) % 10**8}-WORLD",
        "ldhName": name.upper() if quirk == "offset_date" else name,
        "status": ["active"],
        "nameservers": [
            {"objectClassName": "nameserver", "ldhName": f"ns1.{name}"},
            {"objectClassName": "nameserver", "ldhName": f"ns2.{name}"},
        ],
    }
    if quirk != "no_events":
        body["events"] = events
    page = Page(json.dumps(body), 200, RDAP_CONTENT_TYPE)
    return Delayed(30.0, page) if quirk == "slow" else page


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
