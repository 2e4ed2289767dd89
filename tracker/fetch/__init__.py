"""Article fetching: a URL read under the URL policy (`fetch_article`), and pasted text or a
saved page turned into an `Article` (`article_from_text`, `article_from_html`); feeds read under
the same policy (`fetch_feed`, `parse_feed`)."""

from tracker.fetch.feed import Entry, FeedPage, fetch_feed, parse_feed
from tracker.fetch.page import article_from_html, article_from_text, fetch_article

__all__ = [
    "Entry",
    "FeedPage",
    "article_from_html",
    "article_from_text",
    "fetch_article",
    "fetch_feed",
    "parse_feed",
]
