"""The former httpx fetcher, kept as the reference the stream fetcher is compared with
(tests/net/test_network_world.py): the transport is httpx's; the errors, the bounded
headers, the result and the decoder are leadcheck.net.http's own, imported.

Bounded, guarded HTTP(S) fetching.

Every fetch is bounded in connect time, total time (a deadline), body size *after*
decompression, and redirects. Hostnames are resolved by the run's
:class:`~leadcheck.net.dns.Resolver` (so ``--nameserver`` covers HTTP too) and the
connection goes to the resolved address; without ``allow_private`` only public
addresses are dialled, checked at connect time for every hop of a redirect chain.

A certificate that fails verification is reported (``tls_valid=False`` with the
reason) and the page is fetched again without verification so it can still be
judged. Nothing here raises for network trouble: a :class:`FetchResult` says what
happened, with ``error_kind`` naming the failure.
"""

from __future__ import annotations

import asyncio
import ssl
import time
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from leadcheck.deadline import Deadline
from leadcheck.net.addresses import is_public, parse_ip, refusal_reason
from leadcheck.net.config import NetConfig
from leadcheck.net.dns import DnsStatus
from leadcheck.net.fetch_result import (
    REDIRECT_STATUSES,
    FetchErrorKind,
    FetchResult,
    Hop,
)
from leadcheck.net.http import (
    AddressRefusedError,
    NameNotResolvedError,
    _certificate_problem,
    _chain,
    _Decoder,
    _FetchState,
    _kept_headers,
    ssl_context,
)
from leadcheck.net.urls import join_url, split_url

if TYPE_CHECKING:
    import httpcore
    import httpx

    from leadcheck.net.interfaces import Resolver


def _guarded_backend(resolver: Resolver, config: NetConfig) -> httpcore.AsyncNetworkBackend:
    import httpcore

    class GuardedBackend(httpcore.AsyncNetworkBackend):
        """Resolves with our resolver, refuses non-public addresses, then dials the IP."""

        def __init__(self) -> None:
            self._inner = httpcore.AnyIOBackend()

        async def connect_tcp(
            self,
            host: str,
            port: int,
            timeout: float | None = None,
            local_address: str | None = None,
            socket_options: Iterable[Any] | None = None,
        ) -> httpcore.AsyncNetworkStream:
            port = config.port_map.get(port, port)
            lookup = await resolver.addresses(
                host, deadline=Deadline.after(timeout) if timeout else None
            )
            if not lookup.addresses:
                raise NameNotResolvedError(lookup)
            if not config.allow_private:
                for text in lookup.addresses:
                    address = parse_ip(text)
                    if address is None or not is_public(address):
                        reason = refusal_reason(address) if address else "not an address"
                        raise AddressRefusedError(host, text, reason)
            last_error: Exception | None = None
            for address_text in lookup.addresses:
                try:
                    return await self._inner.connect_tcp(
                        address_text,
                        port,
                        timeout=timeout,
                        local_address=local_address,
                        socket_options=socket_options,
                    )
                except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                    last_error = exc
            assert last_error is not None
            raise last_error

        async def sleep(self, seconds: float) -> None:
            await self._inner.sleep(seconds)

    return GuardedBackend()


def _client(resolver: Resolver, config: NetConfig, *, verify: bool) -> httpx.AsyncClient:
    import httpcore
    import httpx

    # Each site is fetched once per run, so idle connections are rarely reused; and
    # httpcore scans every pooled connection for every request (quadratic in pool
    # size), so keep few idle ones, briefly (benchmarks/bench_batch.py).
    limits = httpx.Limits(max_connections=200, max_keepalive_connections=8, keepalive_expiry=5)
    transport = httpx.AsyncHTTPTransport(verify=False, trust_env=False, limits=limits)
    # httpx has no hook for the network backend: give its transport our own pool.
    transport._pool = httpcore.AsyncConnectionPool(
        ssl_context=ssl_context(verify=verify),
        max_connections=limits.max_connections,
        max_keepalive_connections=limits.max_keepalive_connections,
        keepalive_expiry=limits.keepalive_expiry,
        network_backend=_guarded_backend(resolver, config),
    )
    return httpx.AsyncClient(
        transport=transport,
        trust_env=False,
        follow_redirects=False,
        headers={
            "User-Agent": config.user_agent,
            "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5",
            "Accept-Language": "en;q=0.9,*;q=0.5",
            "Accept-Encoding": "gzip, deflate",
        },
    )


