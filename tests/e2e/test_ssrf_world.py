"""End to end over the test world: names that resolve to non-global addresses are never
fetched without ``--allow-private``, whichever IPv6 form hides the address."""

from __future__ import annotations

import ipaddress
import json
from collections.abc import Iterator
from typing import Any

import pytest

from leadcheck.cli import main
from tests.world import World

pytestmark = pytest.mark.world

# host -> (A records, AAAA records); each name's only addresses are non-global
HOSTS: dict[str, tuple[list[str], list[str]]] = {
    "nat64-loopback-aqua.com": ([], ["64:ff9b::7f00:1"]),
    "nat64-metadata-aqua.com": ([], ["64:ff9b::a9fe:a9fe"]),
    "nat64-local-use-aqua.com": ([], ["64:ff9b:1::808:808"]),
    "v4-compatible-aqua.com": ([], ["::7f00:1"]),
    "v4-mapped-aqua.com": ([], ["::ffff:169.254.169.254"]),
    "site-local-aqua.com": ([], ["fec0::1"]),
    "sixtofour-aqua.com": ([], ["2002:7f00:1::1"]),
    "teredo-aqua.com": ([], ["2001:0:4136:e378:8000:63bf:80ff:fffe"]),  # client 127.0.0.1
    "documentation-aqua.com": (["192.0.2.10"], []),
    "benchmarking-aqua.com": (["198.18.0.1"], []),
    "dummy-aqua.com": (["192.0.0.8"], []),
    # one non-global answer among others is enough to refuse the name
    "mixed-aqua.com": (["192.88.99.1"], ["fec0::2"]),
}


@pytest.fixture(scope="module")
def ssrf_world() -> Iterator[World]:
    with World() as world:
        for host, (a, aaaa) in HOSTS.items():
            world.add_domain(host, a=a, aaaa=aaaa)
        yield world


def verify(world: World, website: str, monkeypatch: pytest.MonkeyPatch, capsys: Any) -> Any:
    for name, value in world.env().items():
        monkeypatch.setenv(name, value)
    args = [a for a in world.cli_args() if a != "--allow-private"]
    code = main(["verify", *args, "--website", website, "--json", "--timeout", "5"])
    assert code == 0
    return json.loads(capsys.readouterr().out)


@pytest.mark.parametrize("host", sorted(HOSTS))
def test_names_resolving_to_special_addresses_are_refused(
    host: str,
    ssrf_world: World,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    ssrf_world.reset_stats()
    report = verify(ssrf_world, f"https://{host}/", monkeypatch, capsys)
    site = report["website"]
    assert site["refused"] is True
    a, aaaa = HOSTS[host]
    refused = ipaddress.ip_address(site["refused_address"])
    assert refused in {ipaddress.ip_address(text) for text in a + aaaa}
    assert report["verdict"]["label"] != "genuine"
    assert ssrf_world.requests() == []  # nothing reached the world's web servers


@pytest.mark.parametrize(
    "url", ["http://[64:ff9b::7f00:1]/", "http://[::7f00:1]/", "http://[fec0::1]/"]
)
def test_literal_addresses_are_refused(
    url: str,
    ssrf_world: World,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    report = verify(ssrf_world, url, monkeypatch, capsys)
    assert report["website"]["refused"] is True
