"""Sanity tests of the test world itself, with dnspython and httpx as the clients.

Clients here never resolve names through the system: DNS goes to ``world.nameserver`` and
HTTP(S) goes to the world's address with the Host header / SNI set, redirects unfollowed.
"""

from __future__ import annotations

import asyncio
import socket
import ssl
import time
import warnings
import zlib
from urllib.parse import urljoin, urlsplit

import dns.asyncquery
import dns.asyncresolver
import dns.exception
import dns.flags
import dns.message
import dns.name
import dns.query
import dns.rcode
import dns.rdatatype
import dns.resolver
import httpx
import pytest

from leadcheck.world import world as world_module
from leadcheck.world.http_server import Page
from leadcheck.world.world import World, WorldStartError

from .scenarios import SCENARIOS, get_scenario, scenarios

INQUIRY_FIELDS = {"email", "website", "phone", "country", "company", "contact", "message"}
LABELS = {"genuine", "suspicious", "fake", "unknown"}


# -- helpers -----------------------------------------------------------------------------------
def ask(world: World, name: str, rdtype: str, *, tcp: bool = False, timeout: float = 2.0,
        edns: bool = True) -> dns.message.Message:  # fmt: skip
    query = dns.message.make_query(name, rdtype, use_edns=0 if edns else None)
    if tcp:
        return dns.query.tcp(query, world.address, port=world.dns_port, timeout=timeout)
    return dns.query.udp(query, world.address, port=world.dns_port, timeout=timeout)


def resolver(world: World, lifetime: float = 3.0) -> dns.resolver.Resolver:
    res = dns.resolver.Resolver(configure=False)
    res.nameservers = [world.address]
    res.port = world.dns_port
    res.lifetime = lifetime
    return res


def client(
    world: World, *, verify: bool | ssl.SSLContext = True, timeout: float = 5.0
) -> httpx.Client:
    if verify is True:
        verify = ssl.create_default_context(cafile=str(world.ca_file))
    return httpx.Client(verify=verify, timeout=timeout, trust_env=False, follow_redirects=False)


