"""Turn the shared network options into a :class:`NetConfig`."""

from __future__ import annotations

from leadcheck.errors import UsageError
from leadcheck.net.config import NetConfig
from leadcheck.net.dns import parse_nameserver


def net_config(
    *,
    nameservers: list[str] | None,
    allow_private: bool,
    timeout: float,
    port_map: list[str] | None = None,
) -> NetConfig:
    """Validate the options (UsageError on a bad one) and build the run's NetConfig."""
    servers = tuple(nameservers or ())
    for server in servers:
        parse_nameserver(server)
    mapping: dict[int, int] = {}
    for item in port_map or ():
        source, sep, target = item.partition("=")
        if not sep or not source.isdigit() or not target.isdigit():
            raise UsageError(f"bad --port-map {item!r}: expected FROM=TO, e.g. 443=8443")
        mapping[int(source)] = int(target)
    return NetConfig(
        nameservers=servers, allow_private=allow_private, timeout=timeout, port_map=mapping
    )
