"""Wall time of one ``leadcheck verify`` process, and its verdicts, on the world's scenarios.

Run:  python benchmarks/bench_verify.py [--dns-delay 0.02] [--http-delay 0.1] [--timeout 15]
      [--skip-tag issue10]

Every scenario of tests/world/scenarios.py runs as its own ``python -m leadcheck verify
--json`` process (start-up included) against the loopback world with latency injected
on every DNS answer and HTTP response. Reported: the wall time of the scenarios whose
network answers (median, 90th percentile, max), the wall time of those built to stall
(tarpits, DNS timeouts) against ``--timeout``, and how many verdicts the scenario accepts.
A scenario checked through a broken network (``Scenario.network``) runs with the world
switched to that mode. ``--skip-tag`` leaves out the scenarios with a tag (to compare
versions on the scenarios both have).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from world import World  # noqa: E402  (the test world lives under tests/)
from world.scenarios import SCENARIOS, Scenario, install_default_scenarios  # noqa: E402


def verify(world: World, scenario: Scenario, timeout: float) -> tuple[float, str]:
    args = world.cli_args()
    if scenario.requires_no_allow_private:
        args.remove("--allow-private")
    args += scenario.inquiry_args()
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "leadcheck", "verify", "--json", "--timeout", str(timeout), *args],
        env={**os.environ, **world.env()},
        capture_output=True,
        text=True,
        check=True,
    )
    elapsed = time.perf_counter() - started
    return elapsed, json.loads(done.stdout)["verdict"]["label"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dns-delay", type=float, default=0.020)
    parser.add_argument("--http-delay", type=float, default=0.100)
    parser.add_argument("--timeout", type=float, default=15.0)
    parser.add_argument("--skip-tag", action="append", default=[])
    args = parser.parse_args()
    runnable = [
        s
        for s in SCENARIOS
        if not s.leaves_loopback_with_allow_private and not set(args.skip_tag) & s.tags
    ]
    answering: list[float] = []
    stalling: list[tuple[float, str]] = []
    misses: list[str] = []
    with World(dns_delay=args.dns_delay, http_delay=args.http_delay) as world:
        install_default_scenarios(world)
        for scenario in runnable:
            network = getattr(scenario, "network", "normal")
            world.dns_mode = "deny_all" if network == "deny_dns" else "normal"
            world.network_mode = "refuse_all" if network == "refuse_all" else "serve"
            elapsed, label = verify(world, scenario, args.timeout)
            world.dns_mode, world.network_mode = "normal", "serve"
            if scenario.slow:
                stalling.append((elapsed, scenario.name))
            else:
                answering.append(elapsed)
            if label not in scenario.labels:
                misses.append(f"{scenario.name}: {label}, expected {'/'.join(scenario.labels)}")
    answering.sort()
    p90 = answering[int(0.9 * (len(answering) - 1))]
    print(
        f"dns delay {args.dns_delay * 1000:.0f} ms, http delay {args.http_delay * 1000:.0f} ms, "
        f"--timeout {args.timeout:g}"
    )
    print(
        f"{len(answering)} scenarios whose network answers: median "
        f"{statistics.median(answering):.2f} s, p90 {p90:.2f} s, max {answering[-1]:.2f} s"
    )
    for elapsed, name in sorted(stalling, reverse=True):
        print(f"  built to stall: {name}: {elapsed:.2f} s")
    print(f"verdicts accepted by the scenario: {len(runnable) - len(misses)}/{len(runnable)}")
    for miss in misses:
        print(f"  MISS {miss}")


if __name__ == "__main__":
    main()
