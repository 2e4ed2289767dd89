"""Cues of what is expected or foreseen: expectations, forecasts, likelihood, future modals and
dated statements (the second part of the cue table; order kept)."""

from __future__ import annotations

from tracker.domain import Kind
from tracker.extract.cues.base import ADV, ARRANGED_VERBS, DET_NEXT, NEG, PARTICIPLE, Cue, cue

# "we’re", "I’m", "it’s": a contracted "be" after a pronoun ("the company’s" is a possessive).
# Each branch opens with the apostrophe, so the engine skips most positions at once (a branch
# opening with a look-behind is tried at every position: eight times slower on a long text).
_CONTRACTED_BE = (
    r"[’'](?:(?<=\bwe[’'])|(?<=\byou[’'])|(?<=\bthey[’']))re\b|[’'](?<=\bI[’'])m\b"
    r"|[’'](?:(?<=\bhe[’'])|(?<=\bshe[’'])|(?<=\bit[’']))s\b"
)

OUTLOOK_CUES: tuple[Cue, ...] = (
    cue(
        "expected_date",
        r"\b(?:is|are)\s+(?:now\s+|also\s+)?expected\s+"
        r"(?=(?:in|on|by|before|later|early|late|next|this|within)\b)",
        None,
        0.6,
        verb=False,
    ),
    cue(
        "expect_verb",
        r"\b(?:expects?|expected|forecasts?|predicts?|predicted|projects?|anticipates?)\s+"
        r"(?:(?:the|its|a|an|that|sales|profits?|revenues?|prices?)\b[^.;]{0,40}?\s+)?to\s+"
        + DET_NEXT,
        Kind.PREDICTION,
        0.75,
    ),
    cue(  # "the bank projects growth at 5.2% this year": a forecast stated as a figure
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
    cue(
        "likely",
        r"\b(?:is|are|was|were|be)\s+(?:very\s+|highly\s+|widely\s+)?(?:likely|unlikely|"
        r"expected|forecast|predicted|projected|anticipated|bound)\s+to\s+",
        Kind.PREDICTION,
        0.7,
    ),
    cue(
        "future_modal",
        r"(?:\b(?:will|shall)\b|[’']\s?ll\b|\bwo\s?n[’']t\b|"
        r"(?:\b(?:is|are|am)|[’']s|[’']re|[’']m)\s+"
        + NEG
        + ADV
        + r"going\s+to\b)\s+"
        + ADV
        + NEG.replace("neg", "neg2"),
        None,
        0.8,
    ),
    # "can" commits only with a date ("applications can be submitted starting next month").
    cue("dated_ability", r"\bcan\s+" + ADV + r"(?!not\b|n[o']t\b)", None, 0.5),
    # The futurate progressive of an arranged event commits only with a date ("the plane is
    # flying to Chicago on Monday"); after "announced that" it is a decision taken.
    cue(
        "dated_progressive",
        r"(?:\b(?:is|are|am)|"
        + _CONTRACTED_BE
        + r")\s+"
        + ADV
        + r"(?=(?:"
        + ARRANGED_VERBS
        + r")\b(?!\s+to\s+"  # "is starting to fear": an aspect, not an arranged event
        + DET_NEXT
        + r"(?-i:[a-z]+)\b))",
        Kind.PLAN,
        0.5,
    ),
    cue(
        "announced_progressive",
        r"\b(?:is|are)\s+(?=\w+ing\b)(?!(?:going|expecting|considering|hoping|seeking|looking|"
        r"planning|trying|struggling|losing|facing|suffering)\b)",
        Kind.PLAN,
        0.6,
    ),
    cue(
        "reported_modal",
        r"\b(?:would\s+"
        + ADV
        + NEG
        + r"(?!have\b)|should\s+(?=(?:not\s+)?be\s+"
        + PARTICIPLE
        + r"\b))",
        None,
        0.6,
    ),
)
