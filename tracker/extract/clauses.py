"""Commitment clauses inside one sentence: cue matches, the vetoes (hedge, conditional, past,
question), the clause's extent, subject, source and kind. Pure and rule-based."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, replace

from tracker.domain import Kind
from tracker.extract import cues as cues
from tracker.extract import frames as kinds
from tracker.extract import vetoes as veto
from tracker.extract.cues import CUES, Cue
from tracker.extract.kind import modal_kind, refine_kind
from tracker.extract.subject import find_source, find_subject

__all__ = ["Clause", "find_clauses"]

_CLAUSE_END = re.compile(
    r";|[”]|''|\"|,\s+(?:when|while|whereas|but|although|though|because|as|after|which|where)\b"
    r"|,?\s+and\s+(?:I|we|he|she|they|it)\b(?!\s+(?:will|would|to)\b)"
    r"|,?\s*(?:(?:he|she|they|it|(?:the\s+)?[A-Z][\w.’']*(?:\s+[A-Z][\w.’']*){0,3})\s+"
    r"(?:has\s+|have\s+)?(?:said|says|added|told|announced|reported|confirmed)\b"
    r"|(?:said|says|added)\s+[A-Z])",
)
_PASSIVE = re.compile(
    r"\s*(?:not\s+)?(?:be|been|being)\s+(?:\w+ly\s+)?" + cues.PARTICIPLE + r"\b", re.I
)
_COORDINATION = re.compile(r"(?:,|;|\band\b|\bbut\b)", re.I)
MAX_CUES = 16  # cue matches read per sentence: a real one has a handful
_REPORT_REACH = 100  # characters: how far before a "would" its reporting verb may be
# An empty subject after these is the previous clause's or the antecedent's ("a plan which will").
_COORDINATED = re.compile(r"(?:\band|,)\s*$", re.I)
_EXISTENTIAL = re.compile(r"\bthere\s+$", re.I)
# "will submit to audits, and can not charge for them": a coordinated prohibition.
_PROHIBITION_AND = re.compile(
    r",?\s+and\s+(?P<modal>can\s*not|can[’']t|must\s+not|may\s+not|will\s+not|won[’']t)\s+",
    re.I,
)
# "plans to lay off 47,000 employees and close five factories": a second verb phrase.
_VP_AND = re.compile(
    r",?\s+and\s+(?:to\s+)?(?P<verb>[a-z]+)\s+(?=(?:the|a|an|its|their|his|her|some|all|"
    r"several|many|more|new|two|three|four|five|six|seven|eight|nine|ten|\d[\d,.]*)\b)"
)


# "positions will be cut and 14 plants closed": a second subject and participle, the
# auxiliary left out (gapping).
_GAPPED_PASSIVE = re.compile(
    r",?\s+and\s+(?P<np>(?:\d[\d,.]*|the|all|its|their|some|several|two|three|four|five|six|"
    r"seven|eight|nine|ten|another)\b(?:\s+[a-z][\w-]*){1,3}?)\s+(?P<verb>"
    + cues.PARTICIPLE
    + r")\b(?!\s+(?:to|that|by\s+[A-Z]))"
)


# "two plants in 2008, another two in 2012": a second object with its own time, verb left out.
_GAPPED_OBJECT = re.compile(
    r"(?:,|,?\s+and)\s+(?=(?:another|a\s+further|the\s+remaining|the\s+other|\d[\d,]*\s+more)"
    r"\b[^,;]{0,40}?\b(?:in|by|before|until|within)\s)"
)


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
    matches = ((cue, m) for cue in CUES for m in cue.pattern.finditer(sent))
    for cue, m in itertools.islice(matches, MAX_CUES):
        in_quote = any(q0 <= start + m.start() < q1 for q0, q1 in quotes)
        if _vetoed(sent, m, cue):
            continue
        clause = _clause(start, sent, m, cue, in_quote=in_quote)
        if clause.subject.lower() in veto.DEMONSTRATIVES and veto.COPULA.match(sent, m.end()):
            continue  # "This will be an American tanker": an assessment
        found.extend(_split_coordinated(clause, sent, offset=start))
    return _merge(found, offset=start, sent=sent)


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
    if veto.PERFORMATIVE.match(sent, m.end()):
        return True
    if _EXISTENTIAL.search(before) and not kinds.PREDICTIVE_FRAME.search(before):
        return True  # "there will be additional payment": nobody is committed
    return _cue_vetoed(sent, m, cue)


def _cue_vetoed(sent: str, m: re.Match[str], cue: Cue) -> bool:
    """Vetoes of one cue class: "the will of", an unannounced progressive, a bare "would"."""
    before = sent[: m.start()]
    if cue.name == "future_modal":
        return bool(veto.NOUN_WILL.search(before) or veto.SENTIMENT.match(sent, m.end()))
    if cue.name == "announced_progressive":
        return not veto.ANNOUNCE_FRAME.search(before)
    if cue.name == "reported_modal":
        reported = veto.REPORTING.search(before[-_REPORT_REACH:])
        return bool(veto.MODAL_VETO.match(sent, m.start())) or not reported
    return False


def _clause(offset: int, sent: str, m: re.Match[str], cue: Cue, *, in_quote: bool) -> Clause:
    subject, s_rel = find_subject(sent, m.start())
    end_rel = _clause_end(sent, m.end())
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


def _split_coordinated(clause: Clause, sent: str, *, offset: int) -> list[Clause]:
    """Split "will X the A and Y the B", "will be cut and two plants closed" and "two in
    2008, another two in 2012" into one clause per coordinated part."""
    if not clause.cue.verb_follows:
        return [clause]
    window = (clause.cue_end - offset, clause.end - offset)
    gapped = _GAPPED_PASSIVE.search(sent, *window)
    if clause.passive and gapped is not None:  # "jobs will be cut and two plants closed"
        second = _second(clause, offset + gapped.start("np"), offset + gapped.start("verb"))
        second = replace(second, subject=gapped.group("np"), subject_start=second.start)
        return [replace(clause, end=offset + gapped.start()), second]
    more = _GAPPED_OBJECT.search(sent, *window)
    if more is not None:  # "two plants in 2008, another two in 2012"
        second = _second(clause, offset + more.end(), offset + more.end())
        return [replace(clause, end=offset + more.start()), second]
    banned = _PROHIBITION_AND.search(sent, *window)
    if banned is not None:  # "will submit to audits, and can not charge for them"
        second = _second(clause, offset + banned.start("modal"), offset + banned.end())
        return [replace(clause, end=offset + banned.start()), replace(second, negated=True)]
    m = _VP_AND.search(sent, *window)
    if m is None or m.group("verb") in veto.NOT_VERBS or m.group("verb").endswith(("ly", "s")):
        return [clause]
    second = _second(clause, offset + m.start("verb"), offset + m.start("verb"))
    return [replace(clause, end=offset + m.start()), second]