def get(http: httpx.Client, world: World, url: str, **kwargs: object) -> httpx.Response:
    """GET ``url`` from the world: connect to its address, Host header and SNI from the URL."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    scheme = parts.scheme
    port = world.https_port if scheme == "https" else world.http_port
    target = f"{scheme}://{world.address}:{port}{parts.path or '/'}"
    if parts.query:
        target += "?" + parts.query
    return http.get(target, headers={"Host": host}, extensions={"sni_hostname": host}, **kwargs)  # type: ignore[arg-type]


def as_url(website: str) -> str:
    """What a rep typed, as a URL with an ASCII host (https:// assumed)."""
    url = website if "://" in website else f"https://{website}"
    parts = urlsplit(url)
    host = (parts.hostname or "").encode("idna").decode("ascii")
    return f"{parts.scheme}://{host}{parts.path or '/'}"


def fetch(world: World, url: str, *, max_hops: int = 10) -> tuple[httpx.Response, list[str]]:
    """Follow redirects inside the world (every host must resolve to the world)."""
    hops = [url]
    with client(world) as http:
        for _ in range(max_hops):
            host = urlsplit(url).hostname or ""
            answer = resolver(world).resolve(host, "A")
            assert {r.address for r in answer} == {world.address}, f"{host} leaves the world"
            response = get(http, world, url)
            if response.is_redirect:
                url = urljoin(url, response.headers["location"])
                hops.append(url)
                continue
            return response, hops
    raise AssertionError(f"more than {max_hops} redirects from {hops[0]}")


# -- DNS ---------------------------------------------------------------------------------------
def test_a_record_case_insensitive(world: World) -> None:
    reply = ask(world, "WWW.AquaTech-Wasser.DE", "A")
    assert reply.rcode() == dns.rcode.NOERROR
    assert [r.address for r in reply.answer[0]] == [world.address]


def test_nxdomain_and_nodata_differ(world: World) -> None:
    missing = ask(world, "aquapure-solutions-gmbh.de", "A")
    assert missing.rcode() == dns.rcode.NXDOMAIN
    assert not missing.answer
    assert missing.authority[0].rdtype == dns.rdatatype.SOA
    nodata = ask(world, "aquatech-wasser.de", "AAAA")
    assert nodata.rcode() == dns.rcode.NOERROR
    assert not nodata.answer
    assert nodata.authority[0].rdtype == dns.rdatatype.SOA
    # _dmarc.<domain> exists, so does its parent: NODATA for a type it lacks
    assert ask(world, "_dmarc.aquatech-wasser.de", "MX").rcode() == dns.rcode.NOERROR


def test_mx_spf_dmarc(world: World) -> None:
    mx = resolver(world).resolve("acuicultura-delmar.es", "MX")
    assert str(min(mx, key=lambda r: r.preference).exchange) == "aspmx.l.google.com."
    spf = resolver(world).resolve("acuicultura-delmar.es", "TXT")
    assert any(b"v=spf1" in b"".join(r.strings) for r in spf)
    dmarc = resolver(world).resolve("_dmarc.acuicultura-delmar.es", "TXT")
    assert b"".join(dmarc[0].strings).startswith(b"v=DMARC1")
    m365 = resolver(world).resolve("clearflow-industrial.com", "MX")
    assert str(m365[0].exchange).endswith(".mail.protection.outlook.com.")
    assert resolver(world).resolve("mxbiz1.qq.com", "A")  # MX hosts have addresses


def test_null_mx(world: World) -> None:
    answer = resolver(world).resolve("nomail-industrietechnik.de", "MX")
    assert [(r.preference, str(r.exchange)) for r in answer] == [(0, ".")]


def test_cname_chain_in_answer(world: World) -> None:
    reply = ask(world, "www.hydro-cloud-solutions.com", "A")
    types = [rrset.rdtype for rrset in reply.answer]
    assert types == [dns.rdatatype.CNAME, dns.rdatatype.CNAME, dns.rdatatype.A]
    answer = resolver(world).resolve("www.hydro-cloud-solutions.com", "A")
    assert answer.canonical_name.to_text() == "waws-prod-am2-317.sip.azurewebsites.windows.net."


def test_dangling_cname_is_nxdomain(world: World) -> None:
    reply = ask(world, "www.oldsite-aqua.com", "A")
    assert reply.rcode() == dns.rcode.NXDOMAIN
    assert reply.answer[0].rdtype == dns.rdatatype.CNAME


def test_servfail_and_refused(world: World) -> None:
    assert ask(world, "aquasysteme-nord.de", "MX").rcode() == dns.rcode.SERVFAIL
    assert ask(world, "www.aquasysteme-nord.de", "A").rcode() == dns.rcode.SERVFAIL  # subtree
    assert ask(world, "www.gemischte-stoerung.de", "A").rcode() == dns.rcode.SERVFAIL
    assert ask(world, "gemischte-stoerung.de", "A").rcode() == dns.rcode.NOERROR
    assert ask(world, "lame-delegation-aqua.com", "A").rcode() == dns.rcode.REFUSED
    # a fault limited to MX leaves the other types alone
    assert ask(world, "filtertechnik-rhein.de", "MX").rcode() == dns.rcode.SERVFAIL
    assert ask(world, "filtertechnik-rhein.de", "A").rcode() == dns.rcode.NOERROR


def test_timeout_never_answers(world: World) -> None:
    with pytest.raises(dns.exception.Timeout):
        ask(world, "wassertechnik-sued.de", "MX", timeout=0.3)
    with pytest.raises(dns.exception.Timeout):
        ask(world, "wassertechnik-sued.de", "MX", timeout=0.3, tcp=True)


def test_truncation_then_tcp(world: World) -> None:
    world.reset_stats()
    udp = ask(world, "grossanlagen-wasser.de", "MX")
    assert udp.flags & dns.flags.TC
    assert not udp.answer
    assert ask(world, "grossanlagen-wasser.de", "MX", tcp=True).answer
    answer = resolver(world).resolve("grossanlagen-wasser.de", "MX")  # retries over TCP
    assert len(answer) == 2
    assert world.dns_queries()[("grossanlagen-wasser.de.", "MX", "tcp")] >= 2


def test_large_answer_truncates_naturally(fresh_world: World) -> None:
    tokens = [f"google-site-verification={'x' * 43}{i}" for i in range(12)]
    fresh_world.add_domain("enterprise.example", txt=tokens)
    plain = ask(fresh_world, "enterprise.example", "TXT", edns=False)
    assert plain.flags & dns.flags.TC
    assert len(resolver(fresh_world).resolve("enterprise.example", "TXT")) == 12


def test_async_resolver_and_throughput(world: World) -> None:
    async def run() -> float:
        res = dns.asyncresolver.Resolver(configure=False)
        res.nameservers = [world.address]
        res.port = world.dns_port
        started = time.perf_counter()
        names = ["gmail.com", "qq.com", "163.com", "mail.ru", "yandex.ru"] * 40
        answers = await asyncio.gather(*(res.resolve(n, "MX") for n in names))
        assert all(len(a) >= 1 for a in answers)
        return time.perf_counter() - started

    assert asyncio.run(run()) < 5.0


def test_dns_delay_is_concurrent(fresh_world: World) -> None:
    fresh_world.add_domain("slow.example", a=["127.0.0.1"])
    fresh_world.dns_delay = 0.3

    async def run() -> float:
        started = time.perf_counter()
        queries = [dns.message.make_query("slow.example", "A") for _ in range(30)]
        replies = await asyncio.gather(
            *(
                dns.asyncquery.udp(q, fresh_world.address, 3, port=fresh_world.dns_port)
                for q in queries
            )
        )
        assert all(r.answer for r in replies)
        return time.perf_counter() - started

    elapsed = asyncio.run(run())
    assert 0.3 <= elapsed < 1.5


def test_per_name_delay(world: World, fresh_world: World) -> None:
    assert world.zone.lookup(dns.name.from_text("langsam-dns-wasser.de"), 1).delay == 1.5
    fresh_world.add_domain("slow.example", a=["127.0.0.1"], delay=0.3)
    started = time.perf_counter()
    assert ask(fresh_world, "www.slow.example", "A").rcode() == dns.rcode.NXDOMAIN
    assert ask(fresh_world, "slow.example", "A").answer
    assert time.perf_counter() - started >= 0.6


# -- HTTP(S) -----------------------------------------------------------------------------------
def test_valid_tls_page(world: World) -> None:
    with client(world) as http:
        response = get(http, world, "https://www.aquatech-wasser.de/")
    assert response.status_code == 200
    assert "<title>AquaTech Wassertechnik GmbH" in response.text
    assert 'href="https://wa.me/4917612345678"' in response.text
    assert response.headers["content-encoding"] == "gzip"  # httpx asks for it, and decodes


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("https://hydrotec-anlagenbau.de/", "certificate has expired"),
        ("https://aqua-service-ost.de/", "self-signed certificate"),
        ("https://wasserwerk-technik.de/", "Hostname mismatch"),
        ("https://brunnenbau-schwarz.de/", "handshake failure|EOF occurred"),
    ],
)
def test_tls_failures(world: World, url: str, message: str) -> None:
    with client(world) as http, pytest.raises(httpx.ConnectError, match=message):
        get(http, world, url)


