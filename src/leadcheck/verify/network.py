"""A lead's "no such domain" or "connection refused", checked against the network itself.

Before stage 1 believes that a lead's domain does not exist, has no mail server or
no address, or that its site refuses every connection, :func:`network_problem`
asks the run's :class:`~leadcheck.net.health.NetworkHealth` whether the network
tells the truth about things that exist everywhere. When it does not, the parts
that depended on it are *unknown* (:func:`without_network_facts` takes back what
the lying network made us believe), the verdict is ``unknown`` with one reason
(``network_dns_broken`` or ``network_unreachable``), the command line says so once
on stderr, and a batch does not store the lead: the next run checks it again.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Literal

from leadcheck.models import Frozen
from leadcheck.net.fetch_result import FetchErrorKind
from leadcheck.verify.email import EmailReport, MxStatus
from leadcheck.verify.website import WebsiteReport

if TYPE_CHECKING:
    from leadcheck.deadline import Deadline
    from leadcheck.net.health import NetworkHealth

NetworkCode = Literal["network_dns_broken", "network_unreachable"]
PartName = Literal["email", "website"]

DNS_DENIED = "Your DNS says every domain is missing — check the network"
DNS_SILENT = "Your DNS answers nothing, not even for the root zone — check the network"
NO_CONNECTIONS = "No connection opens, not even to the known-good hosts — check the network"

# What a lying resolver or a dead network can make a lead look like.
_MAIL_DNS = frozenset({MxStatus.NXDOMAIN, MxStatus.NONE, MxStatus.UNKNOWN})
_SITE_DNS = frozenset(
    {FetchErrorKind.NXDOMAIN, FetchErrorKind.NO_ADDRESS, FetchErrorKind.DNS_ERROR}
)
_SITE_CONNECT = frozenset({FetchErrorKind.CONNECT, FetchErrorKind.TIMEOUT})


class NetworkProblem(Frozen):
    """The network, not the lead, made ``parts`` fail; ``message`` says what to do."""

    code: NetworkCode
    message: str
    parts: tuple[PartName, ...]


def _tld(host: str) -> str:
    return host.rstrip(".").rsplit(".", 1)[-1].lower()


async def network_problem(
    email: EmailReport | None,
    website: WebsiteReport | None,
    health: NetworkHealth,
    *,
    deadline: Deadline,
) -> NetworkProblem | None:
    """The network trouble behind this lead's failures, if any (None: the network is
    fine, or could not be judged in time; the lead's own answers stand)."""
    suspects: list[tuple[PartName, str]] = []
    if email is not None and email.domain and email.mx_status in _MAIL_DNS:
        suspects.append(("email", _tld(email.domain)))
    if website is not None and website.host and _site_dns_failed(website):
        suspects.append(("website", _tld(website.host)))
    if suspects:
        verdicts = await asyncio.gather(
            *(health.dns(tld, deadline=deadline) for _, tld in suspects)
        )
        broken = [
            (part, verdict)
            for (part, _), verdict in zip(suspects, verdicts, strict=True)
            if verdict is not None and not verdict.trusted
        ]
        if broken:
            first = broken[0][1]
            words = DNS_DENIED if first.verdict == "lying" else DNS_SILENT
            return NetworkProblem(
                code="network_dns_broken",
                message=f"{words} ({first.detail}).",
                parts=tuple(part for part, _ in broken),
            )
    if website is not None and website.error_kind in _SITE_CONNECT and not website.refused:
        connect = await health.connections(deadline=deadline)
        if connect is not None and not connect.works:
            return NetworkProblem(
                code="network_unreachable",
                message=f"{NO_CONNECTIONS} ({connect.detail}).",
                parts=("website",),
            )
    return None


def _site_dns_failed(website: WebsiteReport) -> bool:
    """The site's name did not resolve: denied, or no answer before the deadline (an
    address given as the site needs no DNS: its timeout is the connection's)."""
    if website.error_kind in _SITE_DNS:
        return True
    if website.error_kind is not FetchErrorKind.TIMEOUT or website.dns is not None:
        return False
    from leadcheck.net.addresses import parse_ip

    return website.host is not None and parse_ip(website.host) is None


def without_network_facts(
    email: EmailReport | None, website: WebsiteReport | None, problem: NetworkProblem
) -> tuple[EmailReport | None, WebsiteReport | None]:
    """The reports with what the broken network said taken back: unknown, not false."""
    if email is not None and "email" in problem.parts:
        email = email.model_copy(
            update={
                "mx_status": MxStatus.UNKNOWN,
                "mx_hosts": (),
                "deliverable": None,
                "spf": None,
                "dmarc": None,
                "mail_provider": None,
                "mail_provider_kind": None,
                "dns_errors": (*email.dns_errors, problem.message),
            }
        )
    if website is not None and "website" in problem.parts:
        update: dict[str, object] = {"reachable": None, "error": problem.message}
        if problem.code == "network_dns_broken":
            update["error_kind"] = FetchErrorKind.DNS_ERROR
            update["dns"] = None
        website = website.model_copy(update=update)
    return email, website


__all__ = ["NetworkProblem", "network_problem", "without_network_facts"]
