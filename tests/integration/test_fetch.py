"""tracker.fetch against a local HTTP server and httpx.MockTransport; never the internet."""

from __future__ import annotations

import ipaddress
import threading
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest

from tracker.domain import PublishedBasis
from tracker.errors import FetchError, UnsafeURL
from tracker.fetch import article_from_html, fetch_article
from tracker.fetch.policy import is_public

NOW = datetime(2026, 11, 27, 6, 0, tzinfo=UTC)
LOCAL = frozenset({"127.0.0.1"})
BODY = (
    "Israel and Russia agreed on Sunday to establish a joint team that will work on the "
    "withdrawal of foreign forces from Syria, the prime minister's office said. "
    "The two leaders also said they would meet again before the end of the year to review "
    "progress, and officials expect the first meeting of the team within two months."
)


def page(*, byline: str = "", meta_date: str = "", title: str = "Leaders agree") -> str:
    """A small news page: title, optional byline paragraph and metadata date, body paragraphs."""
    meta = f'<meta property="article:published_time" content="{meta_date}">' if meta_date else ""
    first = f"<p>{byline}</p>" if byline else ""
    paragraphs = "".join(f"<p>{BODY} Paragraph {i}.</p>" for i in range(4))
    return (
        f"<html><head><title>{title}</title>{meta}</head><body>"
        f"<nav><a href='/'>Home</a></nav><article><h1>{title}</h1>{first}{paragraphs}</article>"
        "<footer>Copyright</footer></body></html>"
    )


ROUTES: dict[str, tuple[int, dict[str, str], bytes]] = {
    "/article": (
        200,
        {"Content-Type": "text/html; charset=utf-8"},
        page(byline="By Joshua Spurlock, March 3, 2019", meta_date="2020-01-01").encode(),
    ),
    "/meta-only": (200, {"Content-Type": "text/html"}, page(meta_date="2018-06-05").encode()),
    "/undated": (200, {"Content-Type": "text/html"}, page().encode()),
    "/plain": (
        200,
        {"Content-Type": "text/plain; charset=utf-8"},
        ("Posted March 3, 2019\n\nNetanyahu’s office said " + BODY).encode(),
    ),
    "/image": (200, {"Content-Type": "image/png"}, b"\x89PNG\r\n"),
    "/missing": (404, {"Content-Type": "text/html"}, b"<p>gone</p>"),
    "/big": (200, {"Content-Type": "text/html"}, b"<p>" + b"x" * 200_000 + b"</p>"),
    "/to-article": (302, {"Location": "/article"}, b""),
    "/to-private": (302, {"Location": "http://10.0.0.7/admin"}, b""),
    "/to-loopback-name": (301, {"Location": "http://intranet.example/"}, b""),
    "/to-mapped-v6": (307, {"Location": "http://[::ffff:169.254.169.254]/latest/"}, b""),
    "/to-file": (302, {"Location": "file:///etc/passwd"}, b""),
    "/loop": (302, {"Location": "/loop"}, b""),
}


