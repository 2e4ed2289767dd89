"""The time-expression lexicon: every word list and regex fragment the timex rules are built from.

Data only (plus two tiny readers for numbers and month names), so that adding a word is a one-line
change here and never a change to the rules in tracker/timex/dates.py, relative.py and
vague.py.
"""

from __future__ import annotations

import re

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
# abbreviation → month number; "Sept" before "Sep" so the longer one wins in the alternation
MONTH_ABBR = {"Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7, "Aug": 8, "Sept": 9}
MONTH_ABBR |= {"Sep": 9, "Oct": 10, "Nov": 11, "Dec": 12}
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
WEEKDAY_ABBR = {"Mon": 0, "Tue": 1, "Tues": 1, "Wed": 2, "Thu": 3, "Thur": 3, "Thurs": 3}
WEEKDAY_ABBR |= {"Fri": 4, "Sat": 5, "Sun": 6}

# day words → offset in days from the reference date
DAY_WORDS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "overnight": -1}
NIGHT_WORDS = frozenset({"tonight", "overnight"})
# words that are a time expression by themselves → their TIMEX3 value
REF_WORDS = {
    "now": "PRESENT_REF", "right now": "PRESENT_REF", "currently": "PRESENT_REF",
    "at present": "PRESENT_REF", "presently": "PRESENT_REF", "nowadays": "PRESENT_REF",
    "these days": "PRESENT_REF", "recently": "PAST_REF", "more recently": "PAST_REF",
    "until recently": "PAST_REF", "the past": "PAST_REF",
    "the future": "FUTURE_REF", "the near future": "FUTURE_REF", "soon": "FUTURE_REF",
    "as soon as possible": "FUTURE_REF", "as soon as practicable": "FUTURE_REF",
    "the time being": "PRESENT_REF", "past years": "PAST_REF",
    "the foreseeable future": "FUTURE_REF", "a later date": "FUTURE_REF",
    "the coming years": "FUTURE_REF", "the coming months": "FUTURE_REF",
    "recent": "PAST_REF", "current": "PRESENT_REF", "recent years": "PAST_REF",
    "recent days": "PAST_REF", "coming months": "FUTURE_REF", "coming quarters": "FUTURE_REF",
    "the coming quarters": "FUTURE_REF", "coming years": "FUTURE_REF",
}  # fmt: skip
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
# parts of the day → TIMEX3 suffix
DAY_PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
UNITS = {
    "second": "S", "minute": "M", "hour": "H", "day": "D", "week": "W", "weekend": "WE",
    "month": "M", "quarter": "Q", "year": "Y", "decade": "E", "century": "C",
}  # fmt: skip
TIME_UNITS = frozenset({"second", "minute", "hour"})
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3}
ORDINALS |= {"4th": 4, "last": 4, "final": 4}

NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "hundred": 100, "couple": 2, "half": 0.5, "dozen": 12,
}  # fmt: skip
VAGUE_NUMBERS = frozenset({"few", "several", "some", "many", "couple of", "number of"})