class Fetcher:
    """Fetches pages for one run; share one instance across all leads of a batch.

    ``per_host`` bounds concurrent requests to the same host (politeness).
    """

    def __init__(self, config: NetConfig, resolver: Resolver, *, per_host: int = 4) -> None:
        self._config = config
        self._resolver = resolver
        self._per_host = per_host
        self._clients: dict[bool, httpx.AsyncClient] = {}
        self._host_slots: dict[str, asyncio.Semaphore] = {}

    def _client_for(self, verify: bool) -> httpx.AsyncClient:
        client = self._clients.get(verify)
        if client is None:
            client = self._clients[verify] = _client(self._resolver, self._config, verify=verify)
        return client

    def open(self) -> None:
        """Build the HTTP client now (its imports and CA bundle take a good fraction of a
        second): at the start of a run, not in the middle of a lead's deadline."""
        self._client_for(True)

    async def aclose(self) -> None:
        for client in self._clients.values():
            await client.aclose()
        self._clients.clear()

    async def fetch(
        self, url: str, *, deadline: Deadline, accept: str | None = None
    ) -> FetchResult:
        """GET ``url`` following redirects, within ``deadline``; ``accept`` replaces the
        Accept header (``application/rdap+json`` for a registry)."""
        state = _HttpxFetchState(url=url, started=time.monotonic())
        try:
            async with asyncio.timeout(deadline.remaining()):
                return await self._follow(state, deadline, accept)
        except TimeoutError:
            return state.result(
                error_kind=FetchErrorKind.TIMEOUT,
                error=f"no complete answer within the time limit ({state.where()})",
            )

    async def _follow(
        self, state: _FetchState, deadline: Deadline, accept: str | None = None
    ) -> FetchResult:
        import httpx

        current = state.url
        verify = True
        for _ in range(self._config.max_redirects + 1):
            parts = split_url(current)
            if parts is None or parts.scheme not in ("http", "https") or not parts.hostname:
                kind = FetchErrorKind.BAD_REDIRECT if state.hops else FetchErrorKind.BAD_URL
                return state.result(error_kind=kind, error=f"cannot fetch {current!r}")
            state.current = current
            host = parts.hostname
            slot = self._host_slots.setdefault(host, asyncio.Semaphore(self._per_host))
            async with slot:
                try:
                    response = await self._send(
                        current, verify=verify, deadline=deadline, accept=accept
                    )
                except httpx.ConnectError as exc:
                    cert_problem = _certificate_problem(exc)
                    if cert_problem is not None and verify:
                        state.tls_error = cert_problem
                        verify = False
                        try:
                            response = await self._send(
                                current, verify=False, deadline=deadline, accept=accept
                            )
                        except Exception as retry_exc:
                            return state.failure(retry_exc)
                    else:
                        return state.failure(exc)
                except Exception as exc:
                    return state.failure(exc)
                if parts.scheme == "https" and state.tls_error is None:
                    state.tls_seen = True
                try:
                    location = response.headers.get("location")
                    if response.status_code in REDIRECT_STATUSES and location:
                        state.hops.append(
                            Hop(url=current, status_code=response.status_code, location=location)
                        )
                        joined = join_url(current, location.strip())
                        if joined is None:
                            return state.result(
                                error_kind=FetchErrorKind.BAD_REDIRECT,
                                error=f"a malformed redirect: {location[:200]!r}",
                            )
                        current = joined
                        continue
                    body, truncated = await _read_bounded(response, self._config.max_body_bytes)
                    return state.result(
                        final_url=current,
                        status_code=response.status_code,
                        content_type=response.headers.get("content-type"),
                        headers=_kept_headers(response.headers.multi_items()),
                        body=body,
                        truncated=truncated,
                    )
                except httpx.HTTPError as exc:
                    return state.failure(exc)
                finally:
                    await response.aclose()
        return state.result(
            error_kind=FetchErrorKind.TOO_MANY_REDIRECTS,
            error=f"more than {self._config.max_redirects} redirects",
        )

    async def _send(
        self, url: str, *, verify: bool, deadline: Deadline, accept: str | None = None
    ) -> httpx.Response:
        import httpx

        client = self._client_for(verify)
        left = max(0.001, deadline.remaining())
        timeout = httpx.Timeout(left, connect=min(self._config.connect_timeout, left), pool=left)
        headers = {"Accept": accept} if accept else None
        request = client.build_request("GET", url, timeout=timeout, headers=headers)
        return await client.send(request, stream=True)


