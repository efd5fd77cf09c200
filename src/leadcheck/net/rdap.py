"""RDAP: when was a domain registered? (RFC 9082 queries, RFC 9083 answers).

Which registry to ask comes from IANA's bootstrap file for domain names (RFC 9224),
shipped as ``data/rdap_dns.json`` and refreshed only by ``leadcheck data
refresh-rdap`` (never fetched implicitly): the longest run of trailing labels of the
domain that the file lists names the registry's base URL, and the question is
``<base>domain/<name>``. A TLD the file does not list (many ccTLDs: .de, .cn, .jp,
.ru...) has no RDAP service: its domains' dates are ``None``, never a guess.

The answer's registration date is the ``eventDate`` of its ``registration`` event
(RFC 9083 section 4.5). A registry that omits it (no ``events``, only ``last
changed``), an error, a rate limit, a page that is not JSON, or no answer in time
all give ``None`` with the reason. Everything a registry sends is bounded: the
body's size, the JSON's nesting, the date's range.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import Field, field_validator

from leadcheck.datafiles import data_path, validate
from leadcheck.errors import DataFileError
from leadcheck.models import Frozen

if TYPE_CHECKING:
    from leadcheck.deadline import Deadline
    from leadcheck.net.config import NetConfig
    from leadcheck.net.interfaces import Fetcher

BOOTSTRAP_FILE = "rdap_dns.json"
BOOTSTRAP_URL = "https://data.iana.org/rdap/dns.json"
ACCEPT = "application/rdap+json, application/json;q=0.9"
MAX_ANSWER_BYTES = 256_000  # a domain object is a few kilobytes
MAX_BOOTSTRAP_BYTES = 2_000_000  # IANA's file is about 70 KB
EARLIEST = date(1985, 1, 1)  # the first .com was registered in March 1985

_LABEL = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$")


class Bootstrap(Frozen):
    """IANA's bootstrap file for domain names (RFC 9224), as published."""

    version: str
    publication: datetime
    description: str | None = None
    services: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = Field(min_length=1)

    @field_validator("services")
    @classmethod
    def _check_services(
        cls, value: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]
    ) -> tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]:
        seen: set[str] = set()
        for number, (labels, urls) in enumerate(value):
            if not labels or not urls:
                raise ValueError(f"service {number} lists no TLD or no URL")
            for label in labels:
                for part in label.split("."):
                    if not _LABEL.match(part):
                        raise ValueError(f"service {number}: not a lower-case TLD: {label!r}")
                if label in seen:
                    raise ValueError(f"service {number}: {label!r} is listed twice")
                seen.add(label)
            for url in urls:
                if not url.startswith(("https://", "http://")) or len(url) > 300:
                    raise ValueError(f"service {number}: not an http(s) base URL: {url!r}")
        return value

    def base_urls(self) -> dict[str, str]:
        """TLD (or longer suffix) -> its registry's https base URL, ending with ``/``.

        A service that offers only plain HTTP is left out: the registration date of a
        domain is not worth an answer anyone on the path could have forged.
        """
        table: dict[str, str] = {}
        for labels, urls in self.services:
            secure = next((url for url in urls if url.startswith("https://")), None)
            if secure is None:
                continue
            base = secure if secure.endswith("/") else secure + "/"
            for label in labels:
                table[label] = base
        return table


def parse_bootstrap(raw: bytes, path: Path | str) -> Bootstrap:
    """Parse and check a bootstrap file's bytes; :class:`DataFileError` names the problem."""
    if len(raw) > MAX_BOOTSTRAP_BYTES:
        raise DataFileError(path, f"the file is larger than {MAX_BOOTSTRAP_BYTES:,} bytes")
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise DataFileError(path, "the file is not UTF-8 text") from exc
    except (ValueError, RecursionError) as exc:
        raise DataFileError(path, f"not JSON: {exc}") from exc
    if not isinstance(data, dict):
        raise DataFileError(path, "not an RDAP bootstrap file: expected a JSON object")
    return validate(Bootstrap, data, Path(path))


@cache
def load_bootstrap(path: Path | None = None) -> Bootstrap:
    """The shipped bootstrap file (``data/rdap_dns.json``), or ``path``; read once."""
    path = path or data_path(BOOTSTRAP_FILE)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DataFileError(path, f"cannot read the file ({exc.strerror or exc})") from exc
    return parse_bootstrap(raw, path)


@cache
def _base_urls(path: Path | None = None) -> dict[str, str]:
    return load_bootstrap(path).base_urls()


def rdap_url(domain: str, *, bootstrap: Path | None = None) -> str | None:
    """The RDAP URL that answers for the registered ``domain`` (ASCII), or None when
    no registry in the bootstrap file covers its TLD."""
    name = domain.strip().rstrip(".").lower()
    if not name.isascii() or "." not in name:
        return None
    table = _base_urls(bootstrap)
    labels = name.split(".")
    for start in range(1, len(labels)):  # longest suffix first, the name itself excluded
        base = table.get(".".join(labels[start:]))
        if base is not None:
            return f"{base}domain/{name}"
    return None


class Registration(Frozen):
    """What the registry said about one domain. ``registered`` None: not known, ``error``
    says why (no RDAP service for the TLD, no registration event, no answer...)."""

    domain: str
    registered: date | None = None
    server: str | None = None
    error: str | None = None


