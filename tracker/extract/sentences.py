"""Sentence splitting for news text: paragraphs first, then a rule splitter aware of
abbreviations, initials, quotes, ellipses and em-dashes. Pure; no model data needed."""

from __future__ import annotations

import re
from collections.abc import Iterator

from tracker.extract import lexicon

__all__ = ["split_paragraphs", "split_sentences"]


MAX_SENTENCE = 1_200  # characters; a longer "sentence" is a list, a table or junk

# Tokens that end with a period without ending a sentence (compared lower-case, no period).
ABBREVIATIONS = lexicon.word_set(
    """mr mrs ms dr prof sr jr st mt ft rev gen col lt sgt capt cmdr adm gov sen rep pres
    jan feb mar apr jun jul aug sep sept oct nov dec
    inc corp co ltd plc llc bros dept univ assn est approx fig no nos vs etc al
    e.g i.e u.s u.k u.n u.s.a e.u d.c a.m p.m"""
)
# Abbreviations that are usually followed by a name or number, never by a new sentence.
NEVER_FINAL = lexicon.word_set(
    "mr mrs ms dr prof rev gen col lt sgt capt cmdr adm gov sen rep pres st mt vs"
)
# Words that open a sentence often enough to override "U.S." / "Inc." being mid-sentence.
STARTERS = lexicon.word_set(
    """the a an it he she they we i this that these those its his her their our in on at but
    and however meanwhile after before when while if as there according some many"""
)
# Candidate end: terminal punctuation, optional closing quotes/brackets, then whitespace.
# Possessive runs: a run of marks is taken whole, never re-split (a nested quantifier over the
# same characters backtracked exponentially on "...." runs).
_END = re.compile(r"""[.!?…]++["'”’)\]]*+(?=\s)""")
_OPENER = re.compile(r"""\s++(?:``|["'“‘(\[]|…)*+\s*+(?:\.\.\.|…)?+\s*+([A-Z0-9])""")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """[start, end) spans of non-blank lines (trafilatura puts one paragraph per line)."""
    spans = []
    for m in re.finditer(r"[^\n]+", text):
        start, end = _strip(text, m.start(), m.end())
        if start < end:
            spans.append((start, end))
    return spans


def split_sentences(text: str) -> list[tuple[int, int]]:
    """[start, end) spans of the sentences of `text`, in order, whitespace trimmed; a run
    longer than MAX_SENTENCE characters without a sentence end is cut at spaces, so the rules
    that look around a cue never read more than that."""
    spans: list[tuple[int, int]] = []
    for p_start, p_end in split_paragraphs(text):
        for start, end in _split_paragraph(text, p_start, p_end):
            spans.extend(_pieces(text, start, end))
    return spans


def _pieces(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while end - start > MAX_SENTENCE:
        cut = text.rfind(" ", start + 1, start + MAX_SENTENCE)
        cut = cut if cut > start else start + MAX_SENTENCE
        piece = _strip(text, start, cut)
        if piece[0] < piece[1]:
            yield piece
        start = _strip(text, cut, end)[0]
    if start < end:
        yield start, end


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _split_paragraph(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    cursor = start
    for m in _END.finditer(text, start, end):
        if _is_boundary(text, m, end):
            s, e = _strip(text, cursor, m.end())
            if s < e:
                spans.append((s, e))
            cursor = m.end()
    s, e = _strip(text, cursor, end)
    if s < e:
        spans.append((s, e))
    return spans


def _is_boundary(text: str, m: re.Match[str], end: int) -> bool:
    """Whether the punctuation matched at `m` ends a sentence."""
    nxt = _OPENER.match(text, m.end(), end)
    if nxt is None:
        return False  # lower-case, punctuation or end of paragraph follows
    punct = m.group(0)
    if punct[0] != "." or punct.startswith("..."):
        return True  # "!", "?" and an ellipsis before a capital end the sentence
    return not _is_abbreviation(text, m.start(), nxt)


def _is_abbreviation(text: str, dot: int, nxt: re.Match[str]) -> bool:
    """A period after an abbreviation or an initial does not end the sentence."""
    before = _WORD_BEFORE.search(text, max(0, dot - 20), dot + 1)
    if before is None:
        return False
    word = before.group(1).lower().rstrip(".")
    next_word = re.match(r"[A-Za-z]+", text[nxt.start(1) :])
    follower = next_word.group(0).lower() if next_word else ""
    if word in NEVER_FINAL:
        return True
    if len(word) == 1 and word.isalpha() and before.group(1).isupper():
        return True  # an initial: "Michael R. Golden"
    if word in ABBREVIATIONS or re.fullmatch(r"(?:[a-z]\.)+[a-z]", word):
        return follower not in STARTERS
    return False
