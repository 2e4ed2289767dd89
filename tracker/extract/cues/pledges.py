"""Cues of what a party says it will do: pledges, agreements, plans, schedules, decisions and
announced actions (the first part of the cue table; order kept)."""

from __future__ import annotations

from tracker.domain import Kind
from tracker.extract.cues.base import ADV, DET_NEXT, DUE_VERB, NEG, Cue, cue

# "reached a deal on the islands", not "reached a deal on Monday" (when, not what)
_NOT_A_DATE = (
    r"(?!\s+(?:\w+day|\d|the\s+\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*)\b)"
)

# A signed instrument: a deal, a contract, a memorandum ("memorandum of terms (PMT)").
_DEAL = (
    r"(?:agreement|deal|accord|pact|contract|memorandum(?:\s+of\s+(?:understanding|terms))?|"
    r"MoU|letter\s+of\s+intent)(?:\s+\([A-Z]{2,6}\))?"
)

PLEDGE_CUES: tuple[Cue, ...] = (
    cue(
        "promise_verb",
        r"\b(?:pledg|promis|vow|swor|swear|guarantee|commit)(?:e|es|ed|ing|s|ted|ting)?\s+"
        + NEG
        + r"(?:to\s+|that\s+)",
        Kind.PROMISE,
        0.9,
    ),
    cue(
        "resolve",
        r"\b(?:not|never)\s+(?:be\s+)?back(?:ing|ed|s)?\s+down\b",
        Kind.PROMISE,
        0.7,
        verb=False,
    ),
    cue(
        "determination",
        r"\b(?:determined|(?:is|are|remains?|stays?)\s+committed)\s+to\s+",
        Kind.PROMISE,
        0.7,
    ),
    cue(
        "agree_verb",
        r"\b(?:agree[sd]?|agreeing)\s+" + ADV + NEG + r"(?:to|on|that|upon)\s+",
        Kind.AGREEMENT,
        0.9,
    ),
    cue(
        "agreement_noun",
        r"\b(?:reach(?:ed|es)|sign(?:ed|s)|str(?:uck|ikes)|seal(?:ed|s)|inked|announced|won|"
        r"awarded|secur(?:ed|es)|landed)\s+"
        r"(?:an?\s+|the\s+)?(?:[\w$.,-]+\s+){0,7}?" + _DEAL + r"\s+"
        r"(?:with\s+(?-i:[A-Z])(?:[\w.&’'-]+\s+){1,4}?)?(?:to|that|under which|on"
        + _NOT_A_DATE
        + r")\s+",
        Kind.AGREEMENT,
        0.85,
    ),
    cue(  # "Government agrees final investment decision to give Sizewell C the go-ahead"
        "agreed_decision",
        r"\bagree[sd]?\s+(?:an?\s+|the\s+|its\s+)?(?:[\w-]+\s+){0,3}decision\s+to\s+" + DET_NEXT,
        Kind.AGREEMENT,
        0.75,
    ),
    cue(  # "the political agreement reached today between the Parliament and the Council"
        "agreement_reached",
        r"\b(?:agreement|deal|accord|pact)\s+(?:(?:was|has\s+been)\s+)?"
        r"(?:reached|struck|sealed)\s+(?=today\b|(?:on\s+)?(?:\w+day)\b|between\b|with\b)",
        Kind.AGREEMENT,
        0.6,
        verb=False,
    ),
    cue(  # "Stellantis' agreement to purchase up to 25,000 tons of lithium"
        "agreement_to",
        r"\b(?:agreement|deal|accord|pact)\s+to\s+(?=(?-i:[a-z]))" + DET_NEXT,
        Kind.AGREEMENT,
        0.6,
    ),
    cue(
        "plan_verb",
        r"\b(?:plan(?:s|ned|ning)?|intend(?:s|ing)?|"
        # "is intended to", "said it intended to"; not "a data center intended to serve"
        r"(?:(?<=\bis\s)|(?<=\bare\s)|(?<=\bit\s)|(?<=\bhe\s)|(?<=\bshe\s)|(?<=\bthey\s)"
        r"|(?<=\bwe\s)|(?<=\bI\s))intended|aim(?:s|ed|ing)?|prepar(?:es|ing)|"
        r"(?:has|have)\s+(?:now\s+|also\s+)?decided|decides|"
        r"wants?|seek(?:s|ing)?|looks?|looking|offer(?:s|ed|ing)?|would\s+like|"
        r"vot(?:ed|es)|resolved)\s+" + NEG + r"(?:to|on)\s+" + DET_NEXT,
        Kind.PLAN,
        0.8,
    ),
    cue(
        "scheduled",
        r"(?:\b(?:is|are|was|were|be|been|now|has\s+been|have\s+been)|,)\s+"
        + ADV
        + NEG
        + r"(?:(?:set|scheduled|slated|poised|planned)\s+to\s+"
        + DET_NEXT
        + r"|due\s+to\s+"
        + DET_NEXT
        + DUE_VERB
        + r"|(?:set|scheduled|slated|due|poised|planned)\s+(?:for|in|on|until|by|next|from|"
        r"between|through)\b)",
        Kind.PLAN,
        0.8,
    ),
    cue(  # "the summit scheduled for next month", "a visit planned for May": dated only
        "event_scheduled",
        r"\b(?:the|a|an|this|next|his|her|its|their|our)\s+(?:[\w’'-]+\s+){0,3}?"
        r"(?:summit|meeting|visit|talks|conference|vote|election|hearing|session|ceremony|"
        r"referendum|launch|opening|trial|event|negotiations|debate|tour|mission|consultation|"
        r"auction|ballot|forum|congress|convention|exercise)s?\s+"
        r"(?:scheduled|planned|slated)\s+(?=(?:for|on|to\s+take\s+place)\b)",
        Kind.PLAN,
        0.6,
        verb=False,
    ),
    cue(  # "the Prime Minister's visit to the EU Council tomorrow", "publication of the final
        # report later this year": an event named with a time still ahead; dated only
        "dated_event",
        r"(?:\b(?:the|his|her|its|their|our)\s+|(?<=[’']s\s))(?:[\w-]+\s+){0,2}?"
        r"(?=(?:visit|publication|launch|opening|signing|introduction|summit|unveiling)\b"
        r"(?:\s+(?:of|to|in|at)\b[^.;,]{0,60}?)?\s+(?:tomorrow|later\s+this|next|early\s+next|"
        r"this\s+(?:spring|summer|autumn|fall|winter)|in\s+(?:the\s+)?(?:spring|summer|autumn|"
        r"fall|winter|January|February|March|April|May|June|July|August|September|October|"
        r"November|December|20\d\d))\b)",
        Kind.PLAN,
        0.6,
        verb=False,
    ),
    cue(
        "be_to",
        r"\b(?:is|are)\s+" + NEG + r"to\s+(?:be\s+)?(?=[a-z]+)" + DET_NEXT,
        Kind.PLAN,
        0.7,
    ),
    cue(  # a headline or a bullet line: "Acme to cut 10% of staff"; vetoed elsewhere
        "headline_to",
        r"(?<=[\w’'.)%])\s+(?:also\s+)?to\s+(?:also\s+)?(?=(?:be\s+)?(?-i:[a-z])\w+\b)" + DET_NEXT,
        Kind.PLAN,
        0.6,
    ),
    cue(
        "to_be_done",
        r"(?:^|,\s+|\b(?:event|meeting|hearing|vote|conference|ceremony|summit)\s+)"
        r"(?:due\s+|set\s+)?to\s+be\s+(?=\w+(?:ed|en|wn|t|ld)\b)",
        Kind.PLAN,
        0.6,
    ),
    cue(
        "nominal_plan",
        r"\b(?:(?:has|have|had|unveiled|announced|outlined|with)\s+(?:\w+\s+){0,2}plans?"
        r"|the\s+(?:\w+\s+)?(?:plan|goal|aim|intention|desire)\s+(?:is|was)"
        r"|(?:his|her|their|its)\s+(?:plan|goal|aim|intention|desire)\s+(?:is|was))"
        r"\s+(?:rather\s+)?to\s+",
        Kind.PLAN,
        0.75,
    ),
    cue(  # "a target to cut emissions by 25% by 2030", "our ambition to build 1.5m homes"
        "target_noun",
        r"\b(?:target|ambition|objective|goal|mission)s?\s+(?:is\s+|was\s+)?to\s+(?=(?-i:[a-z]))"
        + DET_NEXT,
        Kind.PLAN,
        0.6,
    ),
    cue(  # a term of a deal just reported: "The EU should have the capacity to extract 10%"
        "agreed_should",
        r"\bshould\s+(?:also\s+)?(?!not\b|be\b|have\s+been\b)(?=(?-i:[a-z])\w+\s)",
        Kind.AGREEMENT,
        0.55,
    ),
    cue(
        "ready",
        r"\b(?:is|are|stands?|remains?)\s+(?:now\s+|fully\s+)?ready\s+to\s+" + DET_NEXT,
        Kind.PLAN,
        0.6,
    ),
    cue(  # "The Government launches a consultation on ...": a step taken now
        "launches_noun",
        r"\b(?:launch(?:es)?|open(?:s)?|unveils)\s+(?:an?\s+|the\s+|its\s+)?(?:[\w-]+\s+){0,2}?"
        r"(?:consultation|partnership|review|scheme|fund|programme|program|strategy|talks|"
        r"negotiations|inquiry)\b",
        Kind.PLAN,
        0.6,
        verb=False,
    ),
    cue(  # "Talks launch tomorrow": a present tense dated ahead
        "dated_present",
        r"\b(?:launch|start|begin|open|resume|meet|arrive|close)(?:s|es)?\s+(?=tomorrow\b)",
        Kind.PLAN,
        0.5,
        verb=False,
    ),
    cue(  # "looked forward to seeing one another at next month's summit": dated only
        "look_forward",
        r"\blook(?:s|ed|ing)?\s+(?:forward|ahead)\s+to\s+",
        Kind.PLAN,
        0.5,
    ),
    cue(  # "invited the Prime Minister to attend a session ... on 3 February": dated only
        "invited_to",
        r"\binvit(?:ed|es)\s+(?:[\w’'-]+\s+){1,4}?to\s+(?=(?:attend|join|visit|speak|address)\b)",
        Kind.PLAN,
        0.5,
    ),
    cue(
        "intention_noun",
        r"\b(?:intention|pledge|promise|commitment|determination)\s*(?:—[^—]{0,60}—\s*)?"
        r"to\s+(?!the\b|a\b)",
        Kind.PROMISE,
        0.55,
    ),
    cue(
        "announced_action",
        r"\b(?:announced|unveiled|proposed|outlined)\s+(?:an?\s+|the\s+|its\s+|their\s+)?"
        r"(?:[\w$,.%-]+\s+){0,4}?(?:job\s+cuts|cuts|closures?|layoffs|investment|injection|"
        r"integration|restructuring|expansion|buyback|spin-off)\b",
        Kind.PLAN,
        0.6,
        verb=False,
    ),
    cue(
        "new_order",  # a deal the article reports: "Air Canada has ordered US$ 6 billion in jets"
        r"\b(?:ordered\s+(?=(?:US)?[$€£]|\d|(?:\w+\s+){0,2}(?:aircraft|airliners|planes|jets)\b)"
        r"|(?:announced|received|won|booked|secured)\s+(?:\w+\s+){0,2}(?:new\s+)?orders?\s+"
        r"(?:from|for)\s+|signed\s+(?:an?\s+|the\s+)?(?:\w+\s+)?(?:deal|contract)\s+for\s+)",
        Kind.AGREEMENT,
        0.7,
        verb=False,
    ),
    cue(
        "dated_continuation",  # "has continued to hold the markets closed until Friday"
        r"\b(?:(?:has|have)\s+continued|continues|continue)\s+to\s+" + DET_NEXT,
        Kind.PLAN,
        0.5,
    ),
    cue(
        "accepted_invitation",
        r"\baccept(?:s|ed)?\s+(?:my|his|her|their|our|an|the|this)\s+(?:\w+\s+)?invitation\b",
        Kind.PLAN,
        0.7,
        verb=False,
    ),
    cue(
        "promised_noun",
        r"(?:\b(?:promis|pledg)(?:e|es|ed)|(?<=while\s)promising|(?<=,\s)promising)\s+"
        r"(?:a|an|the|its|their|his|her|more|further|new|"
        r"full|\w+er)\s+(?=[\w$])"
        r"(?!(?:lot|great\s+deal|bit|while)\b)",
        Kind.PROMISE,
        0.6,
        verb=False,
    ),
)
