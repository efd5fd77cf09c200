"""The result of checking one lead: the verdict and the evidence of every stage."""

from __future__ import annotations

from datetime import datetime

from leadcheck.fit.scoring import FitResult
from leadcheck.followup.plan import FollowupPlan
from leadcheck.inquiry import Inquiry
from leadcheck.models import Frozen
from leadcheck.verify.domain_age import DomainAges
from leadcheck.verify.email import EmailReport
from leadcheck.verify.impersonation import Impersonation
from leadcheck.verify.message import MessageReport
from leadcheck.verify.network import NetworkProblem
from leadcheck.verify.verdict import Verdict
from leadcheck.verify.website import WebsiteReport
from leadcheck.version import __version__


class StageNote(Frozen):
    """A stage that could not run for this lead, and why."""

    stage: str
    message: str


class LeadReport(Frozen):
    """One lead checked: stage 1 (verdict, email, website), stage 2 (fit), stage 3 (followup).

    ``fit`` and ``followup`` are ``None`` when the stage could not tell; ``notes`` say why.
    ``domain_age`` holds the registration dates of the email's and the website's domains
    (RDAP); ``message`` what the inquiry's message holds (links with their domains,
    lures); ``impersonation`` the domains that borrow a well-known name; ``network``
    the network trouble that left parts unknown (a batch does not store such a lead).
    """

    inquiry: Inquiry
    verdict: Verdict
    email: EmailReport | None = None
    website: WebsiteReport | None = None
    domain_age: DomainAges = DomainAges()
    message: MessageReport | None = None
    impersonation: tuple[Impersonation, ...] = ()
    network: NetworkProblem | None = None
    fit: FitResult | None = None
    followup: FollowupPlan | None = None
    notes: tuple[StageNote, ...] = ()
    checked_at: datetime
    elapsed_ms: int = 0
    leadcheck_version: str = __version__
