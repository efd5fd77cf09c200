"""Stage 1, the email address: syntax, MX, disposable, free-mail, role, typos, SPF, DMARC.

No SMTP probing: mailbox probing is unreliable (catch-alls, greylisting), slow, and
gets the prober's address blocklisted. What DNS says about the domain is evidence
enough to tell a working company mailbox from a made-up one.
"""

from __future__ import annotations

import asyncio
import contextlib
import re
from enum import StrEnum
from functools import cache, lru_cache
from typing import TYPE_CHECKING, cast

from leadcheck.inquiry import EmailAddress
from leadcheck.models import Frozen
from leadcheck.net.dns import DnsAnswer, DnsStatus

if TYPE_CHECKING:
    from leadcheck.deadline import Deadline
    from leadcheck.net.interfaces import Resolver


class MxStatus(StrEnum):
    OK = "ok"  # MX records pointing at hosts
    NULL_MX = "null_mx"  # RFC 7505 "0 ." : the domain accepts no mail
    IMPLICIT = "implicit"  # no MX, but an A/AAAA record receives mail (RFC 5321 5.1)
    NONE = "none"  # no MX and no address: mail cannot be delivered
    NXDOMAIN = "nxdomain"  # the domain does not exist
    UNKNOWN = "unknown"  # the lookup failed (timeout, SERVFAIL...)


class EmailReport(Frozen):
    """Everything found about one email address. ``None`` means "could not be determined"."""

    address: str
    # the cell the address was taken out of (``My Name <me@example.org>``), else None
    extracted_from: str | None = None
    valid_syntax: bool
    syntax_error: str | None = None
    normalized: str | None = None
    local_part: str | None = None
    domain: str | None = None
    mx_hosts: tuple[str, ...] = ()
    mx_status: MxStatus | None = None
    deliverable: bool | None = None
    disposable: bool = False
    free_provider: bool = False
    role_account: bool = False
    suggestion: str | None = None
    spf: bool | None = None
    dmarc: bool | None = None
    mail_provider: str | None = None
    mail_provider_kind: str | None = None
    dns_errors: tuple[str, ...] = ()


def check_syntax(address: str) -> EmailAddress:
    """email-validator's verdict on the address, offline (IDN domains included).

    An address in a display-name, comment or ``mailto:`` form (``My Name
    <me@example.org>``) is taken out first; ``extracted_from`` keeps the form.
    """
    from email_validator import EmailNotValidError, validate_email

    from leadcheck.verify.address_forms import extract_address

    extracted_from = None
    inner = extract_address(address)
    if inner is not None:  # My Name <me@example.org>: the address, and where it came from
        address, extracted_from = inner, address
    if len(address) > 320:
        return EmailAddress(
            raw=address[:320],
            extracted_from=extracted_from,
            valid=False,
            error="the address is longer than 320 characters",
        )
    known = _plain_address(address)
    if known is not None:
        normalized, local_part, domain = known
    else:
        try:
            info = validate_email(address, check_deliverability=False, allow_smtputf8=True)
        except EmailNotValidError as exc:
            return EmailAddress(
                raw=address, extracted_from=extracted_from, valid=False, error=str(exc)
            )
        normalized, local_part = info.normalized, info.local_part
        domain = (info.ascii_domain or info.domain).lower()
    return EmailAddress(
        raw=address,
        extracted_from=extracted_from,
        valid=True,
        normalized=normalized,
        local_part=local_part,
        domain=domain,
    )


# A plain local part: ASCII "atext" words joined by single dots (RFC 5322's dot-atom),
# which email-validator takes as it is.
_DOT_ATOM = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*\Z")
_MAX_LOCAL = 64
_MAX_ADDRESS = 254  # octets, in each of the forms email-validator measures


