"""What a name names besides a party: a place, a thing (a law, a programme), a topic ("AI"
research), and the acronyms a text defines ("Singapore Airlines (SIA)")."""

from __future__ import annotations

import re

from tracker.extract import lexicon as lexicon
from tracker.extract.names.find import Raw
from tracker.extract.names.tokens import name_tokens

_LOCATIVE = re.compile(
    r"\b(?:in|at|from|near|towards?|across|throughout|outside|inside|into|via)\s+(?:the\s+)?$"
)


def is_place(text: str, start: int, *, previous_end: int) -> bool:
    """A name after a locative preposition, or after "Name, " as in "Toulouse, France"."""
    before = text[max(0, start - 40) : start]
    return bool(_LOCATIVE.search(before)) or (before.endswith(", ") and previous_end == start - 2)


# ", the EU’s research and innovation programme": an appositive whose head is a common noun.
_THING_APPOSITIVE = re.compile(
    r",[ \t]+(?:the|a|an|its|their|our|[A-Z][\w.-]*[’']s)[ \t]+(?:[\w’'-]+[ \t]+){0,5}?"
    r"(?P<head>[a-z]+)(?=[ \t]*[,.;:)]|[ \t]+(?:that|which|to|for)\b)"
)


def thing_names(text: str, mentions: list[tuple[int, str]]) -> set[str]:
    """Names of things, not parties: a law, plan, programme or place by its head ("AI Act",
    "Childcare Offer") or by an appositive that says so ("Horizon Europe, the EU's research
    programme")."""
    found = {name for _, name in mentions if name.split()[-1].lower() in lexicon.THING_HEADS}
    for end, name in mentions:
        m = _THING_APPOSITIVE.match(text, end)
        if m and m.group("head").lower() in lexicon.THING_HEADS:
            found |= {name, name.split(" of ")[-1]}  # "Work Programme of Horizon Europe, the"
    return found


# The lower-case word after a name, and the ones that are no noun it could modify.
_COMMON_NOUN = re.compile(r"[ \t]+([a-z]+)\b(?![’'-])")


# "an AI", "trustworthy AI", "generative AI": an article or adjective before an acronym.
_COMMON_BEFORE = re.compile(r"\b(?:an?|[a-z]+(?:worthy|ive|ful|ous|able|ible))[ \t]+$")


_NOT_NOUNS = lexicon.NOT_NAMES | lexicon.VERB_WORDS


_BODIES = lexicon.ORG_WORDS | lexicon.GENERIC_ORG_NOUNS | lexicon.PERSON_TITLES


# "Singapore Airlines (SIA)": a name and the acronym it defines.
_DEFINED_ACRONYM = re.compile(
    r"(?P<name>[A-Z][\w&-]*(?:\s+(?:[A-Z][\w&-]*|of|and|for|de)){1,5})\s+\((?P<short>[A-Z]{2,6})\)"
)


def acronyms(text: str, raw: list[Raw]) -> dict[str, str]:
    """ "GM" → "General Motors": an all-capitals word spelling the initials of a longer name,
    defined in parentheses after it, or abbreviating exactly one longer name of the text."""
    found: dict[str, str] = {}
    longer = {" ".join(t) for _, _, t, _ in raw if len(t) >= 2}
    initials = {
        "".join(w[0] for w in name.split() if w[0].isupper()): name for name in sorted(longer)
    }
    for _, _, tokens, _ in raw:
        word = tokens[0]
        if len(tokens) == 1 and word.isupper() and len(word) >= 2 and word in initials:
            found[word] = initials[word]
    for m in _DEFINED_ACRONYM.finditer(text):
        name, short = " ".join(name_tokens(m.group("name"))), m.group("short")
        if short not in found and _abbreviates(short, name):
            found[short] = name
    for _, _, tokens, _ in raw:  # "SIA" beside "Singapore Airlines": one name that fits
        word = tokens[0]
        if len(tokens) == 1 and word.isupper() and len(word) >= 2 and word not in found:
            fits = [name for name in sorted(longer) if _abbreviates(word, name)]
            if len(fits) == 1:
                found[word] = fits[0]
    return found


def topic_acronyms(text: str, raw: list[Raw], defined: dict[str, str]) -> set[str]:
    """Acronyms that name a topic, not a party: never spelled out, and always before a common
    noun ("AI research", "AI supercomputing")."""
    found: dict[str, bool] = {}
    common: set[str] = set()  # "an AI that", "trustworthy AI": a common noun at least once
    for start, end, tokens, _ in raw:
        word = tokens[0]
        if len(tokens) == 1 and word.isupper() and len(word) >= 2 and word not in defined:
            noun = _COMMON_NOUN.match(text, end)
            modifier = noun is not None and _topic_noun(noun.group(1))
            found[word] = found.get(word, True) and modifier
            after_word = start > 1 and text[start - 2].islower()
            if after_word and _COMMON_BEFORE.search(text, max(0, start - 30), start):
                common.add(word)
    return {word for word, topic in found.items() if topic} | common


def _topic_noun(word: str) -> bool:
    """A singular common noun after an acronym that names no body of it ("research", not
    "will", "government" or "officials")."""
    return word not in _NOT_NOUNS and word not in _BODIES and not word.endswith(("s", "ed"))


def _abbreviates(short: str, name: str) -> bool:
    """Schwartz & Hearst's test: the letters of `short` occur in order in `name`, the first
    at the start of a word, and every word of the name contributes ("SIA", "USAF")."""
    words = name.split()
    if not words or short[0].lower() != name[0].lower():
        return False
    letters = iter(name.lower())
    in_order = all(c in letters for c in short.lower())
    initials = "".join(w[0] for w in words if w[0].isupper()).lower()
    rest = iter(short.lower())
    return in_order and all(c in rest for c in initials)
