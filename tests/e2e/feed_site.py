"""A feed site on loopback for end-to-end tests: RSS items by path (a path it does not know
answers 500, a stalled one answers only once resumed), conditional GET by ETag, every request
recorded; and the production feed fetch
with the test-only allowance for loopback; two engines on one PostgreSQL schema, as two
processes have."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from xml.sax.saxutils import escape

from sqlalchemy import Engine, create_engine, text

from tests.conftest import PG_URL
from tracker.fetch import FeedPage, fetch_feed
from tracker.store.db import migrate, normalise_url


class Site:
    """What the loopback server serves: feed items by path, failing paths, requests seen;
    requests for a path in `stalled` wait until `resume` is set."""

    def __init__(self) -> None:
        self.items: dict[str, list[tuple[str, str, date]]] = {"/feed.xml": []}
        self.requests: list[tuple[str, str | None]] = []
        self.lock = threading.Lock()
        self.stalled: set[str] = set()
        self.resume = threading.Event()

    def rss(self, path: str) -> bytes:
        entries = "".join(
            f"<item><guid>{guid}</guid><title>{guid}</title><link>http://feeds.test/{guid}</link>"
            f"<pubDate>{format_datetime(datetime(d.year, d.month, d.day, tzinfo=UTC))}</pubDate>"
            f"<description>{escape(text)}</description></item>"
            for guid, text, d in self.items[path]
        )
        channel = f"<channel><title>t</title>{entries}</channel>"
        return f'<?xml version="1.0"?><rss version="2.0">{channel}</rss>'.encode()


def handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            with site.lock:
                site.requests.append((self.path, self.headers.get("If-None-Match")))
            if self.path in site.stalled:  # its client is gone by the time it resumes
                site.resume.wait(timeout=60)
                return
            if self.path not in site.items:
                self.send_response(500)
                self.end_headers()
                return
            body = site.rss(self.path)
            etag = f'"{len(site.items[self.path])}"'
            if self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("ETag", etag)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            """Quiet."""

    return Handler


def loopback(url: str, etag: str | None, last_modified: str | None) -> FeedPage:
    """The production fetch_feed; feeds.test resolves to loopback, allowed for tests only."""
    return fetch_feed(
        url, etag=etag, last_modified=last_modified,
        resolve=lambda host, port: ["127.0.0.1"], allow_private={"127.0.0.1"},
    )  # fmt: skip


@contextmanager
def serving() -> Iterator[tuple[Site, int]]:
    """A Site served on a free loopback port, and that port."""
    served = Site()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler(served))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield served, httpd.server_address[1]
    finally:
        httpd.shutdown()
        httpd.server_close()


def two_processes_engines(pg_schema_factory: Callable[[], Engine]) -> tuple[Engine, Engine]:
    """Two engines (pools) on one new migrated PostgreSQL schema, as two processes would
    have; the caller disposes of the second."""
    first = pg_schema_factory()
    with first.connect() as connection:
        schema = connection.execute(text("SHOW search_path")).scalar_one()
    migrate(first)
    options = {"options": f"-csearch_path={schema}"}
    return first, create_engine(normalise_url(PG_URL), connect_args=options)
