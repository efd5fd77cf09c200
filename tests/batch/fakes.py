"""Test doubles for batch runs: a fake checker and the reports it makes.

The fake report has the attributes :func:`leadcheck.batch.writers.report_columns`
reads, so the real flattening is exercised without the network.
"""

from __future__ import annotations

import asyncio
import json
import os
import random
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from leadcheck.inquiry import Inquiry


def fake_report(inquiry: Inquiry) -> Any:
    """A report whose verdict follows the email: ``fake`` for ``@fake.*``, else genuine."""
    email = (inquiry.email or "").lower()
    label = "fake" if "@fake." in email else "genuine"
    reasons = (
        (SimpleNamespace(code="email_ok", message="ok"),)
        if label == "genuine"
        else (
            SimpleNamespace(code="no_mx", message="no mail server"),
            SimpleNamespace(code="site_dead", message="dead"),
        )
    )
    verdict = SimpleNamespace(
        label=label,
        score=80 if label == "genuine" else 10,
        reasons=reasons,
        email_state="ok" if label == "genuine" else "bad",
        website_state="ok",
    )
    fit = SimpleNamespace(score=55, tier="good")
    followup = SimpleNamespace(
        country=(inquiry.country or "DE")[:2].upper(),
        channels=("email", "whatsapp", "skype"),
        channels_usable=("email", "whatsapp"),
        next_window=SimpleNamespace(local=datetime(2025, 1, 6, 9, 0)),
    )
    checked = datetime.now(UTC)
    dump = {"inquiry": inquiry.model_dump(mode="json"), "verdict": {"label": label}}
    return SimpleNamespace(
        verdict=verdict,
        fit=fit,
        followup=followup,
        notes=(),
        checked_at=checked,
        model_dump=lambda mode="python": dump,
    )


@dataclass
class FakeChecker:
    """Checks leads after a delay; counts calls and the most checks at once."""

    delay: float = 0.0
    jitter: float = 0.0
    fail_on: str | None = None  # an email that raises
    log: Path | None = None  # append each checked email here (for subprocess tests)
    calls: Counter[str] = field(default_factory=Counter)
    active: int = 0
    peak: int = 0

    async def verify(self, inquiry: Inquiry) -> Any:
        self.active += 1
        self.peak = max(self.peak, self.active)
        try:
            pause = self.delay + (random.random() * self.jitter if self.jitter else 0.0)
            if pause:
                await asyncio.sleep(pause)
            key = inquiry.email or inquiry.website or ""
            self.calls[key] += 1
            if self.fail_on and inquiry.email == self.fail_on:
                raise RuntimeError("boom")
            if self.log is not None:
                with open(self.log, "a", encoding="utf-8") as f:
                    f.write(json.dumps(key) + "\n")
                    f.flush()
                    os.fsync(f.fileno())
            return fake_report(inquiry)
        finally:
            self.active -= 1


class FakeSession:
    """Stands in for :class:`leadcheck.verify.CheckSession` in CLI tests.

    Reads its delay and log file from the environment so a subprocess can use it.
    """

    def __init__(self, options: Any = None) -> None:
        log = os.environ.get("LEADCHECK_FAKE_LOG")
        self.checker = FakeChecker(
            delay=float(os.environ.get("LEADCHECK_FAKE_DELAY", "0")),
            log=Path(log) if log else None,
        )

    async def __aenter__(self) -> FakeSession:
        return self

    async def __aexit__(self, *exc: object) -> None:
        return None

    async def verify(self, inquiry: Inquiry) -> Any:
        return await self.checker.verify(inquiry)


def patch_session(monkeypatch: Any = None) -> None:
    """Make ``leadcheck batch`` use :class:`FakeSession` instead of the network."""
    import leadcheck.cli.batch

    def open_session(net: Any, taxonomy: Any) -> FakeSession:
        return FakeSession()

    if monkeypatch is not None:
        monkeypatch.setattr(leadcheck.cli.batch, "_open_session", open_session)
    else:
        leadcheck.cli.batch._open_session = open_session  # type: ignore[assignment]


def main_with_fake(argv: list[str]) -> int:
    """Entry point for subprocess tests: the CLI with the fake session."""
    patch_session()
    from leadcheck.cli import main

    return main(argv)


if __name__ == "__main__":
    import sys

    raise SystemExit(main_with_fake(sys.argv[1:]))
