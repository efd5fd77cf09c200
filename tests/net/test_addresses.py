"""The address guard: IANA special-purpose ranges and IPv6 forms that carry IPv4.

These tests use only network membership, so they give the same answers on every
Python version (run them with 3.11, 3.12 and 3.13 alike).
"""

from __future__ import annotations

import ipaddress

import pytest
from hypothesis import given
from hypothesis import strategies as st

from leadcheck.net.addresses import (
    IPV4_SPECIAL,
    IPV6_SPECIAL,
    embedded_ipv4,
    is_public,
    judge,
    parse_ip,
    refusal_reason,
)

REFUSED = [
    # IPv4 registry
    "0.0.0.0",
    "0.1.2.3",
    "10.0.0.5",
    "100.64.0.1",
    "127.0.0.1",
    "127.255.255.254",
    "169.254.169.254",
    "172.16.3.4",
    "172.31.255.255",
    "192.0.0.1",
    "192.0.0.8",
    "192.0.0.170",
    "192.0.0.171",
    "192.0.2.10",
    "192.88.99.1",
    "192.168.1.1",
    "198.18.0.1",
    "198.19.255.255",
    "198.51.100.7",
    "203.0.113.9",
    "224.0.0.1",
    "239.255.255.250",
    "240.0.0.1",
    "255.255.255.255",
    # IPv6 registry and address space
    "::",
    "::1",
    "fe80::1",
    "fc00::1",
    "fd12:3456::1",
    "fec0::1",  # site-local (deprecated), which Python 3.11 calls global
    "feff::1",
    "ff02::1",
    "100::1",
    "2001:2::1",
    "2001:10::1",
    "2001:db8::1",
    "3fff::1",
    "5f00::1",
    "4000::1",  # not allocated: outside 2000::/3
    "64:ff9b:1::808:808",  # local-use NAT64 is not globally reachable
    "2001:0:4136:e378:8000:63bf:f7f7:f7f7",  # Teredo, whatever it carries
    # IPv6 forms carrying a non-public IPv4 address
    "::ffff:127.0.0.1",
    "::ffff:10.0.0.1",
    "::ffff:169.254.169.254",
    "::7f00:1",  # IPv4-compatible 127.0.0.1
    "::a9fe:a9fe",
    "64:ff9b::7f00:1",  # NAT64 well-known prefix + 127.0.0.1
    "64:ff9b::a9fe:a9fe",  # ... + 169.254.169.254
    "64:ff9b::a00:5",
    "64:ff9b:1::7f00:1",
    "2002:7f00:1::",  # 6to4 wrapping 127.0.0.1
    "2002:a9fe:a9fe::1",
    "2002:c0a8:101::1",
]

ALLOWED = [
    "93.184.216.34",
    "8.8.8.8",
    "1.1.1.1",
    "192.0.0.9",  # PCP anycast: reachable inside the unreachable 192.0.0.0/24
    "192.0.0.10",
    "192.31.196.1",
    "192.175.48.6",
    "2606:4700:4700::1111",
    "2a00:1450:4001:82b::200e",
    "::ffff:93.184.216.34",  # IPv4-mapped: the IPv4 address decides
    "64:ff9b::808:808",  # NAT64 well-known prefix to a public address
    "2002:808:808::1",  # 6to4 of a public address
    "2001:1::1",
    "2001:3::1",
    "2001:4:112::1",
    "2001:20::1",
    "2620:4f:8000::1",
]


@pytest.mark.parametrize("text", REFUSED)
def test_non_public_addresses_are_refused(text: str) -> None:
    address = parse_ip(text)
    assert address is not None
    assert not is_public(address)
    assert refusal_reason(address)


@pytest.mark.parametrize("text", ALLOWED)
def test_public_addresses_are_allowed(text: str) -> None:
    address = parse_ip(text)
    assert address is not None
    assert is_public(address), refusal_reason(address)
    assert refusal_reason(address) == ""


