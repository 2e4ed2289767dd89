"""Suggested evidence links an outside article by its URL: the URL is escaped for an HTML
attribute, so a quote in it cannot end the href early (Telegram would refuse the message)."""

from __future__ import annotations

import html
import re
from datetime import UTC, date, datetime

from bot.news import views as news_views
from tests.e2e.bot_api_rules import parse_html
from tracker.domain import PublishedBasis, Source
from tracker.links import Relation
from tracker.news import Link

URL = 'https://news.example/a?q="x"&t=<b>'


def test_a_quote_in_an_article_url_stays_inside_its_href() -> None:
    source = Source(1, URL, "Title", None, date(2026, 12, 1), PublishedBasis.GIVEN, "h")
    found = Link(1, 9, 3, Relation.REPORTS_DONE, "The bridge opened.", (0, 18), None, 0.9,
                 source, datetime(2026, 12, 7, tzinfo=UTC))  # fmt: skip
    text = news_views.suggestion(found)
    hrefs = re.findall(r'<a href="([^"]*)">', text)
    assert [html.unescape(h) for h in hrefs] == [URL]
    assert "Title" in parse_html(text)
