"""The shape of a commitment cue and the pattern pieces the cue tables share."""

from __future__ import annotations

import re
from dataclasses import dataclass

from tracker.domain import Kind

# Adverbs that may sit between a cue and its verb ("will also relinquish").
ADV = r"(?:(?:also|still|now|soon|then|jointly|eventually|further|formally|only|again|"
ADV += r"definitely|certainly|probably|likely|officially|finally|first|instead|immediately|"
ADV += r"gradually|quickly|unequivocally|likewise|both|all)\s+){0,2}"
NEG = r"(?P<neg>not\s+|never\s+|n[o']t\s+)?"
# A past participle, regular or one of the common irregular ones ("be sold", "be cut").
PARTICIPLE = (
    r"(?:\w+(?:ed|en|wn)|sold|held|built|made|paid|cut|set|put|told|kept|bought|sent|spent|"
    r"brought|shut|led|left|lost|met|run|won|laid)"
)
DET_NEXT = r"(?!(?:the|a|an|its|his|her|their|our|this|that|these|those)\b)"
# After "due to": a noun phrase makes it "because of" ("due to rising costs", "due to what
# they call interference", "due to considerable sales"); a verb makes it a schedule.
DUE_VERB = (
    r"(?!(?:what|which|whom|whose|some|many|much|more|less|lower|higher|strong|weak|poor|"
    r"high|low|heavy|bad|good|concerns?|fears?|problems?|delays?|lack|demand)\b|\d"
    r"|(?!(?:bring|sing|swing|ring|sting|spring|string|fling|cling)\b)\w+ing\b"
    r"|\w+(?:(?<!e)ed|able|ible|ous|ful|[cirnt]al|tive|sive|ic|(?<!s)s)\b)"
)


@dataclass(frozen=True, slots=True)
class Cue:
    """A class of commitment signal: `kind` None means "decide from subject and speech"."""

    name: str
    pattern: re.Pattern[str]
    kind: Kind | None
    strength: float
    verb_follows: bool = True  # the action starts after the cue ("plans to | visit ...")


def cue(name: str, regex: str, kind: Kind | None, strength: float, *, verb: bool = True) -> Cue:
    return Cue(name, re.compile(regex, re.IGNORECASE), kind, strength, verb)


# Verbs of arranged events, which a present progressive can put in the future.
ARRANGED_VERBS = (
    r"travell?ing|flying|leaving|arriving|visiting|meeting|launching|opening|"
    r"holding|hosting|starting|beginning|returning|releasing|unveiling|shipping|delivering"
)
