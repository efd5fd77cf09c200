"""Industry fit: how close a lead's words are to the markets of UV-C disinfection.

:func:`score_fit` folds each field of a :class:`FitInput`, finds the taxonomy's
terms in one automaton pass per field, and turns the occurrences into a 0-100
score, a tier and the evidence. docs/taxonomy.md explains the arithmetic; in short:

* one occurrence counts as much as its field weighs (title 3, company 3,
  description 2.5, headings 2, message 2, body 1); repeats in a field saturate at
  twice that (``2 * (1 - 0.5**n)``); weak terms count 0.4, and at most 2 in all;
* a segment's evidence ``E`` becomes ``weight * (1 - exp(-E / 4))``;
* segments combine as a damped noisy-or: the best counts fully, each other one
  a quarter; negative groups combine the same way and subtract 0.6 of their
  strength; a match inside a match of a negative group is no evidence;
* tier A needs a score of 60 and a core segment of 50 with little negative
  evidence; B needs 35; C needs 12; below is D.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable
from typing import Literal

from pydantic import Field

from leadcheck.fit.matcher import CompiledTaxonomy, compile_taxonomy
from leadcheck.fit.normalize import fold
from leadcheck.fit.taxonomy import Scoring, Taxonomy, load_taxonomy
from leadcheck.models import Frozen

FieldName = Literal["title", "description", "headings", "company", "message", "body"]
Tier = Literal["A", "B", "C", "D"]

FIELDS: tuple[FieldName, ...] = ("title", "description", "headings", "company", "message", "body")
TIER_LABELS: dict[Tier, str] = {
    "A": "core target",
    "B": "likely fit",
    "C": "adjacent or weak",
    "D": "no fit",
}


class FitInput(Frozen):
    """What is known of a lead in words: its website's text and its inquiry."""

    title: str | None = None
    description: str | None = None
    headings: tuple[str, ...] = ()
    body: str = ""
    company: str | None = None
    message: str | None = None


class TermMatch(Frozen):
    """One taxonomy term found, as written in the taxonomy."""

    term: str
    count: int = Field(ge=1)
    language: str
    fields: tuple[FieldName, ...]
    weak: bool = False


class SegmentScore(Frozen):
    """The evidence for one group (a segment, or a negative group)."""

    id: str
    name: str
    score: int = Field(ge=0, le=100)
    core: bool = False
    matches: tuple[TermMatch, ...]


class BuyerTypeMatch(Frozen):
    """A kind of buyer the words point to (reported, not scored)."""

    id: str
    name: str
    matches: tuple[TermMatch, ...]


class FitResult(Frozen):
    """How well a lead fits the taxonomy, with the evidence."""

    score: int = Field(ge=0, le=100)
    tier: Tier
    summary: str
    segments: tuple[SegmentScore, ...]  # best first, only those with matches
    negatives: tuple[SegmentScore, ...] = ()  # negative groups with matches, strongest first
    negative_score: int = Field(default=0, ge=0, le=100)
    buyer_types: tuple[BuyerTypeMatch, ...] = ()  # most evidence first
    languages: tuple[str, ...] = ()  # languages of the matched terms, most matches first
    # What was read: a page (with the inquiry's words), or the inquiry alone because
    # the website could not be read or is not a business page.
    basis: Literal["page", "inquiry"] = "page"


def score_fit(doc: FitInput, taxonomy: Taxonomy | None = None) -> FitResult:
    """Score one lead against ``taxonomy`` (the shipped one by default). Pure and fast."""
    taxonomy = taxonomy if taxonomy is not None else load_taxonomy()
    compiled = compile_taxonomy(taxonomy)
    found = _find(doc, compiled)
    return _score(found, compiled, taxonomy.scoring)


def _find(doc: FitInput, compiled: CompiledTaxonomy) -> dict[int, dict[FieldName, int]]:
    """term index -> field -> occurrences."""
    found: dict[int, dict[FieldName, int]] = defaultdict(dict)
    for field, value in _raw_fields(doc):
        if field in ("company", "message"):  # the lead's own words: always matched afresh
            counts = compiled.count(fold(value))
        else:
            # A batch scores one website's page for every lead that names it: the
            # page's fields are matched once and then come from the cache.
            counts = compiled.count_cached(value, _folder(field))
        for term_index, count in counts.items():
            found[term_index][field] = count
    return found


def _folder(field: FieldName) -> Callable[[str], str]:
    if field == "headings":
        # A barrier between headings, so that no phrase runs from one into the next.
        return lambda joined: " | ".join(fold(h) for h in joined.split(_HEADING_SEPARATOR))
    return fold


_HEADING_SEPARATOR = "\x00"  # cannot occur in page text: the parser strips controls


def _raw_fields(doc: FitInput) -> list[tuple[FieldName, str]]:
    named: tuple[tuple[FieldName, str | None], ...] = (
        ("title", doc.title),
        ("description", doc.description),
        ("company", doc.company),
        ("message", doc.message),
        ("body", doc.body),
    )
    fields = [(name, value) for name, value in named if value]
    if doc.headings:
        fields.append(("headings", _HEADING_SEPARATOR.join(doc.headings)))
    return fields


