"""Measure stage 2 on a labelled corpus: confusion matrix, accuracy by language, traps.

A corpus is a folder with a ``labels.toml`` (one ``[[item]]`` per page or inquiry,
see ``benchmarks/fit_corpus/README.md``) and the files it names. :func:`load_corpus`
validates it; :func:`evaluate` reads every item the way production does
(:func:`fit_input_for`) and scores it; :func:`suggest_cutoffs` picks the tier
cut-offs that the data supports best. Nothing here touches the network.
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from leadcheck.datafiles import read_toml, validate
from leadcheck.errors import DataFileError
from leadcheck.fit.scoring import FitInput, FitResult, Tier, score_fit
from leadcheck.fit.taxonomy import Taxonomy, load_taxonomy
from leadcheck.models import Frozen

LABELS_FILE = "labels.toml"
TIERS: tuple[Tier, ...] = ("A", "B", "C", "D")
Kind = Literal["core", "adjacent", "trap", "unrelated"]

# Languages are judged in groups of related scripts and markets: a group needs enough
# items for its accuracy to mean something, and each group is one kind of difficulty
# (inflection, unspaced scripts, right-to-left, Indic).
LANGUAGE_GROUPS: dict[str, tuple[str, ...]] = {
    "western_europe": ("en", "de", "fr", "es", "it", "pt", "nl"),
    "eastern_europe_turkey": ("pl", "ru", "tr"),
    "east_asia": ("zh", "zh-hant", "ja", "ko"),
    "southeast_asia": ("vi", "th", "id"),
    "arabic_hindi": ("ar", "hi"),
}


def language_group(language: str) -> str:
    """The group a language is judged in (``other`` if none lists it)."""
    for group, members in LANGUAGE_GROUPS.items():
        if language in members:
            return group
    return "other"


class CorpusItem(Frozen):
    """One labelled page or inquiry."""

    id: Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_-]{0,63}$")]
    file: Annotated[str, StringConstraints(min_length=1, max_length=200)]
    language: Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}(-[a-z0-9]{2,8})?$")]
    tier: Tier
    segment: Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,47}$")]
    kind: Kind
    why: Annotated[str, StringConstraints(min_length=1, max_length=300)]
    input: Literal["page", "message"] = "page"
    company: str | None = None
    message: str | None = None  # an inquiry sent with a page


class _Labels(Frozen):
    schema_version: Literal[1] = Field(alias="schema")
    items: tuple[CorpusItem, ...] = Field(alias="item", min_length=1)


@dataclass(frozen=True)
class Corpus:
    """A validated corpus: its folder and its items, with their texts."""

    root: Path
    items: tuple[CorpusItem, ...]
    texts: dict[str, str]


def load_corpus(root: Path, taxonomy: Taxonomy | None = None) -> Corpus:
    """Read and validate ``root/labels.toml`` and every file it names.

    Ids must be unique, files must exist inside ``root``, and a ``segment`` must be a
    segment or negative group of ``taxonomy`` (the shipped one by default) or ``none``.
    """
    path = root / LABELS_FILE
    labels = validate(_Labels, read_toml(path), path)
    taxonomy = taxonomy if taxonomy is not None else load_taxonomy()
    known = {group.id for _, group in taxonomy.groups()} | {"none"}
    seen: set[str] = set()
    texts: dict[str, str] = {}
    base = root.resolve()
    for index, item in enumerate(labels.items):
        where = f"item[{index}] ({item.id})"
        if item.id in seen:
            raise DataFileError(path, f"the id {item.id!r} is used twice", location=where)
        seen.add(item.id)
        if item.segment not in known:
            raise DataFileError(
                path, f"segment {item.segment!r} is not in the taxonomy", location=where
            )
        file = (root / item.file).resolve()
        if base not in file.parents:
            raise DataFileError(path, f"file {item.file!r} is outside the corpus", location=where)
        try:
            texts[item.id] = file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise DataFileError(path, f"cannot read {item.file!r}: {exc}", location=where) from exc
    return Corpus(root=root, items=labels.items, texts=texts)


def fit_input_for(item: CorpusItem, text: str) -> FitInput:
    """What production scores for ``item``: the page through the page reader, plus
    the company and inquiry; or, for an inquiry item, the message alone."""
    if item.input == "message":
        return FitInput(message=text, company=item.company)
    from leadcheck.fit.page import fit_input
    from leadcheck.verify.page import read_page

    return fit_input(read_page(text), company=item.company, message=item.message)


@dataclass(frozen=True)
class Outcome:
    """One item as scored."""

    item: CorpusItem
    result: FitResult

    @property
    def right(self) -> bool:
        return self.result.tier == self.item.tier

    @property
    def group(self) -> str:
        return language_group(self.item.language)


@dataclass(frozen=True)
class Evaluation:
    """What the corpus says about a taxonomy."""

    outcomes: tuple[Outcome, ...]
    confusion: dict[Tier, Counter[Tier]] = field(default_factory=dict)  # labelled -> predicted

    @property
    def accuracy(self) -> float:
        return _share(o.right for o in self.outcomes)

    def accuracy_by(self, key: Callable[[Outcome], str]) -> dict[str, tuple[float, int]]:
        """Accuracy and item count per value of ``key`` (a language, a group, a kind)."""
        buckets: dict[str, list[bool]] = defaultdict(list)
        for outcome in self.outcomes:
            buckets[key(outcome)].append(outcome.right)
        return {name: (_share(rights), len(rights)) for name, rights in sorted(buckets.items())}

    @property
    def traps(self) -> tuple[Outcome, ...]:
        return tuple(o for o in self.outcomes if o.item.kind == "trap")

    @property
    def wrong(self) -> tuple[Outcome, ...]:
        return tuple(o for o in self.outcomes if not o.right)

    def scores(self, kinds: Iterable[str], tiers: Iterable[Tier] = TIERS) -> list[int]:
        """Scores of the items of the given kinds and labelled tiers."""
        kinds, tiers = set(kinds), set(tiers)
        return sorted(
            o.result.score for o in self.outcomes if o.item.kind in kinds and o.item.tier in tiers
        )

    def separation(self) -> tuple[float, float, int, int]:
        """Mean score of core A items and of non-fits (trap, unrelated), and the lowest
        core-A score and the highest non-fit score."""
        core = self.scores(["core"], ["A"])
        none = self.scores(["trap", "unrelated"])
        return (
            statistics.fmean(core) if core else 0.0,
            statistics.fmean(none) if none else 0.0,
            min(core, default=0),
            max(none, default=0),
        )


def _share(values: Iterable[bool]) -> float:
    items = list(values)
    return sum(items) / len(items) if items else 1.0


def evaluate(corpus: Corpus, taxonomy: Taxonomy | None = None) -> Evaluation:
    """Score every item of ``corpus`` and compare with its label."""
    taxonomy = taxonomy if taxonomy is not None else load_taxonomy()
    outcomes = tuple(
        Outcome(item, score_fit(fit_input_for(item, corpus.texts[item.id]), taxonomy))
        for item in corpus.items
    )
    confusion: dict[Tier, Counter[Tier]] = {tier: Counter() for tier in TIERS}
    for outcome in outcomes:
        confusion[outcome.item.tier][outcome.result.tier] += 1
    return Evaluation(outcomes=outcomes, confusion=confusion)


@dataclass(frozen=True)
class Cutoffs:
    """Tier cut-offs and how the corpus fares with them."""

    a: int
    b: int
    c: int
    min_group_accuracy: float
    accuracy: float
    traps_right: bool
    margin: int  # the widths of the score gaps the cut-offs sit in, added up


ROBUSTNESS = 4  # points: an item counts as right when it stays right this far either way


def suggest_cutoffs(
    evaluation: Evaluation, min_a: int = 1, robustness: int = ROBUSTNESS
) -> Cutoffs:
    """The cut-offs ``a > b > c`` that do best on the corpus.

    An item counts as right only if it would still be right with its score
    ``robustness`` points higher or lower: cut-offs that sit on an item's score are
    one edit away from flipping it. Best means, in order: every trap right; the highest
    accuracy of the worst language group; the highest overall accuracy; the widest
    gaps between the scores. Each cut-off is then put in its gap, away from the items.
    ``a`` is at least ``min_a``: tier A also asks for that much core evidence, and a
    score cut-off below it would decide nothing. Tier A's other conditions (core evidence)
    and the ceilings the scorer reports are kept: an item that may not be A is B at
    most, and a capped item is at most its ceiling, whatever its score.

    Accuracy only changes where a cut-off passes an item's score, so only those
    places are tried, each judged from cumulative counts (not item by item).
    """
    outcomes = evaluation.outcomes
    groups = sorted({o.group for o in outcomes})
    sizes = Counter(o.group for o in outcomes)
    # (group, label, may be A, ceiling, floor) -> cumulative count of items by score
    buckets: dict[tuple[str, Tier, bool, Tier | None, Tier | None], list[int]] = {}
    for o in outcomes:
        bucket = (o.group, o.item.tier, o.result.may_be_a, o.result.ceiling, o.result.floor)
        histogram_ = buckets.setdefault(bucket, [0] * 102)
        histogram_[o.result.score + 1] += 1
    for cumulative in buckets.values():
        for index in range(1, 102):
            cumulative[index] += cumulative[index - 1]
    trap_scores = [o.result.score for o in outcomes if o.item.kind == "trap"]
    highest_trap = max(trap_scores, default=-1)
    scores = sorted({o.result.score for o in outcomes})
    # a cut-off at a score puts items with that score above it; the gap below it runs
    # from the next lower score (exclusive)
    places = [
        (score, score - below) for score, below in zip(scores, [-1, *scores[:-1]], strict=True)
    ]
    places.append((101, 101 - scores[-1]))  # above every item
    best: tuple[tuple[float, ...], tuple[int, int, int], float] | None = None
    for ci, (c, c_gap) in enumerate(places):
        traps_right = c > highest_trap + robustness
        # two cut-offs may share a gap between two scores, if it is wide enough
        for bi in range(ci if c_gap >= 2 else ci + 1, len(places)):
            b, b_gap = places[bi]
            shared_cb = bi == ci
            start = bi if b_gap >= (3 if shared_cb else 2) else bi + 1
            for ai in range(start, len(places)):
                a, a_gap = places[ai]
                if a < min_a:
                    continue
                right: Counter[str] = Counter()
                for (group, label, may_be_a, ceiling, floor), cumulative in buckets.items():
                    right[group] += _right(
                        cumulative, label, may_be_a, (ceiling, floor), (a, b, c), robustness
                    )
                worst = min(right[g] / sizes[g] for g in groups)
                overall = sum(right.values()) / len(outcomes)
                shares = Counter((ci, bi, ai))
                margin = sum(gap / shares[i] for i, gap in ((ci, c_gap), (bi, b_gap), (ai, a_gap)))
                key = (float(traps_right), worst, overall, margin)
                if best is None or key > best[0]:
                    best = (key, (ai, bi, ci), margin)
    assert best is not None
    (traps_right_f, worst, overall, _), indexes, margin = best
    a, b, c = _spread(indexes, places)
    return Cutoffs(
        a=a,
        b=b,
        c=c,
        min_group_accuracy=worst,
        accuracy=overall,
        traps_right=bool(traps_right_f),
        margin=round(margin),
    )


def _spread(indexes: tuple[int, int, int], places: list[tuple[int, int]]) -> tuple[int, int, int]:
    """Cut-off values for places ``(a, b, c)``: each in its gap between two scores,
    spread evenly where several share one, so each is as far from any item as can be."""
    values: dict[int, int] = {}
    sharing = Counter(indexes)
    for place, count in sharing.items():
        score, gap = places[place]
        low = score - gap + 1  # the lowest cut-off value that puts ``score`` above it
        for k, which in enumerate(
            sorted((i for i, p in enumerate(indexes) if p == place), reverse=True)
        ):
            values[which] = min(100, max(1, low + (gap * (k + 1)) // (count + 1)))
    return values[0], values[1], values[2]


def _count(cumulative: list[int], low: int, high: int) -> int:
    """Items with a score in ``low..high`` (inclusive)."""
    low, high = max(low, 0), min(high, 100)
    return cumulative[high + 1] - cumulative[low] if high >= low else 0


def _right(
    cumulative: list[int],
    label: Tier,
    may_be_a: bool,
    bounds: tuple[Tier | None, Tier | None],
    cuts: tuple[int, int, int],
    robustness: int = 0,
) -> int:
    """How many items of one bucket get ``label`` with the cut-offs ``a > b > c``, and
    would still get it ``robustness`` points higher or lower. ``bounds`` are the
    bucket's ceiling and floor."""
    a, b, c = cuts
    ceiling, floor = bounds
    raw: dict[Tier, list[tuple[int, int]]] = {
        "A": [(a, 100)] if may_be_a else [],
        "B": [(b, a - 1)] + ([] if may_be_a else [(a, 100)]),
        "C": [(c, b - 1)],
        "D": [(0, c - 1)],
    }
    if ceiling is not None:  # tiers better than the ceiling become the ceiling
        better = TIERS[: TIERS.index(ceiling)]
        raw[ceiling] = raw[ceiling] + [r for t in better for r in raw[t]]
        for tier in better:
            raw[tier] = []
    if floor is not None:  # tiers worse than the floor become the floor
        worse = TIERS[TIERS.index(floor) + 1 :]
        raw[floor] = raw[floor] + [r for t in worse for r in raw[t]]
        for tier in worse:
            raw[tier] = []
    total = 0
    for low, high in raw[label]:
        if low > 0:
            low += robustness
        if high < 100:
            high -= robustness
        total += _count(cumulative, low, high)
    return total


