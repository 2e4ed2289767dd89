"""Does a sentence name a commitment's party? Names, surnames, acronyms ("GM" for "General
Motors", "SIA" for "Singapore Airlines") and the words of a name that stand for it."""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["actor_forms", "names_actor"]

# Words of a name that never stand for it alone ("Apple Inc." is not "Inc.").
_GENERIC = frozenset(
    """inc corp corporation co company companies group holdings ltd plc the of and for de
    international national government ministry department bank airlines airline motors motor
    general united american new association board council commission agency office""".split()  # noqa: SIM905
)


def actor_forms(actor: str) -> set[str]:
    """Lower-case forms that name `actor`: the whole name, its acronym, its distinctive words."""
    words = [w for w in re.findall(r"[\w&-]+", actor) if w]
    forms = {actor.lower()}
    if len(words) >= 2:
        forms.add("".join(w[0] for w in words if w[0].isupper()).lower())
    forms.update(w.lower() for w in words if len(w) >= 3 and w.lower() not in _GENERIC)
    return {f for f in forms if len(f) >= 2}


def names_actor(sentence: str, actors: Sequence[str]) -> bool:
    """Whether `sentence` names one of `actors` by any of its forms (whole words only)."""
    low = sentence.lower()
    return any(
        re.search(rf"(?<![\w-]){re.escape(form)}(?![\w-])", low)
        for actor in actors
        for form in actor_forms(actor)
    )
