"""Safe article fetching: bounded HTTP and trafilatura, under the URL policy of
tracker/fetch/policy.py (no private networks, ever).

Every hop, the first request and each redirect, is checked before it is made: http(s) only, no
credentials, no obscured numeric hosts, and every address the host resolves to must be public.
The request then goes to the address that was checked, so DNS cannot change its answer in between.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import TYPE_CHECKING

from tracker.domain import Article, PublishedBasis
from tracker.errors import FetchError, InvalidInput
from tracker.extract.boilerplate import has_sentence
from tracker.extract.budget import Deadline
from tracker.fetch.policy import Resolve, Target, default_resolve, parse_url, vet

if TYPE_CHECKING:
    import httpx

logger = logging.getLogger(__name__)


NO_ARTICLE = "no article text found on the page (not one sentence of five words or more)"
MAX_REDIRECTS = 5
FETCH_DEADLINE = 30.0  # seconds for the whole fetch
USER_AGENT = "commitment-tracker/0.1 (+https://github.com/; article fetcher)"
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_CONTENT_TYPES = frozenset({"text/html", "application/xhtml+xml", "text/plain"})


def _request(
    client: httpx.Client, target: Target, *, extra: Mapping[str, str] | None = None
) -> httpx.Request:
    """A GET to the vetted address, carrying the original host name for HTTP and TLS."""
    url = target.url
    headers = {**(extra or {}), "Host": url.netloc.decode("ascii"), "User-Agent": USER_AGENT}
    extensions = {"sni_hostname": url.raw_host.decode("ascii")} if url.scheme == "https" else {}
    pinned = url.copy_with(host=target.address)
    return client.build_request("GET", pinned, headers=headers, extensions=extensions)


def _fetch_too_slow(seconds: float) -> FetchError:
    return FetchError(f"the page took longer than {seconds:g} s to fetch")


def _read_capped(response: httpx.Response, *, max_bytes: int, deadline: Deadline) -> bytes:
    """The body, refusing to read past `max_bytes` or past the deadline."""
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise FetchError(f"the page is larger than {max_bytes:,} bytes")
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        deadline.left()
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(f"the page is larger than {max_bytes:,} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def _content_type(response: httpx.Response, media_types: Collection[str]) -> str:
    """The media type, refusing anything not in `media_types` (HTML or plain text)."""
    header = str(response.headers.get("content-type", "text/html"))
    media = header.split(";", 1)[0].strip().lower()
    if media not in media_types:
        what = "an HTML or text page" if "text/html" in media_types else "a feed"
        raise FetchError(f"not {what} (content type {media!r})")
    return media


@dataclass(frozen=True, slots=True)
class Page:
    """A fetched body (empty with status 304: not modified since the validators given)."""

    url: str
    media: str
    body: bytes
    encoding: str | None
    status: int = 200
    etag: str | None = None
    last_modified: str | None = None


def _get(
    client: httpx.Client,
    url: httpx.URL,
    *,
    resolve: Resolve,
    allow: Collection[str],
    max_bytes: int,
    headers: Mapping[str, str] | None = None,
    media_types: Collection[str] = _CONTENT_TYPES,
    deadline: Deadline,
) -> Page:
    """Follow up to MAX_REDIRECTS redirects by hand, vetting every hop, and read the body."""
    for _hop in range(MAX_REDIRECTS + 1):
        target = vet(url, resolve=resolve, allow=allow)
        request = _request(client, target, extra=headers)
        left = deadline.left()
        request.extensions["timeout"] = {
            name: min(value, left) if value is not None else left
            for name, value in request.extensions.get("timeout", {}).items()
        }
        response = client.send(request, stream=True)
        try:
            location = response.headers.get("location")
            if response.status_code in _REDIRECTS and location:
                url = parse_url(str(url.join(location)))
                continue
            if response.status_code >= 400:
                reason = response.reason_phrase
                raise FetchError(f"the server answered {response.status_code} {reason}".strip())
            if response.status_code == 304:
                return Page(url=str(url), media="", body=b"", encoding=None, status=304)
            media = _content_type(response, media_types)
            body = _read_capped(response, max_bytes=max_bytes, deadline=deadline)
            return Page(
                url=str(url), media=media, body=body, encoding=response.charset_encoding,
                etag=response.headers.get("etag"),
                last_modified=response.headers.get("last-modified"),
            )  # fmt: skip
        finally:
            response.close()
    raise FetchError(f"more than {MAX_REDIRECTS} redirects")


def fetch_article(
    url: str,
    *,
    now: datetime,
    timeout: float = 10.0,
    max_bytes: int = 5_000_000,
    transport: httpx.BaseTransport | None = None,
    resolve: Resolve | None = None,
    allow_private: Collection[str] = (),
    deadline: float = FETCH_DEADLINE,
    clock: Callable[[], float] = time.monotonic,
) -> Article:
    """Fetch a news page safely and return its text, title and publication date. `timeout`
    bounds each read; `deadline` the whole fetch, redirects included (`clock`: a stopwatch).

    `allow_private` is a test-only seam: addresses exempt from the private-network check.
    """
    page = fetch_page(
        url, timeout=timeout, max_bytes=max_bytes, transport=transport, resolve=resolve,
        allow_private=allow_private, deadline=deadline, clock=clock,
    )  # fmt: skip
    article = _article(page, ref=now.date())
    if article.published is None:
        return replace(article, published=now.date(), published_basis=PublishedBasis.FETCHED)
    return article


def fetch_page(
    url: str,
    *,
    timeout: float = 10.0,
    max_bytes: int = 5_000_000,
    transport: httpx.BaseTransport | None = None,
    resolve: Resolve | None = None,
    allow_private: Collection[str] = (),
    headers: Mapping[str, str] | None = None,
    media_types: Collection[str] = _CONTENT_TYPES,
    deadline: float = FETCH_DEADLINE,
    clock: Callable[[], float] = time.monotonic,
) -> Page:
    """GET `url` under the URL policy and limits; `headers` may carry conditional validators;
    `deadline` bounds the whole fetch, redirects included (`clock`: a stopwatch)."""
    import httpx

    parsed = parse_url(url)
    timeouts = httpx.Timeout(timeout, connect=min(timeout, 5.0))
    # trust_env=False: no proxy from the environment and no .netrc credentials
    client = httpx.Client(
        transport=transport, timeout=timeouts, follow_redirects=False, trust_env=False
    )
    with client:
        try:
            page = _get(
                client,
                parsed,
                resolve=resolve or default_resolve,
                allow=frozenset(allow_private),
                max_bytes=max_bytes,
                headers=headers,
                media_types=media_types,
                deadline=Deadline(deadline, clock=clock, fail=_fetch_too_slow),
            )
        except httpx.TimeoutException as err:
            raise FetchError(f"timed out fetching {parsed.host}") from err
        except httpx.HTTPError as err:
            raise FetchError(f"could not fetch {parsed.host}: {type(err).__name__}") from err
    return page


def _article(page: Page, *, ref: date) -> Article:
    if page.media == "text/plain":
        try:
            text = page.body.decode(page.encoding or "utf-8")
        except (UnicodeDecodeError, LookupError) as err:
            raise FetchError("the page is not valid text in its declared encoding") from err
        if not has_sentence(text):
            raise InvalidInput(NO_ARTICLE)
        return article_from_text(text, url=page.url, ref=ref)
    return article_from_html(page.body, url=page.url, ref=ref)


def article_from_text(text: str, *, url: str | None = None, ref: date | None = None) -> Article:
    """An Article from plain text, dated by its byline or dateline when it has one.

    `ref` (the fetch date) supplies the year of a yearless dateline.
    """
    from tracker.extract.published import find_published

    if not text.strip():
        raise InvalidInput("the page has no text")
    found = find_published(text, ref=ref)
    basis = PublishedBasis.TEXT if found else PublishedBasis.UNKNOWN
    return Article(text=text, url=url, published=found, published_basis=basis)


def article_from_html(html: str | bytes, *, url: str | None, ref: date | None = None) -> Article:
    """Main text, title and date of an HTML page (byline date first, then metadata)."""
    import trafilatura

    doc = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not has_sentence(text):
        raise InvalidInput(NO_ARTICLE)
    article = replace(
        article_from_text(text, url=url, ref=ref),
        title=getattr(doc, "title", None),
        publisher=getattr(doc, "sitename", None),
    )
    meta = _iso_date(getattr(doc, "date", None))
    if meta is None:
        return article
    if article.published is None or _foot_date_contradicted(article, meta, ref=ref):
        return replace(article, published=meta, published_basis=PublishedBasis.METADATA)
    return article


def _foot_date_contradicted(article: Article, meta: date, *, ref: date | None) -> bool:
    """A date from the foot of the text (not a byline) that the metadata puts over a day
    away: some other date, such as an event's."""
    from tracker.extract.published import find_published

    found = article.published
    if found is None or abs((found - meta).days) <= 1:
        return False
    return find_published(article.text, ref=ref, tail=False) != found


def _iso_date(value: object) -> date | None:
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
