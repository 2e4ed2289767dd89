"""Article text → candidate commitments: publication date, sentences, cue clauses, actors,
action, deadline and due date. Pure: the reference date is passed in, never read from a clock.

The rules live beside it in tracker/extract/: cues/ (cue classes), vetoes.py (hedges,
conditionals, past markers), clauses.py and subject.py (clauses, subjects, sources), kind.py
and frames.py (which kind), actors/, names/, quotes.py and lexicon.py (who: names,
pronouns, speakers) and deadline/ (by when).
"""

from __future__ import annotations

import logging
import re
from dataclasses import replace
from datetime import date, timedelta

from tracker.domain import Candidate, DueBasis, Extraction, Horizons, Kind, PublishedBasis, Timex
from tracker.extract import frames as kinds
from tracker.extract import lexicon as lexicon
from tracker.extract.action import action_phrase
from tracker.extract.actors import Document, build_document
from tracker.extract.boilerplate import blank_boilerplate
from tracker.extract.budget import Deadline, windows
from tracker.extract.clauses import Clause, find_clauses
from tracker.extract.deadline import choose_deadline, timexes_for
from tracker.extract.headline import drop_headline_repeats, headline_end
from tracker.extract.lists import list_items
from tracker.extract.party import clause_actors
from tracker.extract.published import find_published
from tracker.extract.restate import fold_restatements
from tracker.extract.sentences import split_sentences
from tracker.extract.sites import site_voice, voice_on_site
from tracker.extract.voice import is_release, publisher_measure

__all__ = ["extract"]

logger = logging.getLogger(__name__)

DEFAULT_HORIZONS = Horizons()
_DATED_ONLY = frozenset(
    {
        "dated_ability",
        "dated_progressive",
        "expected_date",
        "dated_continuation",
        "look_forward",
        "invited_to",
        "dated_present",
        "postponed_until",
        "event_scheduled",
        "dated_event",
    }
)
# "The plane was due to fly on to Chiang Mai": a schedule seen from the past, which commits
# only when it names a time still ahead ("said it was due to land next week")
_PAST_SCHEDULE = re.compile(r"(?:was|were)\b", re.I)
# Cues whose verb form is itself future, so a time adverbial before them dates the action.
_FUTURE_FORMS = frozenset(
    {
        "future_modal",
        "reported_modal",
        "be_to",
        "scheduled",
        "to_be_done",
        "likely",
        "listed",
        *_DATED_ONLY,
    }
)


def extract(
    text: str,
    *,
    published: date | None = None,
    published_basis: PublishedBasis | None = None,
    fallback_ref: date | None = None,
    horizons: Horizons = DEFAULT_HORIZONS,
    deadline: Deadline | None = None,
    source_url: str | None = None,
) -> Extraction:
    """Find the forward-looking commitments of an article, in text order. A long text is
    read in windows of paragraphs and at most MAX_CHARS of it; `deadline` bounds the time.
    `source_url`: the page's address; an official site's institution speaks where the text
    names no voice of its own (tracker/extract/sites.py)."""
    ref, basis = _publication(text, published, published_basis, fallback_ref)
    site = site_voice(source_url)
    candidates: list[Candidate] = []
    read_to = 0
    for start, end in windows(text):
        window = text[start:end]
        part = _read(window, ref, horizons, headline=start == 0, deadline=deadline, site=site)
        candidates.extend(replace(c, start=c.start + start, end=c.end + start) for c in part)
        read_to = end
    cut = read_to if read_to < len(text.rstrip()) else None
    return Extraction(ref, basis, fold_restatements(tuple(candidates), text), read_to=cut)


def _read(
    text: str,
    ref: date | None,
    horizons: Horizons,
    *,
    headline: bool,
    deadline: Deadline | None,
    site: str | None = None,
) -> list[Candidate]:
    """The candidates of one window of the text (spans relative to the window); `site`: the
    institution whose site the text is on, its voice where the text names none."""
    check = deadline.check if deadline is not None else _no_check
    text = blank_boilerplate(text)  # same offsets: spans still index the caller's text
    sentences = split_sentences(text)
    end_of_headline = headline_end(text, sentences) if headline else 0
    doc = build_document(text, sentences, skip=end_of_headline)
    if doc.author is None:
        doc.voice = voice_on_site(doc.voice, site)
    clauses = []
    for s, e in sentences:
        check()
        clauses.extend(find_clauses(text, s, e, quotes=doc.quotes))
    clauses = drop_headline_repeats(text, clauses, end_of_headline)
    listed = list_items(text, [c.span for c in clauses])
    clauses = sorted([*clauses, *listed], key=lambda c: c.start) if listed else clauses
    timexes = timexes_for(text, ref=ref)
    release = is_release(text, sentences, voice=doc.author or doc.voice)
    found = []
    for clause in clauses:
        check()
        found.append(_candidate(doc, clause, timexes, ref=ref, horizons=horizons, release=release))
    logger.debug("extracted %d candidates from %d sentences", len(found), len(sentences))
    return [c for c in found if c is not None]


