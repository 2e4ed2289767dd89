"""Article text → candidate commitments: publication date, sentences, cue clauses, actors,
action, deadline and due date. Pure: the reference date is passed in, never read from a clock.

The rules live in tracker/cues.py (cue classes, hedges, conditionals, past markers),
tracker/extract_clauses.py and extract_subject.py (clauses, subjects, sources),
tracker/extract_actors.py, extract_quotes.py and extract_lexicon.py (who: names, pronouns,
speakers) and tracker/extract_deadline.py (by when).
"""

from __future__ import annotations

import logging
import re
from dataclasses import replace
from datetime import date, timedelta

from tracker import extract_lexicon as lexicon
from tracker.domain import Candidate, DueBasis, Extraction, Horizons, Kind, PublishedBasis, Timex
from tracker.extract_actors import Document, build_document, resolve_np
from tracker.extract_clauses import Clause, find_clauses
from tracker.extract_deadline import choose_deadline, timexes_for
from tracker.published import find_published
from tracker.sentences import split_sentences

__all__ = ["extract"]

logger = logging.getLogger(__name__)

DEFAULT_HORIZONS = Horizons()
_ACTION_WORDS = 14
_POSSESSIVE = re.compile(r"[’']s?$")


def extract(
    text: str,
    *,
    published: date | None = None,
    published_basis: PublishedBasis | None = None,
    fallback_ref: date | None = None,
    horizons: Horizons = DEFAULT_HORIZONS,
) -> Extraction:
    """Find the forward-looking commitments of an article, in text order."""
    ref, basis = _publication(text, published, published_basis, fallback_ref)
    sentences = split_sentences(text)
    headline_end = _headline_end(text, sentences)
    doc = build_document(text, sentences, skip=headline_end)
    clauses = [c for s, e in sentences for c in find_clauses(text, s, e, quotes=doc.quotes)]
    clauses = _drop_headline_repeats(text, clauses, headline_end)
    timexes = timexes_for(text, ref=ref)
    found = (_candidate(doc, c, timexes, ref=ref, horizons=horizons) for c in clauses)
    candidates = tuple(c for c in found if c is not None)
    logger.debug("extracted %d candidates from %d sentences", len(candidates), len(sentences))
    return Extraction(published=ref, published_basis=basis, commitments=candidates)


def _publication(
    text: str,
    published: date | None,
    basis: PublishedBasis | None,
    fallback_ref: date | None,
) -> tuple[date | None, PublishedBasis]:
    """The reference date and how it was established: given, in the text, fetched, unknown."""
    if published is not None:
        return published, basis or PublishedBasis.GIVEN
    found = find_published(text, ref=fallback_ref)
    if found is not None:
        return found, PublishedBasis.TEXT
    if fallback_ref is not None:
        return fallback_ref, PublishedBasis.FETCHED
    return None, PublishedBasis.UNKNOWN


def _headline_end(text: str, sentences: list[tuple[int, int]]) -> int:
    """End of a headline (a first line without final punctuation), else 0."""
    if not sentences:
        return 0
    start, end = sentences[0]
    line_end = text.find("\n", start)
    one_line = line_end < 0 or line_end >= end
    return end if one_line and text[end - 1] not in ".!?”\"'" and len(sentences) > 1 else 0


def _drop_headline_repeats(text: str, clauses: list[Clause], headline_end: int) -> list[Clause]:
    """A headline clause that the body restates is the same commitment: keep the body's."""
    body = [c for c in clauses if c.start >= headline_end]
    body_words = [_content_words(text[c.start : c.end]) for c in body]
    kept = [
        c
        for c in clauses
        if c.start >= headline_end
        or not any(len(_content_words(text[c.start : c.end]) & words) >= 2 for words in body_words)
    ]
    return kept


def _content_words(phrase: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]{4,}", phrase.lower()) if w not in lexicon.STOPWORDS}


