"""Capitalised runs of a text that name someone or something, which of them follow a person's
title, and surname → full name for the people."""

from __future__ import annotations

import re
from collections import Counter

from tracker.extract import lexicon as lexicon
from tracker.extract.names.tokens import POSSESSIVE, looks_like_person, name_tokens, person_tail

Raw = tuple[int, int, list[str], bool]  # [start, end), name tokens, after a person's title


_TOKEN = (
    r"(?<![\w-])(?:(?:Mr|Mrs|Ms|Dr|St|Gen|Gov|Sen|Rep|Prof|Jr|Sr)\.|(?:[A-Z]\.){1,3}"
    r"|[A-Z][\w&-]*(?:[’']s\b)?)"
)


# Capitalised runs on one line; a possessive ends a run ("Lebanon’s Hezbollah" is two names).
_CAP_SEQ = re.compile(rf"{_TOKEN}(?:[ \t]+(?:{_TOKEN}|(?:of|de|van|von|al|bin)(?=[ \t]+[A-Z])))*")


# "Minister for ", "Secretary of Health and ": a title's portfolio before a run of capitals.
_PORTFOLIO_BEFORE = re.compile(
    r"\b(?:Minister|Secretary|Chancellor|Commissioner|President|Governor|Administrator|"
    r"Ambassador|Director)[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?"
    r"(?:[A-Z][\w’'-]*,?[ \t]+(?:(?:and|for|of|the)[ \t]+)*)*$"
)


# Adjectives made from names: "Netherlands-based", "state-owned", "UK-Dutch".
_ADJECTIVE = re.compile(
    r"-(?:based|owned|led|born|made|listed|controlled|backed|run|registered|headquartered)$"
    r"|^[A-Z]{2,3}-[A-Z][a-z]+$"
)


# ", the Airbus chief executive", ", a spokesman for ...": an appositive ending in a title.
_APPOSITIVE = re.compile(
    r",\s+(?:(?:the|a|an)\s+(?:[\w.’'-]+\s+){0,3}?|(?:(?:[A-Z][\w.&-]*\s+){0,2}[A-Z][\w.&-]*[’']s\s+)?)"
    r"(?P<title>[a-z][\w-]*)\b"
)


# "chief executive Jane Roe": a title in lower case right before a name.
_TITLE_BEFORE = re.compile(r"\b(?P<title>[a-z][\w-]*)[ \t]+$")


_GERUND = re.compile(r"[A-Z][a-z]{2,}ing$")


# What follows a noun, not a name's next word: "the Offer will", "the Grant."
_AFTER_NOUN = (
    r"(?:\s*[.,;:!?)]|[ \t]+(?:will|would|is|are|was|were|has|have|had|can|to|for|in|on|of|"
    r"and|or|from|with|at|by)\b)"
)


_THE_BEFORE = re.compile(r"\b[Tt]he[ \t]+$")
_NOUN_AFTER = re.compile(_AFTER_NOUN)


def find_names(text: str, sentences: list[tuple[int, int]], *, skip: int = 0) -> list[Raw]:
    """Capitalised runs of `text` that name someone or something, from offset `skip`."""
    raw = _drop_gerund_openers(text, _raw_mentions(text, skip), sentences)
    return _drop_capitalised_starts(raw, sentences)


def full_names(raw: list[Raw], *, text: str = "") -> dict[str, str]:
    """Surname → full name for the runs that look like people (a "surname" the text uses
    as a noun, "the Offer", names a thing)."""
    runs = Counter(tuple(t.lower() for t in tokens) for _, _, tokens, _ in raw)
    found: dict[str, str] = {}
    for _, _, tokens, titled in raw:
        low = tuple(t.lower() for t in tokens)
        alone = runs[low[-1:]] > 0
        surname = titled or (alone and not _run_together(low, runs))
        if looks_like_person(tokens) and surname and not _used_as_noun(text, tokens[-1]):
            found.setdefault(low[-1], " ".join(tokens))
    return found


def _used_as_noun(text: str, word: str) -> bool:
    """ "the Offer will", "the Grant.": news never puts "the" before a person's surname."""
    at = text.find(word)
    while at >= 0:  # at each occurrence, not a scan of the whole text per word
        end = at + len(word)
        if _THE_BEFORE.search(text, max(0, at - 12), at) and _NOUN_AFTER.match(text, end):
            return True
        at = text.find(word, end)
    return False


