"""The hand-built DNS path reads answers as dnspython does, and never crashes.

Messages are built with dnspython (random CNAME chains, repeated records, mixed case,
NXDOMAIN, extra records) and read by both; then strangers' bytes are thrown at the
parser. The transport is compared with dnspython's resolver over the loopback world
in tests/net/test_dns_world.py.
"""

from __future__ import annotations

import contextlib

import dns.flags
import dns.message
import dns.name
import dns.rcode
import dns.rdatatype
import dns.rrset
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from leadcheck.net import dns_wire
from leadcheck.net.dns import _rdata_text

LABEL = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789-", min_size=1, max_size=12)
NAME = st.lists(LABEL, min_size=2, max_size=4).map(".".join)
ADDRESS = st.tuples(*[st.integers(0, 255)] * 4).map(lambda p: ".".join(map(str, p)))
TXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters='"\\'),
    max_size=40,
).map(lambda text: f'"{text}"')


def _records(rdtype: str, draw: st.DrawFn) -> list[str]:
    if rdtype == "A":
        return draw(st.lists(ADDRESS, max_size=4))
    if rdtype == "AAAA":
        return draw(st.lists(st.sampled_from(["::1", "2001:db8::1", "::ffff:1.2.3.4"]), max_size=3))
    if rdtype == "MX":
        return [
            f"{pref} {host}."
            for pref, host in draw(st.lists(st.tuples(st.integers(0, 50), NAME), max_size=3))
        ]
    return draw(st.lists(TXT, max_size=3))


@st.composite
def answers(draw: st.DrawFn) -> tuple[bytes, int, str, str]:
    qname = draw(NAME)
    rdtype = draw(st.sampled_from(["A", "AAAA", "MX", "TXT", "CNAME"]))
    query = dns.message.make_query(qname, rdtype, id=draw(st.integers(0, 65535)))
    response = dns.message.make_response(query)
    owner = qname
    for _ in range(draw(st.integers(0, 3))):  # a CNAME chain
        target = draw(NAME)
        spelled = owner.upper() if draw(st.booleans()) else owner
        response.answer.append(dns.rrset.from_text(spelled + ".", 300, "IN", "CNAME", target + "."))
        owner = target
    final = _records(rdtype if rdtype != "CNAME" else "A", draw)
    if final and rdtype != "CNAME":
        values = final + draw(st.lists(st.sampled_from(final), max_size=2))  # repeats
        response.answer.append(dns.rrset.from_text(owner + ".", 60, "IN", rdtype, *values))
    if draw(st.booleans()):  # an unrelated record
        response.answer.append(dns.rrset.from_text(draw(NAME) + ".", 60, "IN", "A", "192.0.2.1"))
    if not final and draw(st.booleans()):
        response.set_rcode(dns.rcode.NXDOMAIN)
    if draw(st.booleans()):
        response.authority.append(
            dns.rrset.from_text("example.", 300, "IN", "SOA", "ns.example. host.example. 1 2 3 4 5")
        )
    if draw(st.booleans()):
        response.flags |= dns.flags.AA
    return response.to_wire(), query.id, qname, rdtype


def dnspython_reading(wire: bytes, rdtype: str) -> tuple[bool, tuple[str, ...], str] | str:
    """(found, records, canonical name) as the resolver made them from dnspython, or the
    name of what dnspython refused."""
    message = dns.message.from_wire(wire)
    try:
        chain = message.resolve_chaining()
    except Exception as exc:
        return type(exc).__name__
    records: tuple[str, ...] = ()
    if chain.answer is not None:
        records = tuple(_rdata_text(rdata) for rdata in chain.answer)
    canonical = chain.canonical_name.to_text(omit_final_dot=True).lower()
    return chain.answer is not None, records, canonical


@pytest.mark.filterwarnings("ignore::hypothesis.errors.HypothesisDeprecationWarning")
@settings(max_examples=400, deadline=None)
@given(answers())
def test_answers_read_as_dnspython_reads_them(case: tuple[bytes, int, str, str]) -> None:
    wire, qid, qname, rdtype = case
    expected = dnspython_reading(wire, rdtype)
    labels = tuple(label.encode() for label in qname.split("."))
    try:
        ours = dns_wire.parse_response(wire, qid, labels, dns_wire.QTYPES[rdtype])
    except dns_wire.FormError:
        assert isinstance(expected, str)  # dnspython refused it too
        return
    assert ours is not None
    assert not isinstance(expected, str), expected
    found, records, canonical = expected
    assert ours.found == found
    assert ours.records == records
    assert dns_wire.name_text(ours.canonical).lower() == canonical


@settings(max_examples=600, deadline=None)
@given(st.binary(max_size=600), st.integers(0, 65535))
def test_strangers_bytes_never_crash_the_parser(wire: bytes, qid: int) -> None:
    with contextlib.suppress(dns_wire.FormError, dns_wire.Truncated):
        dns_wire.parse_response(wire, qid, (b"example", b"com"), 1)


def test_a_truncated_answer_asks_for_tcp() -> None:
    query = dns.message.make_query("big.example", "TXT")
    response = dns.message.make_response(query)
    response.flags |= dns.flags.TC
    with pytest.raises(dns_wire.Truncated):
        dns_wire.parse_response(response.to_wire(), query.id, (b"big", b"example"), 16)


def test_an_answer_to_another_question_is_not_ours() -> None:
    query = dns.message.make_query("other.example", "A")
    wire = dns.message.make_response(query).to_wire()
    assert dns_wire.parse_response(wire, query.id, (b"mine", b"example"), 1) is None
    assert dns_wire.parse_response(wire, query.id ^ 1, (b"other", b"example"), 1) is None
    assert dns_wire.parse_response(query.to_wire(), query.id, (b"other", b"example"), 1) is None


def test_names_are_written_as_dnspython_writes_them() -> None:
    for raw in (b"plain", b"a.b", b"sp ace", b'q"uote', b"\x00\xff", b"@", b"x$y"):
        expected = dns.name.Name([raw, b"example", b""]).to_text(omit_final_dot=True)
        assert dns_wire.name_text((raw, b"example")) == expected
    assert dns_wire.name_text(()) == dns.name.root.to_text(omit_final_dot=True)


@pytest.mark.parametrize(
    ("name", "plain"),
    [
        ("example.com", True),
        ("_dmarc.example.com", True),
        ("xn--bcher-kva.de", True),
        ("bücher.de", False),
        ("a..b", False),
        ("-" * 64 + ".com", False),
        ("sp ace.com", False),
        ("back\\slash.com", False),
    ],
)
def test_odd_names_are_left_to_dnspython(name: str, plain: bool) -> None:
    assert dns_wire.sendable(name, "A") is plain
    assert not dns_wire.sendable("example.com", "SOA")


def test_a_query_is_what_dnspython_would_send() -> None:
    ours = dns_wire.encode_query(4660, dns_wire.encode_name("www.Example.com"), 28)
    theirs = dns.message.make_query("www.Example.com", "AAAA", id=4660, use_edns=False)
    assert ours == theirs.to_wire()
