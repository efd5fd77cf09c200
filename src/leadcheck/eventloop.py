"""The event loop a batch runs in: uvloop when it is installed, else asyncio's own.

uvloop (``pip install 'leadcheck[fast]'``) is a drop-in replacement for asyncio's loop,
written on libuv, that spends less CPU on each socket event; leadcheck never needs it.
``LEADCHECK_EVENT_LOOP=asyncio`` keeps asyncio's loop even when uvloop is installed.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

T = TypeVar("T")


def loop_factory() -> Callable[[], asyncio.AbstractEventLoop] | None:
    """uvloop's loop maker, or None for asyncio's."""
    if os.environ.get("LEADCHECK_EVENT_LOOP", "").strip().lower() == "asyncio":
        return None
    try:
        import uvloop
    except ImportError:
        return None
    maker: Callable[[], asyncio.AbstractEventLoop] = uvloop.new_event_loop
    return maker


def run(coroutine: Coroutine[Any, Any, T]) -> T:
    """``asyncio.run(coroutine)`` in the loop :func:`loop_factory` chooses."""
    with asyncio.Runner(loop_factory=loop_factory()) as runner:
        return runner.run(coroutine)
