"""The matcher's memory of a page's counts: kept packed, given back equal and fresh."""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from leadcheck.fit.matcher import Counts, _pack, _text_key, _unpack, compile_taxonomy, occurrences
from leadcheck.fit.normalize import fold
from leadcheck.fit.taxonomy import load_taxonomy

PAGE = (
    "Aqua Klar GmbH. We manufacture UV sterilizers and UV-C lamps for drinking water "
    "treatment, aquaculture farms and swimming pools. Wir fertigen UV-Entkeimungsanlagen "
    "für Trinkwasser. Nuestros esterilizadores UV desinfectan el agua. 紫外线杀菌灯."
)

COUNTERS = st.dictionaries(st.integers(0, 2**31 - 1), st.integers(1, 2**31 - 1), max_size=40).map(
    Counter
)


@given(COUNTERS, st.data())
def test_packed_counts_come_back_equal(total: Counter[int], data: st.DataObject) -> None:
    # every claimed term is a counted one, claimed at most as often
    claimed = Counter(
        {
            term: data.draw(st.integers(1, count))
            for term, count in total.items()
            if data.draw(st.booleans())
        }
    )
    found = occurrences(Counts(total, claimed))
    assert [term for term, _, _ in found] == list(total)  # in found order
    assert _unpack(_pack(found)) == found
    assert {t: c for t, c, _ in found} == total
    assert {t: c for t, _, c in found if c} == claimed


@settings(max_examples=50)
@given(st.text(max_size=200), st.text(max_size=200))
def test_texts_that_differ_have_different_keys(one: str, other: str) -> None:
    # the length and the whole 64-bit hash, side by side in one int
    if one != other and (len(one), hash(one)) != (len(other), hash(other)):
        assert _text_key(one) != _text_key(other)


def test_a_remembered_page_counts_as_a_fresh_one() -> None:
    compiled = compile_taxonomy(load_taxonomy())
    compiled.clear_cache()
    fresh = compiled.count_zones(fold(PAGE))
    assert fresh.total  # the page says something
    first = compiled.count_cached(PAGE, fold)
    again = compiled.count_cached(PAGE, fold)  # from the cache
    assert first == again == occurrences(fresh)
    assert any(claimed for _, _, claimed in first)  # "we manufacture ..." is a claim
