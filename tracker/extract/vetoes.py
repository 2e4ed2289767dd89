"""Word lists and patterns that veto or qualify a commitment cue (tracker/extract/cues/): hedges,
conditionals, past and counterfactual markers, speech acts, feelings, reporting verbs."""

from __future__ import annotations

import re

# Words that, in the few words before a cue, make it a mere possibility.
HEDGES = re.compile(
    r"\b(?:may|might|could|possibly|perhaps|maybe|rumou?red|speculat\w*|"
    r"consider(?:s|ed|ing)?|worried|afraid|fears?|feared|doubts?|"
    r"(?:do\s*n[’']t|do\s+not|can\s*not|can[’']t|could\s*n[’']t)\s+(?:think|believe|imagine)|"
    r"demand(?:s|ed|\s+that)|urg(?:es|ed)|ask(?:s|ed)|"
    r"call(?:s|ed)\s+(?:on|for)|hope[sd]?\s+that|insist(?:s|ed)?\s+that|"
    r"(?:stunning|surprising|shocking|unacceptable|outrageous|absurd|unthinkable)\b[^,;]*that)\b",
    re.IGNORECASE,
)
# Clause openers that make what follows hypothetical ("should" only when inverted).
CONDITIONALS = re.compile(
    r"(?:(?:^|[\s(“\"])(?:if|unless|in\s+case|provided\s+that|whether|hypothetical)"
    r"|(?:^|[,;(“\"]\s*)should\s+\w+)\b",
    re.IGNORECASE,
)
# Markers that put a cue in the past or make it counterfactual.
PAST = re.compile(
    r"\b(?:would\s+have|had\s+(?:\w+ly\s+)?(?:planned|hoped|intended|expected|aimed|wanted|"
    r"sought)|had\s+(?:initially|originally)|was\s+to\s+have|"
    r"(?:was|were)\s+(?:intended|designed)|"
    r"were\s+(?:supposed|meant)|was\s+(?:supposed|meant)|originally)\b",
    re.IGNORECASE,
)
# Right after a cue: the expected event is itself in the past ("predicted to have dipped").
PAST_COMPLEMENT = re.compile(r"\s*(?:have|has)\s+(?:\w+ly\s+)?\w+(?:ed|en|wn|t)\b", re.I)
# Just before a cue: it is a noun or an idiom, not a commitment ("the easiest way is to").
CUE_VETO = re.compile(
    r"\b(?:way|thing|idea|question|problem|point|key)\s*$",
    re.I,
)
# Right after a cue: a speech act, not a commitment ("I would like to thank ...").
PERFORMATIVE = re.compile(
    r"\s*(?:thank|express|congratulate|say|welcome|apologi[sz]e|point\s+out|add|stress|"
    r"emphasi[sz]e|acknowledge|remind|take\s+this\s+opportunity)\b",
    re.I,
)
# Right after "will": feelings and tributes, not commitments ("I will miss him", "his legacy
# will forever be", "we will never forget").
SENTIMENT = re.compile(
    r"\s*(?:forever|miss|remember|cherish|mourn|grieve|forget|treasure|be\s+felt)\b",
    re.I,
)
# Right after "will": a judgement of importance, not an undertaking ("will be even more vital").
EVALUATION = re.compile(
    r"\s*(?:be|become|remain)\s+(?:(?:even|all\s+the|ever|increasingly|more|most|so|very)\s+)"
    r"{0,2}(?:vital|important|crucial|essential|critical|significant|valuable)\b",
    re.I,
)
# Before a counted purpose "to create 600 jobs": the measure it is the purpose of ("Acme's
# £2bn investment", "the Competitiveness Scheme", "a grant of £5m"), no other clause between.
_MEASURES = (
    r"investments?|scheme|fund|funding|programme|program|package|projects?|grants?|initiative|"
    r"partnership|deal|plan"
)
MEASURE_BEFORE = re.compile(
    rf"\b(?:{_MEASURES}|strategy|loans?)\b(?:\s+[\w£$€.,’'-]+){{0,4}}\s*$",
    re.I,
)
# In the sentence before a participle outcome ("..., creating 600 jobs"): the measure it
# follows, a site it builds, and the marks of one already done ("the plant opened in 2003").
MEASURE_NAMED = re.compile(
    rf"\b(?:{_MEASURES}|factory|plant|facility|site|centre|center|expansion)\b",
    re.I,
)
DONE_BEFORE = re.compile(
    r"\b(?:was|were|had|opened|built|closed|completed|since|ago|last\s+year|in\s+(?:19|20)\d\d)\b",
    re.I,
)
# Before "commitment to": the background a step is part of, not a new pledge ("As part of the
# agency's commitment to clean air, it published ...", "in line with our commitment to").
BACKGROUND_PLEDGE = re.compile(
    r"\b(?:part\s+of|in\s+line\s+with|reflect(?:s|ing)|under(?:lin|scor)(?:es|ing))\s+"
    r"(?:(?:the|our|its|their|his|her)\s+)?(?:[\w’'-]+\s+){0,3}$",
    re.I,
)
# In a sentence with a sum allocated: the marks of an allocation made in the past ("allocated
# £2m for repairs last year", "had already set aside").
PAST_ALLOCATION = re.compile(
    r"\b(?:last\s+(?:year|month|week|spring|summer|autumn|fall|winter)|ago|previously|already|"
    r"had|since|in\s+(?:19|20)\d\d\b(?!\s*(?:-|–|to)))\b",
    re.I,
)
# "will" as a noun: "the will of the people", "free will".
NOUN_WILL = re.compile(r"\b(?:the|his|her|their|its|free|political|good|own)\s+$", re.I)
# Reporting verbs: a "would" after one of them is reported future ("said it would ...").
REPORTING = re.compile(
    r"\b(?:said|says|say|saying|told|tells|added|announced|stated|stating|explained|noted|insisted|"
    r"updating|updated|"
    r"stressed|warned|claimed|confirmed|declared|wrote|made\s+(?:it\s+)?(?:\w+\s+)?clear|"
    r"promised|pledged|vowed|assured|agreed|decided|reported|predicted|predicts|expected|"
    r"expects|believes?|believed|thinks?|thought|envisioned|hopes?|hoped|according\s+to|"
    r"indicated|indicates|signall?ed|signals|hinted|cautioned|revealed|disclosed)\b",
    re.IGNORECASE,
)
# Phrases after which "would" is hypothetical or a mere wish.
MODAL_VETO = re.compile(r"\b(?:would\s+be\s+(?:a|an|the)\b|would\s+(?:rather|like))", re.I)


