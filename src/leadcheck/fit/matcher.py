"""One pass over folded text finds every taxonomy term: an Aho-Corasick automaton.

Every term of every group (segments, negative groups, buyer types) becomes one or
more keys (see :mod:`leadcheck.fit.terms`). One pass of the automaton finds every
occurrence of every key, so the cost of a pass does not grow with the number of
terms; the word boundaries a key asks for are then checked where it was found. The
automaton is built once per :class:`Taxonomy` object and kept on it, so a batch of
thousands of leads builds it once.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import ahocorasick

from leadcheck.fit.normalize import is_word_char
from leadcheck.fit.taxonomy import GroupKind, Segment, Taxonomy
from leadcheck.fit.terms import Key, term_keys
from leadcheck.memo import Memo
from leadcheck.models import Frozen


@dataclass(frozen=True, slots=True)
class GroupInfo:
    """One group of the taxonomy, flattened for scoring."""

    kind: GroupKind
    id: str
    name: str
    weight: float  # 1.0 for buyer types
    core: bool


@dataclass(frozen=True, slots=True)
class TermInfo:
    """One term as written in the taxonomy, and the group it belongs to."""

    group: int  # index into CompiledTaxonomy.groups
    text: str
    language: str
    weak: bool


_CACHE_SIZE = 512  # page fields remembered by count_cached


class CompiledTaxonomy:
    """The automaton of a taxonomy and the tables its values point into."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        groups: list[GroupInfo] = []
        terms: list[TermInfo] = []
        by_key: dict[str, list[tuple[int, int, bool, bool]]] = {}
        for kind, group in taxonomy.groups():
            weight = getattr(group, "weight", 1.0)
            core = isinstance(group, Segment) and group.core
            groups.append(GroupInfo(kind, group.id, group.name, weight, core))
            group_keys: set[Key] = set()
            for language, text, weak in group.iter_terms():
                # A spelling shared by two languages of a group counts once, as the first.
                keys = [key for key in term_keys(text) if key not in group_keys]
                if not keys:
                    continue
                group_keys.update(keys)
                term_index = len(terms)
                terms.append(TermInfo(len(groups) - 1, text, language, weak))
                for key in keys:
                    as_bytes = _as_bytes(key.text)
                    by_key.setdefault(as_bytes, []).append(
                        (term_index, len(as_bytes), key.bounded_start, key.bounded_end)
                    )
        automaton: Any = ahocorasick.Automaton()
        for spelling, values in by_key.items():
            automaton.add_word(spelling, tuple(values))
        automaton.make_automaton()
        self.groups: tuple[GroupInfo, ...] = tuple(groups)
        self.terms: tuple[TermInfo, ...] = tuple(terms)
        self.key_count = len(by_key)
        self._automaton = automaton
        self._cache: Memo[tuple[int, int], Counter[int]] = Memo(_CACHE_SIZE)

    def count_cached(self, text: str, fold: Callable[[str], str]) -> Counter[int]:
        """``count(fold(text))``, remembered for the last few hundred texts.

        Keyed by the text's length and hash, not the text itself, so the cache holds
        no page in memory; Python's string hash is keyed per process, so a stranger
        cannot craft a colliding page.
        """
        key = (len(text), hash(text))
        cached = self._cache.get(key)
        if cached is None:
            cached = self.count(fold(text))
            self._cache.put(key, cached)
        return cached

    def clear_cache(self) -> None:
        """Forget what :meth:`count_cached` remembers."""
        self._cache.clear()

    def count(self, folded: str) -> Counter[int]:
        """Occurrences of each term (by index) in text already passed through ``fold``.

        Within one group, overlapping matches count once: the leftmost, and of those
        the longest (``uv sterilizer`` counts once, not also as ``uv``). Terms of
        different groups are independent: ``drinking water treatment`` is evidence for
        both drinking water and water treatment, except that a match lying inside a
        match of a negative group is no evidence at all (``uv`` in ``uv printing``).
        """
        spans: list[tuple[int, int, int, int]] = []  # group, start, -end, term
        terms = self.terms
        text = _as_bytes(folded)
        size = len(text)
        for last, values in self._automaton.iter(text):
            end = last + 1
            for term_index, length, bounded_start, bounded_end in values:
                start = end - length
                if bounded_start and start > 0 and is_word_char(_char_before(text, start)):
                    continue  # inside a word: "uv" in "uvula"
                if bounded_end and end < size and is_word_char(_char_at(text, end)):
                    continue
                spans.append((terms[term_index].group, start, -end, term_index))
        counts: Counter[int] = Counter()
        if not spans:
            return counts
        spans.sort()
        negative = self._negative_spans(spans)
        current_group = -1
        reach = -1
        for group, start, negative_end, term_index in spans:
            if group != current_group:
                current_group, reach = group, -1
            elif start < reach:
                continue  # overlaps a match of the same group that starts earlier or is longer
            if (
                negative
                and self.groups[group].kind != "negative"
                and any(s <= start and -negative_end <= e for s, e in negative)
            ):
                continue  # a false friend: "uv" inside "uv printing" is no evidence
            reach = -negative_end
            counts[term_index] += 1
        return counts

    def _negative_spans(self, spans: list[tuple[int, int, int, int]]) -> list[tuple[int, int]]:
        groups = self.groups
        return [(start, -end) for group, start, end, _ in spans if groups[group].kind == "negative"]