class _HttpxFetchState(_FetchState):
    """The shared progress of one fetch, its failures told apart by httpx's errors."""

    def failure(self, exc: BaseException) -> FetchResult:
        kind, message, refused = _classify(exc)
        return self.result(error_kind=kind, error=message, refused_address=refused)


def _classify(exc: BaseException) -> tuple[FetchErrorKind, str, str | None]:
    import httpx

    for item in _chain(exc):
        if isinstance(item, AddressRefusedError):
            return FetchErrorKind.REFUSED_ADDRESS, str(item), item.address
        if isinstance(item, NameNotResolvedError):
            status = item.lookup.status
            if status is DnsStatus.NXDOMAIN:
                return FetchErrorKind.NXDOMAIN, str(item), None
            if status is DnsStatus.NODATA:
                return FetchErrorKind.NO_ADDRESS, str(item), None
            return FetchErrorKind.DNS_ERROR, str(item), None
    for item in _chain(exc):
        if isinstance(item, ssl.SSLError):
            return FetchErrorKind.TLS, f"TLS handshake failed: {item.reason or item}", None
    if isinstance(exc, httpx.TimeoutException):
        return FetchErrorKind.TIMEOUT, f"timed out ({type(exc).__name__})", None
    if isinstance(exc, httpx.ConnectError):
        return FetchErrorKind.CONNECT, f"cannot connect: {exc or 'connection failed'}", None
    if isinstance(exc, httpx.RemoteProtocolError | httpx.LocalProtocolError | httpx.DecodingError):
        return FetchErrorKind.PROTOCOL, f"bad HTTP answer: {exc}", None
    if isinstance(exc, httpx.ReadError | httpx.WriteError):
        return FetchErrorKind.CONNECT, f"connection broken: {exc or type(exc).__name__}", None
    if isinstance(exc, httpx.InvalidURL | httpx.UnsupportedProtocol):
        return FetchErrorKind.BAD_URL, f"bad URL: {exc}", None
    return FetchErrorKind.PROTOCOL, f"{type(exc).__name__}: {exc}", None


async def _read_bounded(response: httpx.Response, limit: int) -> tuple[bytes, bool]:
    """The body, decompressed by us so the size bound holds after decompression."""
    encoding = response.headers.get("content-encoding", "identity").lower().strip()
    decoder = _Decoder(encoding)
    chunks: list[bytes] = []
    size = 0
    async for raw in response.aiter_raw():
        piece = decoder.feed(raw, limit - size)
        chunks.append(piece)
        size += len(piece)
        if size >= limit or decoder.overflow:
            return b"".join(chunks)[:limit], True
    return b"".join(chunks), False


__all__ = ["Fetcher"]
