"""Whether a chosen actor can be a committed party, checked against the text itself: a person,
an organisation or institution by its name or head, a title standing for one, a polity, a
resolved group ("the leaders"). Not a fragment ("reaffirmed his"), half a name the text only
uses inside a longer one ("New Cyber" of "New Cyber Security Centre"), a thing, an event, a
place or a beneficiary ("Families", "the Budget Statement", "in Ohio")."""

from __future__ import annotations

import re

from tracker.extract import lexicon as lexicon
from tracker.extract.actors import Document
from tracker.extract.party.heads import is_thing

__all__ = ["is_party", "party_within", "well_formed"]

# Lower-case words a name may hold ("Bank of England", "Department for the Economy").
_JOINERS = frozenset({"of", "for", "and", "the", "on", "in", "to", "de", "du", "des", "&", "at"})
# Capitalised words that make a run of title case a slogan, not a name ("Pay As You Go").
_NOT_IN_NAMES = lexicon.NOT_NAMES - _JOINERS
_PRONOUNS = lexicon.PRONOUNS_THING | lexicon.PRONOUNS_PERSON | lexicon.PRONOUNS_SPEAKER
_GROUP_HEADS = (lexicon.ACTOR_HEADS | lexicon.ORG_WORDS) - _PRONOUNS
_POSSESSIVE = re.compile(r"[’']s?$")
_WHERE = re.compile(r"\b(?:in|near|across|throughout|outside|inside|via)\s+(?:the\s+)?$", re.I)
# Capitalised words that open a sentence, not a name ("Across Wexland", "Following Acme").
_OPENING = _NOT_IN_NAMES | frozenset(
    {"across", "throughout", "within", "among", "through", "beyond", "around", "following"}
)
# Words that are no name on their own: a day, or a word that only starts one ("New").
_NO_NAME_ALONE = lexicon.TIME_WORDS | lexicon.NOT_FIRST_NAMES
# Plural nouns for people by what they do: "councillors", "negotiators", "economists".
_DOERS = re.compile(r"[a-z]{3}(?:ers|ors|ists|ians|ants|ents|ives)$")
_BODIES = lexicon.ORG_WORDS | lexicon.GENERIC_ORG_NOUNS | lexicon.PERSON_TITLES
# Heads of things that are also the names of bodies ("National Health Service", "Centre").
_THINGS = lexicon.THING_HEADS - lexicon.BODY_THING_HEADS


def is_party(doc: Document, name: str) -> bool:
    """Whether `name` can be who commits, by its form and by how the text uses it."""
    words = _POSSESSIVE.sub("", name).split()
    if not words:
        return False
    if not _well_formed(words) or (len(words) == 1 and words[0].lower() in _NO_NAME_ALONE):
        return name in (doc.author, doc.voice)  # "Today", "New" (of "New plan to ...")
    if name in (doc.author, doc.voice) or _person(doc, name):
        return True
    if name in doc.titles.values() or name in doc.affiliations.values():
        return True  # a titled person, the organisation someone speaks for
    if _thing(doc, words) or _beneficiary(words) or _common_noun(doc, words):
        return False
    return not (_half_name(doc, name) or _place_only(doc, name))


def well_formed(name: str) -> bool:
    """Whether `name` has a name's or a group's shape, whatever it names."""
    words = _POSSESSIVE.sub("", name).split()
    return bool(words) and _well_formed(words)


def _person(doc: Document, name: str) -> bool:
    return any(m.person and m.name == name for m in doc.mentions)


def _well_formed(words: list[str]) -> bool:
    """A name's shape: capitalised words and joiners ("Ministry of Defence"), or a group or
    title with a common head ("the government", "global leaders", "the Prime Minister")."""
    head = words[-1].lower()
    if head in lexicon.DETERMINERS or head in _JOINERS or head in lexicon.PRONOUNS_THING:
        return False  # "reaffirm its", "part of our"
    if words[-1][:1].islower():
        return _group(words)
    if words[0].lower() in _OPENING:
        return False  # "Across Wexland": a sentence's opener run into a name
    inner = words[1:] if words[0] in ("The", "the") else words
    for word in inner:
        low = word.lower()
        if word[:1].isupper() and low in _NOT_IN_NAMES:
            return False  # "Pay As You Go"
        if word[:1].islower() and low not in _JOINERS and not word[:1].isdigit():
            return False  # "Today's measures are part of Acme"
    return True