def test_bad_certificate_page_still_served(world: World) -> None:
    insecure = ssl.create_default_context()
    insecure.check_hostname = False
    insecure.verify_mode = ssl.CERT_NONE
    with client(world, verify=insecure) as http:
        response = get(http, world, "https://wasserwerk-technik.de/")
    assert response.status_code == 200
    assert "Wasserwerk Technik GmbH" in response.text


def test_http_only_site(world: World) -> None:
    with client(world) as http:
        response = get(http, world, "http://brunnenbau-schwarz.de/")
    assert response.status_code == 200


def test_redirects_http_to_https_and_apex_to_www(world: World) -> None:
    response, hops = fetch(world, "http://aquatech-wasser.de/")
    assert response.status_code == 200
    assert (
        hops
        == [
            "http://aquatech-wasser.de/",
            "https://www.aquatech-wasser.de/",
        ]
        or hops[-1] == "https://www.aquatech-wasser.de/"
    )
    with client(world) as http:
        first = get(http, world, "http://www.aquatech-wasser.de/kontakt?x=1")
    assert first.status_code == 301
    assert first.headers["location"] == "https://www.aquatech-wasser.de/kontakt?x=1"


def test_redirect_loop_and_chain(world: World) -> None:
    with pytest.raises(AssertionError, match="more than 10 redirects"):
        fetch(world, "https://filtra-systems.com/")
    response, hops = fetch(world, "https://aquaredirect-group.com/", max_hops=12)
    assert response.status_code == 200
    assert len(hops) == 11


def test_ssrf_redirect_location_is_expanded(world: World) -> None:
    with client(world) as http:
        response = get(http, world, "https://redirect-internal-aqua.com/")
        origin = world.origin("http").removesuffix(":80")
        assert response.headers["location"] == f"{origin}/admin/"
        admin = http.get(response.headers["location"])
    assert "INTERNAL-ADMIN" in admin.text
    meta = resolver(world).resolve("metadata-aqua-cloud.com", "A")
    assert [r.address for r in meta] == ["169.254.169.254"]