def _plain_address(address: str) -> tuple[str, str, str] | None:
    """(normalized, local part, domain) of a valid address with a plain ASCII local
    part, as email-validator gives them, with its verdict on the domain taken once per
    domain (an export's leads share a few: the company's, the free providers'); None
    for any other address, which is validated whole. Exactly email-validator's answer
    (tests/verify/test_email.py compares them)."""
    local, at, domain = address.rpartition("@")
    if (
        not at
        or len(local) > _MAX_LOCAL
        or len(address.encode("utf-8", "surrogatepass")) > _MAX_ADDRESS
        or _DOT_ATOM.match(local) is None  # (no "@" in it: one "@" in the address)
    ):
        return None
    verdict = _domain_verdict(domain)
    names = _case_insensitive_names()
    if verdict is None or names is None:
        return None  # an invalid domain: its error message is email-validator's own
    unicode_domain, ascii_domain = verdict
    if local.lower() in names:
        local = local.lower()  # postmaster, info, sales...: email-validator lowers them
    normalized = f"{local}@{unicode_domain}"
    if (
        len(normalized.encode("utf-8")) > _MAX_ADDRESS
        or len(local) + 1 + len(ascii_domain) > _MAX_ADDRESS
    ):
        return None
    return normalized, local, ascii_domain.lower()


@cache
def _case_insensitive_names() -> frozenset[str] | None:
    """The mailbox names email-validator writes in lower case (RFC 2142), or None
    should a release of it no longer name them where this looks (no short way then)."""
    try:
        from email_validator.rfc_constants import CASE_INSENSITIVE_MAILBOX_NAMES
    except ImportError:
        return None
    return frozenset(CASE_INSENSITIVE_MAILBOX_NAMES)


@lru_cache(maxsize=4_096)  # about 260 bytes each
def _domain_verdict(domain: str) -> tuple[str, str] | None:
    """email-validator's (domain, ASCII domain) for a valid domain, else None."""
    from email_validator import EmailNotValidError, validate_email

    try:  # (an empty domain, or a bracketed address, is refused here too)
        info = validate_email(f"a@{domain}", check_deliverability=False, allow_smtputf8=True)
    except EmailNotValidError:
        return None
    if info.ascii_domain is None:
        return None
    return info.domain, info.ascii_domain


async def check_email(
    address: EmailAddress | str, resolver: Resolver, *, deadline: Deadline | None = None
) -> EmailReport:
    """Check one address within ``deadline``; DNS trouble leaves the affected fields
    ``None``, never raises."""
    from leadcheck.verify import mail_providers, maillists

    parsed = check_syntax(address.strip()) if isinstance(address, str) else address
    if not parsed.valid or parsed.domain is None:
        # A typo suggestion still helps when the syntax is fine but for the domain part.
        return EmailReport(
            address=parsed.raw,
            extracted_from=parsed.extracted_from,
            valid_syntax=False,
            syntax_error=parsed.error,
            suggestion=_suggest_repair(parsed.raw),
        )
    domain = parsed.domain
    local = parsed.local_part or ""

    mx, spf, dmarc = await _ask_all(
        resolver, ((domain, "MX"), (domain, "TXT"), (f"_dmarc.{domain}", "TXT")), deadline
    )
    errors = [answer.error for answer in (mx, spf, dmarc) if answer.status is DnsStatus.ERROR]
    mx_status, mx_hosts, deliverable = await _mail_route(domain, mx, resolver, deadline)
    provider = mail_providers.provider_for_mx(mx_hosts) if mx_hosts else None
    return EmailReport(
        address=parsed.raw,
        extracted_from=parsed.extracted_from,
        valid_syntax=True,
        normalized=parsed.normalized,
        local_part=local,
        domain=domain,
        mx_hosts=mx_hosts,
        mx_status=mx_status,
        deliverable=deliverable,
        disposable=maillists.is_disposable(domain),
        free_provider=maillists.is_free_provider(domain),
        role_account=maillists.is_role_account(local),
        suggestion=_suggest(parsed.normalized or parsed.raw, domain, _resolves(mx_status)),
        spf=_has_record(spf, "v=spf1", nxdomain_means_absent=True),
        dmarc=_has_record(dmarc, "v=dmarc1", nxdomain_means_absent=True),
        mail_provider=provider.name if provider else None,
        mail_provider_kind=provider.kind if provider else None,
        dns_errors=tuple(dict.fromkeys(error for error in errors if error)),
    )


