"""The resolver's memory of answers: each kept as a small bytes object, given back equal."""

from __future__ import annotations

import asyncio
import sys
from typing import Any

import pytest
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


def test_an_answer_the_run_has_is_given_at_once_and_asked_for_without_a_task(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``answered`` gives the answer ``query`` would give, once it is known (not while
    in flight); an e-mail check whose three questions are all known makes no task."""
    from leadcheck.net.dns import Resolver
    from leadcheck.verify.email import check_email

    resolver = Resolver(("192.0.2.53",))
    asked: list[tuple[str, str]] = []

    async def lookup(name: str, rdtype: str, timeout: float | None) -> DnsAnswer:
        asked.append((name, rdtype))
        await asyncio.sleep(0)  # an answer takes a turn of the loop, as a datagram does
        records = ("10 mx.firm-wasser.de",) if rdtype == "MX" else ()
        return DnsAnswer(name=name, rdtype=rdtype, status=DnsStatus.OK, records=records)

    monkeypatch.setattr(resolver, "_lookup", lookup)
    made: list[object] = []

    async def run() -> None:
        def counted(loop: asyncio.AbstractEventLoop, coro: Any, **kwargs: Any) -> asyncio.Task[Any]:
            made.append(coro)
            return asyncio.Task(coro, loop=loop, **kwargs)

        asyncio.get_running_loop().set_task_factory(counted)
        assert resolver.answered("Firm-Wasser.de.", "mx") is None
        pending = asyncio.ensure_future(resolver.query("firm-wasser.de", "MX"))
        await asyncio.sleep(0)
        assert resolver.answered("firm-wasser.de", "MX") is None  # in flight
        answer = await pending
        assert resolver.answered("FIRM-WASSER.de.", "mx") == answer
        first = await check_email("einkauf@firm-wasser.de", resolver)
        tasks, questions = len(made), len(asked)
        again = await check_email("vertrieb@firm-wasser.de", resolver)
        assert len(made) == tasks  # all three known: no task
        assert len(asked) == questions
        assert again.mx_hosts == first.mx_hosts == ("mx.firm-wasser.de",)

    asyncio.run(run())
    assert asked.count(("firm-wasser.de", "MX")) == 1