def _group(words: list[str]) -> bool:
    """A common-noun phrase that names who acts: its head is an institution, a title or a
    group ("the government", "participating companies"), and no verb or pronoun precedes."""
    head = words[-1].lower()
    singular = head[:-3] + "y" if head.endswith("ies") else head.removesuffix("s")
    doers = _DOERS.search(head) and not _beneficiary(words)  # "councillors", "economists"
    if not (head in _GROUP_HEADS or singular in _GROUP_HEADS or doers):
        return False
    return not any(
        w.lower() in lexicon.VERB_WORDS or w.lower() in lexicon.PRONOUNS_THING for w in words
    )


def _thing(doc: Document, words: list[str]) -> bool:
    """A law, plan, place or event by its head or its expansion ("FTA": a trade agreement)."""
    name = " ".join(words)
    if name in doc.things:
        return True
    expanded = doc.acronyms.get(name)
    whole = expanded.split() if expanded else words
    heads = {w.lower() for w in whole} & lexicon.THING_HEADS
    return bool(heads) and heads <= _THINGS and (is_thing(whole) or whole[-1].lower() in _THINGS)


def _beneficiary(words: list[str]) -> bool:
    """Who receives rather than acts ("Families", "social care workers")."""
    return words[-1].lower() in lexicon.BENEFICIARY_HEADS


def _common_noun(doc: Document, words: list[str]) -> bool:
    """One capitalised word the text also writes in lower case: a common noun that opened a
    sentence ("Discussions will continue" beside "the discussions")."""
    if len(words) != 1 or not words[0][:1].isupper() or words[0].isupper():
        return False
    low = words[0].lower()
    if low in _BODIES:
        return False  # "Commission", "Government": an institution the text may call so
    return re.search(rf"\b{re.escape(low)}\b", doc.text) is not None


def _half_name(doc: Document, name: str) -> bool:
    """A name the text never writes alone, only as the start of a longer one ("New Cyber" of
    "New Cyber Security Centre", "UEFA EURO" of "UEFA EURO 2028")."""
    found = [m.end() for m in re.finditer(rf"\b{re.escape(name)}\b", doc.text)]
    if not found:
        return False
    return all(re.match(r"[ \t]+(?:[A-Z]|\d)", doc.text[end : end + 3]) for end in found)


def _place_only(doc: Document, name: str) -> bool:
    """A name the text only uses as where something happens ("a plant in Ohio"), unless it
    is a body's name ("a hearing in the Bankruptcy Court")."""
    if _BODIES.intersection(name.lower().split()):
        return False
    uses = [m.start for m in doc.mentions if m.name == name]
    return bool(uses) and all(_WHERE.search(doc.text, max(0, at - 30), at) for at in uses)


_RUN = re.compile(
    r"(?:\b[Tt]he[ \t]+)?[A-Z][\w.&’'-]*(?:[ \t]+(?:(?:of|for|and|the|on)[ \t]+)*[A-Z][\w.&’'-]*)*"
)


def party_within(doc: Document, name: str) -> str | None:
    """The name inside a phrase that is no party as a whole, the last one first ("top
    business leaders the Business Secretary", "Acme Financial made a statement")."""
    runs = [m.group(0) for m in _RUN.finditer(name)]
    runs = [*(" ".join(run.split()[1:]) for run in runs[:1]), *runs]  # "Across Wexland"
    runs = [run for run in runs if run and run != name]
    return next((run for run in reversed(runs) if _known(doc, run) and is_party(doc, run)), None)


def _known(doc: Document, run: str) -> bool:
    """A body or a person by its words, or a name the text gives more than once."""
    if _BODIES.intersection(run.lower().split()) or _person(doc, run):
        return True
    return sum(m.name == run for m in doc.mentions) > 1
