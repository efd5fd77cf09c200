"""How long ``leadcheck verify --timeout T`` really takes on the slow paths, from outside.

Runs each case of tests/e2e/test_deadline.py (slow mail DNS, a slow website DNS chain,
a page of 100,000 nested ``<div>``, a tarpit) as a real process against the loopback
world, ``--runs`` times for each ``--timeout``, and prints the wall time from the
process's start to its exit and the overrun past T::

    python benchmarks/bench_deadline.py                  # T = 3 and 6, 3 runs each
    python benchmarks/bench_deadline.py --timeouts 3 --runs 5
    python benchmarks/bench_deadline.py --src ../old-checkout/src   # another version
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "src"))

from tests.e2e.test_deadline import CASES  # noqa: E402

from leadcheck.world import World  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--timeouts", type=float, nargs="+", default=[3.0, 6.0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--src", type=Path, default=REPO / "src", help="the leadcheck to time (another checkout)"
    )
    args = parser.parse_args()
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    env["PYTHONPATH"] = str(args.src)
    print(f"{'case':<24} {'T':>4}  {'median':>7} {'max':>7}  {'worst overrun':>13}")
    with World() as world:
        env |= world.env()
        prepared = {name: build(world) for name, build in CASES.items()}
        for timeout in args.timeouts:
            for name, case_args in prepared.items():
                times = []
                for _ in range(args.runs):
                    command = [sys.executable, "-m", "leadcheck", "verify", "--json"]
                    command += ["--timeout", str(timeout), *world.cli_args(), *case_args]
                    started = time.monotonic()
                    subprocess.run(command, env=env, capture_output=True, check=False)
                    times.append(time.monotonic() - started)
                worst = max(times) - timeout
                print(
                    f"{name:<24} {timeout:>4g}  {statistics.median(times):>6.2f}s "
                    f"{max(times):>6.2f}s  {worst:>+12.2f}s"
                )


if __name__ == "__main__":
    main()