def test_gzip_bomb(world: World) -> None:
    with (
        client(world) as http,
        http.stream(
            "GET",
            f"https://{world.address}:{world.https_port}/",
            headers={"Host": "compressed-aqua.com"},
            extensions={"sni_hostname": "compressed-aqua.com"},
        ) as response,
    ):
        raw = b"".join(response.iter_raw())
    assert response.headers["content-encoding"] == "gzip"
    assert len(raw) < 200_000
    inflater = zlib.decompressobj(31)
    inflated = 0
    chunk = inflater.decompress(raw, 1 << 20)
    while chunk:
        inflated += len(chunk)
        chunk = inflater.decompress(inflater.unconsumed_tail, 1 << 20)
    assert inflated == 50_000_000


def test_huge_body_streams(world: World) -> None:
    with (
        client(world) as http,
        http.stream(
            "GET",
            f"https://{world.address}:{world.https_port}/",
            headers={"Host": "catalog-heavy-pumps.com"},
            extensions={"sni_hostname": "catalog-heavy-pumps.com"},
        ) as response,
    ):
        assert response.headers["content-length"] == "30000000"
        first = b""
        for chunk in response.iter_bytes():
            first += chunk
            if len(first) > 2_000_000:
                break
    assert b"<title>Heavy Pumps Catalogue Ltd" in first[:5000]


@pytest.mark.parametrize("host", ["slowdrip-water.com", "blackhole-aqua.com"])
def test_tarpits_time_out(world: World, host: str) -> None:
    with client(world, timeout=0.5) as http, pytest.raises(httpx.ReadTimeout):
        get(http, world, f"https://{host}/")  # reads the body, which never ends


def test_reset(world: World) -> None:
    with client(world) as http, pytest.raises((httpx.ReadError, httpx.RemoteProtocolError)):
        get(http, world, "https://aquaphase-engineering.com/")


def test_unknown_host_and_errors(world: World) -> None:
    with client(world) as http:
        unknown = get(http, world, "http://no-such-site.example/")
        assert unknown.status_code == 404
        assert "no such site" in unknown.text
        assert get(http, world, "https://pumpen-service-mitte.de/").status_code == 500
        assert get(http, world, "https://aqua-nordic-trade.com/").status_code == 404


def test_keep_alive_and_connection_close(world: World) -> None:
    with socket.create_connection((world.address, world.http_port), timeout=3) as sock:
        request = b"GET /robots.txt HTTP/1.1\r\nHost: brunnenbau-schwarz.de\r\n\r\n"
        sock.sendall(request + request.replace(b"\r\n\r\n", b"\r\nConnection: close\r\n\r\n"))
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
    assert data.count(b"HTTP/1.1 200 OK") == 2
    assert b"Connection: keep-alive" in data
    assert data.rstrip().endswith(b"Allow: /")  # the server closed after the second answer


def test_http_delay_and_concurrency(fresh_world: World) -> None:
    fresh_world.add_site("busy.example", {"/": Page("<title>busy</title>")}, tls="valid")
    fresh_world.http_delay = 0.3

    async def run() -> float:
        context = ssl.create_default_context(cafile=str(fresh_world.ca_file))
        limits = httpx.Limits(max_connections=300)
        async with httpx.AsyncClient(verify=context, trust_env=False, limits=limits) as http:
            started = time.perf_counter()
            responses = await asyncio.gather(
                *(
                    http.get(
                        f"https://{fresh_world.address}:{fresh_world.https_port}/",
                        headers={"Host": "busy.example"},
                        extensions={"sni_hostname": "busy.example"},
                    )
                    for _ in range(100)
                )
            )
            assert all(r.status_code == 200 for r in responses)
            return time.perf_counter() - started

    elapsed = asyncio.run(run())
    assert 0.3 <= elapsed < 5.0


# -- World -------------------------------------------------------------------------------------
def test_cli_args_env_and_port_map(world: World) -> None:
    assert world.nameserver == f"{world.address}:{world.dns_port}"
    assert world.env() == {"SSL_CERT_FILE": str(world.ca_file)}
    assert world.ca_file.read_text().startswith("-----BEGIN CERTIFICATE-----")
    args = world.cli_args()
    assert args[:3] == ["--nameserver", world.nameserver, "--allow-private"]
    if world.port_map:
        assert world.port_map == {80: world.http_port, 443: world.https_port}
        assert args[3:] == [
            "--port-map", f"80={world.http_port}", "--port-map", f"443={world.https_port}",
        ]  # fmt: skip
    else:
        assert args[3:] == []


