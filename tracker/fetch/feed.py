"""Feeds: RSS and Atom (feedparser) and JSON Feed, fetched under the same URL policy and limits
as articles, with conditional GET (ETag, Last-Modified)."""

from __future__ import annotations

import json
import re
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime
from html import unescape
from typing import TYPE_CHECKING, Any

from tracker.errors import FetchError
from tracker.fetch.page import fetch_page
from tracker.fetch.policy import Resolve

if TYPE_CHECKING:
    import httpx

__all__ = ["Entry", "FeedPage", "fetch_feed", "parse_feed"]

FEED_TYPES = frozenset(
    {"application/rss+xml", "application/atom+xml", "application/xml", "text/xml",
     "application/feed+json", "application/json", "text/plain", "text/html"}
)  # fmt: skip
MAX_ENTRIES = 50
_TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True, slots=True)
class Entry:
    """One article of a feed: a stable key (its id, else its link), title, text and date."""

    key: str
    url: str | None
    title: str | None
    text: str
    published: date | None


@dataclass(frozen=True, slots=True)
class FeedPage:
    """A fetched feed; `modified` is False on 304 Not Modified (then `entries` is empty)."""

    modified: bool
    entries: tuple[Entry, ...] = ()
    etag: str | None = None
    last_modified: str | None = None


def fetch_feed(
    url: str,
    *,
    etag: str | None = None,
    last_modified: str | None = None,
    timeout: float = 10.0,
    max_bytes: int = 5_000_000,
    transport: httpx.BaseTransport | None = None,
    resolve: Resolve | None = None,
    allow_private: Collection[str] = (),
) -> FeedPage:
    """GET a feed (conditionally when validators are given) and read its entries."""
    headers = {"If-None-Match": etag} if etag else {}
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    page = fetch_page(
        url, timeout=timeout, max_bytes=max_bytes, transport=transport, resolve=resolve,
        allow_private=allow_private, headers=headers, media_types=FEED_TYPES,
    )  # fmt: skip
    if page.status == 304:
        return FeedPage(modified=False, etag=etag, last_modified=last_modified)
    entries = parse_feed(page.body)
    return FeedPage(True, entries, etag=page.etag, last_modified=page.last_modified)


def parse_feed(body: bytes) -> tuple[Entry, ...]:
    """The entries of an RSS, Atom or JSON Feed document, newest MAX_ENTRIES first."""
    if body.lstrip()[:1] == b"{":
        return _json_feed(body)
    import feedparser

    parsed = feedparser.parse(body)
    if parsed.bozo and not parsed.entries:
        raise FetchError("not a readable RSS, Atom or JSON feed")
    found = (_xml_entry(e) for e in parsed.entries[:MAX_ENTRIES])
    return tuple(e for e in found if e is not None)


def _xml_entry(raw: Any) -> Entry | None:
    content = raw.get("content") or []
    html = content[0].get("value", "") if content else raw.get("summary", "")
    stamp = raw.get("published_parsed") or raw.get("updated_parsed")
    day = date(*stamp[:3]) if stamp else None
    return _entry(raw.get("id") or raw.get("link"), raw.get("link"), raw.get("title"), html, day)


def _json_feed(body: bytes) -> tuple[Entry, ...]:
    try:
        doc = json.loads(body)
        items = doc["items"]
    except (ValueError, KeyError, TypeError) as err:
        raise FetchError("not a readable RSS, Atom or JSON feed") from err
    found = (_json_entry(i) for i in items[:MAX_ENTRIES] if isinstance(i, dict))
    return tuple(e for e in found if e is not None)


def _json_entry(raw: dict[str, Any]) -> Entry | None:
    html = raw.get("content_text") or raw.get("content_html") or raw.get("summary") or ""
    stamp = str(raw.get("date_published") or "")
    try:
        day = datetime.fromisoformat(stamp.replace("Z", "+00:00")).date() if stamp else None
    except ValueError:
        day = None
    key = raw.get("id") or raw.get("url")
    return _entry(str(key) if key else None, raw.get("url"), raw.get("title"), html, day)


def _entry(
    key: str | None, url: str | None, title: str | None, html: str, day: date | None
) -> Entry | None:
    text = unescape(_TAG.sub(" ", html))
    text = re.sub(r"[ \t]+", " ", text).strip()
    if not key or not text:
        return None
    body = f"{title.strip()}\n{text}" if title else text
    return Entry(key=key[:500], url=url, title=title, text=body, published=day)
