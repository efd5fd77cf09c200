"""Give freed memory back to the system during a long batch.

Reading a site leaves its garbage all over the C heap (the page's bytes, the parser's
tree, the TLS buffers): freed, but in pages that glibc's allocator keeps, next to live
data, rather than return. ``malloc_trim(0)`` hands those whole free pages back. Its cost
grows with the heap (it walks every free chunk: tens of milliseconds on a few hundred
megabytes), so :class:`HeapTrimmer` paces itself: a batch calls :meth:`HeapTrimmer.tick`
once per checked lead, and every :data:`TRIM_EVERY` leads the trimmer trims, unless the
last trim's time is not yet :data:`TRIM_SHARE` of the CPU the process has used since.
Where the C library is not glibc, nothing happens.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import time
from collections.abc import Callable

TRIM_EVERY = 250  # leads between two looks at the clock
TRIM_SHARE = 0.01  # trimming takes at most this share of the process's CPU time


def _malloc_trim() -> Callable[[int], int] | None:
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        trim = libc.malloc_trim
    except (OSError, AttributeError):  # not glibc (musl, macOS): nothing to trim with
        return None
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    return trim


class HeapTrimmer:
    """Counts checked leads and trims the heap now and then (see the module's text)."""

    def __init__(
        self, every: int = TRIM_EVERY, *, clock: Callable[[], float] = time.process_time
    ) -> None:
        self.every = every
        self.trims = 0
        self._count = 0
        self._clock = clock
        self._next = 0.0  # the process CPU time before which no trim starts
        self._trim = _malloc_trim()

    @property
    def available(self) -> bool:
        return self._trim is not None

    def tick(self) -> None:
        self._count += 1
        if self._count < self.every:
            return
        self._count = 0
        if self._trim is None or self._clock() < self._next:
            return
        self.trim()

    def trim(self) -> None:
        if self._trim is None:
            return
        started = self._clock()
        self._trim(0)
        self.trims += 1
        self._next = started + (self._clock() - started) / TRIM_SHARE


__all__ = ["TRIM_EVERY", "TRIM_SHARE", "HeapTrimmer"]
