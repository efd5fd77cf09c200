"""One pass over folded text finds every taxonomy term: an Aho-Corasick automaton.

Every term of every group (segments, negative groups, buyer types, venues, masks)
becomes one or more keys (see :mod:`leadcheck.fit.terms`; segment terms of the
``[morphology]`` languages also get a Snowball stem, :mod:`leadcheck.fit.morphology`).
One pass of the automaton finds every occurrence of every key, so the cost of a pass
does not grow with the number of terms; the word boundaries a key asks for are then
checked where it was found. Claim terms ("we manufacture") have an automaton of their
own, run only over the sentences around the matches. The automata are built once per
:class:`Taxonomy` object and kept on it, so a batch of thousands of leads builds them
once.
"""

from __future__ import annotations

import bisect
import re
import sys
import threading
from array import array
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from itertools import accumulate
from typing import Any

import ahocorasick

from leadcheck.fit.morphology import stem_keys
from leadcheck.fit.normalize import is_word_char
from leadcheck.fit.taxonomy import Ceiling, GroupKind, NegativeGroup, Segment, Taxonomy
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
    role: str = "application"  # a segment's line of evidence: product, action, application
    amenity: bool = False
    ceiling: Ceiling | None = None
    false_friend: bool = False  # a negative group whose phrases reuse our product's words
    venue: bool = False  # a negative group whose trade uses amenity words for a service


@dataclass(frozen=True, slots=True)
class TermInfo:
    """One term as written in the taxonomy, and the group it belongs to."""

    group: int  # index into CompiledTaxonomy.groups
    text: str
    language: str
    weak: bool


# Page fields remembered by count_cached: the four of each site a batch session
# remembers (pipeline.WEBSITE_MEMO), so that a site's page is matched once per run
# even when its leads are thousands of rows apart. Kept packed: a few hundred bytes each.
_CACHE_SIZE = 80_000

# Where a sentence ends, as the automaton's byte strings see it: a claim ("we
# manufacture") vouches for the terms of its own sentence only.
_SENTENCE_ENDS = tuple(
    end.encode("utf-8").decode("latin-1")
    for end in (".", "!", "?", ";", "|", "。", "！", "？", "।", "؟")
)
_SENTENCE_END = re.compile("|".join(re.escape(end) for end in _SENTENCE_ENDS))
_SCORED_KINDS = frozenset({"segment", "negative"})

# What a key's group is, as the scanning loop needs to know it at once.
_OTHER, _NEGATIVE, _FALSE_FRIEND, _MASK, _CLAIM = range(5)


def _code_of(info: GroupInfo) -> int:
    if info.kind == "negative":
        return _FALSE_FRIEND if info.false_friend else _NEGATIVE
    if info.kind == "mask":
        return _MASK
    if info.kind == "claim":
        return _CLAIM
    return _OTHER


class Counts:
    """What one pass found: occurrences of each term, and how many of them lie in a
    sentence that says what the company does (a claim)."""

    __slots__ = ("claimed", "total")

    def __init__(self, total: Counter[int], claimed: Counter[int]) -> None:
        self.total = total
        self.claimed = claimed


# 32-bit items where the platform has them: term indexes and counts are far below 2**32
_ITEM = "I" if array("I").itemsize >= 4 else "L"
_HASH_BITS = sys.hash_info.width
_HASH_MASK = (1 << _HASH_BITS) - 1


def _text_key(text: str) -> int:
    """The text's length and hash as one int (one object per cache entry, not three)."""
    return (len(text) << _HASH_BITS) | (hash(text) & _HASH_MASK)


Occurrences = tuple[tuple[int, int, int], ...]  # (term index, count, claimed), in found order


def occurrences(counts: Counts) -> Occurrences:
    """``counts`` as (term, count, claimed) triples, in the order the terms were found
    (every claimed term is a counted one)."""
    claimed = counts.claimed
    return tuple((term, count, claimed.get(term, 0)) for term, count in counts.total.items())


