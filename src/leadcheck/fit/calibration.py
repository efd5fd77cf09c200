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
from leadcheck.fit.taxonomy import Taxonomy, Tiers, load_taxonomy
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
    from leadcheck.fit.html import fit_input_from_text

    return fit_input_from_text(text, company=item.company, message=item.message)


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


def suggest_cutoffs(evaluation: Evaluation, current: Tiers) -> Cutoffs:
    """The cut-offs ``a > b > c`` that do best on the corpus.

    Best means, in order: every trap right; the highest accuracy of the worst language
    group; the highest overall accuracy; then the cut-offs nearest the current ones
    (so that a flat stretch of the data does not move them). Tier A's other
    conditions (a core line of evidence) are kept as the scorer reports them: an
    item that may not be A is B at most, whatever its score.
    """
    rows = [
        (o.result.score, o.item.tier, o.group, o.item.kind == "trap", o.result)
        for o in evaluation.outcomes
    ]
    groups = sorted({row[2] for row in rows})
    values = sorted({score for score, *_ in rows} | {0, 100})
    candidates = sorted({min(100, max(1, v + d)) for v in values for d in (0, 1)})
    best: tuple[tuple[float, ...], Cutoffs] | None = None
    for c in candidates:
        if any(trap and score >= c for score, _, _, trap, _ in rows):
            traps_right = False
        else:
            traps_right = True
        for b in (x for x in candidates if x > c):
            for a in (x for x in candidates if x > b):
                right_by_group: Counter[str] = Counter()
                total_by_group: Counter[str] = Counter()
                for score, tier, group, _, result in rows:
                    total_by_group[group] += 1
                    predicted = _tier_for(score, a, b, c, result)
                    right_by_group[group] += predicted == tier
                worst = min(right_by_group[g] / total_by_group[g] for g in groups)
                overall = sum(right_by_group.values()) / len(rows)
                distance = abs(a - current.a) + abs(b - current.b) + abs(c - current.c)
                key = (float(traps_right), worst, overall, -float(distance))
                if best is None or key > best[0]:
                    best = (key, Cutoffs(a, b, c, worst, overall, traps_right))
    assert best is not None
    return best[1]


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
    ceiling = result.ceiling
    if ceiling is not None and TIERS.index(tier) < TIERS.index(ceiling):
        return ceiling
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
