"""Cues of what an announcement sets in motion, told in the past or present tense: a party
selected to do a job, money made available or announced, an offer open to applicants, a
target raised, a dated postponement (the third part of the cue table; order kept)."""

from __future__ import annotations

from tracker.domain import Kind
from tracker.extract.cues.base import DET_NEXT, PARTICIPLE, Cue, cue

# What an announced sum or step is: "announced £50m in new commitments", "the establishment of".
_ANNOUNCED_THING = (
    r"(?:commitments|funding|grants?|loans|package|programme|program|establishment|creation|"
    r"launch|appointment)\b"
)
# A sum of money: "£12m", "$8.6 million", "€1.2 billion".
_SUM = r"[£$€]\d[\d.,]*(?:\s*(?:million|billion|bn|m|k)\b)?\s+"
# What an applicant can apply to: a sum, a fund, a grant, a scheme, hours of care.
_OFFER = r"(?:[£$€]\d|fund|funding|grants?|scheme|loans?|support|programme|program|hours)\b"

# What a programme is for, counted: "to create more than 6,000 jobs", "to cut bills for 7,000
# firms" (a number within a few words of the verb).
_COUNTED_OUTCOME = (
    r"(?:create|support|cut|save|deliver|build|provide|train|restore|plant|install|employ|hire|"
    r"generate|upgrade|connect|power|house|treat|protect)\s+(?:[\w’'-]+\s+){0,4}?"
    r"(?:(?:up\s+to|more\s+than|over|around|nearly|almost|about|at\s+least|some)\s+)?[£$€]?\d"
)

# The same counted outcome told in a participle after the measure ("£21bn of investment in
# new plants, creating more than 1,500 jobs").
_COUNTED_ING = (
    r"(?:creating|supporting|generating|delivering|sustaining)\s+(?:[\w’'-]+\s+){0,2}?"
    r"(?:(?:up\s+to|more\s+than|over|around|nearly|almost|about|at\s+least|some)\s+)?[£$€]?\d"
)

RELEASE_CUES: tuple[Cue, ...] = (
    cue(
        "counted_outcome_ing",
        r",\s+(?=" + _COUNTED_ING + r")",
        Kind.PLAN,
        0.55,
    ),
    cue(  # "Acme's $2bn investment to create 600 jobs": a measure's counted purpose
        "counted_outcome",
        r"\bto\s+(?=" + _COUNTED_OUTCOME + r")",
        Kind.PLAN,
        0.6,
    ),
    cue(  # "The agency has selected Acme Ltd. of Denver to build the lander": a contract let
        "selected_to",
        r"\b(?:selected|chosen|picked|contracted|tapped)\s+(?=(?-i:[A-Z]))"
        r"(?:[\w.,&’'-]+\s+){1,8}?to\s+(?=(?-i:[a-z]))" + DET_NEXT,
        Kind.AGREEMENT,
        0.7,
    ),
    cue(  # "made $7 billion available to fund ...", "is making £40m available for ..."
        "made_available",
        r"\b(?:makes?|made|making)\s+(?:up\s+to\s+|more\s+than\s+|over\s+|a\s+further\s+|an\s+"
        r"extra\s+|a\s+new\s+)?[£$€]?\d[\w.,]*(?:\s+(?:million|billion|bn|m))?\s+(?:of\s+"
        r"(?:\w+\s+){0,3})?available\s+(?:to|for)\b",
        Kind.PLAN,
        0.7,
        verb=False,
    ),
    cue(  # today's news: "today announced £50m in new commitments", "the establishment of"
        "announced_funding",
        r"\b(?:today\s+announced|announced\s+today|announces)\s+(?!that\b)"
        r"(?:[\w$€£,.%-]+\s+){0,9}?" + _ANNOUNCED_THING,
        Kind.PLAN,
        0.6,
        verb=False,
    ),
    cue(  # "the government is putting £1.6 billion into ...": money being committed now
        "funding_progressive",
        r"\b(?:is|are)\s+(?:now\s+|also\s+)?(?=(?:investing|putting|providing|spending|"
        r"allocating|committing|receiving|getting|pledging|contributing|awarding|granting|"
        r"lending|donating|offering)\s+(?:(?:up\s+to|more\s+than|over|nearly|almost|"
        r"an?\s+(?:extra|additional|further))\s+)?[£$€]\d)",
        Kind.PLAN,
        0.6,
    ),
    cue(  # "have allocated an extra £12m to tackle ...", "with £50m committed over three years"
        "money_allocated",
        r"(?<![\w-])(?:(?:allocated|earmarked|set\s+aside|ring-?fenced|committed)\s+"
        r"(?:(?:up\s+to|more\s+than|over|nearly|almost|an?\s+(?:extra|additional|further|new))\s+)?"
        + _SUM
        + r"(?:[\w’'-]+\s+){0,4}?(?:to\s+(?=(?-i:[a-z])\w+\b)"
        + DET_NEXT
        + r"|for\s+)"
        r"|with\s+" + _SUM + r"(?:committed|allocated|earmarked|set\s+aside)\s+"
        r"(?=(?:over|for|to|until|through)\b))",
        Kind.PLAN,
        0.6,
        verb=False,
    ),
    cue(  # "Small firms can now apply to a £5m fund": an offer open now
        "can_apply",
        r"\bcan\s+(?:now\s+|also\s+)?apply\s+(?:to|for)\s+(?:\S+\s+){0,4}?" + _OFFER,
        Kind.PLAN,
        0.6,
        verb=False,
    ),
    cue(  # "The 2026 funding round is now open for applications"
        "open_for_applications",
        r"\b(?:is|are)\s+(?:now\s+)?open\s+(?:for|to)\s+(?:applications|bids|entries)\b",
        Kind.PLAN,
        0.6,
        verb=False,
    ),
    cue(  # "tripled its peatland restoration target": a target set is a commitment
        "target_set",
        r"\b(?:raised|increased|doubled|tripled|trebled|quadrupled)\s+(?:its|their|the|our)\s+"
        r"(?:[\w-]+\s+){0,3}targets?\b",
        Kind.PLAN,
        0.6,
        verb=False,
    ),
    cue(  # "the ban is postponed until January 2024": dated only
        "postponed_until",
        r"\b(?:is|are|was|were|been|be)\s+(?:now\s+)?(?:postponed|delayed|deferred|pushed\s+back|"
        r"put\s+back|put\s+off)\s+(?=(?:until|till|to)\b)",
        Kind.PLAN,
        0.6,
        verb=False,
    ),
    cue(  # a standfirst's "Nine more chemicals to be banned": a line opening with a bare phrase
        "lead_to_be",
        r"(?<=[\w’'.)%])\s+to\s+be\s+(?=" + PARTICIPLE + r"\b)",
        Kind.PLAN,
        0.6,
    ),
)
