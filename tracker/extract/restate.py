"""One line per commitment: a later restatement of a candidate is folded into it (its deadline
filling a missing one), and an elliptical "It also intends to ..." takes the date and the
actor of the clause it continues. Pure; works on finished candidates in text order."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import NamedTuple

from tracker.domain import Candidate, DueBasis
from tracker.extract.quotes import quote_regions
from tracker.extract.verbs import PAST_TENSE

__all__ = ["fold_restatements"]

_ALSO = re.compile(r"^(?:\S+\s+){0,3}?also\b", re.I)
# "The Minister also announced today ...": a new statement, not the last clause's ellipsis
_ALSO_DONE = re.compile(r"^(?:\S+\s+){0,3}?also\s+" + PAST_TENSE, re.I)
# "The review, which would be published later this year, will encompass ...": "it" of the
# same sentence stands for the dated thing just before.
_PRONOUN = re.compile(r"^(?:it|they|this)\s", re.I)
# What joins a clause that comments on the one before it: "ties, which he believed would".
_WHICH = re.compile(r"\s*,\s*which\b[^.;:!?\n]{0,40}", re.I)
# Names and figures: "Leeds", "£40m", "2,000" (not the phrase's first word, which may just
# be capitalised).
_NAME = re.compile(r"(?<=\s)(?:[A-Z][\w’'&.-]*|[$£€]?\d[\d,.]*%?\w*)")
_TOKEN = re.compile(r"[\w’'&.$£€%-]+(?:,\d[\w.]*)*")
_FIGURE = re.compile(r"(?P<unit>[$£€])?\b(?P<n>\d[\d,.]*)(?P<pct>%|\s+per\s*cent\b|\s+percent\b)?")
_YEAR = re.compile(r"(?:19|20)\d\d")
_SENTENCE_END = re.compile(r"[.!?]\s|\n")
_PASSIVE = re.compile(r"\b(?:be|been)\s+[a-z]+(?:ed|en)\b")  # the dated thing is done, not doing
_CONTENT = re.compile(r"[a-z0-9][a-z0-9%$.-]{3,}")
_STOP = frozenset(
    [
        "will",
        "would",
        "shall",
        "that",
        "this",
        "with",
        "from",
        "they",
        "their",
        "them",
        "have",
        "been",
        "into",
        "over",
        "also",
        "about",
        "more",
        "than",
        "next",
        "year",
        "years",
        "month",
        "months",
        "plan",
        "plans",
    ]
)
_LOOSE = 0.75
_SAME = 0.8  # share of a later action's content words already said by an earlier one
# A phrase said again word for word is one commitment even when its party was read
# differently each time; a short one ("cut tariffs on steel") may be two parties' own.
_VERBATIM, _VERBATIM_WORDS = 0.9, 6
_REACH = 600  # characters: how far back an elliptical "also" looks for its date


_LINE = re.compile(r"[^\n]+")
_PUNCTUATED = re.compile(r"[.!?:;\"”’')\]]\s*$")
_BULLET_MIN = 30  # characters: a summary line, not a dateline or a byline
_SUMMARY_REACH = 2500  # characters from the top where a summary may stand

LOOK_BACK = 200  # lines kept so far that a new line is compared with


class _Said(NamedTuple):
    """What a line says: its action's content words, the words it is compared by, those of
    its action and quote, the names and figures it is compared by, all its tokens, and
    whether it states an amount."""

    action: set[str]
    words: set[str]
    heard: set[str]
    names: set[str]
    tokens: set[str]
    figures: bool


def fold_restatements(found: tuple[Candidate, ...], text: str = "") -> tuple[Candidate, ...]:
    """The candidates with restatements folded in and elliptical dates carried over. Each is
    compared with the last LOOK_BACK lines kept, so a long text costs linear time."""
    kept: list[Candidate] = []
    kept_said: list[_Said] = []
    quotes = quote_regions(text) if text else []
    summary = summary_end(text)
    for cand in found:
        cand = _carry_date(cand, kept, text)
        if kept and _comments_on(cand, kept[-1], text):
            continue  # "..., which he believed would benefit all sides": no act of its own
        said = _said(cand)
        first = max(0, len(kept) - LOOK_BACK)
        quoted = any(q0 <= cand.start < q1 for q0, q1 in quotes)
        earlier = next(
            (
                i
                for i in range(first, len(kept))
                if _restates(cand, said, kept[i], kept_said[i], quoted=quoted)
                or _restates_summary(cand, said, kept[i], kept_said[i], summary)
            ),
            None,
        )
        if earlier is None:
            kept.append(cand)
            kept_said.append(said)
        elif kept[earlier].deadline is None and cand.deadline is not None:
            kept[earlier] = _with_deadline(kept[earlier], cand)
    return tuple(kept)


def summary_end(text: str) -> int:
    """End of a press release's summary: the headline, standfirst and unpunctuated bullet
    lines before the body ("UK to launch talks on ... ⏎ Talks launch tomorrow ... ⏎ Korean
    firms to invest £21bn ⏎ The Secretary will ..."), which the body restates; 0 if none."""
    end = 0
    for n, line in enumerate(_LINE.finditer(text[:_SUMMARY_REACH])):
        if n and len(line.group(0)) >= _BULLET_MIN and not _PUNCTUATED.search(line.group(0)):
            end = line.end()
    return end


def _said(cand: Candidate) -> _Said:
    """What `cand` says. A short action ("grow rapidly") is compared by its whole quote ("its
    import demand is set to grow rapidly"): the thing it is about is the subject."""
    action = _words(cand)
    quote = _words(cand, cand.quote)
    compared = cand.action if len(action) >= 4 else cand.quote
    dated = (cand.deadline_text or "").lower()
    names = {_bare(n) for n in _NAME.findall(compared)} - {_bare(d) for d in dated.split()}
    tokens = {_bare(t) for t in _TOKEN.findall(f"{cand.action} {cand.quote}")}
    compared_words = action if len(action) >= 4 else quote
    figures = any(_amount(m) for m in _FIGURE.finditer(compared))
    return _Said(action, compared_words, action | quote, names, tokens, figures)


def _amount(m: re.Match[str]) -> bool:
    """A sum, a share or a count of two digits or more; not a year, nor a model or article
    number after a name ("iPhone 4", "Article 50")."""
    if m.group("unit") or m.group("pct"):
        return True
    figure = m.group("n").replace(",", "")
    before = m.string[: m.start()].split()
    named = bool(before) and before[-1][:1].isupper()
    return len(figure) >= 2 and not _YEAR.fullmatch(figure) and not named


def _bare(token: str) -> str:
    bare = token.lower().strip(".,;:’'()[]-")
    return _NUMBERS.get(bare, bare)  # "six million homes" and "6 million homes"


_NUMBERS = {
    w: str(n)
    for n, w in enumerate(
        ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
    )
}


def _words(cand: Candidate, phrase: str | None = None) -> set[str]:
    """Content words of what is to be done (or of `phrase`), without those of its deadline."""
    dated = set(_CONTENT.findall((cand.deadline_text or "").lower()))
    said = cand.action if phrase is None else phrase
    return {w for w in _CONTENT.findall(said.lower()) if w not in _STOP | dated}


def _restates(
    later: Candidate, said: _Said, earlier: Candidate, before: _Said, *, quoted: bool = False
) -> bool:
    """Same committed party, and most of what the later line says the earlier said already;
    or a long phrase said again almost word for word. A quoted restatement, or one with the
    same date, may have been read with another party or kind. A name or figure the earlier
    line never said makes it another commitment ("a hospital in Leeds", "... in York")."""
    same_date = later.deadline is not None and later.deadline == earlier.deadline
    if later.start < earlier.end or not (later.kind == earlier.kind or quoted or same_date):
        return False  # the same sentence's parts are split on purpose
    if None not in (later.deadline, earlier.deadline) and later.deadline != earlier.deadline:
        return False  # "2.1% in 2025 and 1.7% in 2026": two dates, two commitments
    if not said.names <= before.tokens:
        return False
    if later.actors[:1] != earlier.actors[:1] and not (quoted or same_date):
        words = said.action  # the same long phrase, its party read apart
        return len(words) >= _VERBATIM_WORDS and len(words & before.action) >= _VERBATIM * len(
            words
        )
    if len(said.words) < 4:
        return False
    # The same amount said again ("$1.5 billion", "200 schools"; every figure of it the
    # earlier line said too) in other words needs only the loose share.
    share = _LOOSE if quoted or same_date or said.figures else _SAME
    return len(said.words & before.heard) >= share * len(said.words)


def _restates_summary(
    later: Candidate, said: _Said, earlier: Candidate, before: _Said, summary: int
) -> bool:
    """A body line that says again a line of the summary above it, in other words; not one
    that another party is to meet by a date the summary left out ("The first panels are
    expected ... by summer 2025", said of the government's fund)."""
    if earlier.end > summary or later.start < summary:
        return False
    dated = later.deadline is not None and later.deadline != earlier.deadline
    if dated and later.actors[:1] != earlier.actors[:1]:
        return False
    return _restates(later, said, earlier, before, quoted=True)


def _comments_on(cand: Candidate, prev: Candidate, text: str) -> bool:
    """The candidate is a "which" clause on the line just before it ("ties, which would
    benefit all sides"): what that line does, not another commitment."""
    if not text or cand.start < prev.end or cand.deadline is not None:
        return False
    return _WHICH.fullmatch(text, prev.end, cand.start) is not None


def _carry_date(cand: Candidate, before: list[Candidate], text: str) -> Candidate:
    """ "Acme plans to cut costs by 2027. It also intends to sell its rail unit.": by 2027;
    "the plan, due next year, will ..., and it will ...": next year."""
    if cand.deadline is not None or not before:
        return cand
    prev = before[-1]
    if prev.deadline is None or cand.start - prev.end > _REACH:
        return cand
    if not (_continues(cand, prev) or _stands_for(cand, prev, text)):
        return cand
    cand = _with_deadline(cand, prev)
    return cand if cand.actors else replace(cand, actors=prev.actors)


def _continues(cand: Candidate, prev: Candidate) -> bool:
    """ "It also intends to ...": the same party's next step; not "The Minister also announced
    today ...", a statement of its own, nor another party's "also"."""
    if not _ALSO.match(cand.quote) or _ALSO_DONE.match(cand.quote):
        return False
    return not cand.actors or cand.actors[:1] == prev.actors[:1]


def _stands_for(cand: Candidate, prev: Candidate, text: str) -> bool:
    """The later clause's "it" is the thing the earlier clause of its sentence dates."""
    if not text or prev.end > cand.start or _SENTENCE_END.search(text, prev.end, cand.start):
        return False
    return bool(_PRONOUN.match(cand.quote) and _PASSIVE.search(prev.quote))


def _with_deadline(cand: Candidate, source: Candidate) -> Candidate:
    return replace(
        cand,
        due=source.due,
        due_basis=DueBasis.DEADLINE,
        deadline=source.deadline,
        deadline_text=source.deadline_text,
        deadline_value=source.deadline_value,
    )
