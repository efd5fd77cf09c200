"""Stage 2, industry fit: is this lead our customer?

``score_fit(FitInput(...))`` returns a :class:`FitResult`: a 0-100 score, a tier
(A core target, B likely fit, C adjacent or weak, D no fit) and the evidence. The
taxonomy behind it is ``data/taxonomy.toml``; see docs/taxonomy.md.
"""

from leadcheck.fit.page import fit_input, score_page
from leadcheck.fit.scoring import (
    BuyerTypeMatch,
    FitInput,
    FitResult,
    SegmentScore,
    TermMatch,
    lead_words,
    score_fit,
)
from leadcheck.fit.taxonomy import Taxonomy, load_taxonomy

__all__ = [
    "BuyerTypeMatch",
    "FitInput",
    "FitResult",
    "SegmentScore",
    "Taxonomy",
    "TermMatch",
    "fit_input",
    "lead_words",
    "load_taxonomy",
    "score_fit",
    "score_page",
]
