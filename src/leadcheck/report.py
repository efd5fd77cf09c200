"""The result of checking one lead: the verdict and the evidence of every stage."""

from __future__ import annotations

from datetime import datetime

from leadcheck import __version__
from leadcheck.email_check import EmailReport
from leadcheck.fit import FitResult
from leadcheck.followup import FollowupPlan
from leadcheck.inquiry import Inquiry
from leadcheck.models import Frozen
from leadcheck.verdict import Verdict
from leadcheck.website_check import WebsiteReport


class StageNote(Frozen):
    """A stage that could not run for this lead, and why."""

    stage: str
    message: str


class VerifyReport(Frozen):
    """Stage 1 (verdict, email, website), stage 2 (fit) and stage 3 (followup) of one lead."""

    inquiry: Inquiry
    verdict: Verdict
    email: EmailReport | None = None
    website: WebsiteReport | None = None
    fit: FitResult | None = None
    followup: FollowupPlan | None = None
    notes: tuple[StageNote, ...] = ()
    checked_at: datetime
    elapsed_ms: int = 0
    leadcheck_version: str = __version__
