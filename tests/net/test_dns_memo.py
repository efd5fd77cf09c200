"""The resolver's memory of answers: each kept as a small bytes object, given back equal."""

from __future__ import annotations

import sys

from hypothesis import given
from hypothesis import strategies as st

from leadcheck.net.dns import DnsAnswer, DnsStatus, _pack_answer, _unpack_answer

ANY_TEXT = st.text(st.characters(blacklist_categories=()), max_size=300)  # surrogates too
ANSWERS = st.builds(
    DnsAnswer,
    name=st.text(max_size=80),
    rdtype=st.sampled_from(["A", "AAAA", "MX", "TXT", "CNAME", "NS"]),
    status=st.sampled_from(list(DnsStatus)),
    records=st.lists(ANY_TEXT, max_size=12).map(tuple),
    canonical_name=st.none() | st.text(max_size=80),
    error=st.none() | ANY_TEXT,
)


@given(ANSWERS)
def test_a_kept_answer_comes_back_equal(answer: DnsAnswer) -> None:
    # TXT records hold whatever a stranger's zone says: controls, separators, surrogates
    back = _unpack_answer(_pack_answer(answer))
    assert back == answer
    assert back.status is answer.status


def test_a_kept_answer_is_smaller_than_a_tuple_of_its_parts() -> None:
    answer = DnsAnswer(
        name="company-00012.de", rdtype="A", status=DnsStatus.OK, records=("192.0.2.10",)
    )
    parts = (answer.name, answer.rdtype, answer.status, answer.records, None, None)
    held = sys.getsizeof(parts) + sys.getsizeof(answer.name) + sys.getsizeof(answer.records)
    held += sum(sys.getsizeof(record) for record in answer.records)
    assert sys.getsizeof(_pack_answer(answer)) * 2 < held
