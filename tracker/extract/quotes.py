"""Quotations in a text and their attribution ("said X", "X said", "according to X", a
colon after "X said in a statement"). Pure surface rules; resolving names is
tracker.extract.actors'."""

from __future__ import annotations

import re

__all__ = ["attribution", "quote_regions"]

# "U.S. Secretary of Energy Jane Q. Roe": a title's "of" department stays in the name.
_NAME = (
    r"[A-Z][\w’'.-]+(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w’'.-]+){0,5}"
    r"|[Hh]e|[Ss]he|[Tt]hey|[Tt]he\s+\w+(?:\s+\w+)?"
)
_SAY = (
    r"(?:said|says|added|told|explained|wrote|stated|insisted|continued|declared|noted|"
    r"commented|remarked|warned|argued)"
)
# "Jane Roe, chief economist at Acme, said": an appositive between the name and the verb.
# It never runs over a sentence end (". "): "in Syria, and he may have... The leader said";
# and it is no bare name, so in "During the keynote, Schiller said" Schiller is the speaker.
_APPOSITIVE = (
    rf"(?:,\s+(?![A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){{0,3}},?\s+{_SAY}\b)"
    r"(?:(?![.!?]\s)[^,“”\"`]){3,80}?,?)?"
)
_AFTER_QUOTE = re.compile(
    rf"\s*+,?+\s*+(?:{_SAY}\s+(?P<a>{_NAME})|(?P<b>{_NAME}){_APPOSITIVE}\s+{_SAY}\b)",
)
_WHEN = r"(?:\s+(?:on|last|this)\s+\w+|\s+today|\s+yesterday|\s+in\s+a\s+\w+)?"
# "A group of senators released a joint statement saying": whoever issues the statement.
_STATEMENT = (
    r"(?P<d>(?:[Aa]n?|[Tt]he)\s+[\w\s-]{1,40}?|" + _NAME + r")\s+(?:released|issued|put\s+out|"
    r"published)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?statement\s+(?:saying|stating|that)[,:]?"
)
_BEFORE_QUOTE = re.compile(
    rf"(?:(?P<a>{_NAME}){_APPOSITIVE}{_WHEN}\s+{_SAY}\b[^“”\"`]{{0,60}}?[,:]?"
    rf"|[Ss]aid\s+(?P<b>{_NAME})(?:\s+on\s+\w+)?\s*,|according\s+to\s+(?P<c>{_NAME}),?"
    rf"|{_STATEMENT})\s*$",
)
# "Netanyahu and Putin even have a plan for it: “We agreed...”": a colon hands the floor to
# the subject that opens the sentence.
_COLON_INTRO = re.compile(rf"(?P<a>(?:{_NAME})(?:\s+and\s+(?:{_NAME}))*)\s[^“”\"`:]{{0,200}}:\s*$")
_IN_SENTENCE = re.compile(rf"(?:(?P<a>{_NAME}){_WHEN}\s+{_SAY}\b|according\s+to\s+(?P<b>{_NAME}))")
_OPEN_CLOSE = {"“": "”", "``": "''", '"': '"'}
_BEFORE_REACH = 400  # characters: longer than any match of _BEFORE_QUOTE, so search no further
_MAX_QUOTE = 800  # characters: a longer "quotation" is a stray mark
_QUOTE_MARK = re.compile(r"“|”|``|''|\"")


def quote_regions(text: str) -> list[tuple[int, int]]:
    """[start, end) of quoted passages (curly, straight or ``LaTeX'' quotes). A quotation may
    run over a few lines (one-sentence-per-line texts); one never closed ends with its line."""
    marks = list(_QUOTE_MARK.finditer(text))
    regions = []
    i = 0
    while i < len(marks):
        opener = marks[i]
        closing = _OPEN_CLOSE.get(opener.group(0))
        if closing is None:
            i += 1
            continue
        nxt = marks[i + 1] if i + 1 < len(marks) else None
        if (
            nxt is not None
            and nxt.group(0) == closing
            and nxt.start() - opener.start() < _MAX_QUOTE
        ):
            regions.append((opener.start(), nxt.end()))
            i += 2
            continue
        newline = text.find("\n", opener.start())
        regions.append((opener.start(), newline if newline >= 0 else len(text)))
        i += 1
    return regions


def attribution(
    text: str, sentence: tuple[int, int], start: int, end: int
) -> tuple[str, int] | None:
    """(speaker phrase, offset) for the quotation text[start:end]: after it, before it on its
    line, or elsewhere in its sentence; None when the text does not say."""
    s_start, s_end = sentence
    line_start = max(text.rfind("\n", 0, start) + 1, min(s_start, start))
    line_end = text.find("\n", end)
    after = _AFTER_QUOTE.match(text, end, line_end if line_end >= 0 else len(text))
    before = _BEFORE_QUOTE.search(text, max(line_start, start - _BEFORE_REACH), start)
    colon = _COLON_INTRO.match(text, line_start, start)
    for m in (after, before, colon):
        group = next((g for g in "abcd" if m is not None and m.groupdict().get(g)), None)
        if m is not None and group is not None:
            return m.group(group), m.start(group)
    blanked = text[s_start:start] + " " * (end - start) + text[end:s_end]
    inner = _IN_SENTENCE.search(blanked)
    group = next((g for g in "ab" if inner is not None and inner.group(g)), None)
    if inner is None or group is None:
        return None
    return inner.group(group), s_start + inner.start(group)
