"""The verdict: genuine, suspicious, fake or unknown, a 0-100 score, and the reasons.

Each finding becomes a :class:`Reason` with a stable code (documented in
docs/reason-codes.md), a plain sentence and the points it moved the score. The
label follows the source article's rule: a website that does not exist or is fake
(parked, for sale, a default page) together with a fake email means a fake lead.
Brand impersonation, a cloned website or a phishing lure in the message is a fake
lead by itself; a domain registered in the last 30 days makes a lead at least
suspicious. A check that could not run makes its part *unknown*; a lead whose every
part is unknown, or whose network was found broken (a lying resolver, no
connections), is ``unknown``, never ``fake`` and never ``genuine``.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Literal, NamedTuple

from leadcheck.models import Frozen
from leadcheck.net.domains import Relation
from leadcheck.net.fetch_result import FetchErrorKind
from leadcheck.verify.domain_age import NEW_DAYS, RECENT_DAYS, DomainAge, DomainAges
from leadcheck.verify.email import EmailReport, MxStatus
from leadcheck.verify.impersonation import Impersonation
from leadcheck.verify.message import MessageReport
from leadcheck.verify.network import NetworkProblem
from leadcheck.verify.website import DEAD_PAGE_KINDS, WebsiteReport

Label = Literal["genuine", "suspicious", "fake", "unknown"]

BASE_SCORE = 50
GENUINE_MIN = 65
FAKE_MAX = 25
UNKNOWN_SCORE = 50
LOOKALIKE_MAX = 30

Part = Literal["email", "website", "match", "message", "lead"]


class ReasonSpec(NamedTuple):
    """One row of the reason table: the part it is about, its points, what it means."""

    part: Part
    points: int
    meaning: str


# Every reason code: its part, its points and what it means. docs/reason-codes.md
# shows this table (a test checks every row against it); codes are a public
# interface: never rename one.
REASONS: dict[str, ReasonSpec] = {
    "email_missing": ReasonSpec("email", 0, "no email address was given"),
    "email_invalid": ReasonSpec("email", -40, "the address is not a valid email address"),
    "email_disposable": ReasonSpec(
        "email", -40, "the domain is a disposable (throw-away) mail service"
    ),
    "email_domain_not_found": ReasonSpec("email", -40, "the mail domain does not exist (NXDOMAIN)"),
    "email_null_mx": ReasonSpec(
        "email", -35, "the domain publishes a null MX: it accepts no mail (RFC 7505)"
    ),
    "email_no_mail_server": ReasonSpec("email", -35, "the domain has no MX and no address record"),
    "email_typo": ReasonSpec("email", -15, "the domain looks like a typo of a common mail domain"),
    "email_dns_unknown": ReasonSpec(
        "email", 0, "the mail servers could not be looked up (timeout, SERVFAIL...)"
    ),
    "email_free_provider": ReasonSpec(
        "email", -5, "a free-mail provider: says nothing about a company"
    ),
    "email_mail_server": ReasonSpec("email", 15, "the company domain has working mail servers"),
    "email_business_host": ReasonSpec(
        "email", 5, "the company's mail is hosted by a known business provider"
    ),
    "email_spf": ReasonSpec("email", 4, "the domain publishes SPF"),
    "email_dmarc": ReasonSpec("email", 4, "the domain publishes DMARC"),
    "email_no_spf_dmarc": ReasonSpec("email", -3, "a company domain without SPF and without DMARC"),
    "email_role_account": ReasonSpec(
        "email", -2, "a role account (info@, sales@...), not a person"
    ),
    "email_on_dead_domain": ReasonSpec(
        "email", -20, "the email's own domain is parked or for sale"
    ),
    "email_domain_new": ReasonSpec(
        "email", -20, "the email's domain was registered in the last 30 days"
    ),
    "email_domain_recent": ReasonSpec(
        "email", -5, "the email's domain was registered in the last six months"
    ),
    "email_brand_impersonation": ReasonSpec(
        "email", -60, "the email's domain joins a well-known brand to procurement words"
    ),
    "email_confusable": ReasonSpec(
        "email", -60, "the email's domain is a Unicode look-alike of a well-known domain"
    ),
    "website_missing": ReasonSpec(
        "website", 0, "no website was given (and none could be inferred)"
    ),
    "website_inferred": ReasonSpec(
        "website", 0, "no website was given; the business email's domain was checked"
    ),
    "website_invalid": ReasonSpec("website", -25, "the website field is not a web address"),
    "website_private_address": ReasonSpec(
        "website", -15, "the site resolves to a private/loopback/link-local address"
    ),
    "website_none_for_domain": ReasonSpec("website", -5, "the email's domain has no website"),
    "website_not_found": ReasonSpec(
        "website", -35, "the website's domain does not exist or has no address"
    ),
    "website_dns_unknown": ReasonSpec("website", 0, "the website could not be looked up"),
    "website_timeout": ReasonSpec("website", 0, "the website did not answer in time"),
    "website_redirect_loop": ReasonSpec(
        "website", -25, "the website redirects forever or to something unfetchable"
    ),
    "website_unreachable": ReasonSpec(
        "website", -30, "the website refuses connections or does not speak HTTP"
    ),
    "website_tls_invalid": ReasonSpec(
        "website", -5, "the HTTPS certificate is invalid (the page was still read)"
    ),
    "website_no_https": ReasonSpec("website", -2, "the website has no HTTPS"),
    "website_parked": ReasonSpec("website", -35, "the domain is parked"),
    "website_for_sale": ReasonSpec("website", -40, "the domain is for sale"),
    "website_default_page": ReasonSpec("website", -30, "the site is a web server's default page"),
    "website_suspended": ReasonSpec("website", -30, "the hosting account is suspended"),
    "website_template": ReasonSpec(
        "website", -30, "the website is an unfilled template (lorem ipsum, example.com contacts)"
    ),
    "website_clone": ReasonSpec(
        "website", -60, "the page names another company's domain as its own: a copied site"
    ),
    "website_bot_check": ReasonSpec(
        "website", 0, "a CDN's bot check answered instead of the site: the page is unread"
    ),
    "website_domain_new": ReasonSpec(
        "website", -20, "the website's domain was registered in the last 30 days"
    ),
    "website_domain_recent": ReasonSpec(
        "website", -5, "the website's domain was registered in the last six months"
    ),
    "website_brand_impersonation": ReasonSpec(
        "website", -60, "the website's domain joins a well-known brand to procurement words"
    ),
    "website_confusable": ReasonSpec(
        "website", -60, "the website's domain is a Unicode look-alike of a well-known domain"
    ),
    "website_http_error": ReasonSpec("website", -10, "the website answers with an HTTP error"),
    "website_under_construction": ReasonSpec(
        "website", -15, "the website is an under-construction / coming-soon page"
    ),
    "website_thin": ReasonSpec("website", -5, "the website has almost no text"),
    "website_operating": ReasonSpec("website", 25, "the website serves a real page"),
    "domains_match": ReasonSpec("match", 15, "the email's domain is the website's domain"),
    "domains_related": ReasonSpec(
        "match", 8, "same name under another suffix (acme.de / acme.com)"
    ),
    "domains_group": ReasonSpec(
        "match", 8, "the website lists addresses at the email's domain: one group"
    ),
    "domains_lookalike": ReasonSpec(
        "match", -35, "the email's and website's domains are look-alikes"
    ),
    "domains_differ": ReasonSpec(
        "match", -10, "a company email on a domain unrelated to the website"
    ),
    "email_on_website": ReasonSpec("match", 15, "the website lists the lead's email address"),
    "email_not_tied": ReasonSpec(
        "match", -5, "a free-mail address that nothing ties to the website"
    ),
    "message_phishing_link": ReasonSpec(
        "message", -60, "a link in the message goes to a sign-in page off the platform"
    ),
    "message_login_lure": ReasonSpec(
        "message", -60, "the message asks to sign in to see an order, with a link to do it"
    ),
    "message_html_attachment": ReasonSpec(
        "message", -60, "an attachment poses as a document but is a web page or a program"
    ),
    "message_fee_request": ReasonSpec(
        "message", -20, "the message asks the supplier to pay a fee first"
    ),
    "checks_unknown": ReasonSpec("lead", 0, "no check could reach a conclusion"),
    "network_dns_broken": ReasonSpec(
        "lead", 0, "your DNS says every domain is missing (or answers nothing): check the network"
    ),
    "network_unreachable": ReasonSpec(
        "lead", 0, "no connection opens, not even to known-good hosts: check the network"
    ),
}

#: Reasons that make a lead ``fake`` by themselves (docs/reason-codes.md).
DECISIVE: frozenset[str] = frozenset(
    {
        "email_brand_impersonation",
        "email_confusable",
        "website_brand_impersonation",
        "website_confusable",
        "website_clone",
        "message_phishing_link",
        "message_login_lure",
        "message_html_attachment",
    }
)

#: code -> what it means (the table above, for callers that only want the words)
REASON_CODES: dict[str, str] = {code: spec.meaning for code, spec in REASONS.items()}


class PartState(StrEnum):
    """What one part of the inquiry (the email, the website) turned out to be."""

    GOOD = "good"
    WEAK = "weak"
    BAD = "bad"
    UNKNOWN = "unknown"
    ABSENT = "absent"


class Reason(Frozen):
    code: str
    message: str
    part: Part
    points: int = 0


class Verdict(Frozen):
    label: Label
    score: int
    reasons: tuple[Reason, ...]
    email_state: PartState
    website_state: PartState


class _Findings:
    def __init__(self) -> None:
        self.reasons: list[Reason] = []

    def add(self, code: str, message: str, *, points: int | None = None) -> None:
        """Record a finding; its part and points come from :data:`REASONS` (``points``
        overrides them where the table says so, e.g. for an inferred website)."""
        spec = REASONS.get(code)
        if spec is None:  # pragma: no cover - a programming error
            raise ValueError(f"undocumented reason code {code!r}")
        self.reasons.append(
            Reason(
                code=code,
                message=message,
                part=spec.part,
                points=spec.points if points is None else points,
            )
        )


class Evidence(Frozen):
    """What stage 1 found beyond the email and the website themselves."""

    network: NetworkProblem | None = None  # the network, not the lead, failed some parts
    domain_age: DomainAges | None = None
    impersonation: tuple[Impersonation, ...] = ()
    message: MessageReport | None = None
    own_domains: tuple[str, ...] = ()  # the lead's own email/website domains


def judge(
    email: EmailReport | None,
    website: WebsiteReport | None,
    evidence: Evidence | None = None,
) -> Verdict:
    """Combine the email and website findings (and ``evidence``) into a verdict."""
    evidence = evidence or Evidence()
    findings = _Findings()
    network = evidence.network
    broken = set(network.parts) if network is not None else set()
    email_state = PartState.UNKNOWN if "email" in broken else _judge_email(email, findings)
    email_domain = email.domain if email is not None and email.valid_syntax else None
    website_state = (
        PartState.UNKNOWN
        if "website" in broken
        else _judge_website(website, findings, email_domain)
    )
    if broken:
        relation, listed = None, False
    else:
        relation, listed = _judge_match(email, website, findings)
    email_state = _email_on_dead_domain(email, website, email_state, findings)
    _impersonation(evidence.impersonation, findings)
    _message(evidence.message, evidence.own_domains, findings)
    young = _domain_ages(evidence.domain_age, email, website, findings)
    protected = website is not None and "website" not in broken and _protected(website)

    score = BASE_SCORE + sum(reason.points for reason in findings.reasons)
    score = max(0, min(100, score))
    states = {email_state, website_state}
    known_negative = any(r.points < 0 and r.part in ("match", "message") for r in findings.reasons)

    label: Label
    if any(reason.code in DECISIVE for reason in findings.reasons):
        label = "fake"
    elif network is not None:
        label = "unknown"
        findings.add(network.code, network.message)
        score = UNKNOWN_SCORE
    elif states <= {PartState.ABSENT, PartState.UNKNOWN} and not known_negative:
        label = "unknown"
        findings.add(
            "checks_unknown",
            "No check could reach a conclusion (network trouble?): try again later.",
        )
        score = UNKNOWN_SCORE
    elif states <= {PartState.BAD, PartState.ABSENT} or _nothing_real(
        email, website, email_state, website_state
    ):
        label = "fake"
    elif PartState.BAD in states or relation is Relation.LOOKALIKE:
        label = "suspicious"
    elif (
        score >= GENUINE_MIN
        and not young
        and _tied(email_state, website_state, relation, listed, protected)
    ):
        label = "genuine"
    else:
        label = "suspicious"

    if label == "fake":
        score = min(score, FAKE_MAX)
    elif label == "genuine":
        score = max(score, GENUINE_MIN)
    elif label == "suspicious":
        score = max(FAKE_MAX + 1, min(score, GENUINE_MIN - 1))
        if relation is Relation.LOOKALIKE:
            score = min(score, LOOKALIKE_MAX)
    return Verdict(
        label=label,
        score=score,
        reasons=tuple(findings.reasons),
        email_state=email_state,
        website_state=website_state,
    )


def _tied(
    email_state: PartState,
    website_state: PartState,
    relation: Relation | None,
    listed: bool,
    protected: bool = False,
) -> bool:
    """Is the person tied to an operating company? Needed for ``genuine``.

    A matching domain ties the person to the website only when the website is an
    operating business: a matching domain whose site is under construction, an error
    page or never answered proves nothing about a company. A site behind a CDN's bot
    check counts when its certificate is valid: someone pays to protect it.
    """
    if listed:
        return True
    site_ok = website_state is PartState.GOOD or protected
    if relation in (Relation.SAME, Relation.RELATED, Relation.GROUP):
        return site_ok
    if email_state is PartState.ABSENT:
        return site_ok
    if website_state is PartState.ABSENT:
        return email_state is PartState.GOOD
    return False


def _protected(site: WebsiteReport) -> bool:
    """A site behind a bot wall whose HTTPS certificate is valid."""
    return site.bot_check is not None and site.tls_valid is True


def _nothing_real(
    email: EmailReport | None,
    site: WebsiteReport | None,
    email_state: PartState,
    website_state: PartState,
) -> bool:
    """The other ways nothing about the lead is real (the article's fake lead):

    * a free-mail address naming a website whose domain does not exist, or that is an
      unfilled template: the company is invented, and the address proves nothing;
    * a company email whose mail is dead (no such domain, null MX, no mail server) and
      whose own domain has no website either.
    """
    if email is None or site is None:
        return False
    missing = site.error_kind in (FetchErrorKind.NXDOMAIN, FetchErrorKind.NO_ADDRESS)
    if email.free_provider and email_state is PartState.WEAK and not site.inferred_from_email:
        invented = missing or site.page_kind == "template"
        return invented and website_state is PartState.BAD
    if site.inferred_from_email and email_state is PartState.BAD:
        dead = missing or site.error_kind in (FetchErrorKind.CONNECT, FetchErrorKind.TLS)
        return dead and website_state is PartState.WEAK
    return False


def _impersonation(found: tuple[Impersonation, ...], f: _Findings) -> None:
    for item in found:
        real = ", ".join(item.real_domains[:3])
        if item.kind == "brand":
            f.add(
                f"{item.part}_brand_impersonation",
                f"{item.domain} borrows the name of {item.brand} with "
                f"{' / '.join(repr(word) for word in item.words)}, but {item.brand}'s own "
                f"domain is {real}: a fake procurement department.",
            )
        else:
            f.add(
                f"{item.part}_confusable",
                f"{item.domain} looks exactly like {item.brand} (Unicode look-alike "
                "letters) but is another domain.",
            )


def _message(message: MessageReport | None, own: tuple[str, ...], f: _Findings) -> None:
    """Phishing lures in the inquiry's message (never fetched)."""
    if message is None:
        return
    from leadcheck.verify.message import load_lures

    platform_names = tuple(name.lower() for name in load_lures().platforms.names)
    phishing = [
        link
        for link in message.links
        if not link.on_platform and (link.login_page or link.platform_lookalike)
    ]
    if phishing:
        link = phishing[0]
        what = (
            "poses as a trade platform"
            if link.platform_lookalike
            else "is a sign-in page off the trade platforms"
        )
        f.add(
            "message_phishing_link",
            f"A link in the message ({link.domain}) {what}: a phishing lure.",
        )
    lure = message.login_lure or message.account_lure
    if lure and not phishing:
        strangers = [
            link for link in message.links if not link.on_platform and link.domain not in own
        ]
        hidden = [link for link in strangers if link.free_hosting or link.shortener]
        names_platform = any(name in lure.replace(" ", "") for name in platform_names)
        if hidden or (strangers and not names_platform):
            link = (hidden or strangers)[0]
            f.add(
                "message_login_lure",
                f"The message asks to sign in ({lure[:80]!r}) through a link to "
                f"{link.domain}: a phishing lure.",
            )
    if message.attachments:
        f.add(
            "message_html_attachment",
            f"The attachment {message.attachments[0]!r} poses as a document but is a web "
            "page or a program: a phishing lure.",
        )
    if message.fee_request:
        f.add(
            "message_fee_request",
            f"The message asks for a fee ({message.fee_request!r}): honest buyers do not "
            "charge their suppliers.",
        )


def _domain_ages(
    ages: DomainAges | None,
    email: EmailReport | None,
    site: WebsiteReport | None,
    f: _Findings,
) -> bool:
    """Young domains; True when one was registered in the last :data:`NEW_DAYS` days."""
    if ages is None:
        return False
    young = False
    email_domain = email.domain if email is not None else None
    site_domain = site.registered_domain if site is not None else None
    from leadcheck.net.domains import registered_domain

    same = bool(email_domain and site_domain and registered_domain(email_domain) == site_domain)
    pairs: list[tuple[str, DomainAge | None, str | None]] = [
        ("website", ages.website, site_domain),
        ("email", None if same else ages.email, email_domain),
    ]
    for part, age, domain in pairs:
        if age is None or age.age_days is None or age.registered is None or not domain:
            continue
        when = f"{age.registered.isoformat()}, {age.age_days} days ago"
        both = " (the email's and the website's)" if same else ""
        if age.age_days <= NEW_DAYS:
            young = True
            f.add(f"{part}_domain_new", f"{domain}{both} was registered on {when}.")
        elif age.age_days <= RECENT_DAYS:
            f.add(f"{part}_domain_recent", f"{domain}{both} was registered on {when}.")
    return young


def _email_on_dead_domain(
    email: EmailReport | None, site: WebsiteReport | None, state: PartState, f: _Findings
) -> PartState:
    """Mail on a domain that is parked or for sale is no company's mail: the email is bad.

    A parking or sale page says nobody runs a business on the domain, so a mail
    server there (often the parking provider's catch-all) proves nothing. Default
    pages and suspended accounts are left alone: a new or lapsed company can have
    working mail behind them.
    """
    if email is None or site is None or state is PartState.BAD:
        return state
    same = site.inferred_from_email or site.email_domain_relation is Relation.SAME
    if not same or site.page_kind not in ("parked", "for_sale"):
        return state
    f.add(
        "email_on_dead_domain",
        f"The email's domain {email.domain} is {site.page_kind.replace('_', ' ')}: "
        "its mail belongs to no operating company.",
    )
    return PartState.BAD


def _judge_email(email: EmailReport | None, f: _Findings) -> PartState:
    if email is None:
        f.add("email_missing", "No email address was given.")
        return PartState.ABSENT
    if not email.valid_syntax:
        f.add(
            "email_invalid",
            f"The email address is not valid: {email.syntax_error or 'bad syntax'}.",
        )
        return PartState.BAD
    domain = email.domain or ""
    state = PartState.GOOD
    # A near miss of a big provider that some blocklist holds (gmial.com) is a typo
    # first: the "email_typo" finding below speaks for it, not "disposable".
    if email.disposable and not email.suggestion:
        f.add("email_disposable", f"{domain} is a disposable (throw-away) mail service.")
        state = PartState.BAD
    if email.mx_status is MxStatus.NXDOMAIN:
        f.add("email_domain_not_found", f"The mail domain {domain} does not exist.")
        if email.suggestion:
            # A slip of the keyboard (gmial.com, acme.con), not a made-up address: nobody
            # who wants an answer invents a domain that cannot receive one. Write to the
            # corrected address; the lead is weak, not fake.
            f.add(
                "email_typo",
                f"Looks like a typo: did they mean {email.suggestion}? Write to that address.",
            )
            return PartState.WEAK
        return PartState.BAD
    if email.mx_status is MxStatus.NULL_MX:
        f.add(
            "email_null_mx",
            f"{domain} publishes a null MX: it accepts no mail (RFC 7505).",
        )
        return PartState.BAD
    if email.mx_status is MxStatus.NONE:
        f.add(
            "email_no_mail_server",
            f"{domain} has no mail server (no MX and no address record).",
        )
        return PartState.BAD
    if email.suggestion:
        f.add("email_typo", f"Looks like a typo: did they mean {email.suggestion}?")
        if state is PartState.GOOD:
            state = PartState.WEAK
    if email.mx_status is MxStatus.UNKNOWN:
        f.add(
            "email_dns_unknown",
            f"Could not look up the mail servers of {domain}"
            f" ({'; '.join(email.dns_errors) or 'DNS failed'}).",
        )
        if state is PartState.GOOD and not email.free_provider:
            state = PartState.UNKNOWN
    if state is PartState.BAD:
        return state
    if email.free_provider:
        f.add(
            "email_free_provider",
            f"{domain} is a free-mail provider: the address says nothing about a company.",
        )
        state = PartState.WEAK
    elif email.deliverable:
        f.add("email_mail_server", f"{domain} has working mail servers.")
        if email.mail_provider and email.mail_provider_kind in ("workspace", "hosting"):
            f.add(
                "email_business_host",
                f"Mail for {domain} is hosted by {email.mail_provider}.",
            )
        if email.spf:
            f.add("email_spf", f"{domain} publishes an SPF record.")
        if email.dmarc:
            f.add("email_dmarc", f"{domain} publishes a DMARC policy.")
        if email.spf is False and email.dmarc is False:
            f.add(
                "email_no_spf_dmarc",
                f"{domain} has neither SPF nor DMARC, unusual for a company domain.",
            )
    if email.role_account:
        f.add(
            "email_role_account",
            "A role account (info@, sales@...), not a named person.",
        )
    return state


def _mirror_of(original: str, email_domain: str | None) -> bool:
    """A page that names the lead's own email domain is a mirror of its own group's
    site, not a copy of a stranger's."""
    from leadcheck.net.domains import relation

    if not email_domain:
        return False
    return relation(email_domain, original) in (Relation.SAME, Relation.RELATED)


def _judge_website(
    site: WebsiteReport | None, f: _Findings, email_domain: str | None = None
) -> PartState:
    if site is None:
        f.add("website_missing", "No website was given.")
        return PartState.ABSENT
    inferred = site.inferred_from_email
    if inferred:
        f.add(
            "website_inferred",
            f"No website was given; checked the email's domain {site.host}.",
        )
    if site.bot_check is not None:
        f.add(
            "website_bot_check",
            f"{site.host} answered with a {site.bot_check} (HTTP {site.status_code}): a "
            "protected site; its page could not be read, which costs nothing.",
        )
        return PartState.UNKNOWN
    kind = site.error_kind
    if kind is FetchErrorKind.BAD_URL and site.url is None:
        f.add("website_invalid", f"Not a website address: {site.input!r}.")
        return PartState.BAD
    if site.refused:
        f.add(
            "website_private_address",
            f"{site.host} resolves to a private or local address ({site.refused_address}); "
            "not fetched (a public company site never does this; --allow-private to fetch).",
        )
        return PartState.UNKNOWN
    if kind in (FetchErrorKind.NXDOMAIN, FetchErrorKind.NO_ADDRESS):
        what = "does not exist" if kind is FetchErrorKind.NXDOMAIN else "has no address"
        if inferred:
            f.add(
                "website_none_for_domain",
                f"The email's domain has no website ({site.host} {what}).",
            )
            return PartState.WEAK
        f.add("website_not_found", f"The website {site.host} {what}.")
        return PartState.BAD
    if kind is FetchErrorKind.DNS_ERROR or (kind is None and site.reachable is None):
        f.add(
            "website_dns_unknown",
            f"Could not look up {site.host}: {site.error or 'DNS failed'}.",
        )
        return PartState.UNKNOWN
    if kind is FetchErrorKind.TIMEOUT:
        f.add(
            "website_timeout",
            f"{site.host} did not answer in time; could not judge the site.",
        )
        return PartState.UNKNOWN
    if kind in (FetchErrorKind.TOO_MANY_REDIRECTS, FetchErrorKind.BAD_REDIRECT):
        f.add(
            "website_redirect_loop",
            f"The website never settles on a page ({site.error}).",
        )
        return PartState.WEAK if inferred else PartState.BAD
    if kind in (FetchErrorKind.CONNECT, FetchErrorKind.TLS, FetchErrorKind.PROTOCOL):
        f.add(
            "website_unreachable",
            f"The website cannot be opened: {site.error}.",
            points=-30 if not inferred else -5,
        )
        return PartState.WEAK if inferred else PartState.BAD

    state = PartState.GOOD
    if site.tls_valid is False:
        f.add(
            "website_tls_invalid",
            f"The HTTPS certificate is not valid ({site.tls_error}); the page was read anyway.",
        )
    elif site.https is False:
        f.add("website_no_https", "The website does not use HTTPS.")
    page_kind = site.page_kind
    if page_kind in DEAD_PAGE_KINDS:
        words = {
            "parked": ("website_parked", "a parked domain (ads or a parking page)"),
            "for_sale": ("website_for_sale", "a domain for sale"),
            "hosting_default": ("website_default_page", "a web server's default page"),
            "suspended": ("website_suspended", "a suspended hosting account"),
            "template": (
                "website_template",
                "an unfilled template (placeholder text and contacts)",
            ),
        }
        code, what = words[page_kind]
        f.add(code, f"The website is {what}, not a business.")
        return PartState.BAD
    if site.clone_of is not None and not _mirror_of(site.clone_of, email_domain):
        f.add(
            "website_clone",
            f"The page says it is {site.clone_of} ({', '.join(site.clone_markers)}), not "
            f"{site.registered_domain}: a copy of another company's site.",
        )
        return PartState.BAD
    status = site.status_code or 0
    if status >= 400:
        f.add(
            "website_http_error",
            f"The website answers with HTTP {status} instead of a page.",
        )
        state = PartState.WEAK
    if page_kind == "under_construction":
        f.add(
            "website_under_construction",
            "The website is an 'under construction' / 'coming soon' page.",
        )
        state = PartState.WEAK
    elif state is PartState.GOOD and (site.word_count or 0) < 30:
        f.add("website_thin", "The website has almost no text.")
        state = PartState.WEAK
    if state is PartState.GOOD:
        f.add(
            "website_operating",
            f"{site.host} serves a real page" + (f": {site.title!r}." if site.title else "."),
        )
    return state


def _judge_match(
    email: EmailReport | None, site: WebsiteReport | None, f: _Findings
) -> tuple[Relation | None, bool]:
    """How the email relates to the website, and whether the site lists the address."""
    if email is None or site is None or not email.domain or not site.host:
        return None, False
    if site.inferred_from_email:
        return (Relation.SAME if site.error_kind is None else None), False
    relation = site.email_domain_relation
    # "Domains match" says nothing when neither domain exists.
    nothing = email.mx_status is MxStatus.NXDOMAIN and site.error_kind in (
        FetchErrorKind.NXDOMAIN,
        FetchErrorKind.NO_ADDRESS,
    )
    if relation is Relation.SAME and nothing:
        pass
    elif relation is Relation.SAME:
        f.add(
            "domains_match",
            f"The email's domain matches the website ({site.registered_domain}).",
        )
    elif relation is Relation.GROUP:
        f.add(
            "domains_group",
            f"The website {site.registered_domain} lists addresses at {email.domain}: "
            "the same group under two domains.",
        )
    elif relation is Relation.RELATED:
        f.add(
            "domains_related",
            f"The email's domain {email.domain} and the website {site.registered_domain} "
            "share a name under different suffixes.",
        )
    elif relation is Relation.LOOKALIKE:
        f.add(
            "domains_lookalike",
            f"The email's domain {email.domain} is a look-alike of the website's "
            f"{site.registered_domain}: a classic impersonation trick.",
        )
    elif not email.free_provider:
        f.add(
            "domains_differ",
            f"The email's domain {email.domain} has nothing to do with the website "
            f"{site.registered_domain}.",
        )
    ours = _ascii_address(email.normalized or "") if email.normalized else None
    emails = site.contacts.emails if site.contacts is not None else ()
    listed = ours is not None and ours in {_ascii_address(a) for a in emails}
    if listed:
        f.add("email_on_website", "The website itself lists this email address.")
    elif email.free_provider:
        f.add(
            "email_not_tied",
            "A free-mail address: nothing ties it to the website's company.",
        )
    return relation, listed


def _ascii_address(address: str) -> str:
    """``local@domain`` with the domain in its ASCII (IDNA) form, lower-cased, so that
    ``info@müller.de`` and ``info@xn--mller-kva.de`` compare equal."""
    from leadcheck.verify.maillists import normalize_domain

    local, _, domain = address.rpartition("@")
    return f"{local.lower()}@{normalize_domain(domain)}"
