"""The URL policy of article fetching: http(s) only, no credentials, no obscured numeric hosts,
and every address a host resolves to must be public (or explicitly allowed, for tests). Checked
on every hop by tracker/fetch.py, which then connects to the very address that was checked."""

from __future__ import annotations

import ipaddress
import re
import socket
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tracker.errors import FetchError, UnsafeURL

if TYPE_CHECKING:
    import httpx

__all__ = [
    "MAX_URL_LENGTH",
    "Resolve",
    "Target",
    "default_resolve",
    "is_public",
    "parse_url",
    "vet",
]

Resolve = Callable[[str, int], Sequence[str]]
IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
MAX_URL_LENGTH = 2048
_HOSTNAME = re.compile(r"^(?=.{1,253}$)[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?(?:\.[a-z0-9_-]+)*\.?$")
_NUMERIC_HOST = re.compile(r"^[0-9a-fx.]+$")


@dataclass(frozen=True, slots=True)
class Target:
    """A checked hop: the URL as given and the vetted address to connect to."""

    url: httpx.URL
    address: str


def default_resolve(host: str, port: int) -> list[str]:
    """Every address `host` resolves to (system resolver)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as err:
        raise FetchError(f"cannot resolve host {host!r}") from err
    return [str(info[4][0]).split("%", 1)[0] for info in infos]


# Special-purpose blocks that `ipaddress` may still call global: IETF protocol assignments.
_REFUSED = (ipaddress.ip_network("192.0.0.0/24"),)


def is_public(ip: IPAddress) -> bool:
    """True when `ip` is a globally routable unicast address (embedded IPv4 checked too)."""
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:  # the socket really talks to the IPv4 address
            return is_public(ip.ipv4_mapped)
        embedded = ip.sixtofour or (ip.teredo[1] if ip.teredo else None)
        if embedded is not None and not is_public(embedded):
            return False
    bad = (
        ip.is_private,
        ip.is_loopback,
        ip.is_link_local,
        ip.is_multicast,
        ip.is_reserved,
        ip.is_unspecified,
    )
    refused = any(ip in net for net in _REFUSED if net.version == ip.version)
    return ip.is_global and not any(bad) and not refused


def parse_url(raw: str) -> httpx.URL:
    """Parse a URL and apply the static part of the policy (scheme, credentials, host form)."""
    import httpx

    if len(raw) > MAX_URL_LENGTH:
        raise UnsafeURL(f"URL is longer than {MAX_URL_LENGTH} characters")
    try:
        url = httpx.URL(raw.strip())
    except (httpx.InvalidURL, UnicodeError, ValueError) as err:
        raise UnsafeURL(f"not a valid URL: {raw[:80]!r}") from err
    if url.scheme not in ("http", "https"):
        raise UnsafeURL(f"only http and https URLs can be fetched, not {url.scheme or 'this'!r}")
    if url.userinfo:
        raise UnsafeURL("URLs with a user name or password are refused")
    if url.port is not None and not 0 < url.port < 65536:
        raise UnsafeURL(f"port {url.port} is out of range")
    _check_host_form(url.raw_host.decode("ascii", "replace").lower())
    return url


def _check_host_form(host: str) -> None:
    """Refuse empty hosts, odd characters and numeric hosts other than canonical IP literals."""
    if not host:
        raise UnsafeURL("the URL has no host")
    if ":" in host:  # IPv6 literal; httpx has validated it
        return
    if _NUMERIC_HOST.match(host) and _obscured_ipv4(host):
        raise UnsafeURL(f"numeric host {host!r} is not a plain dotted IPv4 address")
    if not _HOSTNAME.match(host):
        raise UnsafeURL(f"not a valid host name: {host!r}")


def _obscured_ipv4(host: str) -> bool:
    """True for "2130706433", "0x7f.1", "0177.0.0.1": resolvers read them as IPv4 addresses."""
    try:
        socket.inet_aton(host)
    except OSError:
        return False
    try:
        return str(ipaddress.IPv4Address(host)) != host
    except ValueError:
        return True


def vet(url: httpx.URL, *, resolve: Resolve, allow: Collection[str]) -> Target:
    """Resolve the host and return a target whose every address is public (or allowed)."""
    host = url.raw_host.decode("ascii").lower()
    port = url.port or (443 if url.scheme == "https" else 80)
    try:
        literal: IPAddress | None = ipaddress.ip_address(host)
    except ValueError:
        literal = None
    addresses = [str(literal)] if literal else list(resolve(host, port))
    if not addresses:
        raise FetchError(f"cannot resolve host {host!r}")
    for text in addresses:
        ip = ipaddress.ip_address(text)
        if str(ip) not in allow and not is_public(ip):
            raise UnsafeURL(f"{host} points to a private or reserved network address ({ip})")
    return Target(url=url, address=addresses[0])
