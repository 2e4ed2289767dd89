"""Who is committed: the document's name mentions (found by tracker/extract/names.py),
pronouns and generic nouns resolved to them, the organisation a sentence is about, and the
speakers of quotations ("said X", "X said", "according to X"). Heuristic and pure."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from tracker.extract import lexicon as lexicon
from tracker.extract import names as names
from tracker.extract import publisher as publisher
from tracker.extract.quotes import attribution, quote_regions

__all__ = ["Document", "Mention", "build_document", "resolve_np"]

_MODEL = re.compile(r"\d")
_CONTINUED_QUOTE = 400  # characters between two quotations by the same speaker, at most


@dataclass(frozen=True, slots=True)
class Mention:
    """A name in the text: [start, end), its canonical form and whether it looks like a person."""

    start: int
    end: int
    name: str
    person: bool
    place: bool = False  # "in Ontario", "Toulouse, France": where, not who


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
    voice: str | None = None  # the institution a release speaks for ("the Government")
    author: str | None = None  # "Statement from President Joe Biden"
    titles: dict[str, str] = field(default_factory=dict)  # "prime minister" → "Keir Starmer"

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
        tokens = names.name_tokens(phrase)
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
        counts = self.org_counts()
        hints = lexicon.GENERIC_HINTS.get(noun, frozenset())
        fitting = [n for n in counts if hints & set(n.lower().split())]
        if fitting:
            recent_fit = [n for n in recent if n in fitting]
            return recent_fit[-1] if recent_fit else fitting[0]
        if here:  # "After ANA's plane arrives in Tokyo, the airline will ..."
            return max(reversed(here), key=lambda name: counts.get(name, 0))
        if not recent:
            return self.main_org()
        return max(reversed(recent), key=lambda name: counts.get(name, 0))

    def orgs_between(self, start: int, end: int) -> list[str]:
        """Organisations (not places, models or persons) named in [start, end), in order."""
        names = [m.name for m in self._orgs(strict=True) if start <= m.start < end]
        return list(dict.fromkeys(names))

    def names_between(self, start: int, end: int) -> list[str]:
        """People and organisations (not places or models) named in [start, end), in order."""
        orgs = {id(m) for m in self._orgs(strict=True)}
        found = [
            m.name for m in self.mentions if start <= m.start < end and (m.person or id(m) in orgs)
        ]
        return list(dict.fromkeys(found))

    def salient_org(self, pos: int) -> str | None:
        """Who a sentence without an acting subject is about: the organisation with the most
        mentions in the text, plus one if named in the last few sentences; one named earlier
        in the same sentence comes first."""
        index = self.sentence_of(pos)
        orgs = self._orgs()
        here = [m.name for m in orgs if self.starts[index] <= m.start < pos]
        counts = self.org_counts()
        if here:  # "Virgin has bought six and intends to ...": the subject left out
            return max(reversed(here), key=lambda name: counts[name])
        since = self.sentences[max(0, index - 3)][0]
        recent = {m.name for m in orgs if since <= m.start < pos}
        score = {name: count + (name in recent) for name, count in counts.items()}
        return max(score, key=lambda name: score[name]) if score else None

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

    def _orgs(self, *, strict: bool = False) -> list[Mention]:
        # A name with a digit is a model ("A380", "KC-45"), not who acts.
        orgs = [m for m in self.mentions if not m.person and not _MODEL.search(m.name)]
        return [m for m in orgs if not m.place] or ([] if strict else orgs)

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


def build_document(text: str, sentences: list[tuple[int, int]], *, skip: int = 0) -> Document:
    """Index names and quotations of `text`; the first `skip` characters (a headline) are not
    used for names because title case makes every word look like one."""
    doc = Document(text=text, sentences=sentences, starts=[s for s, _ in sentences])
    raw = names.find_names(text, sentences, skip=skip)
    doc.full_names = names.full_names(raw)
    doc.acronyms = names.acronyms(text, raw)
    for start, end, tokens, titled in raw:
        name = doc.acronyms.get(" ".join(tokens), " ".join(tokens))
        full = doc.full_names.get(name.lower(), name) if len(tokens) == 1 else name
        person = full.split()[-1].lower() in doc.full_names or titled
        person = (
            person and not names.is_org(tokens) and tokens[-1].lower() not in lexicon.THING_HEADS
        )
        previous_end = doc.mentions[-1].end if doc.mentions else -1
        place = names.is_place(text, start, previous_end=previous_end)
        doc.mentions.append(Mention(start, end, full, person, place))
    doc.name_words = {w.lower() for m in doc.mentions for w in m.name.split()}
    doc.voice = publisher.house_voice(text)
    doc.author = publisher.author(text)
    doc.titles = publisher.titled_people(text)
    doc.quotes = quote_regions(text)
    for i in range(len(doc.quotes)):
        doc.speakers.append(_speaker(doc, i))
    return doc


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
    titled = publisher.titled_name(phrase.strip())
    if titled:  # "Business and Trade Secretary Peter Kyle": one person
        return (doc.canonical(titled),)
    parts = [p.strip() for p in re.split(r"\s+and\s+|,\s+", phrase.strip()) if p.strip()]
    actors: list[str] = []
    for part in parts:
        for actor in _resolve_part(doc, part, pos, exclude=tuple(actors)):
            if actor and actor not in actors:
                actors.append(actor)
    return tuple(actors)


def _first_person(doc: Document, pos: int, *, plural: bool = True) -> tuple[str, ...]:
    """ "I"/"we": the quotation's speaker; outside quotation marks, the voice of a release
    ("we" of "the Government"; "I" of a statement from its author), else the latest speaker
    before it (a memo reproduced as is), else the salient person."""
    # while the speakers are still being found, only the earlier quotations have one
    known = doc.quotes[: len(doc.speakers)]
    q = doc.quote_at(pos)
    if q is not None and q < len(known):
        return doc.speakers[q] or _house(doc, plural=plural)
    house = _house(doc, plural=plural)
    if house:
        return house
    earlier = [who for (start, _), who in zip(known, doc.speakers, strict=True) if start < pos]
    if earlier and earlier[-1]:
        return earlier[-1]
    person = doc.person_for_pronoun(pos)
    return (person,) if person else ()


def _house(doc: Document, *, plural: bool) -> tuple[str, ...]:
    """Who "we" (the institution) or "I" (the author) is in a release that says so."""
    first = (doc.voice, doc.author) if plural else (doc.author, doc.voice)
    return tuple(who for who in first[:1] if who) or tuple(who for who in first if who)[:1]


def _organisation(doc: Document, words: list[str], pos: int) -> list[str]:
    """ "it", "the company": the organisation meant. "The Transport Ministry" is a name and
    "the Russian government" an institution in its own right; "the German carmaker" is not.
    "The government" is the state a name or the release's voice says, never a company."""
    low = " ".join(words).lower()
    bare = [w for w in words if w.lower() not in lexicon.DETERMINERS]
    named = len(bare) > 1 and bare[-1][:1].isupper() and bare[0][:1].isupper()
    if named and low not in lexicon.PRONOUNS_THING:
        return [doc.canonical(" ".join(words))]
    if len(bare) > 1 and bare[0][:1].isupper() and bare[-1] in lexicon.INSTITUTION_NOUNS:
        return [" ".join(bare)]
    noun = words[-1].lower() if words else ""
    if noun in lexicon.STATE_NOUNS and len(bare) == 1:
        return _state(doc, words, pos)
    org = doc.last_org(pos, noun=noun)
    if org or low in lexicon.PRONOUNS_THING:  # an unresolved "it" names nobody
        return [org] if org else []
    return [" ".join(words)]


