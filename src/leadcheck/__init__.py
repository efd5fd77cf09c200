"""leadcheck: qualify B2B sales leads.

Three stages, each a package, composed by :mod:`leadcheck.pipeline`:

1. :mod:`leadcheck.verify`   -- is the inquiry real? (email and website checks, a verdict)
2. :mod:`leadcheck.fit`      -- is it our customer? (UV-disinfection industry taxonomy)
3. :mod:`leadcheck.followup` -- how and when to reach the lead, by country

The calls a script needs are importable from here (loaded on first use, so that
``import leadcheck`` stays light)::

    import asyncio
    from leadcheck import Inquiry, check_lead

    report = asyncio.run(check_lead(Inquiry(email="li.wei@aquatech-wasser.de")))
    print(report.verdict.label, report.fit and report.fit.tier)

See docs/library.md.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from leadcheck.lazy import lazy_exports
from leadcheck.version import __version__

if TYPE_CHECKING:
    from leadcheck.batch.run import BatchOptions, run_file
    from leadcheck.batch.summary import BatchSummary
    from leadcheck.deadline import Deadline
    from leadcheck.errors import LeadcheckError
    from leadcheck.fit.page import score_page
    from leadcheck.fit.scoring import FitInput, FitResult, score_fit
    from leadcheck.followup.due import DueList, due_from_database, plan_due
    from leadcheck.followup.plan import FollowupPlan, plan_followup
    from leadcheck.followup.rep import RepSettings
    from leadcheck.inquiry import Inquiry, Lead
    from leadcheck.lead import normalize_lead
    from leadcheck.net.config import NetConfig
    from leadcheck.pipeline import CheckOptions, CheckSession, check_lead, score_website
    from leadcheck.report import LeadReport

_EXPORTS = {
    "BatchOptions": "leadcheck.batch.run",
    "BatchSummary": "leadcheck.batch.summary",
    "CheckOptions": "leadcheck.pipeline",
    "CheckSession": "leadcheck.pipeline",
    "Deadline": "leadcheck.deadline",
    "DueList": "leadcheck.followup.due",
    "FitInput": "leadcheck.fit.scoring",
    "FitResult": "leadcheck.fit.scoring",
    "FollowupPlan": "leadcheck.followup.plan",
    "Inquiry": "leadcheck.inquiry",
    "Lead": "leadcheck.inquiry",
    "LeadReport": "leadcheck.report",
    "LeadcheckError": "leadcheck.errors",
    "NetConfig": "leadcheck.net.config",
    "RepSettings": "leadcheck.followup.rep",
    "check_lead": "leadcheck.pipeline",
    "due_from_database": "leadcheck.followup.due",
    "normalize_lead": "leadcheck.lead",
    "plan_due": "leadcheck.followup.due",
    "plan_followup": "leadcheck.followup.plan",
    "run_file": "leadcheck.batch.run",
    "score_fit": "leadcheck.fit.scoring",
    "score_page": "leadcheck.fit.page",
    "score_website": "leadcheck.pipeline",
}

__all__ = [
    "BatchOptions",
    "BatchSummary",
    "CheckOptions",
    "CheckSession",
    "Deadline",
    "DueList",
    "FitInput",
    "FitResult",
    "FollowupPlan",
    "Inquiry",
    "Lead",
    "LeadReport",
    "LeadcheckError",
    "NetConfig",
    "RepSettings",
    "__version__",
    "check_lead",
    "due_from_database",
    "normalize_lead",
    "plan_due",
    "plan_followup",
    "run_file",
    "score_fit",
    "score_page",
    "score_website",
]


__getattr__ = lazy_exports("leadcheck", _EXPORTS, globals())


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
