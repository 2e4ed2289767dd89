"""Cue classes for commitment extraction, in one readable place.

Each `Cue` is one class of forward-looking signal; `extract.py` finds them. The word lists
that veto or qualify a cue (hedges, conditionals, past markers, reporting verbs...) live in
tracker/extract/vetoes.py, and the frames that decide a commitment's kind in
tracker/extract/frames.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tracker.domain import Kind

__all__ = ["CUES", "Cue"]

# Adverbs that may sit between a cue and its verb ("will also relinquish").
_ADV = r"(?:(?:also|still|now|soon|then|jointly|eventually|further|formally|only|again|"
_ADV += r"definitely|certainly|probably|likely|officially|finally|first|instead|immediately|"
_ADV += r"gradually|quickly|unequivocally|likewise|both|all)\s+){0,2}"
_NEG = r"(?P<neg>not\s+|never\s+|n[o']t\s+)?"
# A past participle, regular or one of the common irregular ones ("be sold", "be cut").
PARTICIPLE = (
    r"(?:\w+(?:ed|en|wn)|sold|held|built|made|paid|cut|set|put|told|kept|bought|sent|spent|"
    r"brought|shut|led|left|lost|met|run|won)"
)
_DET_NEXT = r"(?!(?:the|a|an|its|his|her|their|our|this|that|these|those)\b)"
# After "due to": a noun phrase makes it "because of" ("due to rising costs", "due to what
# they call interference", "due to considerable sales"); a verb makes it a schedule.
_DUE_VERB = (
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


def _cue(name: str, regex: str, kind: Kind | None, strength: float, *, verb: bool = True) -> Cue:
    return Cue(name, re.compile(regex, re.IGNORECASE), kind, strength, verb)


# Verbs of arranged events, which a present progressive can put in the future.
ARRANGED_VERBS = (
    r"travell?ing|flying|leaving|arriving|visiting|meeting|launching|opening|"
    r"holding|hosting|starting|beginning|returning|releasing|unveiling|shipping|delivering"
)

# Order matters only for ties: the first cue found in a clause wins over weaker later ones.
CUES: tuple[Cue, ...] = (
    _cue(
        "promise_verb",
        r"\b(?:pledg|promis|vow|swor|swear|guarantee|commit)(?:e|es|ed|ing|s|ted|ting)?\s+"
        + _NEG
        + r"(?:to\s+|that\s+)",
        Kind.PROMISE,
        0.9,
    ),
    _cue(
        "resolve",
        r"\b(?:not|never)\s+(?:be\s+)?back(?:ing|ed|s)?\s+down\b",
        Kind.PROMISE,
        0.7,
        verb=False,
    ),
    _cue(
        "determination",
        r"\b(?:determined|(?:is|are|remains?|stays?)\s+committed)\s+to\s+",
        Kind.PROMISE,
        0.7,
    ),
    _cue(
        "agree_verb",
        r"\b(?:agree[sd]?|agreeing)\s+" + _ADV + _NEG + r"(?:to|on|that|upon)\s+",
        Kind.AGREEMENT,
        0.9,
    ),
    _cue(
        "agreement_noun",
        r"\b(?:reach(?:ed|es)|sign(?:ed|s)|str(?:uck|ikes)|seal(?:ed|s)|inked|announced|won|"
        r"awarded|secur(?:ed|es)|landed)\s+"
        r"(?:an?\s+|the\s+)?(?:[\w$.,-]+\s+){0,3}"
        r"(?:agreement|deal|accord|pact|contract)\s+(?:to|that|under which)\s+",
        Kind.AGREEMENT,
        0.85,
    ),
    _cue(  # "Government agrees final investment decision to give Sizewell C the go-ahead"
        "agreed_decision",
        r"\bagree[sd]?\s+(?:an?\s+|the\s+|its\s+)?(?:[\w-]+\s+){0,3}decision\s+to\s+" + _DET_NEXT,
        Kind.AGREEMENT,
        0.75,
    ),
    _cue(  # "the political agreement reached today between the Parliament and the Council"
        "agreement_reached",
        r"\b(?:agreement|deal|accord|pact)\s+(?:(?:was|has\s+been)\s+)?"
        r"(?:reached|struck|sealed)\s+(?=today\b|(?:on\s+)?(?:\w+day)\b|between\b|with\b)",
        Kind.AGREEMENT,
        0.6,
        verb=False,
    ),
    _cue(  # "Stellantis' agreement to purchase up to 25,000 tons of lithium"
        "agreement_to",
        r"\b(?:agreement|deal|accord|pact)\s+to\s+(?=(?-i:[a-z]))" + _DET_NEXT,
        Kind.AGREEMENT,
        0.6,
    ),
    _cue(
        "plan_verb",
        r"\b(?:plan(?:s|ned|ning)?|intend(?:s|ing)?|"
        # "is intended to", "said it intended to"; not "a data center intended to serve"
        r"(?:(?<=\bis\s)|(?<=\bare\s)|(?<=\bit\s)|(?<=\bhe\s)|(?<=\bshe\s)|(?<=\bthey\s)"
        r"|(?<=\bwe\s)|(?<=\bI\s))intended|aim(?:s|ed|ing)?|prepar(?:es|ing)|"
        r"(?:has|have)\s+(?:now\s+|also\s+)?decided|decides|"
        r"wants?|seek(?:s|ing)?|looks?|looking|offer(?:s|ed|ing)?|would\s+like|"
        r"vot(?:ed|es)|resolved)\s+" + _NEG + r"(?:to|on)\s+" + _DET_NEXT,
        Kind.PLAN,
        0.8,
    ),
    _cue(
        "scheduled",
        r"(?:\b(?:is|are|was|were|be|been|now|has\s+been|have\s+been)|,)\s+"
        + _ADV
        + _NEG
        + r"(?:(?:set|scheduled|slated|poised|planned)\s+to\s+"
        + _DET_NEXT
        + r"|due\s+to\s+"
        + _DET_NEXT
        + _DUE_VERB
        + r"|(?:set|scheduled|slated|due|poised|planned)\s+(?:for|in|on|until|by|next)\b)",
        Kind.PLAN,
        0.8,
    ),
    _cue(
        "be_to",
        r"\b(?:is|are)\s+" + _NEG + r"to\s+(?:be\s+)?(?=[a-z]+)" + _DET_NEXT,
        Kind.PLAN,
        0.7,
    ),
    _cue(  # a headline or a bullet line: "Acme to cut 10% of staff"; vetoed elsewhere
        "headline_to",
        r"(?<=[\w’'.)%])\s+(?:also\s+)?to\s+(?:also\s+)?(?=(?:be\s+)?(?-i:[a-z])\w+\b)"
        + _DET_NEXT,
        Kind.PLAN,
        0.6,
    ),
    _cue(
        "to_be_done",
        r"(?:^|,\s+|\b(?:event|meeting|hearing|vote|conference|ceremony|summit)\s+)"
        r"(?:due\s+|set\s+)?to\s+be\s+(?=\w+(?:ed|en|wn|t|ld)\b)",
        Kind.PLAN,
        0.6,
    ),
    _cue(
        "nominal_plan",
        r"\b(?:(?:has|have|had|unveiled|announced|outlined|with)\s+(?:\w+\s+){0,2}plans?"
        r"|the\s+(?:\w+\s+)?(?:plan|goal|aim|intention|desire)\s+(?:is|was)"
        r"|(?:his|her|their|its)\s+(?:plan|goal|aim|intention|desire)\s+(?:is|was))"
        r"\s+(?:rather\s+)?to\s+",
        Kind.PLAN,
        0.75,
    ),
    _cue(  # "a target to cut emissions by 25% by 2030", "our ambition to build 1.5m homes"
        "target_noun",
        r"\b(?:target|ambition|objective|goal|mission)s?\s+(?:is\s+|was\s+)?to\s+(?=(?-i:[a-z]))"
        + _DET_NEXT,
        Kind.PLAN,
        0.6,
    ),
    _cue(  # a term of a deal just reported: "The EU should have the capacity to extract 10%"
        "agreed_should",
        r"\bshould\s+(?:also\s+)?(?!not\b|be\b|have\s+been\b)(?=(?-i:[a-z])\w+\s)",
        Kind.AGREEMENT,
        0.55,
    ),
    _cue(
        "ready",
        r"\b(?:is|are|stands?|remains?)\s+(?:now\s+|fully\s+)?ready\s+to\s+" + _DET_NEXT,
        Kind.PLAN,
        0.6,
    ),
    _cue(  # "The Government launches a consultation on ...": a step taken now
        "launches_noun",
        r"\b(?:launch(?:es)?|open(?:s)?|unveils)\s+(?:an?\s+|the\s+|its\s+)?(?:[\w-]+\s+){0,2}?"
        r"(?:consultation|partnership|review|scheme|fund|programme|program|strategy|talks|"
        r"negotiations|inquiry)\b",
        Kind.PLAN,
        0.6,
        verb=False,
    ),
    _cue(  # "Talks launch tomorrow": a present tense dated ahead
        "dated_present",
        r"\b(?:launch|start|begin|open|resume|meet|arrive|close)(?:s|es)?\s+(?=tomorrow\b)",
        Kind.PLAN,
        0.5,
        verb=False,
    ),
    _cue(  # "looked forward to seeing one another at next month's summit": dated only
        "look_forward",
        r"\blook(?:s|ed|ing)?\s+(?:forward|ahead)\s+to\s+",
        Kind.PLAN,
        0.5,
    ),
    _cue(  # "invited the Prime Minister to attend a session ... on 3 February": dated only
        "invited_to",
        r"\binvit(?:ed|es)\s+(?:[\w’'-]+\s+){1,4}?to\s+(?=(?:attend|join|visit|speak|address)\b)",
        Kind.PLAN,
        0.5,
    ),
    _cue(
        "intention_noun",
        r"\b(?:intention|pledge|promise|commitment|determination)\s*(?:—[^—]{0,60}—\s*)?"
        r"to\s+(?!the\b|a\b)",
        Kind.PROMISE,
        0.55,
    ),
    _cue(
        "announced_action",
        r"\b(?:announced|unveiled|proposed|outlined)\s+(?:an?\s+|the\s+|its\s+|their\s+)?"
        r"(?:[\w$,.%-]+\s+){0,4}?(?:job\s+cuts|cuts|closures?|layoffs|investment|injection|"
        r"integration|restructuring|expansion|buyback|spin-off)\b",
        Kind.PLAN,
        0.6,
        verb=False,
    ),
    _cue(
        "new_order",  # a deal the article reports: "Air Canada has ordered US$ 6 billion in jets"
        r"\b(?:ordered\s+(?=(?:US)?[$€£]|\d|(?:\w+\s+){0,2}(?:aircraft|airliners|planes|jets)\b)"
        r"|(?:announced|received|won|booked|secured)\s+(?:\w+\s+){0,2}(?:new\s+)?orders?\s+"
        r"(?:from|for)\s+|signed\s+(?:an?\s+|the\s+)?(?:\w+\s+)?(?:deal|contract)\s+for\s+)",
        Kind.AGREEMENT,
        0.7,
        verb=False,
    ),
    _cue(
        "dated_continuation",  # "has continued to hold the markets closed until Friday"
        r"\b(?:(?:has|have)\s+continued|continues|continue)\s+to\s+" + _DET_NEXT,
        Kind.PLAN,
        0.5,
    ),
    _cue(
        "accepted_invitation",
        r"\baccept(?:s|ed)?\s+(?:my|his|her|their|our|an|the|this)\s+(?:\w+\s+)?invitation\b",
        Kind.PLAN,
        0.7,
        verb=False,
    ),
    _cue(
        "promised_noun",
        r"\b(?:promis|pledg)(?:e|es|ed)\s+(?:a|an|the|its|their|his|her|more|further|new|"
        r"full|\w+er)\s+(?=[\w$])"
        r"(?!(?:lot|great\s+deal|bit|while)\b)",
        Kind.PROMISE,
        0.6,
        verb=False,
    ),
    _cue(
        "expected_date",
        r"\b(?:is|are)\s+(?:now\s+|also\s+)?expected\s+"
        r"(?=(?:in|on|by|before|later|early|late|next|this|within)\b)",
        None,
        0.6,
        verb=False,
    ),
    _cue(
        "expect_verb",
        r"\b(?:expects?|expected|forecasts?|predicts?|predicted|projects?|anticipates?)\s+"
        r"(?:(?:the|its|a|an|that|sales|profits?|revenues?|prices?)\b[^.;]{0,40}?\s+)?to\s+"
        + _DET_NEXT,
        Kind.PREDICTION,
        0.75,
    ),
    _cue(  # "the bank projects growth at 5.2% this year": a forecast stated as a figure
        "forecast_figure",
        r"\b(?:expects?|forecasts?|projects?|predicts?|sees|estimates?)\s+(?:(?:the|its)\s+)?"
        r"(?:\w+\s+)?(?:growth|inflation|unemployment|output|sales|revenues?|profits?|deficit|"
        r"prices?|rates?|GDP|earnings)\s+(?:(?:at|of|to\s+(?:be|reach|hit))\s+(?=[\d$€£])|"
        r"to\s+(?:grow|rise|fall|increase|decrease|decline|slow|accelerate|expand|contract|"
        r"average)\s+(?=(?:by|to|at)\s+[\d$€£]))",
        Kind.PREDICTION,
        0.7,
        verb=False,
    ),
    _cue(
        "likely",
        r"\b(?:is|are|was|were|be)\s+(?:very\s+|highly\s+|widely\s+)?(?:likely|unlikely|"
        r"expected|forecast|predicted|projected|anticipated|bound)\s+to\s+",
        Kind.PREDICTION,
        0.7,
    ),
    _cue(
        "future_modal",
        r"(?:\b(?:will|shall)\b|[’']\s?ll\b|\bwo\s?n[’']t\b|"
        r"(?:\b(?:is|are|am)|[’']s|[’']re|[’']m)\s+"
        + _NEG
        + _ADV
        + r"going\s+to\b)\s+"
        + _ADV
        + _NEG.replace("neg", "neg2"),
        None,
        0.8,
    ),
    # "can" commits only with a date ("applications can be submitted starting next month").
    _cue("dated_ability", r"\bcan\s+" + _ADV + r"(?!not\b|n[o']t\b)", None, 0.5),
    # The futurate progressive of an arranged event commits only with a date ("the plane is
    # flying to Chicago on Monday"); after "announced that" it is a decision taken.
    _cue(
        "dated_progressive",
        r"\b(?:is|are|am)\s+"
        + _ADV
        + r"(?=(?:"
        + ARRANGED_VERBS
        + r")\b(?!\s+to\s+"  # "is starting to fear": an aspect, not an arranged event
        + _DET_NEXT
        + r"(?-i:[a-z]+)\b))",
        Kind.PLAN,
        0.5,
    ),
    _cue(
        "announced_progressive",
        r"\b(?:is|are)\s+(?=\w+ing\b)(?!(?:going|expecting|considering|hoping|seeking|looking|"
        r"planning|trying|struggling|losing|facing|suffering)\b)",
        Kind.PLAN,
        0.6,
    ),
    _cue(
        "reported_modal",
        r"\b(?:would\s+"
        + _ADV
        + _NEG
        + r"(?!have\b)|should\s+(?=(?:not\s+)?be\s+"
        + PARTICIPLE
        + r"\b))",
        None,
        0.6,
    ),
)
