"""Commitment clauses inside one sentence: cue matches, the vetoes (hedge, conditional, past,
question), the clause's extent, subject, source and kind. Pure and rule-based."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from tracker.domain import Kind
from tracker.extract import cues as cues
from tracker.extract import frames as kinds
from tracker.extract import prefilter as prefilter
from tracker.extract import verbs as verbs
from tracker.extract import vetoes as veto
from tracker.extract.coordination import split_coordinated
from tracker.extract.cues import CUES, Cue
from tracker.extract.headline_shape import headline_line, headline_subject
from tracker.extract.kind import modal_kind, refine_kind
from tracker.extract.named_events import event_end, event_owner, is_subject_of_clause
from tracker.extract.subject import find_source, find_subject, has_name

__all__ = ["Clause", "find_clauses"]

# A straight quote ends a clause when it closes a quotation or opens one after a comma or a
# colon; one opened inside the clause quotes a name ("the launch of "AI Factories"").
_CLAUSE_END = re.compile(
    r";|[”]|''|(?<=\S)\"|(?<=[,:]\s)\"|,\s+(?:when|while|whereas|but|although|though|because|as|after|which|where)\b"
    r"|,?\s+and\s+(?:I|we|he|she|they|it)\b(?!\s+(?:will|would|to)\b)"
    r"|,?\s*(?:(?:he|she|they|it|(?:the\s+)?[A-Z][\w.’']*(?:\s+[A-Z][\w.’']*){0,3})\s+"
    r"(?:has\s+|have\s+)?(?:said|says|added|told|announced|reported|confirmed)\b"
    r"|(?:said|says|added)\s+[A-Z])"
    r"|,\s*(?:(?:the|a|an|its|their)\s+)?(?:[a-z][\w’'-]*\s+){1,4}?(?:said|says|added)\b",
)
_PASSIVE = re.compile(
    r"\s*(?:not\s+)?(?:be|been|being)\s+(?:\w+ly\s+)?" + cues.PARTICIPLE + r"\b", re.I
)
# "will include planning targets to aim to build ...": an aim of its own after a purpose "to"
_PURPOSE_TO = re.compile(r"\bto\s*$", re.I)
# A deal reported just before: its terms follow with "should" ("the EU should ...").
_AGREEMENT = re.compile(r"\b(?:agreement|agreed|deal|compromise|accord)\b", re.I)
_COORDINATION = re.compile(r"(?:,|;|\band\b|\bbut\b)", re.I)
MAX_CUES = 16  # cue matches read per sentence: a real one has a handful
_WHILE = re.compile(r"[\s,]*\b(?:while|whilst)\s+", re.I)
_JOINED = re.compile(r"\band\b|\bbut\b|;")
_REPORT_REACH = 100  # characters: how far before a "would" its reporting verb may be
# An empty subject after these is the previous clause's or the antecedent's ("a plan which will").
_COORDINATED = re.compile(r"(?:\band|,)\s*$", re.I)
_EXISTENTIAL = re.compile(r"\bthere\s+$", re.I)
# The verb of the subject a purpose "to" qualifies: where the purpose phrase ends.
# Cues that are a noun phrase of their own, not a predicate of the sentence's subject.
_NOUN_CUES = frozenset({"event_scheduled", "dated_event"})
_WITH_SUM = re.compile(r"with\s", re.I)  # "..., with £50m committed over three years"
# A cue right after a question word is inside an embedded question, the earlier clause's
# object ("will meet residents to hear their views and what they want to see built").
_EMBEDDED_QUESTION = re.compile(r"\b(?:what|how|why|whether)\s*$", re.I)
_OUTER_VERB = re.compile(r"\s+(?:is|are|was|were|will|would|has|have|marks?|means?)\b")


@dataclass(frozen=True, slots=True)
class Clause:
    """One commitment-bearing clause: absolute offsets, cue, subject, source and kind."""

    start: int
    end: int
    cue: Cue
    cue_start: int
    cue_end: int
    subject: str
    subject_start: int
    source: str
    source_start: int
    kind: Kind
    negated: bool
    in_quote: bool
    passive: bool

    @property
    def span(self) -> tuple[int, int]:
        """[start, end) of the clause in the text."""
        return (self.start, self.end)


def find_clauses(
    text: str, start: int, end: int, *, quotes: list[tuple[int, int]]
) -> list[Clause]:
    """Commitment clauses in the sentence text[start:end], in text order, one per clause."""
    sent = text[start:end]
    if sent.rstrip(" ”\"'").endswith("?"):
        return []
    found = []
    headline = headline_line(text, start, end)
    barred = prefilter.barred(sent.lower())
    matches = (
        (cue, m)
        for cue in CUES
        if cue.name not in barred and _tried(cue, text, start, end, headline=headline)
        for m in cue.pattern.finditer(sent)
    )
    for cue, m in itertools.islice(matches, MAX_CUES):
        in_quote = any(q0 <= start + m.start() < q1 for q0, q1 in quotes)
        if _vetoed(sent, m, cue):
            continue
        clause = _clause(start, sent, m, cue, in_quote=in_quote)
        if cue.name == "dated_event" and is_subject_of_clause(sent, clause.end - start):
            continue  # "The opening of the terminal next spring will double ...": a subject
        if clause.subject.lower() in veto.DEMONSTRATIVES and veto.COPULA.match(sent, m.end()):
            continue  # "This will be an American tanker": an assessment
        found.extend(split_coordinated(clause, sent, offset=start))
    return _merge(found, offset=start, sent=sent)


def _tried(cue: Cue, text: str, start: int, end: int, *, headline: bool) -> bool:
    """Whether a cue whose words occur is worth matching in this sentence (its context fits)."""
    if cue.name == "headline_to" and not headline:
        return False
    if cue.name == "lead_to_be" and not (start == 0 or text[start - 1] == "\n"):
        return False  # a standfirst or a paragraph's opening phrase, not a clause inside one
    return cue.name != "agreed_should" or bool(_AGREEMENT.search(text, max(0, start - 600), end))


def _vetoed(sent: str, m: re.Match[str], cue: Cue) -> bool:
    """Hedged, conditional, past or not really a cue here."""
    before = sent[: m.start()]
    clause_before = re.split(r"[,;:“`\"]", before)[-1]
    if veto.HEDGES.search(clause_before[-60:]) or veto.HEDGES.match(sent, m.end()):
        return True
    if veto.CONDITIONALS.search(before) or veto.PAST.search(sent, max(0, m.start() - 25), m.end()):
        return True
    if veto.PAST_COMPLEMENT.match(sent, m.end()) or veto.CUE_VETO.search(before[-30:]):
        return True
    if cue.name == "money_allocated" and veto.PAST_ALLOCATION.search(sent):
        return True  # "allocated £2m for repairs last year": a sum spent before
    if veto.PERFORMATIVE.match(sent, m.end()):
        return True
    if _EXISTENTIAL.search(before) and not kinds.PREDICTIVE_FRAME.search(before):
        return True  # "there will be additional payment": nobody is committed
    return _cue_vetoed(sent, m, cue)


def _cue_vetoed(sent: str, m: re.Match[str], cue: Cue) -> bool:
    """Vetoes of one cue class: "the will of", an unannounced progressive, a bare "would"."""
    before = sent[: m.start()]
    if cue.name == "future_modal":
        return _not_a_will(sent, m)
    if cue.name == "agreed_should":  # "The EU should ...", not "a way that should ..."
        return not has_name(find_subject(sent, m.start())[0])
    by_context = _CONTEXT_VETOES.get(cue.name)
    if by_context is not None:
        return by_context(before)
    if cue.name == "agree_verb":
        if m.group(0).rstrip().lower().endswith("that"):
            return not veto.FUTURE_MARK.search(sent, m.end())
        return bool(veto.SHARED_VIEW.match(sent, m.end()))
    if cue.name == "announced_progressive":
        return not veto.ANNOUNCE_FRAME.search(before)
    if cue.name == "reported_modal":
        reported = veto.REPORTING.search(before[-_REPORT_REACH:])
        return bool(veto.MODAL_VETO.match(sent, m.start())) or not reported
    return False


def _no_headline_subject(before: str) -> bool:
    return not headline_subject(before)


def _background_pledge(before: str) -> bool:
    """ "as part of the agency's commitment to": a pledge in the background, not made here."""
    return bool(veto.BACKGROUND_PLEDGE.search(before))


def _no_measure_before(before: str) -> bool:
    """ "to create 600 jobs" counts a measure's purpose only right after the measure."""
    return not veto.MEASURE_BEFORE.search(before)


