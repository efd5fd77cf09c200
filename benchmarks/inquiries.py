"""What buyers write in an inquiry form, for the benchmarks: templates with their own
numbers, most naming a product and an application, some naming nothing at all
(written for this project, modelled on the inquiries of B2B marketplaces)."""

from __future__ import annotations

import random

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


def inquiry_message(rng: random.Random) -> str:
    """One buyer's message: a template of MESSAGES with its own numbers."""
    return rng.choice(MESSAGES).format(
        n=rng.randint(2, 500),
        w=rng.choice((15, 25, 36, 40, 55, 75, 95, 150)),
        m=rng.choice((5, 10, 20, 50, 120, 200, 600)),
        d=rng.randint(10, 60),
    )
