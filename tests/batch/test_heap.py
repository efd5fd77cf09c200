"""Freed memory handed back during a long batch (leadcheck.batch.heap)."""

from __future__ import annotations

import ctypes.util
import sys

import pytest

from leadcheck.batch.heap import HeapTrimmer


def test_it_trims_once_every_so_many_leads() -> None:
    trimmer = HeapTrimmer(every=3)
    for _ in range(7):
        trimmer.tick()
    expected = 2 if trimmer.available else 0
    assert trimmer.trims == expected


@pytest.mark.skipif(
    not sys.platform.startswith("linux") or ctypes.util.find_library("c") is None,
    reason="malloc_trim is glibc's",
)
def test_glibc_has_the_trim() -> None:
    import platform

    if platform.libc_ver()[0] != "glibc":
        pytest.skip("not glibc")
    assert HeapTrimmer().available


def test_without_the_c_function_nothing_happens(monkeypatch: pytest.MonkeyPatch) -> None:
    from leadcheck.batch import heap

    monkeypatch.setattr(heap, "_malloc_trim", lambda: None)
    trimmer = heap.HeapTrimmer(every=1)
    trimmer.tick()
    assert not trimmer.available
    assert trimmer.trims == 0
