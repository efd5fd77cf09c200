"""Stage 1, verify: is the inquiry real?

One module per check: :mod:`~leadcheck.verify.email` (syntax, MX, lists, SPF/DMARC),
:mod:`~leadcheck.verify.website` (DNS, fetch, TLS, what the page is),
:mod:`~leadcheck.verify.page` (the one page reader), :mod:`~leadcheck.verify.page_kinds`
(parked, for-sale, default, suspended, under-construction pages),
:mod:`~leadcheck.verify.maillists` (free-mail, disposable, role accounts, typos),
:mod:`~leadcheck.verify.mail_providers` (who hosts a domain's mail) and
:mod:`~leadcheck.verify.verdict` (the label, the score and the reasons).

The names below are imported on first use, so that reading a page does not load the
network code.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from leadcheck.lazy import lazy_exports

if TYPE_CHECKING:
    from leadcheck.verify.email import EmailReport, check_email
    from leadcheck.verify.page import PageContent, read_page
    from leadcheck.verify.verdict import Reason, Verdict, judge
    from leadcheck.verify.website import WebsiteReport, check_website

_EXPORTS = {
    "EmailReport": "leadcheck.verify.email",
    "PageContent": "leadcheck.verify.page",
    "Reason": "leadcheck.verify.verdict",
    "Verdict": "leadcheck.verify.verdict",
    "WebsiteReport": "leadcheck.verify.website",
    "check_email": "leadcheck.verify.email",
    "check_website": "leadcheck.verify.website",
    "judge": "leadcheck.verify.verdict",
    "read_page": "leadcheck.verify.page",
}
__all__ = [
    "EmailReport",
    "PageContent",
    "Reason",
    "Verdict",
    "WebsiteReport",
    "check_email",
    "check_website",
    "judge",
    "read_page",
]


__getattr__ = lazy_exports("leadcheck.verify", _EXPORTS, globals())