def registration_from_answer(body: bytes, domain: str) -> tuple[date | None, str | None]:
    """The registration date in an RDAP domain object, or None and why."""
    if len(body) > MAX_ANSWER_BYTES:
        return None, f"the answer is larger than {MAX_ANSWER_BYTES:,} bytes"
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None, "the answer is not JSON"
    if not isinstance(data, dict):
        return None, "the answer is not an RDAP object"
    kind = data.get("objectClassName")
    if kind is not None and str(kind).lower() != "domain":
        return None, f"the answer is a {str(kind)[:40]!r} object, not a domain"
    name = data.get("ldhName")
    if isinstance(name, str) and name.lower().rstrip(".") != domain.lower():
        return None, f"the answer is about {name[:100]!r}, not {domain}"
    events = data.get("events")
    if not isinstance(events, list):
        return None, "the registry gives no registration date"
    for event in events[:100]:
        if isinstance(event, dict) and str(event.get("eventAction", "")).lower() == (
            "registration"
        ):
            return _event_date(event.get("eventDate"))
    return None, "the registry gives no registration date"


def _event_date(value: Any) -> tuple[date | None, str | None]:
    if not isinstance(value, str) or len(value) > 64:
        return None, "the registration date is missing"
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        return None, f"the registration date {value[:40]!r} is not an RFC 3339 date"
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    day = moment.astimezone(UTC).date()
    if day < EARLIEST or day > datetime.now(UTC).date():
        return None, f"the registration date {day.isoformat()} cannot be right"
    return day, None


async def lookup_registration(
    domain: str,
    fetcher: Fetcher,
    *,
    deadline: Deadline,
    bootstrap: Path | None = None,
) -> Registration:
    """Ask the registry of ``domain`` (a registered domain, ASCII) when it was registered.

    One GET, through the run's guarded fetcher (SSRF guard, size and redirect bounds)
    within ``deadline``; never raises for the network.
    """
    url = rdap_url(domain, bootstrap=bootstrap)
    if url is None:
        return Registration(domain=domain, error="the TLD has no RDAP service")
    if deadline.expired:
        return Registration(domain=domain, server=url, error="no time left to ask the registry")
    result = await fetcher.fetch(url, deadline=deadline, accept=ACCEPT)
    if result.status_code is None:
        return Registration(domain=domain, server=url, error=result.error or "no answer")
    if result.status_code == 404:
        return Registration(domain=domain, server=url, error="the registry does not know it")
    if result.status_code == 429:
        return Registration(domain=domain, server=url, error="the registry limits our rate")
    if result.status_code != 200:
        return Registration(
            domain=domain, server=url, error=f"the registry answered HTTP {result.status_code}"
        )
    if result.truncated:
        return Registration(domain=domain, server=url, error="the answer is too large")
    registered, problem = registration_from_answer(result.body, domain)
    return Registration(domain=domain, registered=registered, server=url, error=problem)


class Refreshed(Frozen):
    """What ``leadcheck data refresh-rdap`` wrote."""

    path: str
    source: str
    publication: datetime
    previous_publication: datetime | None = None
    services: int
    tlds: int  # TLDs (and longer suffixes) with an https registry


async def read_bootstrap_source(source: str, net: NetConfig) -> bytes:
    """The bytes of a bootstrap file: a local path, or an https URL fetched through the
    guarded fetcher (IANA's is :data:`BOOTSTRAP_URL`)."""
    from leadcheck.deadline import Deadline
    from leadcheck.errors import InputFileError, MissingFileError

    if not source.startswith(("https://", "http://")):
        try:
            return Path(source).read_bytes()[: MAX_BOOTSTRAP_BYTES + 1]
        except FileNotFoundError as exc:  # a named file that does not exist: bad usage
            raise MissingFileError(f"cannot read {source}: no such file") from exc
        except OSError as exc:
            raise InputFileError(f"cannot read {source} ({exc.strerror or exc})") from exc
    from leadcheck.net.dns import Resolver
    from leadcheck.net.http import Fetcher

    config = net.model_copy(update={"max_body_bytes": MAX_BOOTSTRAP_BYTES + 1})
    resolver = Resolver(config.nameservers, query_timeout=min(5.0, config.timeout))
    fetcher = Fetcher(config, resolver)
    try:
        result = await fetcher.fetch(
            source, deadline=Deadline.after(config.timeout), accept="application/json"
        )
    finally:
        await fetcher.aclose()
    if result.status_code != 200:
        why = result.error or f"HTTP {result.status_code}"
        raise InputFileError(f"cannot fetch {source}: {why}")
    return result.body


def refresh_bootstrap(raw: bytes, source: str, output: Path | None = None) -> Refreshed:
    """Check a new bootstrap file and write it over ``output`` (default: the shipped
    ``data/rdap_dns.json``) atomically; a file that does not validate changes nothing."""
    import os
    import tempfile

    target = output or data_path(BOOTSTRAP_FILE)
    fresh = parse_bootstrap(raw, source)
    previous = None
    try:
        previous = parse_bootstrap(target.read_bytes(), target).publication
    except (OSError, DataFileError):
        previous = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".rdap-", dir=target.parent)
        with os.fdopen(handle, "wb") as stream:
            stream.write(raw)
        os.replace(temporary, target)
    except OSError as exc:
        raise DataFileError(
            target, f"cannot write the file ({exc.strerror or exc}); choose another with --output"
        ) from exc
    load_bootstrap.cache_clear()
    _base_urls.cache_clear()
    return Refreshed(
        path=str(target),
        source=source,
        publication=fresh.publication,
        previous_publication=previous,
        services=len(fresh.services),
        tlds=len(fresh.base_urls()),
    )


__all__ = [
    "ACCEPT",
    "BOOTSTRAP_FILE",
    "BOOTSTRAP_URL",
    "Bootstrap",
    "Refreshed",
    "Registration",
    "load_bootstrap",
    "lookup_registration",
    "parse_bootstrap",
    "rdap_url",
    "read_bootstrap_source",
    "refresh_bootstrap",
    "registration_from_answer",
]
