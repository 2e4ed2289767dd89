"""Text matching for bench/score_future_statements.py: word n-gram overlap (to drop articles
that share text with protected documents) and the alignment of an unaligned silver statement
to one sentence of its article. Pure; no data files."""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping, Sequence
from typing import Any

NGRAM = 8
# Every (article, protected document) pair scored below 0.05 or at 0.75 and above: 0.5 is clear.
OVERLAP_MIN = 0.5
# Manual check of 55 sampled statements: at a share >= 0.6 with >= 3 shared content words and a
# unique best sentence, 14 of 14 alignments were right (and 42 of 42 more since); at a share
# from 0.5 to 0.6 only 2 of 10 were, and with 2 shared words 1 of 3.
ALIGN_MIN = 0.6
ALIGN_MIN_WORDS = 3
FIELDS = ("Event Variable", "Predicted Attribute", "Magnitude / Predicted Value")
Grams = frozenset[tuple[str, ...]]


def _word_set(block: str) -> frozenset[str]:
    return frozenset(block.split())


STOP = _word_set(
    """a an the of to in on at by for with and or but is are was were be been being has have had
    do does did will would shall should can could may might must it its this that these those he
    she they we i you his her their our as from not no than then so if into about over after
    before said says say also which who whom what when where while there here up out more most
    very just none null"""
)
# The evidence is often a comment on the article ("The article uses 'expected', indicating ...").
META = _word_set(
    """article text states stated statement indicates indicating indicated suggests suggesting
    suggest implies implying word words phrase uses use using explicitly explicit clear clearly
    likelihood likely certainty uncertain uncertainty prediction predicted predicts high low
    strong possible possibility probable based"""
)
_QUOTED = re.compile(r"""(?:^|(?<=[\s(]))['"“‘]([^'"“”‘’]+?)['"”’](?=[\s.,;:)!?]|$)""")


def words(text: str) -> list[str]:
    """Lower-case alphanumeric tokens (robust to MEANTIME's tokenised quotes and clitics)."""
    return re.findall(r"[a-z0-9]+", text.lower())


def shingles(text: str, *, n: int = NGRAM) -> Grams:
    """The set of word n-grams of a text."""
    w = words(text)
    return frozenset(tuple(w[i : i + n]) for i in range(len(w) - n + 1))


def containment(a: Grams, b: Grams) -> float:
    """Shared n-grams over the smaller set, so a truncated copy of either text still scores 1."""
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def meantime_body(text: str) -> str:
    """A MEANTIME plaintext file without its 4-line header (doc_id, dct, url, blank)."""
    return "\n".join(text.splitlines()[4:])


def exclusions(
    texts: Sequence[str], protected: Mapping[str, Grams]
) -> tuple[dict[int, list[tuple[str, float]]], float]:
    """(article index → the protected documents it overlaps, for overlapping articles only;
    the highest containment among the articles kept, to show the gap to the threshold)."""
    out: dict[int, list[tuple[str, float]]] = {}
    kept_max = 0.0
    for i, text in enumerate(texts):
        grams = shingles(text)
        scored = [(name, containment(grams, other)) for name, other in protected.items()]
        hits = [(name, share) for name, share in scored if share >= OVERLAP_MIN]
        if hits:
            out[i] = hits
        else:
            kept_max = max([kept_max, *(share for _, share in scored)])
    return out, kept_max


def content_words(text: str) -> frozenset[str]:
    """Words that carry content: no stop words, no meta-commentary words, no single letters."""
    return frozenset(w for w in words(text) if len(w) > 1 and w not in STOP and w not in META)


def quoted_fragments(evidence: str) -> list[str]:
    """Quoted phrases of three words or more inside the evidence ("uses 'will be made'")."""
    return [q.strip() for q in _QUOTED.findall(evidence) if len(words(q)) >= ALIGN_MIN_WORDS]


def _verbatim(text: str, spans: Sequence[tuple[int, int]], phrase: str) -> int | None:
    """The one sentence where the phrase starts (case and spacing ignored), else None."""
    tokens = phrase.strip(" .\"'“”‘’").split()
    if len(words(phrase)) < ALIGN_MIN_WORDS:
        return None
    pattern = re.compile(r"\s+".join(re.escape(t) for t in tokens), re.I)
    starts = [s for s, _ in spans]
    hits = {bisect.bisect_right(starts, m.start()) - 1 for m in pattern.finditer(text)}
    return hits.pop() if len(hits) == 1 and -1 not in hits else None


def _best_overlap(text: str, spans: Sequence[tuple[int, int]], key: str) -> int | None:
    """The sentence sharing the largest share of the key's content words, when the share and
    count clear the thresholds and no other sentence ties it."""
    wanted = content_words(key)
    if not wanted or not spans:
        return None
    shared = [len(wanted & content_words(text[s:e])) for s, e in spans]
    best = max(shared)
    if best < ALIGN_MIN_WORDS or best / len(wanted) < ALIGN_MIN or shared.count(best) > 1:
        return None
    return shared.index(best)


def align(
    text: str, spans: Sequence[tuple[int, int]], statement: Mapping[str, Any]
) -> tuple[int, str] | None:
    """(sentence index, route) for a silver statement, or None when no sentence fits well."""
    evidence = str(statement.get("Modality Evidence") or "")
    for phrase in (evidence, *quoted_fragments(evidence)):
        found = _verbatim(text, spans, phrase)
        if found is not None:
            return found, "verbatim"
    found = _best_overlap(text, spans, evidence)
    if found is not None:
        return found, "evidence"
    found = _best_overlap(text, spans, " ".join(str(statement.get(f) or "") for f in FIELDS))
    return None if found is None else (found, "fields")