def _state(doc: Document, words: list[str], pos: int) -> list[str]:
    """ "my Administration" → its speaker; "the government" → a name of the text that says
    government, else the release's voice, else the phrase itself."""
    if words[0].lower() in lexicon.PRONOUNS_SPEAKER:
        return list(_first_person(doc, pos, plural=words[0].lower() in ("we", "our", "us")))
    noun = words[-1].lower()
    hints = lexicon.GENERIC_HINTS.get(noun, frozenset({noun}))
    counts = doc.org_counts()
    fitting = [n for n in counts if hints & set(n.lower().split()) and n.lower() != noun]
    if fitting:  # "the UK Government", "the Biden Administration"
        return [max(fitting, key=lambda name: counts[name])]
    if doc.voice and doc.voice.lower().endswith(noun):
        return [doc.voice]
    return ["the " + " ".join(w for w in words if w.lower() != "the")]


def _role(doc: Document, words: list[str]) -> list[str]:
    """ "the Prime Minister" where the text says "Prime Minister Keir Starmer": the person
    first, then the role as written."""
    bare = [w for w in words if w.lower() not in lexicon.DETERMINERS]
    person = doc.titles.get(" ".join(bare).lower().removesuffix("’s").removesuffix("'s"))
    return [person, " ".join(["the", *bare])] if person else []


def _named(doc: Document, words: list[str]) -> str:
    """A phrase ending in a name: the name, except a group of an event ("Organisers of the
    Games" are not the Games)."""
    group = len(words) > 2 and words[0].lower() in lexicon.AGENT_NOUNS
    if group and words[1] in ("of", "for") and words[-1].lower() in lexicon.THING_HEADS:
        return " ".join(words)
    return doc.canonical(" ".join(words))


def _resolve_part(doc: Document, part: str, pos: int, *, exclude: tuple[str, ...]) -> list[str]:
    words = [w for w in part.split() if w.lower() not in lexicon.ADVERBS]
    low = " ".join(words).lower()
    if low in lexicon.PRONOUNS_SPEAKER:
        return list(_first_person(doc, pos, plural=low not in ("i", "me", "my")))
    if words and words[-1].lower() in lexicon.PERSON_TITLES and _role(doc, words):
        return _role(doc, words)
    if low in lexicon.PRONOUNS_PERSON:
        person = doc.person_for_pronoun(pos, exclude=exclude)
        return [person] if person else []
    if low in lexicon.PRONOUNS_THING or (words and words[-1].lower() in lexicon.GENERIC_ORG_NOUNS):
        return _organisation(doc, words, pos)
    if words and words[-1][:1].isupper():
        return [_named(doc, words)]
    if words and words[-1].lower() in lexicon.TITLES:  # "the Israeli leader": the salient person
        person = doc.person_for_pronoun(pos, exclude=exclude)
        return [person] if person else [" ".join(words)]
    return [" ".join(words)] if words else []
