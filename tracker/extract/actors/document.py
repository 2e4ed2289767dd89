"""The per-text indexes actors are resolved against: name mentions, quotations and their
speakers, the house voice of a release, titled people (built by actors.build)."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from tracker.extract import lexicon as lexicon
from tracker.extract import names as names

_MODEL = re.compile(r"\d")


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
    topics: set[str] = field(default_factory=set)  # "AI" of "AI research": no party
    makers: dict[str, str] = field(default_factory=dict)  # "Taurus" → "Ford"
    lead: tuple[str, ...] = ()  # who the headline says acts: "UK and U.S. to clamp down"
    affiliations: dict[str, str] = field(default_factory=dict)  # "Jane Roe" → "Acme"
    things: set[str] = field(default_factory=set)  # "AI Act", "Horizon Europe": run by a party

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
            return self.titled_form(name)
        return self.full_names.get(name.lower()) or self.acronyms.get(name) or name

    def titled_form(self, name: str) -> str:
        """A person's name as a title gives it, without the capitalised words run into it
        ("Democracy, and Human Rights Uzra Zeya" → "Uzra Zeya")."""
        return next((t for t in self.titles.values() if name.endswith(" " + t)), name)

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
        previous = self.sentences[max(0, index - 1)][0]
        last = [
            m.name
            for m in self._orgs(strict=True)
            if previous <= m.start < pos and (counts[m.name] > 1 or names.is_org(m.name.split()))
        ]
        if last and noun in ("", "it", "its"):  # "... set up an AI Office. It will"
            return max(reversed(last), key=lambda name: counts.get(name, 0))
        if not recent:
            return self.main_org()
        return max(reversed(recent), key=lambda name: counts.get(name, 0))

    def latest_is_thing(self, pos: int) -> bool:
        """Whether the last name other than a person's before `pos`, in its sentence or the
        one before, is a thing ("the Defence Review, which ..., it would")."""
        since = self.sentences[max(0, self.sentence_of(pos) - 1)][0]
        for m in reversed(self.mentions):
            if m.start < since:
                return False
            if m.start < pos and not m.person:
                return m.name in self.things
        return False

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

    def salient_org(self, pos: int, *, here_only: bool = False) -> str | None:
        """Who a sentence without an acting subject is about: the organisation with the most
        mentions in the text, plus one if named in the last few sentences; one named earlier
        in the same sentence comes first (`here_only`: only that one)."""
        index = self.sentence_of(pos)
        orgs = self._orgs()
        here = [m.name for m in orgs if self.starts[index] <= m.start < pos]
        counts = self.org_counts()
        if here:  # "Virgin has bought six and intends to ...": the subject left out
            return max(reversed(here), key=lambda name: counts[name])
        if here_only:
            return None
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
        orgs = [
            m
            for m in self.mentions
            if not m.person
            and not _MODEL.search(m.name)
            and m.name not in self.topics
            and m.name not in self.things
        ]
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
