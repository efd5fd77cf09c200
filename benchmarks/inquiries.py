"""What buyers write in an inquiry form, for the benchmarks: templates with their own
numbers, most naming a product and an application, some naming nothing at all
(written for this project, modelled on the inquiries of B2B marketplaces)."""

from __future__ import annotations

import functools
import inspect
import random
from typing import Any

MESSAGES = (
    "We need {n} UV sterilizers for our water treatment project. Please quote.",
    "Hello, please send your price for {n} pcs UV-C lamps {w}W with electronic ballasts.",
    "Dear supplier, we run a fish farm and look for UV for {m} m3/h. FOB price?",
    "Interested in your products. Please send catalogue and MOQ.",
    "Need {n} units of UV disinfection for hospital rooms, delivery in {d} days.",
    "Hi, what is your best price for {n} UV lamps? We are a distributor.",
    "Please quote {n} kitchen exhaust UV systems for restaurant hoods.",
    "Kindly send quotation for {n} sets, model {w}W. Payment T/T.",
    "We need UV sterilizers for drinking water, about {m} m3/h, {n} sets.",
    "Hello, can you make OEM with our logo? Order {n} pcs.",
)

# The one message every lead had before the benchmarks gave each its own (--messages same)
ONE_MESSAGE = "We need UV sterilizers for our water treatment project. Please quote."


def inquiry_message(rng: random.Random) -> str:
    """One buyer's message: a template of MESSAGES with its own numbers."""
    return rng.choice(MESSAGES).format(
        n=rng.randint(2, 500),
        w=rng.choice((15, 25, 36, 40, 55, 75, 95, 150)),
        m=rng.choice((5, 10, 20, 50, 120, 200, 600)),
        d=rng.randint(10, 60),
    )


def session_fit(session: Any, page: Any, company: str, message: str) -> Any:
    """A lead's fit through a batch session when its site's page is known
    (``CheckSession._score``), with the lead's terms found as the batch finds them, in
    this tree or in an older one (``--reference``, ``PYTHONPATH``) whose ``_score``
    found them itself."""
    score = session._score
    if not _takes_words(type(session)._score):
        return score(page, company, message)
    from leadcheck.fit.scoring import lead_words

    return score(page, company, message, lead_words(company, message, session._taxonomy))


@functools.cache
def _takes_words(score: Any) -> bool:
    """Whether this tree's ``_score`` is handed the lead's terms (asked once, not in the
    measured loop)."""
    return "words" in inspect.signature(score).parameters
