"""Who receives a domain's mail, recognised from its MX host names.

The table lives in ``data/mail_providers.toml`` (Google Workspace, Microsoft 365,
Tencent Exmail, Alibaba Mail, GoDaddy, Proofpoint...). A company on a paid workspace
or behind a security gateway looks established; a domain whose MX points at a
disposable-inbox service does not.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import Field, field_validator

from leadcheck.datafiles import data_path, load_toml_model
from leadcheck.errors import DataFileError
from leadcheck.models import Frozen

PROVIDERS_FILE = "mail_providers.toml"

ProviderKind = Literal["workspace", "consumer", "hosting", "security-gateway", "disposable"]

_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_SUFFIX = re.compile(r"^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9-]{1,63})*$")


class MailProvider(Frozen):
    """A mail provider recognised from MX records."""

    id: str
    name: str
    kind: ProviderKind


class ProviderEntry(Frozen):
    """One ``[[provider]]`` table of ``mail_providers.toml``."""

    id: str = Field(pattern=_ID.pattern)
    name: str = Field(min_length=1)
    kind: ProviderKind
    mx_suffixes: tuple[str, ...] = Field(min_length=1)
    source: str | None = None

    @field_validator("mx_suffixes")
    @classmethod
    def _check_suffixes(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for suffix in value:
            if suffix != suffix.lower() or not _SUFFIX.match(suffix):
                raise ValueError(f"not a lower-case host name suffix: {suffix!r}")
        return value


class ProvidersFile(Frozen):
    """The whole of ``mail_providers.toml``."""

    provider: tuple[ProviderEntry, ...] = Field(min_length=1)


class ProviderTable(Frozen):
    """The loaded table: MX suffix → provider."""

    by_suffix: dict[str, MailProvider]


@cache
def load_providers(path: Path | None = None) -> ProviderTable:
    """Load and check ``data/mail_providers.toml`` (or ``path``).

    Besides the per-field checks, ids must be unique and a suffix may belong to one
    provider only; the error names the offending ``provider.<n>`` entry.
    """
    path = path or data_path(PROVIDERS_FILE)
    parsed = load_toml_model(ProvidersFile, path)
    by_suffix: dict[str, MailProvider] = {}
    seen_ids: set[str] = set()
    for index, entry in enumerate(parsed.provider):
        location = f"provider.{index}"
        if entry.id in seen_ids:
            raise DataFileError(path, f"duplicate id {entry.id!r}", location=f"{location}.id")
        seen_ids.add(entry.id)
        provider = MailProvider(id=entry.id, name=entry.name, kind=entry.kind)
        for suffix in entry.mx_suffixes:
            if suffix in by_suffix:
                raise DataFileError(
                    path,
                    f"suffix {suffix!r} is already claimed by {by_suffix[suffix].id!r}",
                    location=f"{location}.mx_suffixes",
                )
            by_suffix[suffix] = provider
    return ProviderTable(by_suffix=by_suffix)


def _match_host(host: str, by_suffix: dict[str, MailProvider]) -> MailProvider | None:
    """The provider whose suffix is the longest match of ``host`` on label boundaries."""
    labels = host.strip().rstrip(".").lower().split(".")
    for start in range(len(labels)):
        provider = by_suffix.get(".".join(labels[start:]))
        if provider is not None:
            return provider
    return None


def provider_for_mx(mx_hosts: Sequence[str]) -> MailProvider | None:
    """The provider behind a domain's MX hosts (given in preference order), or None.

    Each host is matched on label boundaries against the known suffixes, the longest
    suffix winning (``gmail-smtp-in.l.google.com`` is Gmail, ``aspmx.l.google.com`` is
    Google Workspace, ``notgoogle.com`` is nobody). The first host that matches decides,
    so a security gateway listed first is reported rather than the mailbox behind it.
    """
    by_suffix = load_providers().by_suffix
    for host in mx_hosts:
        provider = _match_host(host, by_suffix)
        if provider is not None:
            return provider
    return None