def _no_new_measure(before: str) -> bool:
    """ "..., creating 1,500 jobs" counts what a new measure does, not what a past one did."""
    return not veto.MEASURE_NAMED.search(before) or bool(veto.DONE_BEFORE.search(before))


# Cues vetoed by what precedes them in the sentence alone.
_CONTEXT_VETOES: dict[str, Callable[[str], bool]] = {
    "counted_outcome": _no_measure_before,
    "counted_outcome_ing": _no_new_measure,
    "headline_to": _no_headline_subject,
    "lead_to_be": _no_headline_subject,
    "intention_noun": _background_pledge,
}


def _not_a_will(sent: str, m: re.Match[str]) -> bool:
    """ "the will of", "will miss him", "will be even more vital": no undertaking."""
    after = m.end()
    judged = veto.SENTIMENT.match(sent, after) or veto.EVALUATION.match(sent, after)
    return bool(veto.NOUN_WILL.search(sent[: m.start()]) or judged)


def _clause(offset: int, sent: str, m: re.Match[str], cue: Cue, *, in_quote: bool) -> Clause:
    subject, s_rel = find_subject(sent, m.start())
    if cue.name in _NOUN_CUES or _WITH_SUM.match(m.group(0)):
        subject, s_rel = "", m.start()  # "the summit scheduled for May": a phrase of its own
    end_rel = _clause_end(sent, m.end())
    if cue.name == "dated_event":  # "the Prime Minister's visit to Paris tomorrow"
        subject, s_rel = event_owner(sent, m.start()) or (subject, s_rel)
        end_rel = event_end(sent, m.end(), end_rel)
    if cue.name == "counted_outcome":  # "investment to create 600 jobs | is great news"
        outer = _OUTER_VERB.search(sent, m.end(), end_rel)
        end_rel = outer.start() if outer else end_rel
    source, src_rel = find_source(sent, m.start(), end_rel)
    passive = bool(_PASSIVE.match(sent, m.end()))
    kind = cue.kind or modal_kind(subject, sent, m, in_quote=in_quote, passive=passive)
    kind = refine_kind(kind, cue, sent, m, end_rel)
    return Clause(
        start=offset + (s_rel if subject else m.start()),
        end=offset + end_rel,
        cue=cue,
        cue_start=offset + m.start(),
        cue_end=offset + m.end(),
        subject=subject,
        subject_start=offset + s_rel,
        source=source,
        source_start=offset + src_rel,
        kind=kind,
        negated=bool(m.groupdict().get("neg") or m.groupdict().get("neg2")),
        in_quote=in_quote,
        passive=passive,
    )