def _tier_for(score: int, a: int, b: int, c: int, result: FitResult) -> Tier:
    """The tier ``result`` would get with cut-offs ``a``, ``b``, ``c``."""
    if score >= a and result.may_be_a:
        tier: Tier = "A"
    elif score >= b:
        tier = "B"
    elif score >= c:
        tier = "C"
    else:
        tier = "D"
    ceiling, floor = result.ceiling, result.floor
    if ceiling is not None and TIERS.index(tier) < TIERS.index(ceiling):
        return ceiling
    if floor is not None and TIERS.index(tier) > TIERS.index(floor):
        return floor
    return tier


def format_matrix(confusion: dict[Tier, Counter[Tier]]) -> list[str]:
    """The confusion matrix as text lines: rows labelled, columns predicted."""
    lines = ["label \\ got    A    B    C    D   right"]
    for tier in TIERS:
        row = confusion.get(tier, Counter())
        total = sum(row.values())
        cells = "".join(f"{row[t]:>5}" for t in TIERS)
        share = f"{row[tier] / total:6.0%}" if total else "     -"
        lines.append(f"{tier:<12}{cells}  {share}")
    return lines


def describe(outcome: Outcome) -> str:
    """One line for an item: label, result and the evidence that made it."""
    result = outcome.result
    return (
        f"{outcome.item.id}: labelled {outcome.item.tier}, got {result.tier} {result.score}"
        f" -- {result.summary}"
    )


def histogram(scores: Sequence[int], width: int = 10) -> list[str]:
    """Scores in buckets of ``width``, as text bars."""
    counts = Counter(min(score // width, (100 // width) - 1) for score in scores)
    lines = []
    for bucket in range(100 // width):
        low = bucket * width
        lines.append(f"{low:>3}-{low + width - 1:<3} {'#' * counts[bucket]} {counts[bucket] or ''}")
    return lines