def _no_check() -> None:
    return None


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


def _candidate(
    doc: Document,
    clause: Clause,
    timexes: list[Timex],
    *,
    ref: date | None,
    horizons: Horizons,
    release: bool = False,
) -> Candidate | None:
    """Complete a clause with actors, action, deadline and due date (None: no due date).
    `release`: the narration is the publisher's own (tracker/extract/voice.py)."""
    sentence = doc.sentences[doc.sentence_of(clause.cue_start)]
    future_form = clause.cue.name in _FUTURE_FORMS  # "In January, Acme agreed": when it agreed
    deadline = choose_deadline(
        timexes,
        clause.span,
        sentence,
        text=doc.text,
        ref=ref,
        future_form=future_form,
        cue=clause.cue_start,
    )
    if clause.cue.name in _DATED_ONLY and deadline is None:
        return None  # "can" without a date is a capability, not a commitment
    past_schedule = clause.cue.name == "scheduled" and _PAST_SCHEDULE.match(
        doc.text, clause.cue_start
    )
    if past_schedule and deadline is None:
        return None
    if clause.kind == Kind.PLAN and _terms_of_agreement(doc, clause):
        clause = replace(clause, kind=Kind.AGREEMENT)  # "They signed a deal. Acme must ..."
    if _unattributed_forecast(doc, clause):
        # A release's bare "will" on its own measure is its plan; a writer's bare forecast
        # counts only when its sentence dates it (a date there, even not the deadline).
        own = release and publisher_measure(clause.subject, doc.text, clause.cue_end)
        dated = deadline is not None or own or _dated(timexes, clause, sentence, doc, ref)
        if not dated:
            return None
        clause = replace(clause, kind=Kind.PLAN)  # "The first flight will take off on May 2"
    if deadline is not None:
        due, basis = deadline[1], DueBasis.DEADLINE
    elif ref is not None:
        due, basis = ref + timedelta(days=horizons.days(clause.kind)), DueBasis.DEFAULT
    else:
        return None  # neither a stated deadline nor a date to count a horizon from
    actors = clause_actors(doc, clause)
    confidence = clause.cue.strength + (0.05 if clause.in_quote else 0) - (0 if actors else 0.2)
    return Candidate(
        quote=doc.text[clause.start : clause.end],
        start=clause.start,
        end=clause.end,
        actors=actors,
        kind=clause.kind,
        action=action_phrase(doc.text, clause, actors),
        due=due,
        due_basis=basis,
        deadline=deadline[1] if deadline else None,
        deadline_text=deadline[0].text if deadline else None,
        deadline_value=deadline[0].period_value if deadline else None,
        confidence=round(min(1.0, max(0.0, confidence)), 2),
    )


def _dated(
    timexes: list[Timex],
    clause: Clause,
    sentence: tuple[int, int],
    doc: Document,
    ref: date | None,
) -> bool:
    """Whether the clause's sentence names a time ahead, even one that is not its deadline."""
    found = choose_deadline(timexes, clause.span, sentence, text=doc.text, ref=ref, loose=True)
    return found is not None


def _terms_of_agreement(doc: Document, clause: Clause) -> bool:
    """An obligation or prohibition stated right after an agreement is one of its terms."""
    if not any(kinds.OBLIGATION.match(doc.text, at) for at in (clause.start, clause.cue_start)):
        return False
    index = doc.sentence_of(clause.cue_start)
    previous = doc.sentences[index - 1] if index else (0, 0)
    return bool(kinds.AGREEMENT_NOUN.search(doc.text, *previous))


def _unattributed_forecast(doc: Document, clause: Clause) -> bool:
    """A bare "X will happen" from the writer, with nobody who predicts or commits to it."""
    return (
        clause.kind == Kind.PREDICTION
        and clause.cue.kind is None
        and not clause.source
        and doc.quote_at(clause.cue_start) is None
    )
