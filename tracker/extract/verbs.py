"""Base forms of the verbs that commitments are made of ("build", "open", "train"), for telling
a coordinated verb phrase ("will house services under one roof, open at evenings") from a
coordinated noun ("funding, support and advice"). Data only; used by clauses.py."""

from __future__ import annotations

from tracker.extract import lexicon

# Verbs that are rarely nouns after a comma or "and".
BASE_VERBS = lexicon.word_set(
    """accelerate achieve add address adopt allow appoint approve assess attract begin
    boost bring build buy close complete connect consider continue cover create cut
    deepen deliver deploy design develop double drive eliminate enable encourage end
    enhance ensure establish expand explore extend extract foster free give grow guarantee
    halve hire hold implement improve include increase introduce invest keep launch lay
    lift lower maintain make modernise modernize monitor move oversee offer open pay
    phase place prepare present process produce promote protect provide publish pursue
    raise reach recruit recycle reduce reform reinforce release remove renew replace
    restore return review revive save scale secure sell send serve set share shift
    simplify speed spend strengthen streamline submit tackle take train transform unlock
    upgrade use widen work"""
)
# Verbs that are as often nouns ("with support from", "a cut in rates"): a coordinated one is a
# verb only before an object that a determiner or a number opens.
NOUN_VERBS = lexicon.word_set(
    """access aid benefit change control cut fund help increase lead need plan record
    report return review share support use work"""
)


def is_base_verb(word: str) -> bool:
    """Whether `word` (lower case) is one of the base verbs of commitments."""
    return word in BASE_VERBS


def is_verb(word: str) -> bool:
    """Whether `word` (lower case) is a base verb of commitments, also one often a noun."""
    return word in BASE_VERBS or word in NOUN_VERBS


def is_gerund_of_verb(word: str) -> bool:
    """ "returning", "supporting", "making": the -ing form of a base verb."""
    if not word.endswith("ing") or len(word) < 6:
        return False
    stem, verbs = word[:-3], BASE_VERBS | NOUN_VERBS
    doubled = len(stem) > 2 and stem[-1] == stem[-2]
    return bool(stem in verbs or stem + "e" in verbs or (doubled and stem[:-1] in verbs))


# A verb in the past tense ("announced", "made", "set out"): what a statement reports as done.
# Not "need", "proceed": -eed is no past ending.
PAST_TENSE = r"(?:(?![a-z]*eed\b)[a-z]{2,}ed|made|set|gave|put|took|sent|won|began|brought|laid)\b"
