"""Industry fit: how close a lead is to the markets of UV-C disinfection.

:func:`score_fit` folds each field of a :class:`FitInput`, finds the taxonomy's
terms in one automaton pass per field, and turns the occurrences into a 0-100
score, a tier and the evidence. docs/taxonomy.md explains the arithmetic; in short:

* an occurrence counts as much as its field weighs (title 3, company 3, description
  2.5, headings 2, a body sentence that says what the company does 2, message 2,
  other body text 1); repeats saturate (``2 * (1 - 0.5**n)``); weak terms count 0.4,
  at most 2 in all, and only beside a clear term;
* a segment's evidence ``E`` becomes ``weight * (1 - exp(-E / saturation))``;
* the evidence comes in three independent lines, which combine as a noisy-or: our
  *product* (UV lamps, sterilizers), the *action* (disinfection) and the
  *application* (water treatment, aquaculture...; the best counts fully, the others
  a share). UV x application x disinfection is the strongest evidence there is;
* negative groups (UV printing, nails, sunscreen, unrelated trades) count fully in
  the title, headings, description and claims, ``aside_factor`` in other body text,
  and scale the score down; a match inside a mask (an idiom) counts for nothing;
* a page whose title or headings name a venue (a hotel, a gym) has its pool, spa and
  air-conditioning words discounted as amenities, unless it names our product;
* the company's trade (the group with most evidence in the title, headings,
  description and claims) may cap the tier (a pump maker is C at most, unless the
  page names our product);
* tier A needs the score, core evidence from the page (or an inquiry naming our
  product and an application) and little negative evidence.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Literal

from pydantic import Field

from leadcheck.fit.matcher import CompiledTaxonomy, GroupInfo, compile_taxonomy, occurrences
from leadcheck.fit.normalize import fold
from leadcheck.fit.taxonomy import Scoring, Taxonomy, load_taxonomy
from leadcheck.models import Frozen

FieldName = Literal["title", "description", "headings", "company", "message", "body"]
Tier = Literal["A", "B", "C", "D"]

FIELDS: tuple[FieldName, ...] = ("title", "description", "headings", "company", "message", "body")
IDENTITY_FIELDS: frozenset[FieldName] = frozenset({"title", "description", "headings", "company"})
TIER_LABELS: dict[Tier, str] = {
    "A": "core target",
    "B": "likely fit",
    "C": "adjacent or weak",
    "D": "no fit",
}
_TIER_ORDER = "ABCD"


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
    claimed: int = Field(default=0, ge=0)  # occurrences in a sentence saying what the company does


class SegmentScore(Frozen):
    """The evidence for one group (a segment, or a negative group)."""

    id: str
    name: str
    score: int = Field(ge=0, le=100)
    core: bool = False
    role: str = "application"
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
    core_score: int = Field(default=0, ge=0, le=100)  # core evidence from the page alone
    may_be_a: bool = False  # whether the evidence allows tier A at all
    trade: str | None = None  # the group the title, headings and claims point to most
    venue: str | None = None  # a venue named in the title or headings (hotel, gym)
    ceiling: Tier | None = None  # the best tier the company's trade or venue allows
    floor: Tier | None = None  # the worst tier the inquiry allows (it asks for our product)
    reasons: tuple[str, ...] = ()  # how the tier came about, in words
    # Other pages of the site read with the home page (products, services, about) when
    # the home page alone said too little.
    pages_read: tuple[str, ...] = ()


def score_fit(
    doc: FitInput, taxonomy: Taxonomy | None = None, *, words: LeadWords | None = None
) -> FitResult:
    """Score one lead against ``taxonomy`` (the shipped one by default). Pure and fast.

    ``words``: ``lead_words(doc.company, doc.message, taxonomy)``, when the caller has
    it already (a batch keys its memo of fits by it).
    """
    taxonomy = taxonomy if taxonomy is not None else load_taxonomy()
    if words is None:
        words = lead_words(doc.company, doc.message, taxonomy)
    return score_words(page_words(doc, taxonomy), words, taxonomy)


Found = dict[int, dict[FieldName, tuple[int, int]]]  # term -> field -> (count, claimed)

# Terms found in named fields, in the order found: (field, term index, count, claimed
# count). A lead's (lead_words: the company name's, then the message's) and a page's
# (page_words: title, description, body, headings) have this shape.
FieldTerms = tuple[tuple[FieldName, int, int, int], ...]
LeadWords = FieldTerms
PageWords = FieldTerms


def lead_words(
    company: str | None, message: str | None, taxonomy: Taxonomy | None = None
) -> LeadWords:
    """The taxonomy's terms in a lead's company name and message, as :func:`score_fit`
    finds them. A fit reads nothing else of those words: the same page with the same
    ``lead_words`` is the same fit, however differently two inquiries are worded
    ("we need 40 UV sterilizers" and "we need 200 UV sterilizers"; every message that
    names no term at all)."""
    own: tuple[tuple[FieldName, str | None], ...] = (("company", company), ("message", message))
    fields = [(name, value) for name, value in own if value]
    return _field_terms(fields, taxonomy, cached=False)  # the lead's own: matched afresh


def page_words(
    doc: FitInput, taxonomy: Taxonomy | None = None, *, cached: bool = True
) -> PageWords:
    """The taxonomy's terms in a fit input's page fields (everything but the lead's
    company name and message), as :func:`score_fit` finds them: with
    :func:`lead_words`, all that a fit reads (:func:`score_words`). ``cached``: through
    the matcher's cache of page fields (a page that recurs, such as a site's home
    page); a page read once is better not kept there."""
    fields = [(name, value) for name, value in _raw_fields(doc) if name not in _LEAD_FIELDS]
    return _field_terms(fields, taxonomy, cached=cached)


_LEAD_FIELDS = frozenset({"company", "message"})


def _field_terms(
    fields: list[tuple[FieldName, str]], taxonomy: Taxonomy | None, *, cached: bool
) -> FieldTerms:
    compiled = compile_taxonomy(taxonomy if taxonomy is not None else load_taxonomy())
    terms: list[tuple[FieldName, int, int, int]] = []
    for name, value in fields:
        if cached:
            # A batch scores one website's page for every lead that names it: the
            # page's fields are matched once and then come from the cache.
            triples = compiled.count_cached(value, _folder(name))
        else:
            triples = occurrences(compiled.count_zones(_folder(name)(value)))
        terms.extend((name, term, count, claimed) for term, count, claimed in triples)
    return tuple(terms)


def score_words(page: PageWords, words: LeadWords, taxonomy: Taxonomy | None = None) -> FitResult:
    """The fit of a page and a lead known by their terms alone (:func:`page_words`,
    :func:`lead_words`): equal to :func:`score_fit` of the page and the lead's words."""
    taxonomy = taxonomy if taxonomy is not None else load_taxonomy()
    compiled = compile_taxonomy(taxonomy)
    return _Scorer(_found(page, words), compiled, taxonomy.scoring).result()


