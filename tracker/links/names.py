"""Product names and their siblings: "Mac OS X Lion" is not "Mac OS X Leopard", "iPhone 4S" is
not "iPhone 4", "Model Y" is not "Model 3". A name is a run of capitalised or model words."""

from __future__ import annotations

import functools
import re

from tracker.links.words import STOPWORDS

__all__ = ["missing_product", "name_runs", "sibling_name"]

_TOKEN = re.compile(r"[\w$&.'’-]*\w|[^\w\s]")
_NAMEY = re.compile(r"[A-Z]|\w*\d|[a-z]+[A-Z]")  # "Lion", "787", "10.4.1", "iPhone"
_MODEL = re.compile(r"\w*\d|[a-z]+[A-Z]")  # a digit or an inner capital: "A380", "iOS"
_CAPS = re.compile(r"[A-Z]{1,3}$")  # "OS", "X" in a longer name
# a named plan is a named thing: "the Life Sciences Sector Plan" is not "the 10 Year Health Plan"
_PLANS = frozenset(
    "plan act fund strategy programme program scheme deal facility initiative".split()  # noqa: SIM905
)
_POSSESSIVE = re.compile(r"['’]s$")
# a percentage or a year ("1.1%", "2025") is no name; "1.5 million homes" keeps its figure
_FIGURE = re.compile(r"\b\d+(?:\.\d+)?\s*(?:%|per ?cent\b)|\b(?:19|20)\d\d\b", re.I)


def name_runs(text: str) -> list[frozenset[str]]:
    """The names of `text` as sets of lower-case words: maximal runs of capitalised or model
    words (stop words such as "The" break a run), each with at least one capitalised word."""
    return list(_runs(text))


@functools.lru_cache(maxsize=2048)  # a sentence is read against every commitment of a ledger
def _runs(text: str) -> tuple[frozenset[str], ...]:
    runs: list[list[str]] = [[]]
    for token in _tokens(_FIGURE.sub(" ; ", text)):
        if _NAMEY.match(token) and token.lower() not in STOPWORDS:
            runs[-1].append(token)
        elif runs[-1]:
            runs.append([])
    return tuple(frozenset(w.lower() for w in run) for run in runs if _named(run))


@functools.lru_cache(maxsize=2048)
def _tokens(text: str) -> tuple[str, ...]:
    """The words and marks of `text`, a possessive "'s" dropped ("Kestrel's" is "Kestrel")."""
    return tuple(_POSSESSIVE.sub("", t) for t in _TOKEN.findall(text))


def _named(run: list[str]) -> bool:
    return any(w[0].isupper() or (_MODEL.match(w) and not w.isdigit()) for w in run)


@functools.lru_cache(maxsize=1024)
def _product(text: str) -> tuple[frozenset[str], ...]:
    """The names of `text` that name a product or version: with a model word in them, or of
    several words one of them in capitals ("Mac OS X"; "US" alone is no product)."""
    words = {w.lower(): w for w in _tokens(text)}
    return tuple(run for run in _runs(text) if _is_product([words[w] for w in run]))


def _is_product(run: list[str]) -> bool:
    if any(_MODEL.match(w) for w in run):
        return True
    return len(run) >= 2 and any(_CAPS.match(w) or w.lower() in _PLANS for w in run)


def missing_product(sentence: str, action: str, *, skip: frozenset[str]) -> bool:
    """Whether `action` names a product of which `sentence` holds at most half the words
    (leaving out the party's own name in `skip`): "new Mac purchases" is not "Mac OS X 10.4"."""
    said = {w.lower() for w in _tokens(sentence)}
    for mine in _product(action):
        words = mine - skip or mine
        if 2 * len(words & said) <= len(words):
            return True
    return False


def sibling_name(sentence: str, action: str) -> bool:
    """Whether `sentence` names a sibling of a product `action` names (a name sharing a word
    with it and differing from it on both sides) and never the product itself."""
    theirs = _runs(sentence)
    for mine in _product(action):
        if any(mine <= run for run in theirs):
            continue
        if any(mine & run and mine - run and run - mine for run in theirs):
            return True
    return False
