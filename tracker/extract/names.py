"""Names in a text: capitalised runs, which of them are people (surname → full name) or
places, and acronyms ("GM" → "General Motors", "Singapore Airlines (SIA)"). Surface rules on
news style; pure. Used by tracker/extract/actors/."""

from __future__ import annotations

import re
from collections import Counter

from tracker.extract import lexicon as lexicon

__all__ = [
    "Raw",
    "acronyms",
    "find_names",
    "full_names",
    "is_org",
    "is_place",
    "name_tokens",
    "thing_names",
    "topic_acronyms",
]

Raw = tuple[int, int, list[str], bool]  # [start, end), name tokens, after a person's title

_TOKEN = (
    r"(?<![\w-])(?:(?:Mr|Mrs|Ms|Dr|St|Gen|Gov|Sen|Rep|Prof|Jr|Sr)\.|(?:[A-Z]\.){1,3}"
    r"|[A-Z][\w&-]*(?:[’']s\b)?)"
)
# Capitalised runs on one line; a possessive ends a run ("Lebanon’s Hezbollah" is two names).
_CAP_SEQ = re.compile(rf"{_TOKEN}(?:[ \t]+(?:{_TOKEN}|(?:of|de|van|von|al|bin)(?=[ \t]+[A-Z])))*")
# A possessive, or a sentence's full stop after a name ("... to Acme Corp."), but not the
# last dot of an abbreviation such as "U.S.".
_POSSESSIVE = re.compile(r"(?:[’']s?|(?<!\.[A-Z])\.)$")
_NAME_JOINERS = frozenset({"of", "de", "van", "von", "al", "bin", "&"})
_ABBREVIATION = re.compile(r"(?:[A-Z]\.){2,3}|[A-Z]{2,3}")  # "US", "U.S.": a country alone
# "Minister for ", "Secretary of Health and ": a title's portfolio before a run of capitals.
_PORTFOLIO_BEFORE = re.compile(
    r"\b(?:Minister|Secretary|Chancellor|Commissioner|President|Governor|Administrator|"
    r"Ambassador|Director)[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?"
    r"(?:[A-Z][\w’'-]*,?[ \t]+(?:(?:and|for|of|the)[ \t]+)*)*$"
)
# ", the EU’s research and innovation programme": an appositive whose head is a common noun.
_THING_APPOSITIVE = re.compile(
    r",[ \t]+(?:the|a|an|its|their|our|[A-Z][\w.-]*[’']s)[ \t]+(?:[\w’'-]+[ \t]+){0,5}?"
    r"(?P<head>[a-z]+)(?=[ \t]*[,.;:)]|[ \t]+(?:that|which|to|for)\b)"
)
_MIDDLE = re.compile(r"[A-Z]\.?|de|van|von|al|bin")  # "Jane Q. Roe", "Ursula von Leyen"
_LOCATIVE = re.compile(
    r"\b(?:in|at|from|near|towards?|across|throughout|outside|inside|into|via)\s+(?:the\s+)?$"
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
        if _looks_like_person(tokens) and surname and not _used_as_noun(text, tokens[-1]):
            found.setdefault(low[-1], " ".join(tokens))
    return found


def _used_as_noun(text: str, word: str) -> bool:
    """ "the Offer will", "the Grant.": news never puts "the" before a person's surname."""
    return re.search(rf"\b[Tt]he[ \t]+{re.escape(word)}{_AFTER_NOUN}", text) is not None


def name_tokens(phrase: str) -> list[str]:
    """The words of a name, without leading function words, titles, lower-case descriptors
    or possessive endings."""
    tokens = [_POSSESSIVE.sub("", t) for t in phrase.split()]
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


def is_place(text: str, start: int, *, previous_end: int) -> bool:
    """A name after a locative preposition, or after "Name, " as in "Toulouse, France"."""
    before = text[max(0, start - 40) : start]
    return bool(_LOCATIVE.search(before)) or (before.endswith(", ") and previous_end == start - 2)


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
            if _COMMON_BEFORE.search(text, max(0, start - 30), start):
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


def _looks_like_person(tokens: list[str]) -> bool:
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
            titled = any(_POSSESSIVE.sub("", w).lower() in lexicon.PERSON_TITLES for w in words)
            titled = titled or _titled_appositive(text, start, end, len(tokens))
            person = _PORTFOLIO_BEFORE.search(text, max(0, start - 120), start) and person_tail(
                tokens
            )
            if person:  # "Minister for Housing Ann Lee": the name after the portfolio
                tokens, titled, start = person, True, text.index(person[0], start)
            raw.append((start, end, tokens, titled))
    return raw


def _titled_appositive(text: str, start: int, end: int, size: int) -> bool:
    """ "Jane Roe, a spokesman for Acme", "Jane Roe, chief executive of Acme", "chief executive
    Jane Roe": a two- or three-word name beside a person's title in lower case."""
    m = _APPOSITIVE.match(text, end)
    before = _TITLE_BEFORE.search(text, max(0, start - 30), start)
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
