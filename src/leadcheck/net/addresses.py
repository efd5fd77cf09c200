"""Which addresses leadcheck may connect to.

Hosts named in an inquiry are chosen by strangers. Without ``--allow-private`` a
connection goes only to globally reachable unicast addresses. The check runs on the
address actually connected to, so it also holds after redirects and when a public
name resolves to such an address.

The judgement is made here from two tables, not from :mod:`ipaddress`'s ``is_global``
and ``is_private``, whose answers differ between Python 3.11, 3.12 and 3.13 (3.11 calls
``fec0::1``, ``64:ff9b::7f00:1`` and ``::7f00:1`` global). Only network membership is
used, which every version answers alike.

* :data:`IPV4_SPECIAL` and :data:`IPV6_SPECIAL` are the IANA IPv4 and IPv6
  Special-Purpose Address Registries (RFC 6890), every entry with its "Globally
  Reachable" column, plus multicast and the deprecated IPv6 site-local block, which
  live in other IANA registries. The most specific entry that contains an address
  decides (192.0.0.9/32 is reachable inside the unreachable 192.0.0.0/24).
* An IPv6 address outside 2000::/3 (the only block IANA's IPv6 Address Space
  registry allocates as global unicast) is refused unless a table entry says
  otherwise; NAT64's well-known prefix is the one such entry.
* An IPv6 address that carries an IPv4 address (IPv4-mapped, IPv4-compatible, NAT64
  well-known and local-use, 6to4, Teredo's server and client) is refused when the
  IPv4 address inside is, whatever the IPv6 table says: a NAT64 gateway or a 6to4
  relay forwards to it. For IPv4-mapped addresses the IPv4 address decides alone:
  a socket connects to it over IPv4.

The tables are kept here rather than in ``data/``: they are the guard itself, and
the registries change once in years (the ``--allow-private`` option is the way to
reach private hosts on purpose). Source: https://www.iana.org/assignments/
iana-ipv4-special-registry and iana-ipv6-special-registry, as of 2025-01.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from functools import lru_cache

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network


@dataclass(frozen=True, slots=True)
class SpecialRange:
    """One registry entry: the block, what it is, whether it is globally reachable."""

    network: IPNetwork
    name: str
    source: str
    reachable: bool


def _entries(rows: tuple[tuple[str, str, str, bool], ...]) -> tuple[SpecialRange, ...]:
    return tuple(
        SpecialRange(ipaddress.ip_network(prefix), name, source, reachable)
        for prefix, name, source, reachable in rows
    )


# (prefix, name, source, globally reachable). "N/A" in the registry is taken as False.
IPV4_SPECIAL = _entries(
    (
        ("0.0.0.0/8", "'this network'", "RFC 791", False),
        ("0.0.0.0/32", "'this host on this network'", "RFC 1122", False),
        ("10.0.0.0/8", "private-use", "RFC 1918", False),
        ("100.64.0.0/10", "shared address space (CGNAT)", "RFC 6598", False),
        ("127.0.0.0/8", "loopback", "RFC 1122", False),
        ("169.254.0.0/16", "link-local (cloud metadata)", "RFC 3927", False),
        ("172.16.0.0/12", "private-use", "RFC 1918", False),
        ("192.0.0.0/24", "IETF protocol assignments", "RFC 6890", False),
        ("192.0.0.0/29", "IPv4 service continuity prefix", "RFC 7335", False),
        ("192.0.0.8/32", "IPv4 dummy address", "RFC 7600", False),
        ("192.0.0.9/32", "port control protocol anycast", "RFC 7723", True),
        ("192.0.0.10/32", "TURN anycast", "RFC 8155", True),
        ("192.0.0.170/31", "NAT64/DNS64 discovery", "RFC 8880", False),  # .170 and .171
        ("192.0.2.0/24", "documentation (TEST-NET-1)", "RFC 5737", False),
        ("192.31.196.0/24", "AS112-v4", "RFC 7535", True),
        ("192.52.193.0/24", "AMT", "RFC 7450", True),
        ("192.88.99.0/24", "deprecated 6to4 relay anycast", "RFC 7526", False),
        ("192.168.0.0/16", "private-use", "RFC 1918", False),
        ("192.175.48.0/24", "direct delegation AS112 service", "RFC 7534", True),
        ("198.18.0.0/15", "benchmarking", "RFC 2544", False),
        ("198.51.100.0/24", "documentation (TEST-NET-2)", "RFC 5737", False),
        ("203.0.113.0/24", "documentation (TEST-NET-3)", "RFC 5737", False),
        ("224.0.0.0/4", "multicast", "RFC 5771", False),  # IANA multicast registry
        ("240.0.0.0/4", "reserved", "RFC 1112", False),
        ("255.255.255.255/32", "limited broadcast", "RFC 919", False),
    )
)

IPV6_SPECIAL = _entries(
    (
        ("::/128", "unspecified", "RFC 4291", False),
        ("::1/128", "loopback", "RFC 4291", False),
        ("::/96", "deprecated IPv4-compatible", "RFC 4291 2.5.5.1", False),  # not in the registry
        ("::ffff:0:0/96", "IPv4-mapped", "RFC 4291", False),  # the IPv4 address decides
        ("64:ff9b::/96", "NAT64 well-known prefix", "RFC 6052", True),
        ("64:ff9b:1::/48", "local-use NAT64", "RFC 8215", False),
        ("100::/64", "discard-only", "RFC 6666", False),
        ("2001::/23", "IETF protocol assignments", "RFC 2928", False),
        ("2001::/32", "Teredo", "RFC 4380", False),
        ("2001:1::1/128", "port control protocol anycast", "RFC 7723", True),
        ("2001:1::2/128", "TURN anycast", "RFC 8155", True),
        ("2001:1::3/128", "DNS-SD service registration protocol anycast", "RFC 9665", True),
        ("2001:2::/48", "benchmarking", "RFC 5180", False),
        ("2001:3::/32", "AMT", "RFC 7450", True),
        ("2001:4:112::/48", "AS112-v6", "RFC 7535", True),
        ("2001:10::/28", "deprecated ORCHID", "RFC 4843", False),
        ("2001:20::/28", "ORCHIDv2", "RFC 7343", True),
        ("2001:30::/28", "drone remote ID entity tags", "RFC 9374", True),
        ("2001:db8::/32", "documentation", "RFC 3849", False),
        ("2002::/16", "6to4", "RFC 3056", True),  # the IPv4 address inside decides
        ("2620:4f:8000::/48", "direct delegation AS112 service", "RFC 7534", True),
        ("3fff::/20", "documentation", "RFC 9637", False),
        ("5f00::/16", "segment routing (SRv6) SIDs", "RFC 9602", False),
        ("fc00::/7", "unique local (private-use)", "RFC 4193", False),
        ("fe80::/10", "link-local", "RFC 4291", False),
        ("fec0::/10", "deprecated site-local", "RFC 3879", False),  # address space registry
        ("ff00::/8", "multicast", "RFC 4291", False),  # IPv6 address space registry
    )
)

_GLOBAL_UNICAST = ipaddress.IPv6Network("2000::/3")
_MAPPED = ipaddress.IPv6Network("::ffff:0:0/96")
# Forms that carry an IPv4 address in their last 32 bits (RFC 6052 /96 NAT64 prefixes,
# RFC 4291's compatible and mapped forms).
_LAST_32_BITS = (
    ipaddress.IPv6Network("::/96"),
    _MAPPED,
    ipaddress.IPv6Network("64:ff9b::/96"),
    ipaddress.IPv6Network("64:ff9b:1::/48"),
)
_SIXTOFOUR = ipaddress.IPv6Network("2002::/16")
_TEREDO = ipaddress.IPv6Network("2001::/32")


@dataclass(frozen=True, slots=True)
class Judgement:
    """Whether leadcheck may connect to an address, and if not, why (in words)."""

    allowed: bool
    reason: str = ""


def parse_ip(text: str) -> IPAddress | None:
    """The IP address written in ``text`` (``[v6]`` brackets allowed), or None."""
    candidate = text.strip()
    if candidate.startswith("[") and candidate.endswith("]"):
        candidate = candidate[1:-1]
    candidate = candidate.split("%", 1)[0]
    if not _IP_CHARS.issuperset(candidate):
        return None  # a host name: ipaddress would refuse it, after two tries and raises
    try:
        return ipaddress.ip_address(candidate)
    except ValueError:
        return None


# Every character an address that ipaddress.ip_address reads can have (IPv4 digits and
# dots, IPv6 hex digits and colons, an embedded IPv4 part); the zone is split off first.
_IP_CHARS = frozenset("0123456789abcdefABCDEF.:")


def embedded_ipv4(address: ipaddress.IPv6Address) -> tuple[ipaddress.IPv4Address, ...]:
    """The IPv4 addresses an IPv6 address carries (none for a plain IPv6 address).

    IPv4-mapped, IPv4-compatible and NAT64 (well-known /96 and local-use /48, read as
    the /96 form of RFC 6052) carry it in the last 32 bits; 6to4 in bits 16-47; Teredo
    its server in bits 32-63 and its client, inverted, in the last 32 bits.
    """
    value = int(address)
    if any(address in network for network in _LAST_32_BITS):
        if address in _LAST_32_BITS[0] and value <= 1:
            return ()  # :: and ::1 are themselves, not 0.0.0.0 and 0.0.0.1
        return (ipaddress.IPv4Address(value & 0xFFFFFFFF),)
    if address in _SIXTOFOUR:
        return (ipaddress.IPv4Address((value >> 80) & 0xFFFFFFFF),)
    if address in _TEREDO:
        server = ipaddress.IPv4Address((value >> 64) & 0xFFFFFFFF)
        client = ipaddress.IPv4Address(~value & 0xFFFFFFFF)
        return (server, client)
    return ()


def _most_specific(address: IPAddress) -> SpecialRange | None:
    table = IPV4_SPECIAL if address.version == 4 else IPV6_SPECIAL
    best: SpecialRange | None = None
    for entry in table:
        if address in entry.network and (
            best is None or entry.network.prefixlen > best.network.prefixlen
        ):
            best = entry
    return best


def _describe(entry: SpecialRange) -> str:
    return f"a {entry.name} address ({entry.network}, {entry.source})"


@lru_cache(maxsize=16_384)  # bounded: a long batch meets a new address per site
def judge(address: IPAddress) -> Judgement:
    """May leadcheck connect to ``address`` without ``--allow-private``? And why not."""
    if isinstance(address, ipaddress.IPv6Address):
        for inner in embedded_ipv4(address):
            verdict = judge(inner)
            if not verdict.allowed:
                return Judgement(False, f"an IPv6 address that embeds {inner}, {verdict.reason}")
        if address in _MAPPED:
            return Judgement(True)
    entry = _most_specific(address)
    if entry is not None:
        return Judgement(True) if entry.reachable else Judgement(False, _describe(entry))
    if isinstance(address, ipaddress.IPv6Address) and address not in _GLOBAL_UNICAST:
        return Judgement(False, "an address outside IPv6 global unicast space (2000::/3)")
    return Judgement(True)


def is_public(address: IPAddress) -> bool:
    """True for globally reachable unicast addresses (see the module's notes)."""
    return judge(address).allowed


def refusal_reason(address: IPAddress) -> str:
    """Why a non-public address is refused, in words ("" for a public one)."""
    return judge(address).reason
