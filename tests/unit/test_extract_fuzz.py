"""extract() on thousands of scrambled texts built from the constructs its rules look at
(quotation marks, attributions, pronouns, cues, dates, parentheses): it never raises, and
every candidate quotes the text at its own offsets."""

from __future__ import annotations

import random
from datetime import date

import pytest

from tracker.extract import extract
from tracker.timex import find_timexes

FRAGMENTS = [
    "“We will win.”", '"We will build it."', "``I will go''", "“", "”", '"', "''", "``",
    "I said so.", "he said.", "said Ann Lee.", "Ann Lee said:", "My sign says:", "Acme Corp.",
    "Acme Corp. (ACME)", "Zentra", "the company", "The company", "it", "It", "they", "we", "I",
    "will open a plant in May", "will not allow it", "agreed to", "plans to", "is due to",
    "was due to", "would", "could", "may", "can", "If", "unless", "not", "never", "promised a",
    "by 2012", "on Friday", "next week", "by the end of the year", "mid-2011", "in 2008 and 2012",
    "within six months", "at 10 p.m.", "last year", "ago", "Mr.", "Dr.", "U.S.", "—", "--",
    "(", ")", ",", ".", ";", ":", "?", "!", "\n", "\n\n", "  ", "according to Zentra,",
    "Boeing's rival, Airbus,", "is expected in", "has continued to", "ordered US$ 2 billion",
    "Ünïcødé", "東京", "\u200b", "\t", "$5", "5%", "1,000", "12/31/2020", "2019-02-30", "and",
]  # fmt: skip
PUBLISHED = [date(2019, 3, 3), None]


@pytest.mark.parametrize("seed", range(6))
def test_scrambled_texts_never_break_extraction(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(250):
        text = " ".join(rng.choice(FRAGMENTS) for _ in range(rng.randint(1, 40)))
        published = rng.choice(PUBLISHED)
        found = extract(text, published=published, fallback_ref=date(2020, 1, 1))
        for c in found.commitments:
            assert text[c.start : c.end] == c.quote
        for t in find_timexes(text, ref=date(2019, 3, 3)):
            assert text[t.start : t.end] == t.text