_words = sorted(NUMBER_WORDS, key=len, reverse=True)
_NUMWORD = r"(?:" + "|".join(w for w in _words if w not in {"a", "an", "half"}) + r")"
# a number of units: "six", "twenty-four", "2 1/2", "1.5", "a few", "several", "a couple of"
NUM = (
    rf"(?:\d+(?:\.\d+)?(?:\s+1/2)?|{_NUMWORD}(?:[\s-]{_NUMWORD})?(?:\s+and\s+a\s+half)?"
    r"|a\s+few|few|a\s+couple\s+of|a\s+couple|several|a|an|some|many|a\s+number\s+of)"
)
UNIT = r"(?:second|minute|hour|day|week|weekend|month|quarter|year|decade|century|centurie)s?"
MONTH = r"(?:" + "|".join(MONTHS) + "|" + "|".join(m.upper() for m in MONTHS) + r")"
MONTH_ABBR_RE = r"(?:" + "|".join(sorted(MONTH_ABBR, key=len, reverse=True)) + r")\.?"
ANY_MONTH = rf"(?:{MONTH}|{MONTH_ABBR_RE})"
WEEKDAY = r"(?:" + "|".join(WEEKDAYS) + r")"
DAYNUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:1[6-9]\d\d|20\d\d)"
SEASON = r"(?:[Ss]pring|[Ss]ummer|[Ff]all|[Aa]utumn|[Ww]inter)"
APPROX = r"(?:(?:about|around|nearly|almost|roughly|approximately|some|at\s+least|at\s+most"
APPROX += r"|more\s+than|less\s+than|fewer\s+than|up\s+to|no\s+more\s+than|over|under)\s+)"
# spelled ordinals of centuries ("the nineteenth century") → number
CENTURY_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "twenty first": 21,
}  # fmt: skip
# holidays → (month, day)
FIXED_HOLIDAYS = {
    "Independence Day": (7, 4), "Fourth of July": (7, 4), "July Fourth": (7, 4),
    "Valentine's Day": (2, 14), "Halloween": (10, 31), "Veterans Day": (11, 11),
    "Christmas Eve": (12, 24), "Christmas Day": (12, 25), "Christmas": (12, 25),
    "New Year's Eve": (12, 31), "New Year's Day": (1, 1), "Boxing Day": (12, 26),
}  # fmt: skip
# holidays → (month, weekday, n-th of the month or -1 for the last, days after it)
WEEKDAY_HOLIDAYS = {
    "Election Day": (11, 0, 1, 1),  # the Tuesday after the first Monday of November
    "Labor Day": (9, 0, 1, 0), "Memorial Day": (5, 0, -1, 0),
    "Martin Luther King Day": (1, 0, 3, 0), "Presidents' Day": (2, 0, 3, 0),
    "Mother's Day": (5, 6, 2, 0), "Father's Day": (6, 6, 3, 0),
}  # fmt: skip
# holidays → days after Easter Sunday
EASTER_HOLIDAYS = {
    "Easter Sunday": 0, "Easter Day": 0, "Easter": 0, "Easter Monday": 1, "Good Friday": -2,
    "Palm Sunday": -7, "Maundy Thursday": -3, "Ash Wednesday": -46,
}  # fmt: skip
# words that make a bare 4-digit number a quantity, not a year
_COUNTED = (
    r"\s*(?:%|percent|per\b|people|troops|soldiers|workers|employees|jobs|shares|"
    r"miles|feet|metres|meters|km|kilometers|tons|tonnes|units|cars|vehicles|planes|"
    r"aircraft|points|dollars|euros|pounds|members|students|cases|homes|acres"
)
# after "the": "the 1992 protests" is a year, "the 2000 troops" a count
COUNTED_NOUNS = re.compile(_COUNTED + r")\b", re.IGNORECASE)
NOT_YEAR_AFTER = re.compile(_COUNTED + r"|[a-z]+s\b(?<!years)|index\b)", re.IGNORECASE)
FUTURE_CUES = re.compile(
    r"\b(?<!\bhad\sbeen\s)(?:will|won't|'ll|shall|going\s+to|gonna|plans?|(?<!ly\s)(?<!\bthe\s)(?<!\ba\s)planned|planning|intends?|expects?"
    r"|expected|scheduled|schedule|due|set\s+to|is\s+to|are\s+to|to\s+be|would|hopes?|aims?"
    r"|upcoming|until|till|before|next|coming|should|ahead\s+of)\b",
    re.IGNORECASE,
)
# cues strong enough to move a bare weekday or clock time into the future ("had been scheduled
# to expire Friday" looks back: after "had been" no cue is a future one)
STRONG_FUTURE_CUES = re.compile(
    r"\b(?<!\bhad\sbeen\s)(?:will|won't|'ll|shall|would|going\s+to|next|scheduled|due\s+to|set\s+to|is\s+to|are\s+to"
    r"|until|till|upcoming|plans?\s+to|(?<!ly\s)(?<!\bthe\s)(?<!\ba\s)planned|planning|expected\s+to|this\s+coming|as\s+soon\s+as"
    r"|as\s+early\s+as)\b",
    re.IGNORECASE,
)
# a future cue right before a weekday that is also the reference day: "will meet on Sunday"
NEAR_FUTURE_CUES = re.compile(
    r"\b(?:will|'ll|shall|would|going\s+to|next|plans?\s+to|(?<!ly\s)(?<!\bthe\s)(?<!\ba\s)planned|scheduled)\b[^.!?]{0,30}$",
    re.IGNORECASE,
)
# irregular past-tense verbs frequent in news: the "-ed" rule below cannot see them
IRREGULAR_PAST = (
    "said", "was", "were", "had", "did", "told", "began", "bought", "brought", "built", "came",
    "caught", "chose", "drew", "drove", "fell", "felt", "fled", "fought", "found", "gave", "got",
    "grew", "held", "hit", "kept", "knew", "led", "left", "lost", "made", "meant", "met", "paid",
    "ran", "rose", "sank", "saw", "sent", "sold", "spent", "spoke", "stood", "struck", "swept",
    "took", "thought", "threw", "won", "wrote", "became", "broke", "forgot", "sought", "taught",
)  # fmt: skip
# "-ed" only in lower case, so that names ("United", "Ahmed") are no past-tense cue, and not
# after "be"/"is": "will be named" is a passive, not a past tense
_NOT_AFTER_BE = r"(?<!\bbe\s)(?<!\bbeen\s)(?<!\bbeing\s)(?<!\bis\s)(?<!\bare\s)"
PAST_CUES = re.compile(
    r"\b(?:(?i:ago|last|earlier|since)|"
    + _NOT_AFTER_BE  # "will be paid" is a passive, not a past tense
    + r"(?:(?i:"
    + "|".join(IRREGULAR_PAST)
    + r"|announced|reported)"
    # nor adjectives: "a still unspecified date", "the hastily planned trip"
    + r"|(?<!\ba\s)(?<!\ban\s)(?<!\bthe\s)(?<!ly\s)(?<!\bstill\s)[a-z]+ed))\b"
)


