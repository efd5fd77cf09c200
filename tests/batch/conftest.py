from __future__ import annotations

import pytest

from leadcheck.batch.columns import Aliases, load_aliases


@pytest.fixture(scope="session")
def aliases() -> Aliases:
    return load_aliases()
