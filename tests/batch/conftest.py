from __future__ import annotations

import pytest

from leadcheck.batch.columns import Aliases, load_aliases


@pytest.fixture(scope="session")
def aliases() -> Aliases:
    return load_aliases()


@pytest.fixture(autouse=True)
def _private_data_dir(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The default results database goes to a temporary directory, never the user's."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path_factory.mktemp("data-home")))