# Page fields read after the lead's company name and message (_raw_fields' order:
# title, description, company, message, body, headings), the order in which terms are
# first found, and so the order in which the scorer adds up their evidence
_AFTER_LEAD = frozenset({"body", "headings"})


def _found(page: PageWords, words: LeadWords) -> Found:
    found: Found = defaultdict(dict)
    split = next((i for i, item in enumerate(page) if item[0] in _AFTER_LEAD), len(page))
    for name, term_index, count, claimed in (*page[:split], *words, *page[split:]):
        found[term_index][name] = (count, claimed)
    return found


def _folder(name: FieldName) -> Callable[[str], str]:
    if name == "headings":
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
    return 2.0 * (1.0 - 0.5**count) if count > 0 else 0.0


@dataclass
class _Evidence:
    """Evidence for one group, split by where it was found."""

    identity: float = 0.0  # title, description, headings, company, claimed body sentences
    company: float = 0.0  # the part of ``identity`` from the company name
    claimed_identity: float = 0.0  # the part of ``identity`` from claimed body sentences
    body: float = 0.0  # other body text
    message: float = 0.0
    weak_identity: float = 0.0
    weak_body: float = 0.0
    weak_message: float = 0.0
    matches: list[tuple[float, TermMatch]] = field(default_factory=list)
    where: dict[str, set[FieldName]] = field(default_factory=dict)  # term -> fields

    @property
    def clear(self) -> float:
        return self.identity + self.body + self.message


def _combine(strengths: Iterable[float], share: float) -> float:
    """Damped noisy-or: the strongest counts fully, each other one ``share`` of itself."""
    ordered = sorted(strengths, reverse=True)
    if not ordered:
        return 0.0
    missing = 1.0 - ordered[0]
    for strength in ordered[1:]:
        missing *= 1.0 - share * strength
    return min(1.0, max(0.0, 1.0 - missing))


def _noisy_or(strengths: Iterable[float]) -> float:
    missing = 1.0
    for strength in strengths:
        missing *= 1.0 - strength
    return min(1.0, max(0.0, 1.0 - missing))