class Handler(BaseHTTPRequestHandler):
    """Serves ROUTES; /big-chunked streams without a Content-Length; /slow stalls."""

    def do_GET(self) -> None:
        if self.path == "/slow":
            time.sleep(1.5)
        if self.path == "/big-chunked":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            for _ in range(100):
                self.wfile.write(b"y" * 10_000)
            return
        status, headers, body = ROUTES.get(self.path, (200, {"Content-Type": "text/html"}, b""))
        self.send_response(status)
        for key, value in headers.items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Keep test output quiet."""


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def no_dns(host: str, port: int) -> list[str]:
    raise AssertionError(f"resolver must not be called for {host}")


def fake_dns(table: dict[str, list[str]]):
    def resolve(host: str, port: int) -> list[str]:
        return table[host]

    return resolve


class TestLocalServer:
    def test_article_date_comes_from_the_byline_not_the_metadata(self, server: str) -> None:
        article = fetch_article(f"{server}/article", now=NOW, allow_private=LOCAL)
        assert (article.published, article.published_basis) == (
            date(2019, 3, 3),
            PublishedBasis.TEXT,
        )
        assert article.title == "Leaders agree"
        assert "joint team" in article.text
        assert article.url == f"{server}/article"

    def test_metadata_date_when_the_text_has_none(self, server: str) -> None:
        article = fetch_article(f"{server}/meta-only", now=NOW, allow_private=LOCAL)
        assert (article.published, article.published_basis) == (
            date(2018, 6, 5),
            PublishedBasis.METADATA,
        )

    def test_fetch_date_is_the_last_resort(self, server: str) -> None:
        article = fetch_article(f"{server}/undated", now=NOW, allow_private=LOCAL)
        assert (article.published, article.published_basis) == (NOW.date(), PublishedBasis.FETCHED)

    def test_plain_text_is_kept_as_sent(self, server: str) -> None:
        article = fetch_article(f"{server}/plain", now=NOW, allow_private=LOCAL)
        assert article.text == "Posted March 3, 2019\n\nNetanyahu’s office said " + BODY
        assert article.published == date(2019, 3, 3)

    def test_redirect_within_the_allowed_server_is_followed(self, server: str) -> None:
        article = fetch_article(f"{server}/to-article", now=NOW, allow_private=LOCAL)
        assert (article.url, article.published) == (f"{server}/article", date(2019, 3, 3))

    @pytest.mark.parametrize(
        ("path", "error", "message"),
        [
            ("/image", FetchError, "not an HTML or text page (content type 'image/png')"),
            ("/missing", FetchError, "the server answered 404 Not Found"),
            ("/big", FetchError, "the page is larger than 50,000 bytes"),
            ("/big-chunked", FetchError, "the page is larger than 50,000 bytes"),
            ("/loop", FetchError, "more than 5 redirects"),
            ("/to-file", UnsafeURL, "only http and https URLs can be fetched, not 'file'"),
        ],
    )
    def test_refusals(self, server: str, path: str, error: type[Exception], message: str) -> None:
        with pytest.raises(error) as caught:
            fetch_article(f"{server}{path}", now=NOW, max_bytes=50_000, allow_private=LOCAL)
        assert str(caught.value) == message

    def test_timeout(self, server: str) -> None:
        with pytest.raises(FetchError) as caught:
            fetch_article(f"{server}/slow", now=NOW, timeout=0.3, allow_private=LOCAL)
        assert str(caught.value) == "timed out fetching 127.0.0.1"


class TestPrivateNetworksAreRefused:
    def test_loopback_is_refused_without_the_test_seam(self, server: str) -> None:
        with pytest.raises(UnsafeURL) as caught:
            fetch_article(f"{server}/article", now=NOW)
        assert str(caught.value) == (
            "127.0.0.1 points to a private or reserved network address (127.0.0.1)"
        )

    def test_localhost_by_name_is_refused_with_the_real_resolver(self, server: str) -> None:
        port = server.rsplit(":", 1)[1]
        with pytest.raises(UnsafeURL):
            fetch_article(f"http://localhost:{port}/article", now=NOW)

    @pytest.mark.parametrize(
        ("path", "blocked"),
        [
            ("/to-private", "10.0.0.7"),
            ("/to-loopback-name", "127.0.0.2"),
            ("/to-mapped-v6", "::ffff:a9fe:a9fe"),
        ],
    )
    def test_redirect_from_the_allowed_server_to_a_private_address(
        self, server: str, path: str, blocked: str
    ) -> None:
        resolve = fake_dns({"intranet.example": ["127.0.0.2"]})
        with pytest.raises(UnsafeURL) as caught:
            fetch_article(f"{server}{path}", now=NOW, resolve=resolve, allow_private=LOCAL)
        assert str(caught.value).endswith(f"({blocked})")

    def test_one_private_address_among_public_ones_is_enough_to_refuse(self) -> None:
        resolve = fake_dns({"mixed.example": ["93.184.216.34", "192.168.1.10"]})
        with pytest.raises(UnsafeURL):
            fetch_article("http://mixed.example/", now=NOW, resolve=resolve)

    @pytest.mark.parametrize(
        "url",
        [
            "file:///etc/passwd",
            "ftp://example.com/x",
            "javascript:alert(1)",
            "data:text/html,<p>hi</p>",
            "gopher://example.com/",
            "http://user:secret@example.com/",
            "http://example.com@127.0.0.1/",
            "http://" + "a" * 3000 + ".com/",
            "http://2130706433/",
            "http://0x7f.1/",
            "http://0x7f000001/",
            "http://017700000001/",
            "http://0177.0.0.1/",
            "http://127.1/",
            "http://127.0.0.1/",
            "http://0.0.0.0/",
            "http://[::1]/",
            "http://[::ffff:127.0.0.1]/",
            "http://[fe80::1]/",
            "http://169.254.169.254/latest/meta-data/",
            "http://exa mple.com/",
            "http:///nohost",
            "http://example.com:99999/",
        ],
    )
    def test_hostile_urls(self, url: str) -> None:
        with pytest.raises(UnsafeURL):
            fetch_article(url, now=NOW, resolve=no_dns)


class TestPinnedConnection:
    def test_request_goes_to_the_vetted_address_with_the_original_host(self) -> None:
        seen: list[httpx.Request] = []

        def handler(request: httpx.Request) -> httpx.Response:
            seen.append(request)
            html = page(byline="By Staff, March 3, 2019")
            return httpx.Response(200, headers={"Content-Type": "text/html"}, text=html)

        resolve = fake_dns({"news.example": ["93.184.216.34"]})
        article = fetch_article(
            "https://news.example/a?id=1",
            now=NOW,
            resolve=resolve,
            transport=httpx.MockTransport(handler),
        )
        request = seen[0]
        assert (str(request.url), request.headers["host"]) == (
            "https://93.184.216.34/a?id=1",
            "news.example",
        )
        assert request.extensions["sni_hostname"] == "news.example"
        assert request.headers["user-agent"].startswith("commitment-tracker/")
        assert article.published == date(2019, 3, 3)


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("93.184.216.34", True),
        ("2606:2800:220:1:248:1893:25c8:1946", True),
        ("10.1.2.3", False),
        ("172.16.0.1", False),
        ("192.168.0.1", False),
        ("127.0.0.1", False),
        ("169.254.169.254", False),
        ("100.64.0.1", False),
        ("224.0.0.1", False),
        ("240.0.0.1", False),
        ("0.0.0.0", False),
        ("255.255.255.255", False),
        ("::1", False),
        ("::", False),
        ("fe80::1", False),
        ("fc00::1", False),
        ("ff02::1", False),
        ("::ffff:127.0.0.1", False),
        ("::ffff:93.184.216.34", True),
        ("2002:7f00:1::", False),
        ("2001:0:4136:e378:8000:63bf:80ff:fffe", False),
    ],
)
def test_is_public(address: str, public: bool) -> None:
    assert is_public(ipaddress.ip_address(address)) == public


def test_article_from_html_keeps_title_and_body() -> None:
    article = article_from_html(page(title="Talks in Moscow"), url="https://news.example/x")
    assert (article.title, article.published, article.published_basis) == (
        "Talks in Moscow",
        None,
        PublishedBasis.UNKNOWN,
    )
    assert article.text.count("Paragraph") == 4
