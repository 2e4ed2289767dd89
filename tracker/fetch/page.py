"""Safe article fetching: bounded HTTP and trafilatura, under the URL policy of
tracker/url_policy.py (no private networks, ever).

Every hop, the first request and each redirect, is checked before it is made: http(s) only, no
credentials, no obscured numeric hosts, and every address the host resolves to must be public.
The request then goes to the address that was checked, so DNS cannot change its answer in between.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Collection
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import TYPE_CHECKING

from tracker.domain import Article, PublishedBasis
from tracker.errors import FetchError, InvalidInput
from tracker.extract.boilerplate import has_sentence
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


def _request(client: httpx.Client, target: Target) -> httpx.Request:
    """A GET to the vetted address, carrying the original host name for HTTP and TLS."""
    url = target.url
    headers = {"Host": url.netloc.decode("ascii"), "User-Agent": USER_AGENT}
    extensions = {"sni_hostname": url.raw_host.decode("ascii")} if url.scheme == "https" else {}
    pinned = url.copy_with(host=target.address)
    return client.build_request("GET", pinned, headers=headers, extensions=extensions)


class _Deadline:
    """One time limit for a whole fetch, redirects and slow bodies included."""

    def __init__(self, seconds: float, clock: Callable[[], float]) -> None:
        self.seconds, self.clock = seconds, clock
        self.ends = clock() + seconds

    def left(self) -> float:
        """Seconds left; FetchError once none are."""
        left = self.ends - self.clock()
        if left <= 0:
            raise FetchError(f"the page took longer than {self.seconds:g} s to fetch")
        return left


def _read_capped(response: httpx.Response, *, max_bytes: int, deadline: _Deadline) -> bytes:
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


def _content_type(response: httpx.Response) -> str:
    """The media type, refusing anything that is not HTML or plain text."""
    header = str(response.headers.get("content-type", "text/html"))
    media = header.split(";", 1)[0].strip().lower()
    if media not in _CONTENT_TYPES:
        raise FetchError(f"not an HTML or text page (content type {media!r})")
    return media


@dataclass(frozen=True, slots=True)
class _Page:
    url: str
    media: str
    body: bytes
    encoding: str | None


def _get(
    client: httpx.Client,
    url: httpx.URL,
    *,
    resolve: Resolve,
    allow: Collection[str],
    max_bytes: int,
    deadline: _Deadline,
) -> _Page:
    """Follow up to MAX_REDIRECTS redirects by hand, vetting every hop, and read the body."""
    for _hop in range(MAX_REDIRECTS + 1):
        target = vet(url, resolve=resolve, allow=allow)
        request = _request(client, target)
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
            media = _content_type(response)
            body = _read_capped(response, max_bytes=max_bytes, deadline=deadline)
            return _Page(url=str(url), media=media, body=body, encoding=response.charset_encoding)
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
                deadline=_Deadline(deadline, clock),
            )
        except httpx.TimeoutException as err:
            raise FetchError(f"timed out fetching {parsed.host}") from err
        except httpx.HTTPError as err:
            raise FetchError(f"could not fetch {parsed.host}: {type(err).__name__}") from err
    article = _article(page, ref=now.date())
    if article.published is None:
        return replace(article, published=now.date(), published_basis=PublishedBasis.FETCHED)
    return article


def _article(page: _Page, *, ref: date) -> Article:
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
