"""Network health probes (leadcheck.net.health) over the in-memory network."""

from __future__ import annotations

import asyncio

from leadcheck.deadline import Deadline
from leadcheck.net.health import ROOT_TRIES, DnsVerdict, NetworkHealth
from tests.fakes import KNOWN_GOOD_HOSTS, FakeFetcher, FakeResolver


def health(
    resolver: FakeResolver, fetcher: FakeFetcher | None = None, **kw: float
) -> NetworkHealth:
    return NetworkHealth(
        resolver, fetcher or FakeFetcher(), known_good_hosts=KNOWN_GOOD_HOSTS, **kw
    )


def dns(resolver: FakeResolver, *tlds: str | None) -> list[DnsVerdict | None]:
    async def go() -> list[DnsVerdict | None]:
        probes = health(resolver)
        answers = [await probes.dns(tld, deadline=Deadline.after(2)) for tld in tlds]
        return [answer.verdict if answer is not None else None for answer in answers]

    return asyncio.run(go())


def test_an_honest_resolver_is_trusted() -> None:
    assert dns(FakeResolver(), "de", "com", None) == [DnsVerdict.TRUSTED] * 3


def test_a_resolver_that_denies_everything_lies() -> None:
    assert dns(FakeResolver(deny_all=True), "de") == [DnsVerdict.LYING]


def test_denying_the_tld_or_every_known_good_name_is_lying() -> None:
    assert dns(FakeResolver(denied={"de"}), "de", "com") == [DnsVerdict.LYING, DnsVerdict.TRUSTED]
    assert dns(FakeResolver(denied=set(KNOWN_GOOD_HOSTS)), "com") == [DnsVerdict.LYING]
    # one known-good host missing is not enough to call the resolver a liar
    assert dns(FakeResolver(denied={KNOWN_GOOD_HOSTS[0]}), "com") == [DnsVerdict.TRUSTED]


def test_a_tld_that_does_not_exist_is_not_held_against_the_resolver() -> None:
    # acme.con really does not exist: .con is no TLD
    assert dns(FakeResolver(denied={"con"}), "con") == [DnsVerdict.TRUSTED]


def test_a_resolver_that_cannot_answer_the_root_is_silent() -> None:
    resolver = FakeResolver(errors={("", "SOA"): "SERVFAIL"})
    assert dns(resolver, "de") == [DnsVerdict.SILENT]


def test_the_landmarks_are_asked_once_per_run() -> None:
    resolver = FakeResolver()
    dns(resolver, "de", "de", "com", "com", "de")
    assert resolver.asked[("", "SOA")] == 1
    assert resolver.asked[("de", "SOA")] == 1
    assert resolver.asked[("com", "SOA")] == 1
    assert resolver.asked[(KNOWN_GOOD_HOSTS[0], "A")] == 1


def test_a_slow_probe_is_waited_for_only_as_long_as_the_lead_may() -> None:
    resolver = FakeResolver(delays={"": 0.5})

    async def go() -> tuple[object, object]:
        probes = health(resolver)
        first = await probes.dns("de", deadline=Deadline.after(0.05))
        await asyncio.sleep(0.6)  # the probe went on for the next lead
        second = await probes.dns("de", deadline=Deadline.after(0.05))
        return first, second

    first, second = asyncio.run(go())
    assert first is None
    assert second is not None


def test_settle_judges_the_resolver_before_any_lead() -> None:
    resolver = FakeResolver(errors={("", "SOA"): "timeout"}, delays={"": 0.2})

    async def go() -> tuple[object, object, object]:
        probes = health(resolver)
        settled = await probes.settle()
        # A lead whose own time is up still gets the verdict: nothing left to wait for.
        late = await probes.dns("de", deadline=Deadline.after(0))
        again = await probes.dns("fr", deadline=Deadline.after(0))
        return settled, late, again

    settled, late, again = asyncio.run(go())
    assert settled is not None
    assert settled.verdict is DnsVerdict.SILENT
    assert late == settled
    assert again == settled
    assert resolver.asked[("", "SOA")] == ROOT_TRIES  # asked again while time was left
    assert resolver.asked[("de", "SOA")] == 0  # a silent resolver is not asked again