def _clause_end(sent: str, cue_end: int) -> int:
    m = _CLAUSE_END.search(sent, cue_end)
    while m is not None and m.group(0) == '"' and sent.count('"', cue_end, m.start()) % 2:
        m = _CLAUSE_END.search(sent, m.end())  # it closes a name quoted inside the clause
    end = m.start() if m else len(sent)
    while end > cue_end and sent[end - 1] in " .,!?;:—-…":
        end -= 1
    return end


def _merge(found: list[Clause], *, offset: int, sent: str) -> list[Clause]:
    """One clause per commitment: a cue inside an earlier clause's extent is the same one,
    unless a coordinated clause of its own follows ("will own ... and will license ...")."""
    kept: list[Clause] = []
    for clause in sorted(found, key=lambda c: (c.cue_start, -c.cue.strength)):
        prev = kept[-1] if kept else None
        if prev is None or clause.cue_start >= max(prev.end, prev.cue_end):
            kept.append(clause)
            continue
        if clause.cue_start < prev.cue_end:
            continue
        if not _apart(sent[prev.cue_end - offset : clause.start - offset], clause):
            continue
        kept[-1] = replace(prev, end=_trim_end(sent, offset, prev.cue_end, clause.start))
        if not clause.subject and _COORDINATED.search(sent[: clause.cue_start - offset]):
            kind = prev.kind if clause.cue.kind is None and prev.cue.kind is None else clause.kind
            clause = replace(
                clause, subject=prev.subject, subject_start=prev.subject_start, kind=kind
            )
        kept.append(clause)
    return kept


def _apart(gap: str, clause: Clause) -> bool:
    """Whether a cue inside the earlier clause's extent, `gap` after its cue, opens a clause
    of its own: not a complement ("promised that it would ..."), an object ("an agreement
    to ...") or an embedded question ("and what they want to see built")."""
    if _EMBEDDED_QUESTION.search(gap):
        return False
    purpose = clause.cue.name == "plan_verb" and _PURPOSE_TO.search(gap)
    # "tripled its target while promising more": a second act of its own
    if not _WHILE.fullmatch(gap) and (
        len(gap.split()) < 3 or not (_COORDINATION.search(gap) or purpose)
    ):
        return False
    return clause.cue.name != "agreement_to" or bool(_JOINED.search(gap))


def _trim_end(sent: str, offset: int, cue_end: int, next_start: int) -> int:
    """End the earlier clause before the connective that introduces the next one."""
    gap = sent[cue_end - offset : next_start - offset]
    cut = re.search(
        r"[\s,;]*(?:\b(?:and|but|while|whilst)\b)?[\s,;]*(?:\b(?:that|to)\b)?\s*$", gap
    )
    return cue_end + (cut.start() if cut else len(gap))
