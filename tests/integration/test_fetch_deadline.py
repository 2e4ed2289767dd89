"""One deadline for a whole fetch (issue 14, item 5): a server trickling its body, or a
chain of slow redirects, cannot keep a fetch alive; 192.0.0.0/24 is refused."""

from __future__ import annotations

import ipaddress
from collections.abc import Iterator
from datetime import UTC, datetime

import httpx
import pytest

from tracker.errors import FetchError
from tracker.fetch import fetch_article
from tracker.fetch.policy import is_public

NOW = datetime(2026, 11, 27, 6, 0, tzinfo=UTC)
PAGE = b"<html><body><article><p>" + b"The city will build a bridge. " * 20 + b"</p></article>"


class Stopwatch:
    """A fake monotonic clock that the fake server moves forward."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def resolve(host: str, port: int) -> list[str]:
    return ["93.184.216.34"]


class Trickle(httpx.SyncByteStream):
    """A body sent one byte every 9 seconds (each read within the 10 s read timeout)."""

    def __init__(self, clock: Stopwatch) -> None:
        self.clock = clock

    def __iter__(self) -> Iterator[bytes]:
        for byte in PAGE:
            self.clock.now += 9
            yield bytes([byte])


def test_a_trickling_body_hits_the_deadline() -> None:
    clock = Stopwatch()

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers={"Content-Type": "text/html"}, stream=Trickle(clock))

    with pytest.raises(FetchError, match="longer than 30 s"):
        fetch_article("http://slow.example/a", now=NOW, transport=httpx.MockTransport(handler),
                      resolve=resolve, clock=clock)  # fmt: skip
    assert clock.now <= 30 + 9


def test_slow_redirects_count_against_the_same_deadline() -> None:
    clock = Stopwatch()

    def handler(request: httpx.Request) -> httpx.Response:
        clock.now += 8
        if request.url.path == "/a":
            return httpx.Response(200, headers={"Content-Type": "text/html"}, content=PAGE)
        return httpx.Response(302, headers={"Location": request.url.path + "x"})

    with pytest.raises(FetchError, match="longer than 20 s"):
        fetch_article("http://slow.example/", now=NOW, transport=httpx.MockTransport(handler),
                      resolve=resolve, clock=clock, deadline=20)  # fmt: skip


def test_each_request_gets_no_more_than_the_time_left() -> None:
    clock = Stopwatch()
    seen: list[dict[str, float]] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.extensions["timeout"])
        clock.now += 25 if len(seen) == 1 else 1
        if len(seen) == 1:
            return httpx.Response(302, headers={"Location": "/next"})
        return httpx.Response(200, headers={"Content-Type": "text/html"}, content=PAGE)

    fetch_article("http://slow.example/", now=NOW, transport=httpx.MockTransport(handler),
                  resolve=resolve, clock=clock)  # fmt: skip
    assert seen[0]["read"] == 10.0 and seen[1]["read"] == 5.0


@pytest.mark.parametrize("address", ["192.0.0.1", "192.0.0.9", "192.0.0.10", "192.0.0.255"])
def test_ietf_protocol_assignments_are_refused(address: str) -> None:
    assert not is_public(ipaddress.ip_address(address))
    assert not is_public(ipaddress.ip_address(f"::ffff:{address}"))
