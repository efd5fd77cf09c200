from __future__ import annotations

from pathlib import Path

import pytest

from leadcheck.fit.page import fit_input
from leadcheck.fit.scoring import FitInput
from leadcheck.verify.page import read_page

PAGES = Path(__file__).parent / "pages"


def page(name: str, **extra: str) -> FitInput:
    """A fixture page read through the production route (the one page reader)."""
    return fit_input(read_page((PAGES / name).read_bytes()), **extra)


@pytest.fixture
def pages_dir() -> Path:
    return PAGES
