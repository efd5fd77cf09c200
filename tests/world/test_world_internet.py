"""The world behaves like the internet where a checker probes its own network: SOA for
the root and the TLDs, NXDOMAIN with the closest zone's SOA, the known-good hosts, RDAP
registries; and it breaks on purpose (a lying resolver, a network refusing every
connection)."""

from __future__ import annotations

import json
import socket
from datetime import UTC, datetime, timedelta

import dns.rcode
import dns.rdatatype
import pytest

from leadcheck.net.config import NetConfig
from leadcheck.world.world import DEFAULT_REGISTERED, World

from .test_world import ask, client, get


def soa_owner(reply: object) -> str:
    authority = reply.authority  # type: ignore[attr-defined]
    assert authority
    assert authority[0].rdtype == dns.rdatatype.SOA
    return str(authority[0].name)


@pytest.mark.parametrize("name", [".", "de", "com", "xyz", "cn", "co.uk", "com.cn"])
def test_the_root_and_the_tlds_have_soa(world: World, name: str) -> None:
    reply = ask(world, name, "SOA")
    assert reply.rcode() == dns.rcode.NOERROR
    assert reply.answer
    assert reply.answer[0].rdtype == dns.rdatatype.SOA


def test_names_that_do_not_exist_carry_the_closest_zones_soa(world: World) -> None:
    missing = ask(world, "no-such-company-anywhere.de", "A")
    assert missing.rcode() == dns.rcode.NXDOMAIN
    assert soa_owner(missing) == "de."
    under = ask(world, "nothing.aquatech-wasser.de", "A")
    assert under.rcode() == dns.rcode.NXDOMAIN
    assert soa_owner(under) == "aquatech-wasser.de."
    bogus_tld = ask(world, "acme.con", "A")  # .con is no TLD
    assert bogus_tld.rcode() == dns.rcode.NXDOMAIN
    assert soa_owner(bogus_tld) == "."
    assert ask(world, "con", "SOA").rcode() == dns.rcode.NXDOMAIN


def test_a_tld_has_no_address_but_exists(world: World) -> None:
    reply = ask(world, "de", "A")
    assert reply.rcode() == dns.rcode.NOERROR
    assert not reply.answer
    assert soa_owner(reply) == "de."


def test_the_known_good_hosts_are_served(world: World) -> None:
    with client(world) as http:
        for host in NetConfig().known_good_hosts:
            assert ask(world, host, "A").answer
            assert get(http, world, f"https://{host}/").status_code == 200


def test_a_resolver_that_denies_everything(fresh_world: World) -> None:
    world = fresh_world
    world.add_site("aqua-mode-test.de", {"/": "<title>x</title>"})
    world.dns_mode = "deny_all"
    try:
        for name, rdtype in ((".", "SOA"), ("de", "SOA"), ("aqua-mode-test.de", "A")):
            reply = ask(world, name, rdtype)
            assert reply.rcode() == dns.rcode.NXDOMAIN, name
    finally:
        world.dns_mode = "normal"
    assert ask(world, "aqua-mode-test.de", "A").answer  # answers are not stuck in a cache


def connect(world: World, port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(2)
        try:
            sock.connect((world.address, port))
        except ConnectionRefusedError:
            return False
        return True


def test_a_network_that_refuses_every_connection(fresh_world: World) -> None:
    world = fresh_world
    world.add_site("aqua-refuse-test.de", {"/": "<title>Refuse test</title>"})
    ports = (world.http_port, world.https_port)
    world.network_mode = "refuse_all"
    assert not any(connect(world, port) for port in ports)
    assert ask(world, "aqua-refuse-test.de", "A").answer  # DNS still answers
    world.network_mode = "serve"
    assert (world.http_port, world.https_port) == ports  # same ports: the port map holds
    with client(world) as http:
        assert get(http, world, "https://aqua-refuse-test.de/").status_code == 200


def test_a_world_can_start_refusing() -> None:
    world = World()
    world.network_mode = "refuse_all"
    with world:
        assert not connect(world, world.https_port)


def rdap(world: World, host: str, path: str) -> tuple[int, dict[str, object] | str]:
    with client(world) as http:
        response = get(http, world, f"https://{host}{path}")
    if "json" in response.headers.get("content-type", ""):
        return response.status_code, response.json()
    return response.status_code, response.text


def registration(body: object) -> str | None:
    events = body.get("events", []) if isinstance(body, dict) else []
    return next((e["eventDate"] for e in events if e["eventAction"] == "registration"), None)


def test_the_registries_answer_rdap_for_every_domain(world: World) -> None:
    status, body = rdap(world, "rdap.verisign.com", "/com/v1/domain/clearflow-industrial.com")
    assert status == 200
    assert isinstance(body, dict)
    assert body["objectClassName"] == "domain"
    assert registration(body) == f"{DEFAULT_REGISTERED.isoformat()}T09:15:02Z"
    status, body = rdap(world, "rdap.verisign.com", "/com/v1/domain/never-registered-zz.com")
    assert status == 404
    assert isinstance(body, dict)
    assert body["errorCode"] == 404


def test_registrations_and_quirks(fresh_world: World) -> None:
    world = fresh_world
    for name in ("days-old.com", "no-events.com", "offset.com", "limited.com", "page.com"):
        world.add_mail_domain(name)
    world.set_registration("days-old.com", 9)
    world.set_registration("no-events.com", 100, quirk="no_events")
    world.set_registration("offset.com", 400, quirk="offset_date")
    world.set_registration("limited.com", 400, quirk="rate_limited")
    world.set_registration("page.com", 400, quirk="html")
    host = "rdap.verisign.com"
    _, body = rdap(world, host, "/com/v1/domain/days-old.com")
    nine_days_ago = (datetime.now(UTC) - timedelta(days=9)).date().isoformat()
    assert registration(body) == f"{nine_days_ago}T09:15:02Z"
    _, body = rdap(world, host, "/com/v1/domain/no-events.com")
    assert isinstance(body, dict)
    assert "events" not in body
    _, body = rdap(world, host, "/com/v1/domain/offset.com")
    assert isinstance(body, dict)
    assert body["ldhName"] == "OFFSET.COM"
    assert str(registration(body)).endswith("+08:00")
    status, _ = rdap(world, host, "/com/v1/domain/limited.com")
    assert status == 429
    status, text = rdap(world, host, "/com/v1/domain/page.com")
    assert status == 200
    assert isinstance(text, str)
    assert text.startswith("<html>")
    json.dumps(body)