def _saturate(count: int) -> float:
    """1, 1.5, 1.75, ... -> 2: repeats add less and less."""
    return 2.0 * (1.0 - 0.5**count)


def _score(
    found: dict[int, dict[FieldName, int]], compiled: CompiledTaxonomy, scoring: Scoring
) -> FitResult:
    field_weights = scoring.fields.model_dump()
    evidence: dict[int, float] = defaultdict(float)  # group index -> evidence
    weak_evidence: dict[int, float] = defaultdict(float)  # the same from weak terms, capped
    matches: dict[int, list[tuple[float, TermMatch]]] = defaultdict(list)
    languages: Counter[str] = Counter()
    for term_index, by_field in found.items():
        term = compiled.terms[term_index]
        factor = scoring.weak_term_factor if term.weak else 1.0
        strength = factor * sum(field_weights[f] * _saturate(n) for f, n in by_field.items())
        (weak_evidence if term.weak else evidence)[term.group] += strength
        total = sum(by_field.values())
        fields = tuple(f for f in FIELDS if f in by_field)
        match = TermMatch(
            term=term.text, count=total, language=term.language, fields=fields, weak=term.weak
        )
        matches[term.group].append((strength, match))
        languages[term.language] += total

    for group_index, weak in weak_evidence.items():
        evidence[group_index] += min(weak, scoring.weak_evidence_cap)

    segments: list[tuple[float, SegmentScore]] = []
    negatives: list[tuple[float, SegmentScore]] = []
    buyers: list[tuple[float, BuyerTypeMatch]] = []
    for group_index, raw in evidence.items():
        group = compiled.groups[group_index]
        ordered = tuple(m for _, m in sorted(matches[group_index], key=_match_order))
        if group.kind == "buyer_type":
            buyers.append((raw, BuyerTypeMatch(id=group.id, name=group.name, matches=ordered)))
            continue
        strength = group.weight * (1.0 - math.exp(-raw / scoring.saturation))
        entry = SegmentScore(
            id=group.id,
            name=group.name,
            score=round(100 * strength),
            core=group.core,
            matches=ordered,
        )
        (segments if group.kind == "segment" else negatives).append((strength, entry))

    segments.sort(key=lambda item: (-item[0], item[1].id))
    negatives.sort(key=lambda item: (-item[0], item[1].id))
    buyers.sort(key=lambda item: (-item[0], item[1].id))

    positive = _combine([s for s, _ in segments], scoring.secondary_share)
    negative = _combine([s for s, _ in negatives], 1.0)
    final = max(0.0, positive - scoring.negative_penalty * negative)
    score = round(100 * final)
    negative_score = round(100 * negative)
    segment_scores = tuple(entry for _, entry in segments)
    tier = _tier(score, negative_score, segment_scores, scoring)
    buyer_matches = tuple(entry for _, entry in buyers)
    return FitResult(
        score=score,
        tier=tier,
        summary=_summary(tier, score, segment_scores, buyer_matches, negative_score),
        segments=segment_scores,
        negatives=tuple(entry for _, entry in negatives),
        negative_score=negative_score,
        buyer_types=buyer_matches,
        languages=tuple(lang for lang, _ in sorted(languages.items(), key=lambda i: (-i[1], i[0]))),
    )


def _match_order(item: tuple[float, TermMatch]) -> tuple[float, int, str]:
    strength, match = item
    return (-strength, -match.count, match.term)


def _combine(strengths: list[float], share: float) -> float:
    """Damped noisy-or: the strongest counts fully, each other one ``share`` of itself."""
    if not strengths:
        return 0.0
    ordered = sorted(strengths, reverse=True)
    missing = 1.0 - ordered[0]
    for strength in ordered[1:]:
        missing *= 1.0 - share * strength
    return min(1.0, max(0.0, 1.0 - missing))


def _tier(
    score: int, negative_score: int, segments: tuple[SegmentScore, ...], scoring: Scoring
) -> Tier:
    tiers = scoring.tiers
    best_core = max((s.score for s in segments if s.core), default=0)
    if (
        score >= tiers.a
        and best_core >= tiers.a_min_core_segment
        and negative_score <= tiers.a_max_negative
    ):
        return "A"
    if score >= tiers.b:
        return "B"
    if score >= tiers.c:
        return "C"
    return "D"


def _summary(
    tier: Tier,
    score: int,
    segments: tuple[SegmentScore, ...],
    buyers: tuple[BuyerTypeMatch, ...],
    negative_score: int,
) -> str:
    parts = [f"{tier} ({TIER_LABELS[tier]}), {score}/100"]
    if segments:
        parts.append(", ".join(f"{s.name} {s.score}" for s in segments[:3]))
    else:
        parts.append("no industry terms found")
    if buyers:
        parts.append("buyer: " + ", ".join(b.name for b in buyers[:2]))
    if negative_score:
        parts.append(f"unrelated-trade evidence {negative_score}")
    return "; ".join(parts)