async def _mail_route(
    domain: str, mx: DnsAnswer, resolver: Resolver, deadline: Deadline | None
) -> tuple[MxStatus, tuple[str, ...], bool | None]:
    """Where mail for ``domain`` goes: (status, hosts by preference, deliverable)."""
    if mx.status is DnsStatus.NXDOMAIN:
        return MxStatus.NXDOMAIN, (), False
    if mx.status is DnsStatus.ERROR:
        return MxStatus.UNKNOWN, (), None
    if mx.status is DnsStatus.OK:
        records = sorted(parse_mx(record) for record in mx.records)
        hosts = tuple(dict.fromkeys(host for _, host in records if host not in ("", ".")))
        if not hosts:
            return MxStatus.NULL_MX, (), False
        return MxStatus.OK, hosts, True
    # NODATA: RFC 5321 section 5.1, the domain's own address is the implicit MX.
    lookup = await resolver.addresses(domain, deadline=deadline)
    if lookup.status is DnsStatus.OK:
        return MxStatus.IMPLICIT, (domain,), True
    if lookup.status is DnsStatus.ERROR:
        return MxStatus.UNKNOWN, (), None
    return MxStatus.NONE, (), False


def parse_mx(record: str) -> tuple[int, str]:
    """``"10 mx.acme.com"`` (as the resolver gives MX records) to ``(10, "mx.acme.com")``."""
    preference, _, host = record.partition(" ")
    try:
        return int(preference), host.strip().rstrip(".").lower()
    except ValueError:
        return 65535, record.strip().lower()


def _has_record(answer: DnsAnswer, prefix: str, *, nxdomain_means_absent: bool) -> bool | None:
    if answer.status is DnsStatus.ERROR:
        return None
    if answer.status is DnsStatus.NXDOMAIN and not nxdomain_means_absent:
        return None
    return any(record.strip().lower().startswith(prefix) for record in answer.records)


def _resolves(status: MxStatus) -> bool | None:
    """Does the domain take mail? The typo suggestion is bolder when it does not."""
    if status in (MxStatus.OK, MxStatus.IMPLICIT):
        return True
    if status is MxStatus.UNKNOWN:
        return None
    return False  # NXDOMAIN, no mail server, null MX


async def _ask_all(
    resolver: Resolver, questions: tuple[tuple[str, str], ...], deadline: Deadline | None
) -> list[DnsAnswer]:
    """The answers to ``questions``, asked together; when the run knows them all (the
    leads of one company, of one free-mail provider), no task is made to ask them."""
    known = [resolver.answered(name, rdtype) for name, rdtype in questions]
    if all(answer is not None for answer in known):
        return cast("list[DnsAnswer]", known)
    return await asyncio.gather(
        *(resolver.query(name, rdtype, deadline=deadline) for name, rdtype in questions)
    )


def _suggest(address: str, domain: str, resolves: bool | None) -> str | None:
    from leadcheck.verify import maillists

    better = maillists.suggest_domain(domain, resolves=resolves)
    if better is None or better == domain:
        return None
    local, _, typed = address.rpartition("@")
    if not typed.isascii():  # typed in Unicode: suggest in Unicode too
        with contextlib.suppress(UnicodeError):
            better = better.encode("ascii").decode("idna")
    return f"{local}@{better}"


def _suggest_repair(address: str) -> str | None:
    """For an invalid address: its one obvious reading, typo-corrected where it helps
    (``li@gmial..com`` -> ``li@gmail.com``, ``li#gmail.com`` -> ``li@gmail.com``,
    ``li@gmailcom`` -> ``li@gmail.com``). None without a local part (``#gmail.com``)."""
    from leadcheck.verify import maillists
    from leadcheck.verify.address_forms import repair_address

    repaired = repair_address(address)
    candidate = repaired or address
    local, at, domain = candidate.rpartition("@")
    if not at or not local or not domain:
        return None
    syntax = check_syntax(candidate)
    if syntax.valid and syntax.domain is not None:
        # No DNS was asked about a broken address: judged as if it might resolve.
        return _suggest(candidate, syntax.domain, None) or repaired
    if "." not in domain:  # the dot before the TLD was dropped: gmailcom
        better = maillists.suggest_domain(domain)
        return f"{local}@{better}" if better else None
    return None
