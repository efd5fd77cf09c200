"""A miniature internet on loopback: authoritative DNS, HTTP and HTTPS with its own CA.

Used by ``leadcheck demo`` (a bundled world with a dozen inquiries), by the end-to-end
tests (``tests/world`` adds the catalogue of scenarios) and by the benchmarks. Everything
runs in one background thread with its own event loop, and nothing binds anything but a
loopback address. See ``tests/world/README.md`` for the API.
"""

from __future__ import annotations

from leadcheck.world.ca import TLS_MODES, WRONG_HOST_NAME, TlsMode, WorldCA
from leadcheck.world.dns_server import FAULT_KINDS, Fault, FaultKind, Zone
from leadcheck.world.http_server import (
    Delayed,
    GzipBomb,
    HugeBody,
    Page,
    Redirect,
    RequestRecord,
    Reset,
    Route,
    Site,
    Tarpit,
)
from leadcheck.world.world import World, WorldStartError

__all__ = [
    "FAULT_KINDS",
    "TLS_MODES",
    "WRONG_HOST_NAME",
    "Delayed",
    "Fault",
    "FaultKind",
    "GzipBomb",
    "HugeBody",
    "Page",
    "Redirect",
    "RequestRecord",
    "Reset",
    "Route",
    "Site",
    "Tarpit",
    "TlsMode",
    "World",
    "WorldCA",
    "WorldStartError",
    "Zone",
]
