"""Give freed memory back to the system during a long batch.

Reading a site leaves its garbage all over the C heap (the page's bytes, the parser's
tree, the TLS buffers): freed, but in pages that glibc's allocator keeps, next to live
data, rather than return. ``malloc_trim(0)`` hands those whole free pages back. A batch
calls :meth:`HeapTrimmer.tick` once per checked lead; every :data:`TRIM_EVERY` leads it
trims (a fraction of a millisecond). Where the C library is not glibc, nothing happens.
"""

from __future__ import annotations

import ctypes
import ctypes.util
from collections.abc import Callable

TRIM_EVERY = 250  # leads between two trims


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
    """Counts checked leads and trims the heap every ``every`` of them."""

    def __init__(self, every: int = TRIM_EVERY) -> None:
        self.every = every
        self.trims = 0
        self._count = 0
        self._trim = _malloc_trim()

    @property
    def available(self) -> bool:
        return self._trim is not None

    def tick(self) -> None:
        self._count += 1
        if self._count >= self.every:
            self._count = 0
            self.trim()

    def trim(self) -> None:
        if self._trim is not None:
            self._trim(0)
            self.trims += 1


__all__ = ["TRIM_EVERY", "HeapTrimmer"]
