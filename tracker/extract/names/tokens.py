"""The words of a name: titles, portfolios, descriptors and possessives stripped ("Secretary
of State Marco Rubio" → "Marco Rubio"), and whether a run of words looks like a person or a
body."""

from __future__ import annotations

import re

from tracker.extract import lexicon as lexicon

# A possessive, or a sentence's full stop after a name ("... to Acme Corp."), but not the
# last dot of an abbreviation such as "U.S.".
POSSESSIVE = re.compile(r"(?:[’']s?|(?<!\.[A-Z])\.)$")


_NAME_JOINERS = frozenset({"of", "de", "van", "von", "al", "bin", "&"})


_ABBREVIATION = re.compile(r"(?:[A-Z]\.){2,3}|[A-Z]{2,3}")  # "US", "U.S.": a country alone


_MIDDLE = re.compile(r"[A-Z]\.?|de|van|von|al|bin")  # "Jane Q. Roe", "Ursula von Leyen"


def name_tokens(phrase: str) -> list[str]:
    """The words of a name, without leading function words, titles, lower-case descriptors
    or possessive endings."""
    tokens = [POSSESSIVE.sub("", t) for t in phrase.split()]
    tokens = [t for t in tokens if t]
    while tokens and tokens[0].lower() in lexicon.NOT_NAMES:
        tokens.pop(0)
    tokens = _after_title(tokens)
    lower = [i for i, t in enumerate(tokens) if not t[:1].isupper() and not _joins(tokens, i)]
    # "automobile manufacturer Chrysler LLC" is named by its capitalised tail.
    return tokens[lower[-1] + 1 :] if lower and lower[-1] < len(tokens) - 1 else tokens


def _joins(tokens: list[str], i: int) -> bool:
    """Whether a lower-case word joins a name ("Bank of England", "Department for Education")."""
    inside = (
        0 < i < len(tokens) - 1 and tokens[i - 1][:1].isupper() and tokens[i + 1][:1].isupper()
    )
    return tokens[i] in _NAME_JOINERS or (tokens[i] == "for" and inside)


def _after_title(tokens: list[str]) -> list[str]:
    """The name after a person's title and the words that qualify it ("Russian President
    Vladimir Putin", "Secretary of State Marco Rubio" → the person). A nationality or
    portfolio word without a person's title is part of a body's name ("British Energy",
    "Foreign Office", "US Treasury"); alone, only an abbreviation ("US") names anyone."""
    titles = [i for i, t in enumerate(tokens) if t.lower() in lexicon.PERSON_TITLES]
    if not titles:
        if all(t.lower() in lexicon.TITLES for t in tokens):
            return [t for t in tokens if _ABBREVIATION.fullmatch(t)][-1:]
        return tokens
    rest = tokens[titles[-1] + 1 :]
    if not rest or rest[0] not in ("of", "for"):
        return rest
    the = rest[1:2] == ["the"]
    portfolio = rest[1 + the :]
    person = person_tail(portfolio)  # "of State Marco Rubio": a portfolio, then the name
    return person or (portfolio if the else [])  # "of the Republic of Mauritius": its body


def person_tail(tokens: list[str]) -> list[str]:
    """A person's name at the end of a run of capitalised words that a portfolio opens
    ("State Marco Rubio", "Health and Social Care Wes Streeting"): the last two words, three
    with a middle initial or a particle; none when the run is only the portfolio or names a
    body ("Republic of Mauritius", "United Kingdom of Great Britain")."""
    if "of" in tokens or not all(t[:1].isupper() or _MIDDLE.fullmatch(t) for t in tokens):
        return []
    size = 3 if len(tokens) >= 4 and _MIDDLE.fullmatch(tokens[-2]) else 2
    return tokens[-size:] if len(tokens) > size else []


def looks_like_person(tokens: list[str]) -> bool:
    """Two or more name-like words: no organisation word, no acronym, no "New"/"North"..."""
    return (
        len(tokens) >= 2
        and not is_org(tokens)
        and tokens[-1].lower() not in lexicon.THING_HEADS  # "10 Year Health Plan"
        and tokens[0].lower() not in lexicon.NOT_FIRST_NAMES
        and not any(len(t) > 1 and t.isupper() for t in tokens)
        and "of" not in tokens  # "Misuse of Drugs", "Bank of X": a thing or a body
    )


def is_org(tokens: list[str]) -> bool:
    """Whether a word of the name marks an organisation ("Corp", "Bank", "Ministry")."""
    return any(t.lower() in lexicon.ORG_WORDS for t in tokens)
