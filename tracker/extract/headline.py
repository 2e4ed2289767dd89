"""The headline of an article: a first line without final punctuation, and the clauses of
it that the body restates (the same commitment, kept once: the body's)."""

from __future__ import annotations

import re

from tracker.extract import lexicon
from tracker.extract.clauses import Clause

__all__ = ["drop_headline_repeats", "headline_end"]


def headline_end(text: str, sentences: list[tuple[int, int]]) -> int:
    """End of a headline (a first line without final punctuation), else 0."""
    if not sentences:
        return 0
    start, end = sentences[0]
    line_end = text.find("\n", start)
    one_line = line_end < 0 or line_end >= end
    return end if one_line and text[end - 1] not in ".!?”\"'" and len(sentences) > 1 else 0


def drop_headline_repeats(text: str, clauses: list[Clause], headline_end: int) -> list[Clause]:
    """A headline clause that the body restates is the same commitment: keep the body's."""
    body = [c for c in clauses if c.start >= headline_end]
    body_words = [_content_words(text[c.start : c.end]) for c in body]
    return [
        c
        for c in clauses
        if c.start >= headline_end
        or not any(len(_content_words(text[c.start : c.end]) & words) >= 2 for words in body_words)
    ]


def _content_words(phrase: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]{4,}", phrase.lower()) if w not in lexicon.STOPWORDS}
