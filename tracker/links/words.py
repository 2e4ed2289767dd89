"""Content words and their stems ("deliveries", "delivered" and "delivery" meet at one stem),
and how distinctive a stem is within a ledger. Pure surface rules, no dictionary."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable

__all__ = ["STOPWORDS", "common_stems", "content_stems", "rarity", "stem", "without_notes"]

_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9-]*(?:[,.]\d+)*")
_YEAR = re.compile(r"(?:19|20)\d\d$")  # dates are compared as dates, not as words
STOPWORDS = frozenset(
    """a an the of to in on at by for from with and or but as is are was were be been being
    will would shall should can could may might must have has had do does did it its this that
    these those their them they he she his her we our you your i not no new also than then into
    over under about after before up down out more most some any all each which who whom whose
    what when where while there here so such very just only own same other per said says say
    year years month months week weeks day days today yesterday time company""".split()  # noqa: SIM905
)
_SUFFIXES = (
    "ations", "ation", "ments", "ment", "ings", "ing", "ies", "ied", "ers", "er", "ed", "es",
    "s", "y", "e",
)  # fmt: skip
_STEM_LEN = 5
# a verb doubles its last consonant before -ed, -ing, -er ("banned", "planning"): undone, so
# that "banning" meets "ban"; not "ll", "ss", "zz", which the base has ("installed", "passed")
_VERBAL = frozenset({"ings", "ing", "ied", "ers", "er", "ed"})
_UNDOUBLE = re.compile(r"([bdfgmnprt])\1$")
# irregular verb forms a later article reports with ("held" the summit it promised to "hold")
_IRREGULAR = {
    "held": "hold", "met": "meet", "made": "make", "took": "take", "taken": "take",
    "sold": "sell", "built": "build", "flew": "fly", "flown": "fly", "began": "begin",
    "begun": "begin", "won": "win", "paid": "pay", "bought": "buy", "brought": "bring",
    "gave": "give", "given": "give", "grew": "grow", "grown": "grow", "rose": "rise",
    "risen": "rise", "fell": "fall", "fallen": "fall", "spent": "spend", "sent": "send",
    "kept": "keep", "led": "lead", "struck": "strike", "went": "go", "gone": "go",
    "chose": "choose", "chosen": "choose", "drew": "draw", "drawn": "draw",
    "growth": "grow",  # the noun a forecast reads with the verb ("growth accelerates")
}  # fmt: skip
# an annotator's remark in brackets: about another item, not about the commitment
_NOTE = re.compile(
    r"\s*\((?=[^()]*\b(?:item|items|restat\w*|repeat\w*|see|cf|same as|as in)\b)[^()]*\)", re.I
)


def stem(word: str) -> str:
    """A crude stem: lower case, one inflectional or derivational suffix off, five letters."""
    low = word.lower().replace(",", "")
    if low[:1].isdigit():
        return low
    if "-" in low:  # a pair in either order: "UK-EU" summit is the "EU-UK" summit
        return "-".join(sorted(low.split("-")))
    low = _IRREGULAR.get(low, low)
    for suffix in _SUFFIXES:
        if low.endswith(suffix) and len(low) - len(suffix) >= 4 and _strips(low, suffix):
            low = (
                _UNDOUBLE.sub(r"\1", low[: -len(suffix)])
                if suffix in _VERBAL
                else low[: -len(suffix)]
            )
            break
    return low[:_STEM_LEN]


def _strips(word: str, suffix: str) -> bool:
    """A final "y" after a vowel is part of the word ("delay", "survey"), not a suffix."""
    return suffix != "y" or word[-2] not in "aeiou"


def content_stems(text: str) -> set[str]:
    """The stems of the content words of `text` (stop words and one-letter words left out); a
    lower-case compound is read as its words ("euro-area" is "euro area"), not as a pair."""
    words = (p for w in _WORD.findall(text) for p in _parts(w.strip("-")))
    kept = (w for w in words if len(w) > 1 and not _YEAR.match(w))
    return {stem(w) for w in kept if w.lower() not in STOPWORDS}


def _parts(word: str) -> list[str]:
    return word.split("-") if word.islower() and word.replace("-", "").isalpha() else [word]


def without_notes(action: str) -> str:
    """`action` without the annotator's remarks on other items ("real GDP grows 1.1% (restating
    item 1 with a figure)"); a bracketed detail ("(to Singapore Airlines)") stays."""
    return _NOTE.sub("", action)


def rarity(documents: Iterable[set[str]]) -> dict[str, float]:
    """Stem → inverse document frequency over `documents` (a rare stem weighs more)."""
    docs = list(documents)
    df = Counter(s for d in docs for s in d)
    return {s: math.log(1 + len(docs) / n) for s, n in df.items()}


_DIGIT = re.compile(r"\d")
_COMMON_SHARE = 40  # a stem in more than 1 in 40 of a large ledger's actions is common
_COMMON_MIN = 3  # in a small ledger, a stem of more than three actions


def common_stems(documents: Iterable[set[str]]) -> frozenset[str]:
    """The stems too common in `documents` to tell one commitment from another ("economy",
    "workers", "invest" in a ledger of hundreds of commitments); a figure or a model ("2",
    "A380") is specific however often it comes back."""
    docs = list(documents)
    df = Counter(s for d in docs for s in d)
    most = max(_COMMON_MIN, len(docs) / _COMMON_SHARE)
    return frozenset(s for s, n in df.items() if n > most and not _DIGIT.search(s))
