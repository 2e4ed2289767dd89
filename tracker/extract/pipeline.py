"""Article text → candidate commitments: publication date, sentences, cue clauses, actors,
action, deadline and due date. Pure: the reference date is passed in, never read from a clock.

The rules live in tracker/cues.py (cue classes), tracker/cues_veto.py (hedges, conditionals,
past markers), tracker/extract_clauses.py and extract_subject.py (clauses, subjects, sources),
tracker/extract_kind.py and cues_kind.py (which kind), tracker/extract_actors.py,
extract_names.py, extract_quotes.py and extract_lexicon.py (who: names, pronouns, speakers) and
tracker/extract_deadline.py (by when).
"""

from __future__ import annotations

import logging
import re
from dataclasses import replace
from datetime import date, timedelta

from tracker.domain import Candidate, DueBasis, Extraction, Horizons, Kind, PublishedBasis, Timex
from tracker.extract import frames as kinds
from tracker.extract import lexicon as lexicon
from tracker.extract.actors import Document, build_document, resolve_np
from tracker.extract.boilerplate import blank_boilerplate
from tracker.extract.budget import Deadline, windows
from tracker.extract.clauses import Clause, find_clauses
from tracker.extract.deadline import choose_deadline, timexes_for
from tracker.extract.headline import drop_headline_repeats, headline_end
from tracker.extract.published import find_published
from tracker.extract.sentences import split_sentences

__all__ = ["extract"]

logger = logging.getLogger(__name__)

DEFAULT_HORIZONS = Horizons()
_ACTION_WORDS = 14
_DATED_ONLY = frozenset(
    {"dated_ability", "dated_progressive", "expected_date", "dated_continuation"}
)
# "The plane was due to fly on to Chiang Mai": a schedule seen from the past, which commits
# only when it names a time still ahead ("said it was due to land next week")
_PAST_SCHEDULE = re.compile(r"(?:was|were)\b", re.I)
# Cues whose verb form is itself future, so a time adverbial before them dates the action.
_FUTURE_FORMS = frozenset(
    {"future_modal", "reported_modal", "be_to", "scheduled", "to_be_done", "likely", *_DATED_ONLY}
)
_POSSESSIVE = re.compile(r"[’']s?$")
_ANAPHORIC_NP = re.compile(r"(?P<det>(?:that|this|the)\s+)?(?P<noun>[a-z]{3,})", re.I)
_DEMONSTRATIVE_TAIL = re.compile(r"\b(?:that|this|the)\s+$", re.I)
_DIGIT = re.compile(r"\d")
_MEMBERS = frozenset({"of", "from"})
_VENUE = re.compile(r"\b(?:in|at|before|by)\s+(?:the\s+)?(?=[A-Z])")
_PASSIVE_AGENT = re.compile(r"\bby\s+(?:the\s+)?(?=[A-Z])")


def extract(
    text: str,
    *,
    published: date | None = None,
    published_basis: PublishedBasis | None = None,
    fallback_ref: date | None = None,
    horizons: Horizons = DEFAULT_HORIZONS,
    deadline: Deadline | None = None,
) -> Extraction:
    """Find the forward-looking commitments of an article, in text order. A long text is
    read in windows of paragraphs and at most MAX_CHARS of it; `deadline` bounds the time."""
    ref, basis = _publication(text, published, published_basis, fallback_ref)
    candidates: list[Candidate] = []
    read_to = 0
    for start, end in windows(text):
        part = _read(text[start:end], ref, horizons, headline=start == 0, deadline=deadline)
        candidates.extend(replace(c, start=c.start + start, end=c.end + start) for c in part)
        read_to = end
    cut = read_to if read_to < len(text.rstrip()) else None
    return Extraction(ref, basis, tuple(candidates), read_to=cut)


def _read(
    text: str, ref: date | None, horizons: Horizons, *, headline: bool, deadline: Deadline | None
) -> list[Candidate]:
    """The candidates of one window of the text (spans relative to the window)."""
    check = deadline.check if deadline is not None else _no_check
    text = blank_boilerplate(text)  # same offsets: spans still index the caller's text
    sentences = split_sentences(text)
    end_of_headline = headline_end(text, sentences) if headline else 0
    doc = build_document(text, sentences, skip=end_of_headline)
    clauses = []
    for s, e in sentences:
        check()
        clauses.extend(find_clauses(text, s, e, quotes=doc.quotes))
    clauses = drop_headline_repeats(text, clauses, end_of_headline)
    timexes = timexes_for(text, ref=ref)
    found = []
    for clause in clauses:
        check()
        found.append(_candidate(doc, clause, timexes, ref=ref, horizons=horizons))
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
) -> Candidate | None:
    """Complete a clause with actors, action, deadline and due date (None: no due date)."""
    sentence = doc.sentences[doc.sentence_of(clause.cue_start)]
    future_form = clause.cue.name in _FUTURE_FORMS  # "In January, Acme agreed": when it agreed
    deadline = choose_deadline(
        timexes, clause.span, sentence, text=doc.text, ref=ref, future_form=future_form
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
        deadline_value=deadline[0].period_value if deadline else None,
        confidence=round(min(1.0, max(0.0, confidence)), 2),
    )


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


