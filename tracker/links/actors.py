"""Does a sentence name a commitment's party? Names, surnames, acronyms ("GM" for "General
Motors", "SIA" for "Singapore Airlines") and the words of a name that stand for it."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

__all__ = ["GENERIC", "TITLES", "actor_forms", "names_actor", "names_party"]

# Words of a name that never stand for it alone ("Apple Inc." is not "Inc.").
GENERIC = frozenset(
    """inc corp corporation co company companies group holdings holding ltd plc llc the of and
    for de all air international national government ministry department bank airlines airline
    airways aircraft airplanes motors motor general united american new association board council
    commission agency office commercial capital management court fund funds trust partners
    financial services systems industries federal central state reserve world summit conference
    forum meeting talks administration""".split()  # noqa: SIM905
)
# titles and adjectives of place: a sentence does not name "the President of the European
# Council" by "President" or "European" alone; an article that writes them may name it
TITLES = frozenset(
    """european president prime minister chancellor secretary deputy committee parliament
    republic kingdom union south north""".split()  # noqa: SIM905
)


def actor_forms(actor: str) -> set[str]:
    """Lower-case forms that name `actor`: the whole name, its acronym, its distinctive words."""
    return {form.lower() for form in _written_forms(actor)}


@functools.lru_cache(maxsize=1024)  # read for every sentence against the same ledger
def _written_forms(actor: str, *, titles: bool = False) -> frozenset[str]:
    """The forms as a text writes them: a single word or an acronym with its capitals (with
    the words of a title, when `titles`)."""
    words = [w for w in re.findall(r"[\w&-]+", actor) if w]
    forms = set()
    if len(words) >= 2:
        forms.add("".join(w[0] for w in words if w[0].isupper()))
    weak = GENERIC if titles else GENERIC | TITLES
    # a lower-case word names no one alone: "local" is not "local authorities", "businesses"
    # not "Korean businesses"
    forms.update(w for w in words if len(w) >= 3 and w.lower() not in weak and not w.islower())
    return frozenset(f for f in forms if len(f) >= 2)


def names_party(text: str, actors: Sequence[str]) -> bool:
    """Whether an article names the committed party: the first of its proper names (not a
    co-announcer such as "UK Government" listed after "BioNTech", nor "the government",
    which an article about any government writes), when it has one."""
    proper = [a for a in actors if a.removeprefix("the ")[:1].isupper()]
    return names_actor(text, proper[:1] or actors)


def names_actor(sentence: str, actors: Sequence[str], *, titles: bool = False) -> bool:
    """Whether `sentence` names one of `actors` by any of its forms (whole words only): the
    whole name in any case, a single word or acronym only as written ("Zephyr", not "zephyr");
    a title's words ("President", "European") only when `titles` (for a whole article)."""
    low = sentence.lower()
    return any(
        _has(low, actor.lower())
        or any(_has(sentence, f) for f in _written_forms(actor, titles=titles))
        or _spelt_out(sentence, actor)
        for actor in actors
    )


def _spelt_out(sentence: str, actor: str) -> bool:
    """Whether `sentence` spells out an acronym `actor` ("United Kingdom" for "UK")."""
    if not re.fullmatch(r"[A-Z]{2,4}", actor):
        return False
    words = r"(?:\s+(?:of|the|and))*\s+".join(rf"{c}[a-z]+" for c in actor)
    return re.search(rf"\b{words}\b", sentence) is not None


def _has(text: str, form: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(form)}(?![\w-])", text) is not None
