"""Network settings of one run, shared by every stage that touches the network."""

from __future__ import annotations

from pydantic import Field

from leadcheck.models import Frozen
from leadcheck.net import DEFAULT_TIMEOUT
from leadcheck.version import __version__

__all__ = ["DEFAULT_TIMEOUT", "NetConfig"]


class NetConfig(Frozen):
    """How a run reaches the network.

    ``nameservers`` are ``"IP"`` or ``"IP:PORT"`` (``"[v6]:PORT"`` for IPv6); empty
    means the system resolver. ``timeout`` bounds the whole check of one lead.
    ``port_map`` redirects connections for one port to another, like curl's
    ``--connect-to`` (the test world uses it to serve port 80/443 from free ports).

    ``known_good_hosts`` are landmarks of the real internet, asked about only when a
    lead's own lookups say "no such domain" or its website refuses every connection:
    if the resolver denies them too (or the root zone, or the lead's TLD), or no
    connection to them opens, the network is broken, not the lead
    (:mod:`leadcheck.net.health`). IANA's site, and Baidu's for networks in China
    where a foreign site may be slow; any one answering is enough. They are asked
    through the run's own resolver and fetcher, so a test world stands in for them.
    """

    nameservers: tuple[str, ...] = ()
    allow_private: bool = False
    timeout: float = Field(default=DEFAULT_TIMEOUT, gt=0)
    port_map: dict[int, int] = Field(default_factory=dict)
    max_body_bytes: int = 2_000_000
    max_redirects: int = 5
    connect_timeout: float = 5.0
    known_good_hosts: tuple[str, ...] = Field(
        default=("www.iana.org", "www.baidu.com"), min_length=1
    )
    user_agent: str = f"Mozilla/5.0 (compatible; leadcheck/{__version__}; +https://github.com/leadcheck/leadcheck)"