def _candidate(
    doc: Document,
    clause: Clause,
    timexes: list[Timex],
    *,
    ref: date | None,
    horizons: Horizons,
) -> Candidate | None:
    """Complete a clause with actors, action, deadline and due date (None: no due date)."""
    sentence = doc.sentences[doc.sentence_of(clause.cue_start)]
    deadline = choose_deadline(timexes, clause.span, sentence, text=doc.text, ref=ref)
    if clause.cue.name == "dated_ability" and deadline is None:
        return None  # "can" without a date is a capability, not a commitment
    if _unattributed_forecast(doc, clause):
        if deadline is None:
            return None
        clause = replace(clause, kind=Kind.PLAN)  # "The first flight will take off on May 2"
    if deadline is not None:
        due, basis = deadline[1], DueBasis.DEADLINE
    elif ref is not None:
        due, basis = ref + timedelta(days=horizons.days(clause.kind)), DueBasis.DEFAULT
    else:
        return None  # neither a stated deadline nor a date to count a horizon from
    actors = _actors(doc, clause)
    confidence = clause.cue.strength + (0.05 if clause.in_quote else 0) - (0 if actors else 0.2)
    return Candidate(
        quote=doc.text[clause.start : clause.end],
        start=clause.start,
        end=clause.end,
        actors=actors,
        kind=clause.kind,
        action=_action(doc.text, clause),
        due=due,
        due_basis=basis,
        deadline=deadline[1] if deadline else None,
        deadline_text=deadline[0].text if deadline else None,
        deadline_value=deadline[0].value if deadline else None,
        confidence=round(min(1.0, max(0.0, confidence)), 2),
    )


def _unattributed_forecast(doc: Document, clause: Clause) -> bool:
    """A bare "X will happen" from the writer, with nobody who predicts or commits to it."""
    return (
        clause.kind == Kind.PREDICTION
        and clause.cue.kind is None
        and not clause.source
        and doc.quote_at(clause.cue_start) is None
    )


def _actors(doc: Document, clause: Clause) -> tuple[str, ...]:
    """Who is committed: an agentive subject, plus whoever states it (speaker or source);
    else the people named in the sentence; else the organisation the article is about."""
    actors = [*_subject_actors(doc, clause), *_source_actors(doc, clause)]
    outside = _persons_outside_quotes(doc, clause.cue_start)
    if clause.kind == Kind.AGREEMENT and clause.subject.lower() in ("we", "they"):
        actors += outside  # "we agreed" in a meeting: both parties
    if not actors:
        actors = outside or [doc.last_org(clause.start) or ""]
    return tuple(dict.fromkeys(a for a in actors if a))


def _subject_actors(doc: Document, clause: Clause) -> list[str]:
    words = clause.subject.split()
    while len(words) > 1 and words[0].lower() in lexicon.DETERMINERS:
        words = words[1:]  # "The U.S. Treasury" is named by "U.S. Treasury"
    if not words:
        return []
    head = words[-1].lower()
    named = words[-1][:1].isupper() and (
        _POSSESSIVE.sub("", words[-1]).lower() in doc.name_words
        or all(w[:1].isupper() and w.lower() not in lexicon.NOT_NAMES for w in words)
    )
    agentive = (
        named
        or head in lexicon.PRONOUNS_SPEAKER | lexicon.PRONOUNS_PERSON | lexicon.PRONOUNS_THING
        or head in lexicon.GENERIC_ORG_NOUNS | lexicon.PERSON_TITLES
    )
    return list(resolve_np(doc, clause.subject, clause.subject_start)) if agentive else []


def _source_actors(doc: Document, clause: Clause) -> list[str]:
    quote = doc.quote_at(clause.cue_start)
    if quote is not None:
        return list(doc.speakers[quote])
    if clause.source:
        return list(resolve_np(doc, clause.source, clause.source_start))
    return []


def _persons_outside_quotes(doc: Document, pos: int) -> list[str]:
    s_start, s_end = doc.sentences[doc.sentence_of(pos)]
    names = [
        m.name
        for m in doc.mentions
        if s_start <= m.start < s_end and m.person and doc.quote_at(m.start) is None
    ]
    return list(dict.fromkeys(names))


def _action(text: str, clause: Clause) -> str:
    """A short verb phrase for what was committed to."""
    begin = clause.cue_end if clause.cue.verb_follows else clause.cue_start
    words = text[begin : clause.end].strip(" ,—-:").split()[:_ACTION_WORDS]
    action = " ".join(words).rstrip(",;:—-")
    if clause.negated:
        action = "not " + action
    return action or text[clause.cue_start : clause.cue_end].strip()