def _words(block: str) -> frozenset[str]:
    """A set of the whitespace-separated words of `block`."""
    return frozenset(block.split())


# A demonstrative subject with a copula is an assessment ("This will be a great day").
DEMONSTRATIVES = _words("this that these those")
COPULA = re.compile(r"\s*(?:not\s+)?(?:be|go\s+down|build\s+on)\s+(?!\w+ed\b)", re.I)
NOT_VERBS = _words("then also other more most many some all its the")
# Before an "announced_progressive" cue: "Acme announced today that it is closing ...".
ANNOUNCE_FRAME = re.compile(
    r"\b(?:announced|confirmed)\s+(?:today\s+|on\s+\w+\s+)?that\s+"
    r"(?:it|they|the\s+\w+|[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*){0,3})\s+$"
)
# After "agreed that": a shared view, not an undertaking, when nothing in it lies ahead ("agreed
# that our cooperation forms a fundamental part of ..."); "agreed on the importance of ...".
FUTURE_MARK = re.compile(
    r"\b(?:will|would|shall|should|must|wo\s?n[’']t|need\s+to|(?:is|are)\s+to)\b|[’']ll\b", re.I
)
SHARED_VIEW = re.compile(r"\s*the\s+(?:importance|significance|value)\s+of\b", re.I)
# Before a headline's "to" ("Acme to cut 10% of staff"): a bare noun phrase that opens a line,
# without a verb of its own ("Shares rose to", "He went to") or a pronoun subject.
# A sum may be the subject: "More than £500 million to support ...".
HEADLINE_SUBJECT = re.compile(r"(?:[\w’'&.,£$€%-]+\s+){0,9}[\w’'&.£$€%-]+")
# "More than £500 million", "fewer than 20": a bound on a quantity, not a comparison.
QUANTITY_BOUND = re.compile(r"\b(?:[Mm]ore|[Ll]ess|[Ff]ewer)\s+than\b")
HEADLINE_NOT = _words(
    """is are was were be been being has have had will would can could may might should must
    do does did said says wants want plans plan aims seeks hopes expects went came rose fell
    began got took gave made need needs continues continue used moved tried set due going
    fails fail refuses refuse threatens tends appears seems moves agrees offers helps allows
    he she it they we i you this that there these those which who what how when where why
    if because as than but"""
)
HEADLINE_LINKS = _words("at in on of for from with by across to over under near and or")