def test_silent_within_a_short_time_is_asked_again_by_the_next_lead() -> None:
    # The root answers in 0.3 s: too slow for a lead that gave the probe 0.1 s, so that
    # lead hears "silent"; the verdict is not kept for the run: the next lead asks again.
    resolver = FakeResolver(delays={"": 0.3})

    async def go() -> tuple[object, object]:
        probes = health(resolver)
        probes.start(within=0.1)
        first = await probes.dns("de", deadline=Deadline.after(0.2))  # while it asks
        probes.start(within=1.0)
        second = await probes.dns("de", deadline=Deadline.after(1.0))
        return first, second

    first, second = asyncio.run(go())
    assert first is not None
    assert first.verdict is DnsVerdict.SILENT
    assert second is not None
    assert second.verdict is DnsVerdict.TRUSTED
    assert resolver.asked[("", "SOA")] == 2


def test_one_lost_answer_from_the_root_is_not_a_silent_resolver() -> None:
    resolver = FakeResolver()
    resolver.lost[("", "SOA")] = 1

    async def go() -> object:
        return await health(resolver).settle()

    settled = asyncio.run(go())
    assert settled is not None
    assert settled.verdict is DnsVerdict.TRUSTED
    assert resolver.asked[("", "SOA")] == 2


def test_a_short_silent_verdict_is_not_given_to_a_lead_with_time_to_spare() -> None:
    # One lead gave the probe 0.1 s and heard "silent" (the root answers in 0.3 s); a
    # lead checked beside it with seconds to spare asks again rather than believe it.
    resolver = FakeResolver(delays={"": 0.3})

    async def go() -> tuple[object, object]:
        probes = health(resolver)
        probes.start(within=0.1)
        short = await probes.dns("de", deadline=Deadline.after(0.2))
        patient = await probes.dns("de", deadline=Deadline.after(3))
        return short, patient

    short, patient = asyncio.run(go())
    assert short is not None
    assert short.verdict is DnsVerdict.SILENT
    assert patient is not None
    assert patient.verdict is DnsVerdict.TRUSTED


def test_a_trusted_resolver_is_still_asked_about_the_tld() -> None:
    async def go() -> tuple[object, object]:
        probes = health(FakeResolver(denied={"de"}))
        return await probes.settle(), await probes.dns("de", deadline=Deadline.after(1))

    settled, tld = asyncio.run(go())
    assert settled is not None
    assert settled.verdict is DnsVerdict.TRUSTED
    assert tld is not None
    assert tld.verdict is DnsVerdict.LYING


def connections(fetcher: FakeFetcher, **kw: float) -> list[bool | None]:
    async def go() -> list[bool | None]:
        probes = health(FakeResolver(), fetcher, **kw)
        out = []
        for _ in range(2):
            answer = await probes.connections(deadline=Deadline.after(2))
            out.append(answer.works if answer is not None else None)
            await asyncio.sleep(0.02)
        return out

    return asyncio.run(go())


def test_connections_work_when_a_known_good_host_answers() -> None:
    fetcher = FakeFetcher()
    assert connections(fetcher) == [True, True]
    assert sum(fetcher.fetched.values()) == len(KNOWN_GOOD_HOSTS)  # asked once


def test_a_network_that_refuses_everything_is_broken() -> None:
    assert connections(FakeFetcher(refuse_all=True)) == [False, False]


def test_a_good_connection_verdict_expires_in_a_long_run() -> None:
    fetcher = FakeFetcher()
    assert connections(fetcher, connect_ttl=0.01) == [True, True]
    assert sum(fetcher.fetched.values()) == 2 * len(KNOWN_GOOD_HOSTS)
