"""One deadline per lead: the moment by which every part of its check has ended.

A :class:`Deadline` is made when a lead's check starts (for ``leadcheck verify``:
when the process started, so start-up counts too) and handed to everything that
can wait: the email check, the website check, the resolver, the fetcher and the
page reader. Nothing takes "the timeout" again from the options; each asks the
deadline how much time is *left*. That is how ``--timeout T`` holds for every path,
however many lookups and fetches happen one after another.

Times are ``time.monotonic()`` seconds, the clock asyncio's default event loop uses.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    import asyncio

__all__ = ["Deadline", "process_started", "wait_within"]

_T = TypeVar("_T")


class Deadline:
    """A point in monotonic time; cheap to copy and to ask."""

    __slots__ = ("at",)

    def __init__(self, at: float) -> None:
        self.at = at

    @classmethod
    def after(cls, seconds: float, *, start: float | None = None) -> Deadline:
        """``seconds`` from ``start`` (``time.monotonic()`` by default)."""
        return cls((time.monotonic() if start is None else start) + seconds)

    def remaining(self) -> float:
        """Seconds left, never negative."""
        return max(0.0, self.at - time.monotonic())

    @property
    def expired(self) -> bool:
        return time.monotonic() >= self.at

    def cap(self, seconds: float) -> float:
        """``seconds``, or what is left if that is less."""
        return min(seconds, self.remaining())

    def share(self, fraction: float) -> Deadline:
        """An earlier deadline that leaves ``1 - fraction`` of the remaining time over."""
        now = time.monotonic()
        return Deadline(now + max(0.0, self.at - now) * fraction)

    def earlier(self, other: Deadline | None) -> Deadline:
        """Whichever of the two comes first."""
        if other is None or self.at <= other.at:
            return self
        return other

    def __repr__(self) -> str:
        return f"Deadline(remaining={self.remaining():.3f}s)"


_IMPORTED = time.monotonic()


def process_started() -> float:
    """When this process started, on the ``time.monotonic()`` clock.

    On Linux that is read from ``/proc/self/stat`` (so the interpreter's own start-up
    counts); elsewhere it is when this module was first imported.
    """
    try:
        import os

        with open("/proc/self/stat", "rb") as stat:
            fields = stat.read().rsplit(b")", 1)[1].split()
        ticks = int(fields[19])  # starttime: clock ticks after boot (field 22)
        since_boot = ticks / os.sysconf("SC_CLK_TCK")
        age = time.clock_gettime(time.CLOCK_BOOTTIME) - since_boot
    except (OSError, ValueError, IndexError, AttributeError):
        return _IMPORTED
    if not 0 <= age < 365 * 86400:
        return _IMPORTED
    return min(_IMPORTED, time.monotonic() - age)


async def wait_within(future: asyncio.Future[_T], deadline: Deadline | None) -> _T | None:
    """``future``'s result if it comes before ``deadline``, else None; the work goes on
    (it is shielded), for the others who share it: a lookup, probe or page that another
    lead started is waited for only as long as this lead may wait."""
    import asyncio

    if future.done():
        return None if future.cancelled() else future.result()
    if deadline is None:
        return await asyncio.shield(future)
    try:
        async with asyncio.timeout(deadline.remaining()):
            return await asyncio.shield(future)
    except TimeoutError:
        return None
