"""Building a `Document`: names (tracker/extract/names/), the publisher's voice and titled
people, whom people speak for, products' makers, the headline's parties, quotations and who
speaks each."""

from __future__ import annotations

import re
from dataclasses import replace

from tracker.extract import lexicon as lexicon
from tracker.extract import names as names
from tracker.extract import publisher as publisher
from tracker.extract.actors.affiliation import affiliations
from tracker.extract.actors.document import Document, Mention
from tracker.extract.actors.resolve import resolve_np
from tracker.extract.quotes import attribution, quote_regions

CONTINUED_QUOTE = 400  # characters between two quotations by the same speaker, at most


def build_document(text: str, sentences: list[tuple[int, int]], *, skip: int = 0) -> Document:
    """Index names and quotations of `text`; the first `skip` characters (a headline) are not
    used for names because title case makes every word look like one."""
    doc = Document(text=text, sentences=sentences, starts=[s for s, _ in sentences])
    raw = names.find_names(text, sentences, skip=skip)
    doc.full_names = names.full_names(raw, text=text)
    doc.titles = publisher.titled_people(text, surnames=doc.full_names)
    doc.full_names = {k: doc.titled_form(v) for k, v in doc.full_names.items()}
    doc.acronyms = names.acronyms(text, raw)
    doc.topics = names.topic_acronyms(text, raw, doc.acronyms)
    for start, end, tokens, titled in raw:
        name = doc.acronyms.get(" ".join(tokens), " ".join(tokens))
        full = doc.full_names.get(name.lower(), name) if len(tokens) == 1 else name
        full = doc.titled_form(full)
        person = full.split()[-1].lower() in doc.full_names or titled
        person = (
            person and not names.is_org(tokens) and tokens[-1].lower() not in lexicon.THING_HEADS
        )
        previous_end = doc.mentions[-1].end if doc.mentions else -1
        place = names.is_place(text, start, previous_end=previous_end)
        doc.mentions.append(Mention(start, end, full, person, place))
    doc.name_words = {w.lower() for m in doc.mentions for w in m.name.split()}
    doc.things = names.thing_names(text, [(m.end, m.name) for m in doc.mentions])
    # "Horizon Europe, the EU's research programme": two capitalised words, but no person
    doc.mentions = [
        replace(m, person=False) if m.person and m.name in doc.things else m for m in doc.mentions
    ]
    doc.makers = _makers(doc)
    doc.affiliations = affiliations(doc)
    doc.lead = headline_parties(doc, skip)
    doc.voice = publisher.house_voice(text)
    doc.author = publisher.author(text)
    doc.quotes = quote_regions(text)
    for i in range(len(doc.quotes)):
        doc.speakers.append(_speaker(doc, i))
    return doc


# "UK and South Korea to launch talks": the names a headline opens with, before its verb.
_HEADLINE_SUBJECT = re.compile(
    r"\s*(?:The\s+)?(?P<np>[A-Z][\w.&’'-]*(?:\s+(?:and\s+)?[A-Z][\w.&’'-]*){0,5})"
    r"\s+(?:to|will|[a-z]+[^s\W]s)\b"  # a verb, not a noun the name modifies ("Trade win")
)


def _makers(doc: Document) -> dict[str, str]:
    """Product → maker, where the text puts the maker's name before the product's ("Ford
    Taurus", "Airbus A380") and names both alone too (or the product is a numbered model)."""
    alone = {m.name for m in doc.mentions if not m.person and not m.place}
    found: dict[str, str] = {}
    for m in doc.mentions:
        maker, _, product = m.name.partition(" ")
        if m.person or maker not in alone or maker.isupper() or not product:
            continue
        words = product.lower().split()
        body = any(w in lexicon.ORG_WORDS or w in lexicon.GENERIC_ORG_NOUNS for w in words)
        short = len(words) <= 2  # "Mac OS X Lion" is one name, not Mac's "OS X Lion"
        if short and not body and (product in alone or any(c.isdigit() for c in product)):
            found[product] = found[m.name] = maker
    return found


_COUNTRY = re.compile(r"(?:[A-Z]\.){2,3}|U[KS]A?")  # "U.S.", "UK": never a mention alone


def headline_parties(doc: Document, skip: int) -> tuple[str, ...]:
    """Who a headline says acts ("UK and U.S. to clamp down", "Acme to cut jobs"): the parties
    the story is about, when a sentence names none. None for a thing ("Childcare Offer
    extended"), a title ("PM launches") or a date."""
    m = _HEADLINE_SUBJECT.match(doc.text, 0, skip)
    if m is None:
        return ()
    parts = [p.split() for p in re.split(r"\s+and\s+", m.group("np"))]
    if any(_no_party(words) for words in parts):
        return ()
    found = tuple(dict.fromkeys(doc.canonical(" ".join(words)) for words in parts))
    known = doc.org_counts()  # a title-case headline capitalises every word: the body says
    return found if all(name in known or _COUNTRY.fullmatch(name) for name in found) else ()


def _no_party(words: list[str]) -> bool:
    last = words[-1].lower().removesuffix("’s").removesuffix("'s")
    return (
        last in lexicon.THING_HEADS
        or last in lexicon.PERSON_TITLES
        or last in lexicon.TIME_WORDS
        or words[0].lower() in lexicon.NOT_NAMES
        or words[0].lower() in lexicon.QUANTIFIERS
    )


def _speaker(doc: Document, index: int) -> tuple[str, ...]:
    """Who speaks quotation `index`: its attribution, else the speaker of the quotation just
    before it (a quotation continued after "said X.")."""
    start, end = doc.quotes[index]
    found = attribution(doc.text, doc.sentences[doc.sentence_of(start)], start, end)
    if found is not None:
        return resolve_np(doc, found[0], found[1])
    if index and start - doc.quotes[index - 1][1] < CONTINUED_QUOTE:
        return doc.speakers[index - 1]
    return ()
