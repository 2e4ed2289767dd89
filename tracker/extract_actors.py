"""Who is committed: named-entity mentions, surname → full name, pronouns, and the speakers
of quotations ("said X", "X said", "according to X"). Heuristic and pure."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from tracker import extract_lexicon as lexicon
from tracker.extract_quotes import attribution, quote_regions

__all__ = ["Document", "Mention", "build_document", "resolve_np"]

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
_CONTINUED_QUOTE = 400  # characters between two quotations by the same speaker, at most


@dataclass(frozen=True, slots=True)
class Mention:
    """A name in the text: [start, end), its canonical form and whether it looks like a person."""

    start: int
    end: int
    name: str
    person: bool


@dataclass(slots=True)
class Document:
    """Per-text indexes used to resolve actors."""

    text: str
    sentences: list[tuple[int, int]]
    mentions: list[Mention] = field(default_factory=list)
    full_names: dict[str, str] = field(default_factory=dict)
    quotes: list[tuple[int, int]] = field(default_factory=list)
    speakers: list[tuple[str, ...]] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)  # sentence starts, for bisect
    acronyms: dict[str, str] = field(default_factory=dict)
    name_words: set[str] = field(default_factory=set)

    def sentence_of(self, pos: int) -> int:
        """Index of the sentence containing (or preceding) offset `pos`."""
        return max(0, bisect.bisect_right(self.starts, pos) - 1)

    def quote_at(self, pos: int) -> int | None:
        """Index of the quotation containing `pos`, if any."""
        for i, (start, end) in enumerate(self.quotes):
            if start <= pos < end:
                return i
        return None

    def canonical(self, phrase: str) -> str:
        """A name with titles and possessives stripped, surnames expanded to full names."""
        tokens = _name_tokens(phrase)
        if not tokens:
            return phrase.strip()
        name = " ".join(tokens)
        if len(tokens) > 1:
            return name
        return self.full_names.get(name.lower()) or self.acronyms.get(name) or name

    def persons_between(self, start: int, end: int) -> list[str]:
        """Canonical person names mentioned in [start, end), in order, without repeats."""
        found: list[str] = []
        for m in self.mentions:
            if start <= m.start < end and m.person and m.name not in found:
                found.append(m.name)
        return found

    def last_org(self, pos: int, *, noun: str = "") -> str | None:
        """ "It"/"the airline": the most mentioned non-person name of the last few sentences,
        preferring names that contain a word fitting `noun` ("Airways" for "airline")."""
        index = self.sentence_of(pos)
        since = self.sentences[max(0, index - 3)][0]
        recent = [m.name for m in self._orgs() if since <= m.start < pos]
        here = [m.name for m in self.mentions if self.starts[index] <= m.start < pos]
        here = [n for n in here if n in recent]
        hints = lexicon.GENERIC_HINTS.get(noun, frozenset())
        fitting = [n for n in self.org_counts() if hints & set(n.lower().split())]
        if fitting:
            recent_fit = [n for n in recent if n in fitting]
            return recent_fit[-1] if recent_fit else fitting[0]
        counts = self.org_counts()
        if here:  # "After ANA's plane arrives in Tokyo, the airline will ..."
            return max(reversed(here), key=lambda name: counts.get(name, 0))
        if not recent:
            return self.main_org()
        return max(reversed(recent), key=lambda name: counts.get(name, 0))

    def main_org(self) -> str | None:
        """The most mentioned non-person name of the text (what the article is about)."""
        counts = self.org_counts()
        return max(counts, key=lambda name: counts[name]) if counts else None

    def org_counts(self) -> dict[str, int]:
        """Mentions per non-person name."""
        counts: dict[str, int] = {}
        for m in self._orgs():
            counts[m.name] = counts.get(m.name, 0) + 1
        return counts

    def _orgs(self) -> list[Mention]:
        return [m for m in self.mentions if not m.person]

    def person_for_pronoun(self, pos: int, *, exclude: tuple[str, ...] = ()) -> str | None:
        """He/she: a person earlier in the sentence, else the first person of the nearest
        preceding sentence that names one (the previous sentence's subject is most salient)."""
        index = self.sentence_of(pos)
        s_start = self.sentences[index][0]
        here = [p for p in self.persons_between(s_start, pos) if p not in exclude]
        if here:
            return here[0]
        for back in range(index - 1, max(-1, index - 6), -1):
            people = [p for p in self.persons_between(*self.sentences[back]) if p not in exclude]
            if people:
                return people[0]
        earlier = [p for p in self.persons_between(0, s_start) if p not in exclude]
        return earlier[-1] if earlier else None


def _name_tokens(phrase: str) -> list[str]:
    tokens = [_POSSESSIVE.sub("", t) for t in phrase.split()]
    tokens = [t for t in tokens if t]
    while tokens and tokens[0].lower() in lexicon.NOT_NAMES:
        tokens.pop(0)
    last_title = max((i for i, t in enumerate(tokens) if t.lower() in lexicon.TITLES), default=-1)
    tokens = tokens[last_title + 1 :]
    lower = [i for i, t in enumerate(tokens) if not t[:1].isupper() and t not in _NAME_JOINERS]
    # "automobile manufacturer Chrysler LLC" is named by its capitalised tail.
    return tokens[lower[-1] + 1 :] if lower and lower[-1] < len(tokens) - 1 else tokens


def build_document(text: str, sentences: list[tuple[int, int]], *, skip: int = 0) -> Document:
    """Index names and quotations of `text`; the first `skip` characters (a headline) are not
    used for names because title case makes every word look like one."""
    doc = Document(text=text, sentences=sentences, starts=[s for s, _ in sentences])
    raw = _drop_capitalised_starts(_raw_mentions(text, skip), sentences)
    alone = {tokens[0].lower() for _, _, tokens, _ in raw if len(tokens) == 1}
    for _, _, tokens, titled in raw:
        if _looks_like_person(tokens) and (titled or tokens[-1].lower() in alone):
            doc.full_names.setdefault(tokens[-1].lower(), " ".join(tokens))
    _index_acronyms(doc, raw)
    for start, end, tokens, titled in raw:
        name = " ".join(tokens)
        if name in doc.acronyms:
            name = doc.acronyms[name]
        full = doc.full_names.get(name.lower(), name) if len(tokens) == 1 else name
        person = full.split()[-1].lower() in doc.full_names and not _is_org(tokens)
        person = person or (titled and not _is_org(tokens))
        doc.mentions.append(Mention(start, end, full, person))
    doc.name_words = {w.lower() for m in doc.mentions for w in m.name.split()}
    doc.quotes = quote_regions(text)
    for i in range(len(doc.quotes)):
        doc.speakers.append(_speaker(doc, i))
    return doc


def _drop_capitalised_starts(
    raw: list[tuple[int, int, list[str], bool]], sentences: list[tuple[int, int]]
) -> list[tuple[int, int, list[str], bool]]:
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


def _index_acronyms(doc: Document, raw: list[tuple[int, int, list[str], bool]]) -> None:
    """ "GM" → "General Motors": an all-capitals word spelling the initials of a longer name."""
    longer = {" ".join(t) for _, _, t, _ in raw if len(t) >= 2}
    initials = {
        "".join(w[0] for w in name.split() if w[0].isupper()): name for name in sorted(longer)
    }
    for _, _, tokens, _ in raw:
        word = tokens[0]
        if len(tokens) == 1 and word.isupper() and len(word) >= 2 and word in initials:
            doc.acronyms[word] = initials[word]


def _looks_like_person(tokens: list[str]) -> bool:
    """Two or more name-like words: no organisation word, no acronym, no "New"/"North"..."""
    return (
        len(tokens) >= 2
        and not _is_org(tokens)
        and tokens[0].lower() not in lexicon.NOT_FIRST_NAMES
        and not any(len(t) > 1 and t.isupper() for t in tokens)
    )


def _is_org(tokens: list[str]) -> bool:
    return any(t.lower() in lexicon.ORG_WORDS for t in tokens)


def _raw_mentions(text: str, skip: int) -> list[tuple[int, int, list[str], bool]]:
    raw = []
    for m in _CAP_SEQ.finditer(text, skip):
        for start, end in _split_possessives(m.group(0), m.start()):
            words = text[start:end].split()
            tokens = _name_tokens(text[start:end])
            if not tokens or tokens[0].lower() in lexicon.NOT_NAMES:
                continue
            if all(t.lower() in lexicon.TIME_WORDS for t in tokens):
                continue
            titled = any(_POSSESSIVE.sub("", w).lower() in lexicon.PERSON_TITLES for w in words)
            raw.append((start, end, tokens, titled))
    return raw


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


def _speaker(doc: Document, index: int) -> tuple[str, ...]:
    """Who speaks quotation `index`: its attribution, else the speaker of the quotation just
    before it (a quotation continued after "said X.")."""
    start, end = doc.quotes[index]
    found = attribution(doc.text, doc.sentences[doc.sentence_of(start)], start, end)
    if found is not None:
        return resolve_np(doc, found[0], found[1])
    if index and start - doc.quotes[index - 1][1] < _CONTINUED_QUOTE:
        return doc.speakers[index - 1]
    return ()


def resolve_np(doc: Document, phrase: str, pos: int) -> tuple[str, ...]:
    """Actors named by a subject phrase at `pos` (coordination split, pronouns resolved)."""
    parts = [p.strip() for p in re.split(r"\s+and\s+|,\s+", phrase.strip()) if p.strip()]
    actors: list[str] = []
    for part in parts:
        for actor in _resolve_part(doc, part, pos, exclude=tuple(actors)):
            if actor and actor not in actors:
                actors.append(actor)
    return tuple(actors)


def _first_person(doc: Document, pos: int) -> tuple[str, ...]:
    """ "I"/"we": the quotation's speaker; outside quotation marks (a memo reproduced as is)
    the latest speaker before it, else the salient person."""
    q = doc.quote_at(pos)
    if q is not None:
        return doc.speakers[q]
    earlier = [
        who for (start, _), who in zip(doc.quotes, doc.speakers, strict=True) if start < pos
    ]
    if earlier and earlier[-1]:
        return earlier[-1]
    person = doc.person_for_pronoun(pos)
    return (person,) if person else ()


def _resolve_part(doc: Document, part: str, pos: int, *, exclude: tuple[str, ...]) -> list[str]:
    words = [w for w in part.split() if w.lower() not in lexicon.ADVERBS]
    low = " ".join(words).lower()
    if low in lexicon.PRONOUNS_SPEAKER:
        return list(_first_person(doc, pos))
    if low in lexicon.PRONOUNS_PERSON:
        person = doc.person_for_pronoun(pos, exclude=exclude)
        return [person] if person else []
    if low in lexicon.PRONOUNS_THING or (words and words[-1].lower() in lexicon.GENERIC_ORG_NOUNS):
        named = words[0][:1].isupper() and words[0].lower() not in lexicon.DETERMINERS
        if named and len(words) > 1 and low not in lexicon.PRONOUNS_THING:
            return [doc.canonical(" ".join(words))]
        org = doc.last_org(pos, noun=words[-1].lower() if words else "")
        return [org] if org else [" ".join(words)]
    if words and words[-1][:1].isupper():
        return [doc.canonical(" ".join(words))]
    if words and words[-1].lower() in lexicon.TITLES:  # "the Israeli leader": the salient person
        person = doc.person_for_pronoun(pos, exclude=exclude)
        return [person] if person else [" ".join(words)]
    return [" ".join(words)] if words else []