class _Scorer:
    """Turns the occurrences of one lead's terms into a :class:`FitResult`."""

    def __init__(self, found: Found, compiled: CompiledTaxonomy, scoring: Scoring) -> None:
        self.compiled = compiled
        self.scoring = scoring
        self.reasons: list[str] = []
        self.evidence: dict[int, _Evidence] = defaultdict(_Evidence)
        self.languages: Counter[str] = Counter()
        weights = scoring.fields
        field_weight: dict[FieldName, float] = {
            "title": weights.title,
            "description": weights.description,
            "headings": weights.headings,
            "company": weights.company,
            "message": weights.message,
            "body": weights.body,
        }
        for term_index, by_field in found.items():
            term = compiled.terms[term_index]
            factor = scoring.weak_term_factor if term.weak else 1.0
            ev = self.evidence[term.group]
            identity = body = message = company = claimed_part = 0.0
            claimed_total = 0
            for name, (count, claimed) in by_field.items():
                if name == "message":
                    message += field_weight[name] * _saturate(count)
                elif name == "body":
                    claimed_total += claimed
                    claimed_part = weights.claim * _saturate(claimed)
                    identity += claimed_part
                    body += field_weight[name] * (_saturate(count) - _saturate(claimed))
                else:
                    identity += field_weight[name] * _saturate(count)
                    if name == "company":
                        company += field_weight[name] * _saturate(count)
            identity, body, message = factor * identity, factor * body, factor * message
            if term.weak:
                ev.weak_identity += identity
                ev.weak_body += body
                ev.weak_message += message
            else:
                ev.identity += identity
                ev.body += body
                ev.message += message
                ev.company += factor * company
                ev.claimed_identity += factor * claimed_part
            total = sum(count for count, _ in by_field.values())
            fields = tuple(f for f in FIELDS if f in by_field)
            match = TermMatch(
                term=term.text,
                count=total,
                language=term.language,
                fields=fields,
                weak=term.weak,
                claimed=claimed_total,
            )
            ev.matches.append((identity + body + message, match))
            self.languages[term.language] += total

    # -- helpers ---------------------------------------------------------------------

    def _groups(self, kind: str) -> list[tuple[GroupInfo, _Evidence]]:
        groups = self.compiled.groups
        return [(groups[i], ev) for i, ev in self.evidence.items() if groups[i].kind == kind]

    def _strength(self, weight: float, evidence: float, saturation: float | None = None) -> float:
        saturation = saturation if saturation is not None else self.scoring.saturation
        return weight * (1.0 - math.exp(-evidence / saturation))

    @staticmethod
    def _terms(ev: _Evidence, limit: int = 3) -> str:
        ordered = sorted(ev.matches, key=_match_order)
        return ", ".join(
            f"{m.term} ({'/'.join(m.fields)}{', claimed' if m.claimed else ''})"
            for _, m in ordered[:limit]
        )

    # -- the score -------------------------------------------------------------------

    def result(self) -> FitResult:
        scoring = self.scoring
        segments = self._groups("segment")
        corroborated = any(g.core and ev.clear > 0 for g, ev in segments)
        if not corroborated and any(ev.weak_identity + ev.weak_body for _, ev in segments):
            self.reasons.append("only vague terms (like a bare 'uv'), no clear term: no evidence")

        venue = self._venue()
        has_product = any(g.role == "product" and ev.identity + ev.body > 0 for g, ev in segments)
        page: dict[int, float] = {}  # group index -> strength from the page
        inquiry: dict[int, float] = {}  # group index -> strength from the message
        total: dict[int, float] = {}
        discounted: list[str] = []
        for index, ev in self.evidence.items():
            group = self.compiled.groups[index]
            if group.kind != "segment":
                continue
            cap = scoring.weak_evidence_cap
            weak_page = min(ev.weak_identity + ev.weak_body, cap) if corroborated else 0.0
            weak_message = min(ev.weak_message, cap) if corroborated else 0.0
            page_evidence = ev.identity + ev.body + weak_page
            if venue is not None and group.amenity and not has_product and page_evidence:
                # the page's words are a venue's amenities; the lead's own name is not
                page_evidence = ev.company + scoring.amenity_factor * (page_evidence - ev.company)
                discounted.append(group.name)
            message_evidence = ev.message + weak_message
            page[index] = self._strength(group.weight, page_evidence)
            inquiry[index] = self._strength(group.weight, message_evidence)
            total[index] = self._strength(group.weight, page_evidence + message_evidence)
        if discounted:
            self.reasons.append(
                f"{venue} named in the title or headings: {', '.join(sorted(discounted))} "
                f"counted at {scoring.amenity_factor:.0%} as amenities"
            )

        positive = self._lines(total)
        core = self._lines({i: s for i, s in page.items() if self.compiled.groups[i].core})
        product_asked, application_asked = self._asked(inquiry)
        inquiry_names_fit = product_asked is not None and application_asked is not None
        if inquiry_names_fit:
            self.reasons.append(
                f"the inquiry names our product ({product_asked}) and an application "
                f"({application_asked})"
            )

        negative, negative_entries = self._negatives()
        final = max(0.0, positive * (1.0 - scoring.negative_penalty * negative))
        score = round(100 * final)
        negative_score = round(100 * negative)
        core_score = round(100 * core)

        trade, ceiling = self._trade(has_product or inquiry_names_fit)
        if venue is not None and not (has_product or inquiry_names_fit) and ceiling is None:
            ceiling = "C"
            self.reasons.append(f"{venue}: C at most, unless it names our product")
        tiers = scoring.tiers
        may_be_a = negative_score <= tiers.a_max_negative and (
            core_score >= tiers.a_min_core_segment or inquiry_names_fit
        )
        floor: Tier | None = None
        if product_asked is not None and negative_score <= tiers.a_max_negative and not ceiling:
            floor = "B"
        tier = self._tier(score, may_be_a, ceiling)
        if floor is not None and _TIER_ORDER.index(tier) > _TIER_ORDER.index(floor):
            tier = floor
            self.reasons.append(f"the inquiry asks for our product ({product_asked}): B at least")

        segment_entries = []
        for index, strength in total.items():
            group = self.compiled.groups[index]
            ev = self.evidence[index]
            segment_entries.append(
                (
                    strength,
                    SegmentScore(
                        id=group.id,
                        name=group.name,
                        score=round(100 * strength),
                        core=group.core,
                        role=group.role,
                        matches=tuple(m for _, m in sorted(ev.matches, key=_match_order)),
                    ),
                )
            )
        segment_entries.sort(key=lambda item: (-item[0], item[1].id))
        buyers = [
            (ev.clear, BuyerTypeMatch(id=g.id, name=g.name, matches=_ordered(ev)))
            for g, ev in self._groups("buyer_type")
        ]
        buyers.sort(key=lambda item: (-item[0], item[1].id))
        segment_scores = tuple(entry for _, entry in segment_entries)
        buyer_matches = tuple(entry for _, entry in buyers)
        self._explain_tier(tier, score, core_score, negative_score, may_be_a, segment_scores)
        languages = sorted(self.languages.items(), key=lambda item: (-item[1], item[0]))
        return FitResult(
            score=score,
            tier=tier,
            summary=_summary(tier, score, segment_scores, buyer_matches, negative_score),
            segments=segment_scores,
            negatives=negative_entries,
            negative_score=negative_score,
            buyer_types=buyer_matches,
            languages=tuple(language for language, _ in languages),
            core_score=core_score,
            may_be_a=may_be_a,
            trade=trade,
            venue=venue,
            ceiling=ceiling,
            floor=floor,
            reasons=tuple(self.reasons),
        )

    def _lines(self, strengths: dict[int, float]) -> float:
        """Product, action and application: independent lines of evidence, combined."""
        by_role: dict[str, list[float]] = defaultdict(list)
        for index, strength in strengths.items():
            by_role[self.compiled.groups[index].role].append(strength)
        share = self.scoring.secondary_share
        return _noisy_or(_combine(values, share) for values in by_role.values())

    def _asked(self, inquiry: dict[int, float]) -> tuple[str | None, str | None]:
        """The product and the application (or, failing one, the action) an inquiry
        names, if it does: "UV lamps for shrimp ponds", "UV sterilizers, disinfection"."""
        best: dict[str, tuple[float, str]] = {}
        for index, strength in inquiry.items():
            group = self.compiled.groups[index]
            if strength <= 0 or not self.evidence[index].message:
                continue
            if group.role != "product" and not group.core:
                continue
            if strength > best.get(group.role, (0.0, ""))[0]:
                best[group.role] = (strength, group.name)
        product = best.get("product")
        application = best.get("application") or best.get("action")
        return (product[1] if product else None, application[1] if application else None)

    def _negatives(self) -> tuple[float, tuple[SegmentScore, ...]]:
        scoring = self.scoring
        entries: list[tuple[float, SegmentScore]] = []
        for group, ev in self._groups("negative"):
            # A claim does not make a negative the trade: "we supply RO plants to
            # cosmetics factories" names a customer. Body text counts as an aside.
            headline = ev.identity - ev.claimed_identity
            body = ev.body + ev.claimed_identity
            evidence = headline + ev.message + scoring.aside_factor * body
            strength = self._strength(group.weight, evidence, scoring.negative_saturation)
            if headline:
                self.reasons.append(f"{group.name} in the title or headings: {self._terms(ev)}")
            entry = SegmentScore(
                id=group.id,
                name=group.name,
                score=round(100 * strength),
                matches=_ordered(ev),
            )
            entries.append((strength, entry))
        entries.sort(key=lambda item: (-item[0], item[1].id))
        return _noisy_or(s for s, _ in entries), tuple(entry for _, entry in entries)

    def _venue(self) -> str | None:
        """A venue (or a trade that acts like one) named in the title, headings,
        description, company name or claims: the one named most."""
        best: tuple[float, str] | None = None
        for index, ev in self.evidence.items():
            group = self.compiled.groups[index]
            if group.kind != "venue" and not group.venue:
                continue
            if ev.identity > 0 and (best is None or ev.identity > best[0]):
                best = (ev.identity, group.name)
        return best[1] if best else None

    def _trade(self, product_named: bool) -> tuple[str | None, Tier | None]:
        """The group the company's own words point to most, and the tier it caps at."""
        best: tuple[float, GroupInfo] | None = None
        for index, ev in self.evidence.items():
            group = self.compiled.groups[index]
            if group.kind not in ("segment", "negative") or ev.identity <= 0:
                continue
            if best is None or ev.identity > best[0]:
                best = (ev.identity, group)
        if best is None:
            return None, None
        group = best[1]
        ceiling = group.ceiling if group.kind == "segment" else None
        if ceiling is not None and not product_named:
            self.reasons.append(
                f"the company's trade is {group.name}: {ceiling} at most without our product"
            )
            return group.id, ceiling
        return group.id, None

    def _tier(self, score: int, may_be_a: bool, ceiling: Tier | None) -> Tier:
        tiers = self.scoring.tiers
        if score >= tiers.a and may_be_a:
            tier: Tier = "A"
        elif score >= tiers.b:
            tier = "B"
        elif score >= tiers.c:
            tier = "C"
        else:
            tier = "D"
        if ceiling is not None and _TIER_ORDER.index(tier) < _TIER_ORDER.index(ceiling):
            return ceiling
        return tier

    def _explain_tier(
        self,
        tier: Tier,
        score: int,
        core_score: int,
        negative_score: int,
        may_be_a: bool,
        segments: tuple[SegmentScore, ...],
    ) -> None:
        tiers = self.scoring.tiers
        lines = [s for s in segments if s.score > 0][:3]
        if lines:
            self.reasons.insert(
                0,
                "evidence: "
                + "; ".join(f"{s.role} {s.name} {s.score} ({_top_terms(s)})" for s in lines),
            )
        if tier == "B" and score >= tiers.a and not may_be_a:
            why = (
                f"negative evidence {negative_score} > {tiers.a_max_negative}"
                if negative_score > tiers.a_max_negative
                else f"core evidence from the page {core_score} < {tiers.a_min_core_segment}"
            )
            self.reasons.append(f"B, not A: {why}")


def _top_terms(segment: SegmentScore, limit: int = 3) -> str:
    return ", ".join(f"{m.term} in {'/'.join(m.fields)}" for m in segment.matches[:limit])


def _ordered(ev: _Evidence) -> tuple[TermMatch, ...]:
    return tuple(m for _, m in sorted(ev.matches, key=_match_order))


def _match_order(item: tuple[float, TermMatch]) -> tuple[float, int, str]:
    strength, match = item
    return (-strength, -match.count, match.term)


def _summary(
    tier: Tier,
    score: int,
    segments: tuple[SegmentScore, ...],
    buyers: tuple[BuyerTypeMatch, ...],
    negative_score: int,
) -> str:
    parts = [f"{tier} ({TIER_LABELS[tier]}), {score}/100"]
    shown = [s for s in segments if s.score > 0][:3]
    if shown:
        parts.append(", ".join(f"{s.name} {s.score}" for s in shown))
    else:
        parts.append("no industry terms found")
    if buyers:
        parts.append("buyer: " + ", ".join(b.name for b in buyers[:2]))
    if negative_score:
        parts.append(f"unrelated-trade evidence {negative_score}")
    return "; ".join(parts)