@pytest.mark.parametrize(
    "entry", IPV4_SPECIAL + IPV6_SPECIAL, ids=lambda e: f"{e.network}-{e.name}"
)
def test_every_registry_entry_decides_its_addresses(entry: object) -> None:
    """Each entry's first and last address are judged as the entry says, unless a more
    specific entry or an embedded IPv4 address decides."""
    from leadcheck.net.addresses import SpecialRange

    assert isinstance(entry, SpecialRange)
    table = IPV4_SPECIAL if entry.network.version == 4 else IPV6_SPECIAL
    for address in (entry.network.network_address, entry.network.broadcast_address):
        inner = [
            other
            for other in table
            if other is not entry
            and address in other.network
            and other.network.prefixlen > entry.network.prefixlen
        ]
        carries = isinstance(address, ipaddress.IPv6Address) and embedded_ipv4(address)
        if inner or carries:
            continue
        assert is_public(address) is entry.reachable, (address, entry.name)
        if not entry.reachable:
            assert entry.name in refusal_reason(address)


def test_reasons_name_the_embedded_address() -> None:
    reason = refusal_reason(ipaddress.IPv6Address("64:ff9b::7f00:1"))
    assert "127.0.0.1" in reason
    assert "loopback" in reason
    assert "fec0::/10" in refusal_reason(ipaddress.IPv6Address("fec0::1"))


def test_embedded_ipv4_forms() -> None:
    def inner(text: str) -> list[str]:
        return [str(a) for a in embedded_ipv4(ipaddress.IPv6Address(text))]

    assert inner("::ffff:1.2.3.4") == ["1.2.3.4"]
    assert inner("::1.2.3.4") == ["1.2.3.4"]
    assert inner("64:ff9b::1.2.3.4") == ["1.2.3.4"]
    assert inner("64:ff9b:1::1.2.3.4") == ["1.2.3.4"]
    assert inner("2002:102:304::") == ["1.2.3.4"]
    # Teredo: server 65.54.227.120, client 192.0.2.45 stored inverted (RFC 4380's example)
    assert inner("2001:0:4136:e378:8000:63bf:3fff:fdd2") == ["65.54.227.120", "192.0.2.45"]
    assert inner("::1") == []
    assert inner("::") == []
    assert inner("2606:4700::1") == []


@given(st.integers(min_value=0, max_value=2**128 - 1))
def test_any_ipv6_address_is_judged(value: int) -> None:
    address = ipaddress.IPv6Address(value)
    verdict = judge(address)
    assert verdict.allowed is (verdict.reason == "")
    for inner in embedded_ipv4(address):
        if not is_public(inner):
            assert not verdict.allowed
    if verdict.allowed and address not in ipaddress.IPv6Network("::ffff:0:0/96"):
        assert address in ipaddress.IPv6Network("2000::/3") or (
            address in ipaddress.IPv6Network("64:ff9b::/96")
        )


@given(st.integers(min_value=0, max_value=2**32 - 1))
def test_ipv4_mapped_matches_ipv4(value: int) -> None:
    v4 = ipaddress.IPv4Address(value)
    mapped = ipaddress.IPv6Address((0xFFFF << 32) | value)
    assert is_public(mapped) is is_public(v4)


def test_parse_ip() -> None:
    assert parse_ip("[::1]") is not None
    assert parse_ip("example.com") is None
    assert parse_ip("fe80::1%eth0") is not None


def _reference_parse_ip(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    candidate = text.strip()
    if candidate.startswith("[") and candidate.endswith("]"):
        candidate = candidate[1:-1]
    try:
        return ipaddress.ip_address(candidate.split("%", 1)[0])
    except ValueError:
        return None


@given(
    st.one_of(
        st.text(),
        st.text(alphabet="0123456789abcdefABCDEF.:%[] \u0660\u00b2\uff11gx", max_size=45),
        st.ip_addresses().map(str),
        st.ip_addresses(v=6).map(lambda a: f"[{a}]"),
    )
)
def test_parse_ip_reads_what_ipaddress_reads(text: str) -> None:
    # a host name is refused before ipaddress is asked: the same answers, sooner
    assert parse_ip(text) == _reference_parse_ip(text)
