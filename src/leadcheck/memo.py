"""A bounded, least-recently-used map of asyncio futures: the per-run caches.

A batch of 200,000 rows can name 50,000 websites; keeping every page and every DNS
answer for the whole run would grow memory with the file. These caches share work
between the rows that name the same domain at about the same time (exports list a
company's inquiries close together) and forget the oldest finished entries beyond
``limit``. An entry still in flight is never evicted: others may be waiting on it.

A finished value a run keeps for long (a site's probe with its page, its contacts, a
fit) can be kept *frozen*: :func:`freeze` turns it into one compressed byte string
and :func:`thaw` gives back an equal copy. One bytes object instead of hundreds of
small model objects, strings and tuples is a fifth to a tenth of the memory, and it
leaves no long-lived small objects scattered over the allocator's arenas.
"""

from __future__ import annotations

import asyncio
import pickle
import zlib
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator
from typing import Any, Generic, TypeVar, cast

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


# A pickle under this many bytes is kept as it is: compressing a row's outcome (500
# bytes) would cost 25 µs to save 150 of them, where a page's 30 KB become 3 KB.
_COMPRESS_MIN_BYTES = 1_024
_PICKLE_START = pickle.PROTO  # a pickle's first byte; a zlib stream's is never this


def freeze(value: object) -> bytes:
    """``value`` (models, tuples, strings: anything picklable) as one byte string,
    compressed when it is large enough to gain from it. Only for values this process
    made and keeps in memory: a frozen value is never written anywhere nor read from
    anywhere else, so :func:`thaw` unpickles only what :func:`freeze` pickled."""
    pickled = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    if len(pickled) < _COMPRESS_MIN_BYTES:
        return pickled
    return zlib.compress(pickled, 1)


def thaw(frozen: bytes) -> Any:
    """An equal copy of what :func:`freeze` froze."""
    if frozen[:1] == _PICKLE_START:
        return pickle.loads(frozen)  # our own bytes: see freeze
    return pickle.loads(zlib.decompress(frozen))


# A Freezer learns its dictionary from this many first values, keeping at most this
# many bytes of them (the last ones: deflate looks back 32 KB at most)
LEARN_VALUES = 16
DICTIONARY_BYTES = 16_384
_WITH_DICTIONARY = b"\x01"  # first byte of a value compressed with the dictionary


class Freezer:
    """:func:`freeze` and :func:`thaw` for many values of one kind (a memo's fits, its
    contacts, a batch's row outcomes), compressed with a dictionary learned from the
    first :data:`LEARN_VALUES` values frozen: what such values share (model and field
    names, a taxonomy's segment names, the words of their reasons) is then not stored
    again in each. A fit of about 1 KB frozen takes about 360 bytes, and compressing
    it is no slower (the primed compressor is copied, not primed again).

    A value frozen by one Freezer is thawed by that Freezer only (the dictionary lives
    in this process: a forked worker learns its own once it freezes, or goes on with
    the one it inherited, which its own thaw knows). Values frozen before the
    dictionary is learned are plain :func:`freeze` output, which :meth:`thaw` reads too.
    """

    def __init__(self, *, learn: int = LEARN_VALUES, dictionary_bytes: int = DICTIONARY_BYTES):
        if learn < 1 or dictionary_bytes < 1:
            raise ValueError("learn and dictionary_bytes must be at least 1")
        self._learn = learn
        self._dictionary_bytes = dictionary_bytes
        self._samples: list[bytes] = []
        self._dictionary: bytes | None = None
        self._compressor: Any = None  # a zlib compressor primed with the dictionary

    @property
    def dictionary(self) -> bytes | None:
        """The learned dictionary (None: still learning)."""
        return self._dictionary

    def freeze(self, value: object) -> bytes:
        pickled = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        if self._compressor is None:
            self._samples.append(pickled)
            if len(self._samples) >= self._learn:
                dictionary = b"".join(self._samples)[-self._dictionary_bytes :]
                self._compressor = zlib.compressobj(1, zdict=dictionary)
                self._dictionary = dictionary
                self._samples = []
            if len(pickled) < _COMPRESS_MIN_BYTES:
                return pickled
            return zlib.compress(pickled, 1)
        compressor = self._compressor.copy()
        packed: bytes = compressor.compress(pickled) + compressor.flush()
        return _WITH_DICTIONARY + packed

    def thaw(self, frozen: bytes) -> Any:
        if frozen[:1] != _WITH_DICTIONARY:
            return thaw(frozen)
        if self._dictionary is None:
            raise ValueError("a value frozen with a dictionary this Freezer does not have")
        decompressor = zlib.decompressobj(zdict=self._dictionary)
        pickled = decompressor.decompress(memoryview(frozen)[1:]) + decompressor.flush()
        return pickle.loads(pickled)  # our own bytes: see freeze


def frozen_size(frozen: bytes) -> int:
    """About how many bytes a frozen value holds in a memo: the bytes, and the entry
    around it (the bytes object's header, the map's node, the key, its weight)."""
    return len(frozen) + 300


_MISSING = object()


