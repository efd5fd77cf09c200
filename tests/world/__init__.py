"""The loopback test world: authoritative DNS, HTTP and HTTPS servers with a test CA.

The servers live in the package (:mod:`leadcheck.world`, which ``leadcheck demo`` uses
too); this package re-exports them for the tests and adds the catalogue of scenarios
(``scenarios.py``). Importable as ``tests.world`` (pytest) and as ``world`` (with
``tests/`` on ``sys.path``, as the benchmarks do). See README.md in this directory.
"""

from leadcheck.world import *  # noqa: F403  (the servers and their routes)
from leadcheck.world import __all__ as __all__