def _as_bytes(text: str) -> str:
    """UTF-8 bytes as a str of code points 0-255 (one per byte).

    The automaton runs over bytes: pyahocorasick looks a node's children up one by
    one, and over bytes no node has more than 256 of them, where over code points the
    root of a taxonomy with many Chinese terms has thousands. UTF-8 is
    self-synchronising, so every match still starts and ends between characters.
    """
    return text.encode("utf-8").decode("latin-1")


def _char_at(text: str, index: int) -> str:
    """The character whose UTF-8 encoding starts at byte ``index`` of ``text``."""
    lead = ord(text[index])
    if lead < 0x80:
        return text[index]
    width = 2 if lead < 0xE0 else 3 if lead < 0xF0 else 4
    return text[index : index + width].encode("latin-1").decode("utf-8", "replace")[0]


def _char_before(text: str, index: int) -> str:
    """The character whose UTF-8 encoding ends just before byte ``index``."""
    if ord(text[index - 1]) < 0x80:
        return text[index - 1]
    start = index - 1
    while start > 0 and index - start < 4 and 0x80 <= ord(text[start]) < 0xC0:
        start -= 1
    return _char_at(text, start)


_BUILD_LOCK = threading.Lock()


def compile_taxonomy(taxonomy: Taxonomy) -> CompiledTaxonomy:
    """The compiled automaton of ``taxonomy``, built on first use and kept on it."""
    compiled = taxonomy._compiled
    if compiled is None:
        with _BUILD_LOCK:
            compiled = taxonomy._compiled
            if compiled is None:
                compiled = CompiledTaxonomy(taxonomy)
                taxonomy._compiled = compiled
    assert isinstance(compiled, CompiledTaxonomy)
    return compiled


class TaxonomyStats(Frozen):
    """What a loaded taxonomy holds (``leadcheck taxonomy --check``)."""

    ok: bool = True
    path: str | None
    segments: int
    negatives: int
    buyer_types: int
    terms: int
    keys: int
    languages: tuple[str, ...]


def taxonomy_stats(taxonomy: Taxonomy) -> TaxonomyStats:
    """Counts of a taxonomy's groups, terms and automaton keys (compiles it if needed)."""
    compiled = compile_taxonomy(taxonomy)
    return TaxonomyStats(
        path=str(taxonomy.source) if taxonomy.source else None,
        segments=len(taxonomy.segments),
        negatives=len(taxonomy.negatives),
        buyer_types=len(taxonomy.buyer_types),
        terms=len(compiled.terms),
        keys=compiled.key_count,
        languages=taxonomy.languages(),
    )