def _actors(doc: Document, clause: Clause) -> tuple[str, ...]:
    """Who is committed: an agentive subject, plus whoever states it (speaker or source);
    else the people named in the sentence; else the organisation the article is about."""
    # the subject of a passive is what is acted on ("Mac OS X Lion will be shipped"), not who
    # acts, unless it is a party to an arrangement ("it will be compensated by Acme")
    acted_on = clause.passive and clause.kind != Kind.AGREEMENT
    subject = [] if acted_on else _subject_actors(doc, clause)
    actors = [*subject, *_agent(doc, clause), *_source_actors(doc, clause)]
    outside = _persons_outside_quotes(doc, clause.cue_start)
    if clause.kind == Kind.AGREEMENT and clause.subject.lower() in ("we", "they"):
        actors += outside  # "we agreed" in a meeting: both parties
    if not actors:
        actors = outside or _venue(doc, clause) or _antecedent_actors(doc, clause)
        actors = actors or [doc.salient_org(clause.start) or ""]
    return tuple(dict.fromkeys(a for a in actors if a))


def _antecedent_actors(doc: Document, clause: Clause) -> list[str]:
    """ "That decision is due in May": whoever the previous sentence says will make it."""
    index = doc.sentence_of(clause.start)
    before = doc.text[max(0, clause.subject_start - 6) : clause.subject_start]
    m = _ANAPHORIC_NP.fullmatch(clause.subject)
    if m is None or index == 0 or not (m.group("det") or _DEMONSTRATIVE_TAIL.search(before)):
        return []
    start, end = doc.sentences[index - 1]
    if not re.search(rf"\b{m.group('noun')}\b", doc.text[start:end], re.I):
        return []
    return doc.names_between(start, end)[:1]


def _agent(doc: Document, clause: Clause) -> list[str]:
    """The named agent of a passive clause: "the engines will be made by GM"."""
    agent = _PASSIVE_AGENT.search(doc.text, clause.cue_end, clause.end)
    if not clause.passive or agent is None:
        return []
    return doc.orgs_between(agent.end(), agent.end() + 1)


def _venue(doc: Document, clause: Clause) -> list[str]:
    """The institution that holds an event: "a hearing is set in the Bankruptcy Court"."""
    words = clause.subject.lower().split()
    venue = _VENUE.search(doc.text, clause.cue_start, clause.end)
    if not (words and words[-1] in lexicon.EVENT_NOUNS and venue):
        return []
    held = [m.name for m in doc.mentions if m.start == venue.end() and not m.person]
    return [name for name in held if lexicon.ORG_WORDS.intersection(name.lower().split())]


def _subject_actors(doc: Document, clause: Clause) -> list[str]:
    whole = clause.subject.split()
    words = _head_phrase(whole, doc.name_words)
    common = len(words) < len(whole)  # cut before "to Qantas": the head is a common noun
    model = bool(words and _DIGIT.search(words[-1])) and not _MEMBERS.intersection(words)
    common = common or model  # "A second A380": a model, not its maker ("ministers of the G7")
    while len(words) > 1 and words[0].lower() in lexicon.DETERMINERS:
        words = words[1:]  # "The U.S. Treasury" is named by "U.S. Treasury"
    if not words:
        return []
    head = words[-1].lower()
    named = (
        not common
        and words[-1][:1].isupper()
        and (
            _POSSESSIVE.sub("", words[-1]).lower() in doc.name_words
            or all(w[:1].isupper() and w.lower() not in lexicon.NOT_NAMES for w in words)
        )
    )
    if not (named or head in lexicon.ACTOR_HEADS):
        return []
    phrase = " ".join(words)
    return list(resolve_np(doc, phrase, doc.text.find(phrase, clause.subject_start)))


def _head_phrase(words: list[str], name_words: set[str]) -> list[str]:
    """The noun phrase up to its head when a recipient follows it ("Deliveries to Qantas"
    are not made by Qantas)."""
    for i in range(1, len(words) - 1):
        head = words[i - 1]
        common = not head[:1].isupper() or (i == 1 and head.lower() not in name_words)
        if words[i] in lexicon.PREPOSITIONS and common:
            return words[:i]
    return words


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
