"""Freed memory handed back during a long batch (leadcheck.batch.heap)."""

from __future__ import annotations

import platform

import pytest

from leadcheck.batch import heap
from leadcheck.batch.heap import TRIM_SHARE, HeapTrimmer


class Clock:
    """A process CPU clock the test moves; each trim "costs" ``cost`` seconds."""

    def __init__(self, cost: float) -> None:
        self.now = 0.0
        self.cost = cost

    def __call__(self) -> float:
        return self.now


def counted(monkeypatch: pytest.MonkeyPatch, clock: Clock) -> list[int]:
    calls: list[int] = []

    def fake_trim(pad: int) -> int:
        calls.append(pad)
        clock.now += clock.cost
        return 1

    monkeypatch.setattr(heap, "_malloc_trim", lambda: fake_trim)
    return calls


def test_it_looks_once_every_so_many_leads(monkeypatch: pytest.MonkeyPatch) -> None:
    clock = Clock(cost=0.0)
    calls = counted(monkeypatch, clock)
    trimmer = HeapTrimmer(every=3, clock=clock)
    for _ in range(7):
        trimmer.tick()
    assert calls == [0, 0]
    assert trimmer.trims == 2


def test_trimming_keeps_to_its_share_of_the_cpu(monkeypatch: pytest.MonkeyPatch) -> None:
    clock = Clock(cost=0.05)  # a big heap: 50 ms a trim
    calls = counted(monkeypatch, clock)
    trimmer = HeapTrimmer(every=1, clock=clock)
    for _ in range(3_000):
        clock.now += 0.004  # a lead's work
        trimmer.tick()
    spent = len(calls) * clock.cost
    assert len(calls) == 3  # at 0 s, then 5 s after each: 50 ms is 1 % of 5 s
    assert spent <= clock.cost + TRIM_SHARE * clock.now  # the first trim, then 1 %


def test_without_the_c_function_nothing_happens(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(heap, "_malloc_trim", lambda: None)
    trimmer = HeapTrimmer(every=1)
    trimmer.tick()
    trimmer.trim()
    assert not trimmer.available
    assert trimmer.trims == 0


@pytest.mark.skipif(platform.libc_ver()[0] != "glibc", reason="malloc_trim is glibc's")
def test_glibc_trims_for_real() -> None:
    trimmer = HeapTrimmer(every=1)
    assert trimmer.available
    trimmer.tick()
    assert trimmer.trims == 1