def _second(clause: Clause, start: int, cue_at: int) -> Clause:
    """The coordinated part of `clause` that starts at `start`, its (empty) cue at `cue_at`."""
    return replace(clause, start=start, cue_start=cue_at, cue_end=cue_at)


def _clause_end(sent: str, cue_end: int) -> int:
    m = _CLAUSE_END.search(sent, cue_end)
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
        gap = sent[prev.cue_end - offset : clause.start - offset]
        if len(gap.split()) < 3 or not _COORDINATION.search(gap):
            continue  # a complement of the earlier cue ("promised that it would ...")
        kept[-1] = replace(prev, end=_trim_end(sent, offset, prev.cue_end, clause.start))
        if not clause.subject and _COORDINATED.search(sent[: clause.cue_start - offset]):
            kind = prev.kind if clause.cue.kind is None and prev.cue.kind is None else clause.kind
            clause = replace(
                clause, subject=prev.subject, subject_start=prev.subject_start, kind=kind
            )
        kept.append(clause)
    return kept


def _trim_end(sent: str, offset: int, cue_end: int, next_start: int) -> int:
    """End the earlier clause before the connective that introduces the next one."""
    gap = sent[cue_end - offset : next_start - offset]
    cut = re.search(r"[\s,;]*(?:\b(?:and|but)\b)?[\s,;]*(?:\bthat\b)?\s*$", gap)
    return cue_end + (cut.start() if cut else len(gap))