class FutureMemo(Generic[K, V]):
    """``key -> Future[V]``: at most ``limit`` entries and ``max_weight`` total weight.

    ``keep(key, value)`` decides whether a finished value is remembered at all (a value
    it refuses is shared only while in flight). ``weigh`` gives a finished value's weight (e.g. the
    characters of a page it holds; of its packed form with ``weigh_packed``);
    without it only the count is bounded. ``pack`` / ``unpack`` store a finished value
    in a compact form (a tuple instead of a model object) and rebuild it on a hit.
    Limits are met by forgetting the least recently used finished entries; entries in
    flight are never forgotten.
    """

    def __init__(
        self,
        limit: int,
        *,
        weigh: Callable[[V], int] | None = None,
        max_weight: int | None = None,
        pack: Callable[[V], object] | None = None,
        unpack: Callable[[Any], V] | None = None,
        keep: Callable[[K, V], bool] | None = None,
        weigh_packed: bool = False,
    ) -> None:
        if limit < 1:
            raise ValueError("limit must be at least 1")
        if (pack is None) != (unpack is None):
            raise ValueError("give both pack and unpack, or neither")
        self._limit = limit
        self._pack = pack
        self._unpack = unpack
        self._weigh = weigh
        self._keep = keep
        self._weigh_packed = weigh_packed
        self._max_weight = max_weight
        # key -> its future while in flight, then its (packed) value itself: a value is
        # never a Future, and a wrapper around each would cost 48 bytes an entry
        self._items: OrderedDict[K, object] = OrderedDict()
        self._weights: dict[K, int] = {}
        self.weight = 0  # total weight of the finished entries held

    def __len__(self) -> int:
        return len(self._items)

    def get(self, key: K) -> asyncio.Future[V] | None:
        entry = self._items.get(key, _MISSING)
        if entry is _MISSING:
            return None
        self._items.move_to_end(key)
        if isinstance(entry, asyncio.Future):
            return entry
        future: asyncio.Future[V] = asyncio.get_running_loop().create_future()
        value = entry if self._unpack is None else self._unpack(entry)
        future.set_result(cast("V", value))
        return future

    def finished(self, key: K) -> V | None:
        """The finished value of ``key``, if it has one (None: unknown, or in flight):
        a cache hit without a future to make and await."""
        entry = self._items.get(key, _MISSING)
        if entry is _MISSING or isinstance(entry, asyncio.Future):
            return None
        self._items.move_to_end(key)
        value = entry if self._unpack is None else self._unpack(entry)
        return cast("V", value)

    def holds(self, key: K) -> bool:
        """Whether ``key`` has a finished value (without rebuilding it, nor counting as a use)."""
        entry = self._items.get(key, _MISSING)
        return entry is not _MISSING and not isinstance(entry, asyncio.Future)

    def put(self, key: K, future: asyncio.Future[V]) -> None:
        self._forget(key)
        self._items[key] = future
        future.add_done_callback(lambda done: self._finished(key, done))
        self._shrink()

    def futures(self) -> Iterator[asyncio.Future[V]]:
        """The entries still in flight."""
        return iter([entry for entry in self._items.values() if isinstance(entry, asyncio.Future)])

    def _finished(self, key: K, future: asyncio.Future[V]) -> None:
        if self._items.get(key) is not future:
            return
        if future.cancelled() or future.exception() is not None:
            del self._items[key]  # a failed computation is not remembered
            return
        # Keep the bare value: a finished Task holds far more than its result.
        value = future.result()
        if self._keep is not None and not self._keep(key, value):
            del self._items[key]
            return
        stored = value if self._pack is None else self._pack(value)
        self._items[key] = stored
        if self._weigh is not None:
            weight = self._weigh(cast("V", stored) if self._weigh_packed else value)
            self._weights[key] = weight
            self.weight += weight
        self._shrink()

    def _over(self, count: int, weight: int) -> bool:
        return count > self._limit or (self._max_weight is not None and weight > self._max_weight)

    def _shrink(self) -> None:
        count, weight = len(self._items), self.weight
        if not self._over(count, weight):
            return
        # Oldest first; the in-flight entries skipped are few (the run's concurrency).
        evict: list[K] = []
        for key, entry in self._items.items():
            if not self._over(count, weight):
                break
            if not isinstance(entry, asyncio.Future):
                evict.append(key)
                count -= 1
                weight -= self._weights.get(key, 0)
        for key in evict:
            self._forget(key)

    def _forget(self, key: K) -> None:
        if self._items.pop(key, _MISSING) is not _MISSING:
            self.weight -= self._weights.pop(key, 0)


class Memo(Generic[K, V]):
    """A plain bounded LRU map, for values computed synchronously; with ``pack`` and
    ``unpack`` (e.g. :func:`freeze` and :func:`thaw`), values are kept packed and
    rebuilt on each hit."""

    def __init__(
        self,
        limit: int,
        *,
        pack: Callable[[V], object] | None = None,
        unpack: Callable[[Any], V] | None = None,
    ) -> None:
        if limit < 1:
            raise ValueError("limit must be at least 1")
        if (pack is None) != (unpack is None):
            raise ValueError("give both pack and unpack, or neither")
        self._limit = limit
        self._pack = pack
        self._unpack = unpack
        self._items: OrderedDict[K, object] = OrderedDict()

    def __len__(self) -> int:
        return len(self._items)

    def clear(self) -> None:
        self._items.clear()

    def get(self, key: K) -> V | None:
        value = self._items.get(key)
        if value is None:
            return None
        self._items.move_to_end(key)
        return cast("V", value) if self._unpack is None else self._unpack(value)

    def put(self, key: K, value: V) -> None:
        self._items[key] = value if self._pack is None else self._pack(value)
        self._items.move_to_end(key)
        while len(self._items) > self._limit:
            self._items.popitem(last=False)
