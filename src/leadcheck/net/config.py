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
    """

    nameservers: tuple[str, ...] = ()
    allow_private: bool = False
    timeout: float = Field(default=DEFAULT_TIMEOUT, gt=0)
    port_map: dict[int, int] = Field(default_factory=dict)
    max_body_bytes: int = 2_000_000
    max_redirects: int = 5
    connect_timeout: float = 5.0
    user_agent: str = f"Mozilla/5.0 (compatible; leadcheck/{__version__}; +https://github.com/leadcheck/leadcheck)"
