"""Test doubles for batch runs: a fake checker and the reports it makes.

The fake report is a real :class:`~leadcheck.report.LeadReport` (real models, so it
cannot carry a value the models forbid), made without the network.
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
from typing import TYPE_CHECKING, Any

from leadcheck.inquiry import Inquiry

if TYPE_CHECKING:
    from leadcheck.report import LeadReport


def fake_report(inquiry: Inquiry) -> LeadReport:
    """A real report whose verdict follows the email: ``fake`` for ``@fake.*``, ``unknown``
    with a broken network for ``@offline.*``, else genuine."""
    from leadcheck.fit.scoring import FitResult
    from leadcheck.followup import plan_followup
    from leadcheck.report import LeadReport
    from leadcheck.verify.verdict import PartState, Reason, Verdict

    email = (inquiry.email or "").lower()
    fake = "@fake." in email
    if fake:
        reasons = (
            Reason(code="email_domain_not_found", message="no such mail domain", part="email"),
            Reason(code="website_not_found", message="no such site", part="website"),
        )
        verdict = Verdict(
            label="fake",
            score=10,
            reasons=reasons,
            email_state=PartState.BAD,
            website_state=PartState.BAD,
        )
    else:
        reasons = (Reason(code="email_mail_server", message="mail works", part="email"),)
        verdict = Verdict(
            label="genuine",
            score=80,
            reasons=reasons,
            email_state=PartState.GOOD,
            website_state=PartState.ABSENT,
        )
    network = None
    if "@offline." in email:
        from leadcheck.verify.network import DNS_DENIED, NetworkProblem

        network = NetworkProblem(
            code="network_dns_broken", message=f"{DNS_DENIED} (the root zone).", parts=("email",)
        )
        reasons = (Reason(code="network_dns_broken", message=network.message, part="lead"),)
        verdict = Verdict(
            label="unknown",
            score=50,
            reasons=reasons,
            email_state=PartState.UNKNOWN,
            website_state=PartState.ABSENT,
        )
    fit = FitResult(score=55, tier="B", summary="B (likely fit), 55/100", segments=())
    from leadcheck.errors import InvalidInputError

    try:
        followup = plan_followup(inquiry.country or "DE", at=datetime(2025, 1, 6, 9, 0, tzinfo=UTC))
    except InvalidInputError:
        followup = plan_followup("DE", at=datetime(2025, 1, 6, 9, 0, tzinfo=UTC))
    return LeadReport(
        inquiry=inquiry,
        verdict=verdict,
        fit=fit,
        followup=followup,
        network=network,
        checked_at=datetime.now(UTC),
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

    async def check(self, inquiry: Inquiry) -> LeadReport:
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
    """Stands in for :class:`leadcheck.pipeline.CheckSession` in CLI tests.

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

    async def check_network(self) -> None:
        return None  # no network to judge

    async def check(self, inquiry: Inquiry) -> LeadReport:
        return await self.checker.check(inquiry)


def patch_session(monkeypatch: Any = None) -> None:
    """Make ``leadcheck batch`` use :class:`FakeSession` instead of the network."""
    import leadcheck.batch.run

    def open_session(options: Any) -> FakeSession:
        return FakeSession()

    if monkeypatch is not None:
        monkeypatch.setattr(leadcheck.batch.run, "open_session", open_session)
    else:
        leadcheck.batch.run.open_session = open_session  # type: ignore[assignment]


def main_with_fake(argv: list[str]) -> int:
    """Entry point for subprocess tests: the CLI with the fake session."""
    patch_session()
    from leadcheck.cli import main

    return main(argv)


if __name__ == "__main__":
    import sys

    raise SystemExit(main_with_fake(sys.argv[1:]))
