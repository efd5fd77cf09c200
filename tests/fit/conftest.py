from __future__ import annotations

from pathlib import Path

import pytest

from leadcheck.fit.html import fit_input_from_text
from leadcheck.fit.scoring import FitInput

PAGES = Path(__file__).parent / "pages"


def page(name: str, **extra: str) -> FitInput:
    """A fixture page as the score command would see it."""
    return fit_input_from_text((PAGES / name).read_text(encoding="utf-8"), **extra)


@pytest.fixture
def pages_dir() -> Path:
    return PAGES
