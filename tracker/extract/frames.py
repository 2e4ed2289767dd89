"""Frames that decide a commitment's kind: a deal, an assurance, an announcement, a forecast,
an arranged future. Regular expressions only; used by tracker/extract/clauses.py and
pipeline.py."""

from __future__ import annotations

import re

from tracker.extract.cues import PARTICIPLE

# Framing that makes a bare future part of a deal ("Under the agreement, Apple will ...").
AGREEMENT_FRAME = re.compile(
    r"\b(?:under|as\s+part\s+of|according\s+to|in|by)\s+(?:the|this|a)\s+(?:[\w-]+\s+){0,2}"
    r"(?:agreement|deal|settlement|accord|contract|terms|pact)\b",
    re.I,
)
# A future told of a plan just named: "is pursuing an expansion plan which will see ...".
# Also of a deal or an investment, named with what it is for ("a deal for Sizewell C that will
# deliver clean power"): what the measure delivers is its makers' plan.
PLAN_RELATIVE = re.compile(
    r"(?<!\bto\s)(?<!\bmust\s)(?<!\bwill\s)\b(?:plans?|strategy|programme|program|scheme|project|initiative|proposal|deal|"
    r"agreement|investment|funding|package|partnership|contract)"
    r"(?:\s+(?:for|with|in|on)(?:\s+[\w’'-]+){1,4}?)?,?\s+(?:which|that)\s+$",
    re.I,
)
# "will become the largest shareholder": a party taking a role, not how things turn out.
ROLE_TAKEN = re.compile(
    r"\s*become\s+(?:the|a|an|its|their)\s+(?:[\w-]+\s+){0,2}?(?:shareholder|owner|member|"
    r"partner|operator|provider|sponsor|host|signatory|investor|supplier|buyer|lender|"
    r"guarantor)s?\b",
    re.I,
)
# Verbs after "will" that describe how things will turn out rather than what someone will do.
PREDICTIVE_VERB = re.compile(
    r"\s*(?:not\s+)?(?:rise|fall|grow|increase|decrease|decline|drop|climb|reach|hit|exceed|"
    r"remain|top|slow|surge|plunge|recover|improve|worsen|cost|become|see|result|happen|"
    r"affect|lose|get|take\s+\w+\s+years?|be\s+(?:\w+ly\s+)?(?:affected|hit|hurt|damaged|"
    r"profitable|unprofitable|"
    r"challenging|difficult|strong|stronger|weak|weaker|better|worse|higher|lower|positive|"
    r"negative|successful|volatile|tough|hard|good|bad))\b",
    re.I,
)
# Framing before a cue that makes it a forecast ("I am confident it will ...").
PREDICTIVE_FRAME = re.compile(
    r"\b(?:confident|predicts?|predicted|expects?|expected|believes?|believed|thinks?|"
    r"forecasts?|estimates?|estimated|envisioned|envisions|likely|analysts?)\b[^.;]*$",
    re.I,
)
# Quantities whose expected movement is a forecast ("expects sales to ...").
MEASURES = re.compile(
    r"\b(?:sales|profits?|revenues?|earnings|prices?|stocks?|shares|markets?|economy|growth|"
    r"demand|rates?|inflation|unemployment|number|figures?|deficit|losses|output|costs?)\b",
    re.I,
)
# "expects to (continue to) be ...": a state, so a forecast.
STATE_VERB = re.compile(r"\s*(?:continue\s+to\s+|remain\s+)?be\b", re.I)
# Reporting verbs of assurance: what they report is a promise ("assured them that it would").
ASSURANCE = re.compile(
    r"\b(?:assur(?:ed|es|ing)|promis(?:ed|es|ing)|pledg(?:ed|es|ing)|vow(?:ed|s|ing)|"
    r"guarantee(?:d|s)?|reassur(?:ed|es|ing))\s+(?:\w+\s+){0,2}?that\b[^.;]*$",
    re.I,
)
# The future progressive ("will be asking"): an arranged future, stated without a pledge.
PROGRESSIVE = re.compile(r"\s*be\s+\w+ing\b(?!\s+(?:to|that)\b)", re.I)
# "will look to capitalise", "will seek to transform": an intention, whatever the subject
INTENT_AFTER = re.compile(
    r"\s*(?:look|seek|aim|strive|endeavou?r|plan|intend)\s+to\b(?!\s+(?:the|a|an)\b)", re.I
)
# Only a rule or a measure comes into force: whoever made it carries it out.
IN_FORCE = re.compile(
    r"\s*(?:also\s+)?(?:(?:enter|come)\s+into\s+(?:force|effect)|take\s+effect)\b", re.I
)
# A sale or purchase with a named counterparty is a deal between the two.
TRANSACTION = re.compile(
    r"\b(?:sell(?:ing)?|buy(?:ing)?|purchas(?:e|ing)|acquir(?:e|ing))\b[^.;]{0,40}?\b"
    r"(?:to|from|with)\s+(?:[a-z][\w-]*\s+){0,5}?[A-Z]"
    r"|\boptions?\s+with\s+[A-Z]"
)
# An announcement reports the announcer's decision, not a forecast ("Apple announced").
ANNOUNCED = re.compile(r"\b(?:announced|announces|confirmed|confirms)\s+(?:\w+\s+)?that\b", re.I)
ANNOUNCED_AFTER = re.compile(
    r"[\s,]+(?:the\s+)?[A-Z][\w.’'&-]*(?:\s+[A-Z][\w.’'&-]*){0,4}\s+(?:has\s+)?"
    r"(?:announced|confirmed)\b"
)
# An obligation or a prohibition, from the cue on ("will have to", "can not", "must").
OBLIGATION = re.compile(
    r"(?:will|shall)\s+(?:\w+ly\s+)?have\s+to\b|must\b|(?:is|are)\s+required\s+to\b|"
    r"can\s*not\b|can[’']t\b|may\s+not\b",
    re.I,
)
# A sentence that reports an agreement ("have signed an interim agreement").
AGREEMENT_NOUN = re.compile(r"\b(?:agreement|settlement|deal|accord|pact)\b", re.I)
# "will be compensated by Airbus": a passive whose agent is named.
PASSIVE_BY_NAME = re.compile(
    r"\s*be\s+(?:\w+ly\s+)?" + PARTICIPLE + r"\s+by\s+(?:the\s+)?(?-i:[A-Z])"
    r"(?!(?:\w+day|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\b)",  # "by Sunday"
    re.I,
)
# A measure as the subject of a bare future: its owner's plan ("the £20m investment will deliver
# a new centre", "the new rules will come into force in May"), not a forecast.
INSTRUMENT = re.compile(
    r"\b(?:investment|funding|fund|grant|scheme|programme|program|service|platform|law|rules|"
    r"restrictions|ban|changes|introduction|reforms?|legislation|regulations?|plan|strategy|"
    r"deal|agreement|package|bill|budget)$",
    re.I,
)
# A sentence that opens with a measure "of" something, no verb before the cue: "The
# introduction of an interim, time-limited list will ..." (the subject, cut at its commas).
OPENING_INSTRUMENT = re.compile(
    r"\s*(?:the|this|our|its|their|an?)\s+(?:[\w-]+\s+){0,2}?(?:introduction|creation|"
    r"extension|expansion|launch|establishment|removal|abolition)\s+of\b"
    r"(?:(?!\b(?:is|are|was|were|has|have|had|will|would|said)\b)[^;:])*$",
    re.I,
)
# What a measure does when it is carried out: a delivery, not an outcome nobody controls.
INSTRUMENT_ACT = re.compile(
    r"\s*(?:also\s+)?(?:deliver|replace|fund|provide|make\s+sure|ensure|introduce|create|build|"
    r"include|support|invest|cut|"
    r"(?:enter|come)\s+into\s+(?:force|effect)|take\s+effect|apply\s+from)\b",
    re.I,
)
