"""What the parent loads before it forks the workers (leadcheck.batch.workers.warm_up)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = textwrap.dedent(
    """
    import asyncio, sys
    from datetime import datetime

    from leadcheck.batch.workers import warm_up

    warm_up()
    before = set(sys.modules)

    from leadcheck.deadline import Deadline
    from leadcheck.inquiry import Inquiry
    from leadcheck.pipeline import CheckOptions, CheckSession
    from tests.fakes import FakeNet

    net = FakeNet()
    net.company("wasser-technik.de", "Wasser Technik GmbH",
                "UV-C disinfection for drinking water plants", email="info@wasser-technik.de")

    async def check() -> None:
        options = CheckOptions(at=datetime.fromisoformat("2026-12-02T10:00:00+08:00"))
        async with CheckSession(options, resolver=net.resolver, fetcher=net.fetcher) as session:
            for country in ("DE", "VN", "BR", "AE"):
                await session.check(
                    Inquiry(email="li@wasser-technik.de", website="wasser-technik.de",
                            phone="+49 30 1234567", country=country, message="UV lamps"),
                    deadline=Deadline.after(5.0),
                )

    asyncio.run(check())
    new = sorted(name for name in set(sys.modules) - before
                 if not name.startswith(("tests", "phonenumbers.data", "phonenumbers.geodata")))
    print("\\n".join(new))
    """
)


def test_a_check_after_the_warm_up_imports_almost_nothing_new() -> None:
    """Each module a worker imports for itself is a private copy in every worker: the
    warm-up loads them once, before the fork. (A country's phone metadata is the
    exception: phonenumbers loads one region at a time, and there are 250.)"""
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    new = done.stdout.split()
    assert new == [], new