def _pack(found: Occurrences) -> bytes:
    """The triples as one flat array in bytes, a few hundred bytes for a page: [number
    of terms, their (term, count) pairs, then (term, claimed) for the claimed ones only
    (most terms are not claimed: a third fewer items than whole triples)]."""
    flat = [len(found)]
    for term, count, _ in found:
        flat += (term, count)
    for term, _, claimed in found:
        if claimed:
            flat += (term, claimed)
    return array(_ITEM, flat).tobytes()


def _unpack(packed: bytes) -> Occurrences:
    flat = array(_ITEM)
    flat.frombytes(packed)
    split = 1 + 2 * flat[0]
    claimed = dict(zip(flat[split::2], flat[split + 1 :: 2], strict=True))
    return tuple(
        (term, count, claimed.get(term, 0))
        for term, count in zip(flat[1:split:2], flat[2:split:2], strict=True)
    )


class CompiledTaxonomy:
    """The automaton of a taxonomy and the tables its values point into."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        groups: list[GroupInfo] = []
        terms: list[TermInfo] = []
        # spelling -> (term, length in bytes, bounded start, bounded end, group, role)
        by_key: dict[str, list[tuple[int, int, bool, bool, int, int]]] = {}
        # claims ("we manufacture") are looked for only around the matches, in their
        # own automaton: business prose is full of them, and the main pass need not pay
        claim_keys: dict[str, tuple[int, bool, bool]] = {}
        stem_languages = frozenset(taxonomy.morphology.stem_languages)
        min_stem = taxonomy.morphology.min_stem
        max_cut = taxonomy.morphology.max_cut
        for kind, group in taxonomy.groups():
            weight = getattr(group, "weight", 1.0)
            if isinstance(group, Segment):
                info = GroupInfo(
                    kind,
                    group.id,
                    group.name,
                    weight,
                    group.core,
                    group.role,
                    group.amenity,
                    group.ceiling,
                )
            elif isinstance(group, NegativeGroup):
                info = GroupInfo(
                    kind,
                    group.id,
                    group.name,
                    weight,
                    False,
                    false_friend=group.false_friend,
                    venue=group.venue,
                )
            else:
                info = GroupInfo(kind, group.id, group.name, weight, False)
            groups.append(info)
            group_keys: set[Key] = set()
            stemmed = kind == "segment" and bool(stem_languages)
            for language, text, weak in group.iter_terms():
                own = term_keys(text)
                if stemmed and language in stem_languages:
                    own = own + stem_keys(own, language, min_stem, max_cut)
                # A spelling shared by two languages of a group counts once, as the first.
                keys = [key for key in own if key not in group_keys]
                if not keys:
                    continue
                group_keys.update(keys)
                term_index = len(terms)
                terms.append(TermInfo(len(groups) - 1, text, language, weak))
                group_index = len(groups) - 1
                role = _code_of(info)
                for key in keys:
                    as_bytes = _as_bytes(key.text)
                    if role == _CLAIM:
                        claim_keys[as_bytes] = (len(as_bytes), key.bounded_start, key.bounded_end)
                        continue
                    by_key.setdefault(as_bytes, []).append(
                        (
                            term_index,
                            len(as_bytes),
                            key.bounded_start,
                            key.bounded_end,
                            group_index,
                            role,
                        )
                    )
        automaton: Any = ahocorasick.Automaton()
        for spelling, values in by_key.items():
            automaton.add_word(spelling, tuple(values))
        automaton.make_automaton()
        claims: Any = ahocorasick.Automaton()
        for spelling, value in claim_keys.items():
            claims.add_word(spelling, value)
        if claim_keys:
            claims.make_automaton()
        self._claims: Any = claims if claim_keys else None
        self.groups: tuple[GroupInfo, ...] = tuple(groups)
        # per group, what the counting loop asks of it, as plain tuples
        self._is_negative = tuple(g.kind == "negative" for g in groups)
        self._is_scored = tuple(g.kind in _SCORED_KINDS for g in groups)
        self._is_product = tuple(g.kind == "segment" and g.role == "product" for g in groups)
        self.terms: tuple[TermInfo, ...] = tuple(terms)
        self.key_count = len(by_key) + len(claim_keys)
        self._automaton = automaton
        self._cache: Memo[int, bytes] = Memo(_CACHE_SIZE)
        self.claim_window = taxonomy.scoring.claim_window
        self.claim_reach = taxonomy.scoring.claim_reach

    def count_cached(self, text: str, fold: Callable[[str], str]) -> Occurrences:
        """``occurrences(count_zones(fold(text)))``, remembered for the last tens of
        thousands of texts.

        Keyed by the text's length and hash, not the text itself, so the cache holds
        no page in memory; Python's string hash is keyed per process, so a stranger
        cannot craft a colliding page. The triples are kept as one flat array in bytes.
        """
        key = _text_key(text)
        packed = self._cache.get(key)
        if packed is None:
            found = occurrences(self.count_zones(fold(text)))
            self._cache.put(key, _pack(found))
            return found
        return _unpack(packed)

    def clear_cache(self) -> None:
        """Forget what :meth:`count_cached` remembers."""
        self._cache.clear()

    def count(self, folded: str) -> Counter[int]:
        """Occurrences of each term (by index) in text already passed through ``fold``."""
        return self.count_zones(folded).total

    def count_zones(self, folded: str) -> Counts:
        """Occurrences of each term in folded text, and those said in a claim.

        Within one group, overlapping matches count once: the leftmost, and of those
        the longest (``uv sterilizer`` counts once, not also as ``uv``). Terms of
        different groups are independent: ``drinking water treatment`` is evidence for
        both drinking water and water treatment, except that a match lying inside a
        match of a negative group is no evidence at all (``uv`` in ``uv printing``), and
        a match inside a mask (an idiom: ``non è una moda``) is no evidence either way.
        A segment or negative match is *claimed* when a claim term (``we manufacture``)
        stands in the same sentence, within ``claim_window`` bytes, in the first
        ``claim_reach`` bytes of the text (where a page says what the company does).
        """
        spans: list[tuple[int, int, int, int]] = []  # group, start, -end, term
        negative: list[tuple[int, int]] = []
        masks: list[tuple[int, int]] = []
        friends: list[int] = []  # starts of false-friend matches ("nail lamp")
        text = _as_bytes(folded)
        size = len(text)
        for last, values in self._automaton.iter(text):
            end = last + 1
            for term_index, length, bounded_start, bounded_end, group, role in values:
                start = end - length
                if bounded_start and start > 0:
                    before = text[start - 1]
                    if before < "\x80":
                        if before.isalnum():
                            continue  # inside a word: "uv" in "uvula"
                    elif is_word_char(_char_before(text, start)):
                        continue
                if bounded_end and end < size:
                    after = text[end]
                    if after < "\x80":
                        if after.isalnum():
                            continue
                    elif is_word_char(_char_at(text, end)):
                        continue
                if role == _MASK:
                    masks.append((start, end))
                    continue
                if _NEGATIVE <= role <= _FALSE_FRIEND:
                    negative.append((start, end))
                    if role == _FALSE_FRIEND:
                        friends.append(start)
                spans.append((group, start, -end, term_index))
        counts: Counter[int] = Counter()
        claimed: Counter[int] = Counter()
        if not spans:
            return Counts(counts, claimed)
        spans.sort()
        friends.sort()
        inside_mask = _Cover(masks) if masks else None
        inside_negative = _Cover(negative) if negative else None
        scored: list[tuple[int, int, int]] = []  # (start, end, term) to check for claims
        current_group = -1
        reach = -1
        is_negative = self._is_negative
        is_scored = self._is_scored
        is_product = self._is_product
        reach_claims = self.claim_reach
        for group, start, negative_end, term_index in spans:
            if group != current_group:
                current_group, reach = group, -1
            elif start < reach:
                continue  # overlaps a match of the same group that starts earlier or is longer
            end = -negative_end
            if inside_mask is not None and inside_mask.covers(start, end):
                continue  # an idiom: "moda" in "non è una moda" is no evidence
            if (
                inside_negative is not None
                and not is_negative[group]
                and inside_negative.covers(start, end)
            ):
                continue  # a false friend: "uv" inside "uv printing" is no evidence
            if friends and is_product[group] and self._near(text, friends, start, end):
                continue  # "UV lamp for gel nail polish": the lamp is a nail lamp
            reach = end
            counts[term_index] += 1
            if is_scored[group] and start < reach_claims:
                scored.append((start, end, term_index))
        if scored and self._claims is not None:
            scored.sort()
            for term_index in self._claimed(text, scored):
                claimed[term_index] += 1
        return Counts(counts, claimed)

    def _near(self, text: str, starts: list[int], start: int, end: int) -> bool:
        """Whether one of ``starts`` (sorted) lies within the window around
        ``start..end``, in the same sentence (no sentence end between the two)."""
        window = self.claim_window
        low = bisect.bisect_left(starts, start - window)
        for other in starts[low:]:
            if other > end + window:
                return False
            if other <= start:
                if not _has_sentence_end(text, other, start):
                    return True
            elif not _has_sentence_end(text, end, other):
                return True
        return False

    def _claimed(self, text: str, scored: list[tuple[int, int, int]]) -> list[int]:
        """The terms of ``scored`` (sorted matches) that stand in a sentence with a
        claim, within ``claim_window`` bytes of it.

        The windows of the matches are merged into stretches; in each stretch one
        regular-expression pass finds where sentences end, and the claim automaton
        runs over each match's sentence (clipped to its window) once: matches come in
        runs within a sentence, and business prose elsewhere costs nothing.
        """
        window = self.claim_window
        size = len(text)
        out: list[int] = []
        stretches: list[list[int]] = []  # [low, high, first match, last match + 1]
        for index, (start, end, _) in enumerate(scored):
            low, high = max(0, start - window), min(size, end + window)
            if stretches and low <= stretches[-1][1]:
                stretches[-1][1] = max(stretches[-1][1], high)
                stretches[-1][3] = index + 1
            else:
                stretches.append([low, high, index, index + 1])
        known: dict[tuple[int, int], bool] = {}
        for low, high, first, past in stretches:
            ends = [m.start() for m in _SENTENCE_END.finditer(text, low, high)]
            begin = stop = -1
            answer = False
            for start, end, term_index in scored[first:past]:
                if begin <= start and end <= stop and start - begin <= window:
                    if answer:  # in the sentence (and window) of the match before
                        out.append(term_index)
                    continue
                at = bisect.bisect_right(ends, start - 1)
                begin = max(low, start - window, ends[at - 1] + 1 if at else low)
                after = bisect.bisect_left(ends, end, at)
                stop = min(high, end + window, ends[after] if after < len(ends) else high)
                cached = known.get((begin, stop))
                if cached is None:
                    cached = known[(begin, stop)] = self._has_claim(text, begin, stop)
                answer = cached
                if answer:
                    out.append(term_index)
        return out

    def _has_claim(self, text: str, low: int, high: int) -> bool:
        size = len(text)
        # the window alone: pyahocorasick copies the whole string it is given, bounds or not
        for last, (length, bounded_start, bounded_end) in self._claims.iter(text[low:high]):
            end = low + last + 1
            begin = end - length
            if bounded_start and begin > 0 and _continues_word(text, begin - 1, before=True):
                continue
            if bounded_end and end < size and _continues_word(text, end, before=False):
                continue
            return True
        return False


class _Cover:
    """Spans, asked whether one of them covers ``start..end``: the starts in order, and
    the furthest end reached by the spans up to each (a bisection, not a scan)."""

    __slots__ = ("_reach", "_starts")

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        spans = sorted(spans)
        self._starts = [start for start, _ in spans]
        self._reach = list(accumulate((end for _, end in spans), max))

    def covers(self, start: int, end: int) -> bool:
        """Whether a span ``s..e`` has ``s <= start`` and ``end <= e``."""
        at = bisect.bisect_right(self._starts, start)
        return at > 0 and self._reach[at - 1] >= end


def _has_sentence_end(text: str, low: int, high: int) -> bool:
    return low < high and _SENTENCE_END.search(text, low, high) is not None


def _continues_word(text: str, index: int, *, before: bool) -> bool:
    """Whether the character at byte ``index`` (or ending there, ``before``) is a word
    character: a fast path for ASCII, the slow one for the rest."""
    char = text[index]
    if char < "\x80":
        return char.isalnum()
    return is_word_char(_char_before(text, index + 1) if before else _char_at(text, index))


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