def test_world_run_fixture(world_run: object) -> None:
    import os

    assert os.environ["SSL_CERT_FILE"] == world_run.env["SSL_CERT_FILE"]  # type: ignore[attr-defined]
    assert "HTTPS_PROXY" not in os.environ


def test_declare_before_start_and_stop_cleanly() -> None:
    world = World()
    world.add_site("early.example", {"/": "<title>early</title>"})
    with world:
        assert ask(world, "early.example", "A").answer
        world.add_mail_domain("late.example")
        assert ask(world, "late.example", "MX").answer
        ca_file = world.ca_file
    assert not world.running
    assert not ca_file.exists()
    world.stop()  # idempotent


def test_only_loopback() -> None:
    with pytest.raises(ValueError, match="loopback"):
        World(address="0.0.0.0")


def test_standard_ports_failure_is_clear(monkeypatch: pytest.MonkeyPatch) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        monkeypatch.setattr(world_module, "STANDARD_PORTS", {"dns": 0, "http": port, "https": 0})
        with pytest.raises(WorldStartError, match=f"127.0.0.1:{port}/tcp.*standard_ports=False"):
            World(standard_ports=True).start()
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            with World(standard_ports=True, fallback=True) as fallback:
                assert fallback.http_port != port
                assert fallback.port_map
        assert "falling back" in str(caught[0].message)


# -- the scenario catalogue ------------------------------------------------------------------
def test_catalogue_is_well_formed() -> None:
    assert len(SCENARIOS) >= 60
    for scenario in SCENARIOS:
        assert set(scenario.inquiry) == INQUIRY_FIELDS, scenario.name
        assert scenario.expect_label in LABELS
        assert set(scenario.labels) <= LABELS
        assert scenario.summary
    assert get_scenario("null_mx_with_real_site").expect["mx"] == "null"
    assert all(not s.slow for s in scenarios(include_slow=False))
    assert all(not s.leaves_loopback_with_allow_private for s in scenarios(with_allow_private=True))
    assert all(s.requires_no_allow_private for s in scenarios(tags=["ssrf"]))
    for label in LABELS:
        assert scenarios_with(label), label


def scenarios_with(label: str) -> list[str]:
    return [s.name for s in SCENARIOS if s.expect_label == label]


@pytest.mark.parametrize(
    "scenario",
    [
        s
        for s in SCENARIOS
        if s.expect.get("page_kind") == "company"
        and not s.slow
        and "body_truncated" not in s.expect
        and s.expect.get("tls_valid") is not False  # bad certificates: test_verify_world
    ],
    ids=lambda s: s.name,
)
def test_company_scenarios_serve_their_page(world: World, scenario: object) -> None:
    """Every 'company' scenario's website answers with the title the scenario promises."""
    expect = scenario.expect  # type: ignore[attr-defined]
    website = scenario.inquiry["website"] or expect["final_url"]  # type: ignore[attr-defined]
    if "fallback" in scenario.tags:  # type: ignore[attr-defined]
        website = expect["final_url"]  # what was typed does not answer: that is the point
    url = as_url(website) if expect.get("https", True) else expect["final_url"]
    response, hops = fetch(world, url)
    assert response.status_code == 200
    assert hops[-1] == expect["final_url"]
    assert f"<title>{expect['title']}" in response.text.replace("&amp;", "&").replace("&#x27;", "'")
    assert f'lang="{expect["lang"]}"' in response.text


@pytest.mark.parametrize(
    "scenario",
    [s for s in SCENARIOS if s.expect.get("page_kind") in ("parked", "for_sale", "hosting_default",
                                                            "suspended", "under_construction")],
    ids=lambda s: s.name,
)  # fmt: skip
def test_dead_pages_are_served(world: World, scenario: object) -> None:
    website = scenario.inquiry["website"]  # type: ignore[attr-defined]
    response, _ = fetch(world, as_url(website))
    assert response.status_code == 200
    assert "<title>" in response.text


def test_startup_is_fast() -> None:
    started = time.perf_counter()
    with World():
        pass
    assert time.perf_counter() - started < 1.0