# a quote mark right before a capitalised unit: the title "60 Minutes", no duration
OPEN_QUOTE = re.compile(r"(?:''|\"|“|`)$")
# a capitalised name right after "daily": the newspaper "daily Granma", not "daily Monday"
NAME_AFTER = re.compile(rf" (?!{WEEKDAY}|{ANY_MONTH})[A-Z][a-z]")


def literal_anchor(*words: str) -> re.Pattern[str]:
    """A case-sensitive alternation of plain words in lower, Title and UPPER case.

    Python's re scans for such literal alternations far faster than for an (?i) pattern.
    """
    forms = {f for w in words for f in (w, w.capitalize(), w.upper())}
    return re.compile("|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)))


# The anchors several rule modules share (see Normaliser anchors in tracker.timex.tagger).
MONTH_ANCHOR = literal_anchor(*(m[:3] for m in MONTHS))
WEEKDAY_ANCHOR = literal_anchor(*(d[:3] for d in WEEKDAYS))
UNIT_ANCHOR = literal_anchor(
    "second",
    "minute",
    "hour",
    "day",
    "week",
    "month",
    "quarter",
    "year",
    "decade",
    "centur",
    "half",
    "period",
    "Q1",
    "Q2",
    "Q3",
    "Q4",
    "1Q",
    "2Q",
    "3Q",
    "4Q",
)
PLAIN_UNIT_ANCHOR = literal_anchor(
    "day", "week", "month", "year", "decade", "centur", "hour", "minute"
)


def number(text: str) -> float | None:
    """Read a spelled or written number of units ("six", "twenty-four", "2 1/2"); None if vague."""
    t = re.sub(r"\s+", " ", text.lower().strip())
    if t in VAGUE_NUMBERS or t in {"a few", "a couple of", "a number of"}:
        return None if t not in {"a couple of"} else 2
    half = 0.5 if t.endswith(" and a half") or t.endswith(" 1/2") else 0.0
    t = t.removesuffix(" and a half").removesuffix(" 1/2")
    if re.fullmatch(r"\d+(?:\.\d+)?", t):
        return float(t) + half
    total = 0.0
    for part in re.split(r"[\s-]+", t):
        if part not in NUMBER_WORDS:
            return None
        value = NUMBER_WORDS[part]
        total = total * value if value == 100 and total else total + value
    return total + half


def month_number(name: str) -> int:
    """Month number of a full or abbreviated month name, any case ("Sept." → 9)."""
    key = name.rstrip(".").capitalize()
    if key in MONTH_ABBR:
        return MONTH_ABBR[key]
    return MONTHS.index(key) + 1


# a rate: "$5 million a year", "twice a week"
RATE_BEFORE = re.compile(r"(?:\d|%|\b(?:million|billion|percent|times|once|twice|shares?))\W*$")
# "hundreds of interviews a day", "24 hours a day": counted things per unit of time
COUNTED_RATE = re.compile(
    r"(?:\d[\d,.]*|\b(?i:dozens|hundreds|thousands|millions|several|many|few|two|three|four|"
    r"five|six|seven|eight|nine|ten|twelve|twenty))\s+(?:(?:if\s+not|of|or|to)\s+)?"
    r"(?:[a-z]+\s+){0,2}[a-z]+s\s+$"
)

# "last Monday", "this coming spring": the direction a mode word gives a named day or month
MODES = {
    "last": "last",
    "next": "next",
    "this": "this",
    "this past": "last",
    "this coming": "next",
    "previous": "last",
}
