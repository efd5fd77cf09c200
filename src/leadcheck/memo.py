"""A bounded, least-recently-used map of asyncio futures: the per-run caches.

A batch of 200,000 rows can name 50,000 websites; keeping every page and every DNS
answer for the whole run would grow memory with the file. These caches share work
between the rows that name the same domain at about the same time (exports list a
company's inquiries close together) and forget the oldest finished entries beyond
``limit``. An entry still in flight is never evicted: others may be waiting on it.
"""

from __future__ import annotations

import asyncio
from collections import OrderedDict
from collections.abc import Hashable, Iterator
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class FutureMemo(Generic[K, V]):
    """``key -> Future[V]``, at most about ``limit`` finished entries kept."""

    def __init__(self, limit: int) -> None:
        if limit < 1:
            raise ValueError("limit must be at least 1")
        self._limit = limit
        self._items: OrderedDict[K, asyncio.Future[V]] = OrderedDict()

    def __len__(self) -> int:
        return len(self._items)

    def get(self, key: K) -> asyncio.Future[V] | None:
        future = self._items.get(key)
        if future is not None:
            self._items.move_to_end(key)
        return future

    def put(self, key: K, future: asyncio.Future[V]) -> None:
        self._items[key] = future
        self._items.move_to_end(key)
        if len(self._items) > self._limit:
            self._evict()

    def futures(self) -> Iterator[asyncio.Future[V]]:
        return iter(list(self._items.values()))

    def _evict(self) -> None:
        # Oldest first; the in-flight entries skipped are few (the run's concurrency).
        excess = len(self._items) - self._limit
        finished: list[K] = []
        for key, future in self._items.items():
            if len(finished) >= excess:
                break
            if future.done():
                finished.append(key)
        for key in finished:
            del self._items[key]


class Memo(Generic[K, V]):
    """A plain bounded LRU map, for values computed synchronously."""

    def __init__(self, limit: int) -> None:
        if limit < 1:
            raise ValueError("limit must be at least 1")
        self._limit = limit
        self._items: OrderedDict[K, V] = OrderedDict()

    def __len__(self) -> int:
        return len(self._items)

    def get(self, key: K) -> V | None:
        value = self._items.get(key)
        if value is not None:
            self._items.move_to_end(key)
        return value

    def put(self, key: K, value: V) -> None:
        self._items[key] = value
        self._items.move_to_end(key)
        while len(self._items) > self._limit:
            self._items.popitem(last=False)
