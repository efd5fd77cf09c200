"""Shared fixtures: the loopback test world (see tests/world/README.md)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from .world import World, WorldStartError
from .world.scenarios import install_default_scenarios

PROXY_VARIABLES = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY")
WORLD_FIXTURES = frozenset({"world", "world_run", "fresh_world"})


def _standard_ports_setting() -> tuple[bool, bool]:
    """(standard_ports, fallback) from LEADCHECK_WORLD_STANDARD_PORTS: 1 / auto / unset."""
    value = os.environ.get("LEADCHECK_WORLD_STANDARD_PORTS", "").strip().lower()
    if value in ("1", "true", "yes", "on"):
        return True, False
    if value == "auto":
        return True, True
    return False, False


def _clean_network_environment(mp: pytest.MonkeyPatch) -> None:
    for name in PROXY_VARIABLES:
        mp.delenv(name, raising=False)
        mp.delenv(name.lower(), raising=False)
    mp.delenv("SSL_CERT_DIR", raising=False)


@pytest.fixture(scope="session")
def world() -> Iterator[World]:
    """One world for the whole session, with every default scenario installed.

    ``LEADCHECK_WORLD_STANDARD_PORTS=1`` serves DNS/HTTP/HTTPS on 53/80/443 (root only; a
    failure is an error), ``=auto`` tries them and falls back to free ports.
    ``LEADCHECK_WORLD_ADDRESS`` picks the loopback address (default 127.0.0.1).
    Tests must not change what the default scenarios declare; use ``fresh_world`` to
    experiment.
    """
    standard, fallback = _standard_ports_setting()
    address = os.environ.get("LEADCHECK_WORLD_ADDRESS", "127.0.0.1")
    instance = World(standard_ports=standard, fallback=fallback, address=address)
    try:
        instance.start()
    except WorldStartError as exc:
        pytest.fail(f"the test world could not start: {exc}", pytrace=False)
    try:
        install_default_scenarios(instance)
        yield instance
    finally:
        instance.stop()


@pytest.fixture
def fresh_world() -> Iterator[World]:
    """An empty world of the test's own (free ports), stopped after the test."""
    with World() as instance:
        yield instance


@dataclass(frozen=True)
class WorldRun:
    """How to point one leadcheck run at the world: CLI arguments and environment."""

    world: World
    args: list[str]
    env: dict[str, str]


@pytest.fixture
def world_run(world: World, monkeypatch: pytest.MonkeyPatch) -> WorldRun:
    """The session world's CLI args and env; SSL_CERT_FILE set, proxy variables cleared."""
    _clean_network_environment(monkeypatch)
    env = world.env()
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return WorldRun(world=world, args=world.cli_args(), env=env)


@pytest.fixture(autouse=True)
def _private_user_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The default results database and config go to temporary directories, never the
    user's own."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path_factory.mktemp("data-home")))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.mktemp("config-home")))


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test that uses the world, and every test under tests/e2e/ and tests/world/,
    carries the ``world`` marker: the end-to-end run (``-m world``)."""
    for item in items:
        uses_world = WORLD_FIXTURES & set(getattr(item, "fixturenames", ()))
        if uses_world or item.path.parent.name in ("world", "e2e"):
            item.add_marker(pytest.mark.world)
