"""The bounded per-run caches."""

from __future__ import annotations

import asyncio
import pickle
import zlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from leadcheck.memo import Freezer, FutureMemo, Memo, freeze, frozen_size, thaw


def test_memo_keeps_the_most_recently_used() -> None:
    memo: Memo[str, int] = Memo(2)
    memo.put("a", 1)
    memo.put("b", 2)
    assert memo.get("a") == 1  # "a" is now the most recent
    memo.put("c", 3)
    assert memo.get("b") is None
    assert (memo.get("a"), memo.get("c"), len(memo)) == (1, 3, 2)


def test_future_memo_never_evicts_work_in_flight() -> None:
    async def scenario() -> None:
        loop = asyncio.get_running_loop()
        memo: FutureMemo[str, int] = FutureMemo(2)
        pending: asyncio.Future[int] = loop.create_future()
        memo.put("slow", pending)
        for name in ("a", "b", "c"):
            done: asyncio.Future[int] = loop.create_future()
            memo.put(name, done)
            done.set_result(1)
            await asyncio.sleep(0)  # the done-callback runs
        assert memo.get("slow") is pending  # oldest, but still running: kept
        assert memo.get("a") is None  # the oldest finished one went
        hit = memo.get("c")
        assert hit is not None
        assert await hit == 1  # a finished entry answers with its value
        assert len(memo) == 2
        assert list(memo.futures()) == [pending]
        pending.cancel()
        await asyncio.sleep(0)
        assert memo.get("slow") is None  # a cancelled computation is not remembered

    asyncio.run(scenario())


def test_limit_must_be_positive() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        Memo(0)


def test_future_memo_bounds_the_total_weight() -> None:
    async def scenario() -> None:
        loop = asyncio.get_running_loop()
        memo: FutureMemo[str, str] = FutureMemo(100, weigh=len, max_weight=10)
        for name, page in (("a", "xxxx"), ("b", "xxxx"), ("c", "xxxx")):
            future: asyncio.Future[str] = loop.create_future()
            memo.put(name, future)
            future.set_result(page)
            await asyncio.sleep(0)  # let the done-callback weigh it
        assert memo.get("a") is None  # 12 > 10: the oldest went
        assert memo.get("b") is not None
        assert memo.weight == 8

    asyncio.run(scenario())


def test_future_memo_packs_finished_values() -> None:
    async def scenario() -> None:
        loop = asyncio.get_running_loop()
        memo: FutureMemo[str, list[int]] = FutureMemo(10, pack=tuple, unpack=list)
        future: asyncio.Future[list[int]] = loop.create_future()
        memo.put("k", future)
        future.set_result([1, 2])
        await asyncio.sleep(0)
        hit = memo.get("k")
        assert hit is not None
        assert hit is not future  # rebuilt from the packed form
        assert await hit == [1, 2]

    asyncio.run(scenario())


def test_future_memo_keeps_empty_and_false_values_as_values() -> None:
    # a finished entry is its value itself, no wrapper: (), 0 and None are values too
    async def scenario() -> None:
        loop = asyncio.get_running_loop()
        memo: FutureMemo[str, object] = FutureMemo(10)
        for name, value in (("empty", ()), ("zero", 0), ("none", None)):
            future: asyncio.Future[object] = loop.create_future()
            memo.put(name, future)
            future.set_result(value)
        await asyncio.sleep(0)
        assert memo.finished("empty") == ()
        assert memo.finished("zero") == 0
        assert memo.holds("none")
        assert not memo.holds("unknown")
        hit = memo.get("none")
        assert hit is not None  # known: a future of the value, not "unknown"
        assert await hit is None
        assert memo.get("unknown") is None
        assert list(memo.futures()) == []
        assert len(memo) == 3

    asyncio.run(scenario())


def test_pack_needs_unpack() -> None:
    with pytest.raises(ValueError, match="both"):
        FutureMemo(1, pack=tuple)


def test_a_frozen_value_thaws_equal_and_takes_less_room() -> None:
    from leadcheck.contacts import Contacts
    from leadcheck.verify.page import PageContent

    page = PageContent(
        title="Aquaculture UV systems",
        headings=tuple(f"Heading {n}" for n in range(40)),
        text="Pond water sterilisation with ultraviolet lamps. " * 400,
        links=tuple(f"https://example.org/product/{n}" for n in range(200)),
    )
    words = page.word_count  # a cached property: it thaws with the page
    frozen = freeze(page)
    thawed = thaw(frozen)
    assert thawed == page
    assert thawed is not page
    assert thawed.__dict__["word_count"] == words
    assert frozen_size(frozen) < len(page.text) // 4
    contacts = Contacts(emails=("sales@example.org",), phones=("+4930123456",))
    assert thaw(freeze(contacts)) == contacts