def _drop_capitalised_starts(raw: list[Raw], sentences: list[tuple[int, int]]) -> list[Raw]:
    """A lone capitalised word opening a sentence is a name only if it also appears inside
    a sentence ("Several new aircraft" vs "Boeing will")."""
    starts = {s for s, _ in sentences}
    inside = {t[0] for start, _, t, _ in raw if start not in starts}
    inside |= {t[-1] for _, _, t, _ in raw if len(t) > 1}  # surnames of full names
    return [
        r
        for r in raw
        if r[1] - r[0] > len(r[2][0])
        or r[0] not in starts
        or r[2][0] in inside
        or r[2][0].isupper()
    ]


def _drop_gerund_openers(text: str, raw: list[Raw], sentences: list[tuple[int, int]]) -> list[Raw]:
    """ "Ensuring Scotland looks outwards": a verb in -ing opening a sentence is no first name,
    unless the text also capitalises it inside a sentence."""
    starts = {s for s, _ in sentences}
    inside = {t[0] for start, _, t, _ in raw if start not in starts}
    kept: list[Raw] = []
    for start, end, tokens, titled in raw:
        first = tokens[0]
        if start in starts and len(tokens) > 1 and _GERUND.match(first) and first not in inside:
            start = text.index(tokens[1], start + len(first))
            tokens = tokens[1:]
        kept.append((start, end, tokens, titled))
    return kept


def _run_together(low: tuple[str, ...], runs: Counter[tuple[str, ...]]) -> bool:
    """Two names written side by side, not a person: news calls a person by surname, so a
    "first name" used alone at least as often as the full name is a name of its own ("Michigan
    Ford" after "Wixom, Michigan")."""
    return runs[low[:1]] >= runs[low]


def _raw_mentions(text: str, skip: int) -> list[Raw]:
    raw = []
    for m in _CAP_SEQ.finditer(text, skip):
        for start, end in _split_possessives(m.group(0), m.start()):
            words = text[start:end].split()
            tokens = name_tokens(text[start:end])
            if not tokens or tokens[0].lower() in lexicon.NOT_NAMES:
                continue
            if all(t.lower() in lexicon.TITLES for t in tokens):
                continue  # "US" alone: a country too often named to say who a text is about
            if all(t.lower() in lexicon.TIME_WORDS for t in tokens) or _ADJECTIVE.search(
                tokens[-1]
            ):
                continue  # "Monday"; "Netherlands-based" describes a company, it does not name it
            titled = any(POSSESSIVE.sub("", w).lower() in lexicon.PERSON_TITLES for w in words)
            titled = titled or _titled_appositive(text, start, end, len(tokens))
            person = _after_portfolio(text, start) and person_tail(tokens)
            if person:  # "Minister for Housing Ann Lee": the name after the portfolio
                tokens, titled, start = person, True, text.index(person[0], start)
            raw.append((start, end, tokens, titled))
    return raw


def _after_portfolio(text: str, start: int) -> bool:
    """Whether a run follows a title's portfolio ("Minister for ", "Secretary of Health and ")."""
    joined = text.endswith(("of ", "for ", "the ", "and ", ", "), max(0, start - 4), start)
    return joined and _PORTFOLIO_BEFORE.search(text, max(0, start - 120), start) is not None


def _titled_appositive(text: str, start: int, end: int, size: int) -> bool:
    """ "Jane Roe, a spokesman for Acme", "Jane Roe, chief executive of Acme", "chief executive
    Jane Roe": a two- or three-word name beside a person's title in lower case."""
    m = _APPOSITIVE.match(text, end)
    lower_before = start > 1 and text[start - 1] == " " and text[start - 2].islower()
    before = _TITLE_BEFORE.search(text, max(0, start - 30), start) if lower_before else None
    titles = [t.group("title").lower() for t in (m, before) if t is not None]
    return 2 <= size <= 3 and any(t in lexicon.PERSON_TITLES for t in titles)


def _split_possessives(run: str, offset: int) -> list[tuple[int, int]]:
    pieces = []
    start = 0
    for m in re.finditer(r"[’']s\b", run):
        pieces.append((offset + start, offset + m.end()))
        start = m.end()
        while start < len(run) and run[start] in " \t":
            start += 1
    if start < len(run):
        pieces.append((offset + start, offset + len(run)))
    return pieces
