"""``--timeout T`` ends every path by T + 0.5 s, process start included.

Each case runs ``leadcheck verify`` as a real process against the loopback world and
times it from the outside: slow answers for every DNS question of a mail domain (the
MX round, then the implicit-MX address round), a slow DNS chain for a website that
does not exist (the name, then its ``www.`` form), a page of 100,000 nested
``<div>`` (whose parse would take half a minute unbounded), and a tarpit that sends
its body a byte at a time.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.world import Page, Tarpit, World

REPO = Path(__file__).resolve().parents[2]
SLACK = 0.5


def _slow_mail(world: World) -> list[str]:
    world.add_domain("slowmail-example.de", a=["127.0.0.1"])  # no MX: implicit MX round
    world.set_fault("slowmail-example.de", None, delay=1.4, subtree=False)
    return ["--email", "li@slowmail-example.de", "--website", "nosuchsite-zz.de"]


def _slow_website_chain(world: World) -> list[str]:
    world.add_domain("slow-chain-example.de", txt=["v=spf1 -all"])  # exists, no address
    world.set_fault("slow-chain-example.de", None, delay=1.4, subtree=True)
    return ["--website", "slow-chain-example.de"]


def _nested_page(world: World) -> list[str]:
    depth = 100_000
    html = "<html><head><title>Deep</title></head><body>" + "<div>" * depth
    html += "UV lamps for water treatment" + "</div>" * depth + "</body></html>"
    world.add_site("deep-nesting-example.de", {"/": Page(html)})
    return ["--website", "deep-nesting-example.de"]


def _tarpit(world: World) -> list[str]:
    world.add_site("tarpit-deadline-example.de", {"/": Tarpit(interval=0.5)})
    return ["--website", "tarpit-deadline-example.de"]


CASES: dict[str, Callable[[World], list[str]]] = {
    "slow_mail_dns": _slow_mail,
    "slow_website_dns_chain": _slow_website_chain,
    "deeply_nested_page": _nested_page,
    "tarpit": _tarpit,
}


@pytest.fixture(scope="module")
def deadline_world() -> World:
    world = World()
    world.start()
    yield world  # type: ignore[misc]
    world.stop()


@pytest.mark.world
@pytest.mark.parametrize("timeout", [3.0, 6.0])
@pytest.mark.parametrize("case", sorted(CASES))
def test_timeout_holds_from_process_start(case: str, timeout: float, deadline_world: World) -> None:
    args = CASES[case](deadline_world)
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    env |= deadline_world.env() | {"PYTHONPATH": str(REPO / "src")}
    command = [sys.executable, "-m", "leadcheck", "verify", "--json", "--timeout", str(timeout)]
    started = time.monotonic()
    done = subprocess.run(
        [*command, *deadline_world.cli_args(), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout + 30,
        check=False,
    )
    took = time.monotonic() - started
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert took <= timeout + SLACK, f"{case}: took {took:.2f} s at --timeout {timeout:g}"
    assert report["verdict"]["label"] != "genuine"