VALUES = st.recursive(
    st.none() | st.integers() | st.text(max_size=60) | st.binary(max_size=300),
    lambda inner: st.lists(inner, max_size=12).map(tuple),
    max_leaves=30,
)


@settings(max_examples=150, deadline=None)
@given(VALUES)
def test_small_values_freeze_as_pickles_and_large_ones_compressed(value: object) -> None:
    pickled = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    frozen = freeze(value)
    if len(pickled) < 1_024:
        assert frozen == pickled  # compressing a row's outcome costs more than it saves
    else:
        assert frozen != pickled
        assert frozen[:1] != pickled[:1]
    assert thaw(frozen) == value


def test_a_long_repetitive_value_is_compressed() -> None:
    value = ("uv lamp " * 1_000,)
    assert len(freeze(value)) < 200
    assert thaw(freeze(value)) == value


def test_memo_can_keep_values_packed() -> None:
    memo: Memo[str, tuple[str, ...]] = Memo(2, pack=freeze, unpack=thaw)
    memo.put("a", ("x", "y"))
    assert isinstance(memo._items["a"], bytes)
    first, second = memo.get("a"), memo.get("a")
    assert first == second == ("x", "y")
    assert first is not second  # a fresh copy on each hit
    assert memo.get("b") is None
    with pytest.raises(ValueError, match="both pack and unpack"):
        Memo(2, pack=freeze)


def test_future_memo_keeps_what_keep_accepts_for_its_key() -> None:
    async def scenario() -> None:
        loop = asyncio.get_running_loop()
        memo: FutureMemo[str, str] = FutureMemo(10, keep=lambda key, value: key == value)
        for key, value in (("a", "a"), ("b", "a")):
            done: asyncio.Future[str] = loop.create_future()
            memo.put(key, done)
            assert not memo.holds(key)  # in flight: not a finished value yet
            done.set_result(value)
            await asyncio.sleep(0)
        assert memo.holds("a")
        assert not memo.holds("b")  # refused for that key: shared only while in flight
        assert memo.get("b") is None
        assert memo.finished("a") == "a"

    asyncio.run(scenario())


# A Freezer: values of one kind compressed with a dictionary learned from the first.


@settings(max_examples=60, deadline=None)
@given(st.lists(VALUES, min_size=1, max_size=40))
def test_a_freezer_thaws_every_value_equal_before_and_after_it_learns(
    values: list[object],
) -> None:
    freezer = Freezer(learn=8)
    frozen = [freezer.freeze(value) for value in values]
    assert [freezer.thaw(item) for item in frozen] == values
    # the first ones, frozen while it learned, are plain frozen values
    for value, item in zip(values[:8], frozen[:8], strict=False):
        assert item == freeze(value)
    assert (freezer.dictionary is None) == (len(values) < 8)


def _fit_like(number: int) -> tuple[object, ...]:
    """A value shaped like a kept fit: the same field names and segment names each time,
    a few numbers and terms of its own."""
    segments = tuple(
        {
            "id": segment,
            "name": f"{segment.replace('_', ' ').title()} and related applications",
            "score": (number * 7 + index) % 100,
            "matches": tuple(
                {"term": f"term {number % 13} {k}", "count": k + 1, "language": "en"}
                for k in range(3)
            ),
        }
        for index, segment in enumerate(("uv_disinfection", "water_treatment", "aquaculture"))
    )
    return ("FitResult", number % 100, "A (core target)", segments)


def test_values_of_one_kind_take_far_less_room_with_the_dictionary() -> None:
    freezer = Freezer()
    for number in range(16):  # the dictionary is learned from these
        freezer.freeze(_fit_like(number))
    assert freezer.dictionary is not None
    later = [_fit_like(number) for number in range(100, 140)]
    plain = sum(len(freeze(value)) for value in later)
    learned = [freezer.freeze(value) for value in later]
    assert sum(map(len, learned)) < plain / 2
    assert [freezer.thaw(item) for item in learned] == later


def test_a_value_frozen_with_a_dictionary_is_not_thawed_without_it() -> None:
    one, other = Freezer(learn=1), Freezer(learn=1)
    one.freeze(_fit_like(0))
    kept = one.freeze(_fit_like(1))
    with pytest.raises(ValueError, match="dictionary"):
        other.thaw(kept)
    other.freeze(_fit_like(5))  # another dictionary: its own values only
    with pytest.raises(zlib.error):  # zlib checks the dictionary's checksum
        other.thaw(kept)
