"""The loopback test world: authoritative DNS, HTTP and HTTPS servers with a test CA.

The servers live in the package (:mod:`leadcheck.world`, which ``leadcheck demo`` uses
too); this package re-exports them for the tests and adds the catalogue of scenarios
(``scenarios.py``). Importable as ``tests.world`` (pytest) and as ``world`` (with
``tests/`` on ``sys.path``, as the benchmarks do). See README.md in this directory.
"""

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
