"""find_timexes and period: phrase tables, the seed article's false positives, span invariants."""

import itertools
from datetime import date

import pytest

from tracker.domain import TimexType
from tracker.timex import find_timexes, period

SEED = (
    "Israeli Prime Minister Benjamin Netanyahu\u2019s focus in last week\u2019s meeting with "
    "Russian President Vladimir Putin was concerns over Iranian forces in Syria, and he may have "
    "achieved a breakthrough. The Israeli leader on Sunday said that Putin and he \u201cagreed on "
    "a common goal.\u201d \u201cWe agreed to establish a joint team to advance this goal.\u201d "
    "Russia is a key ally of Iran and may have diplomatic tools. Putin even has plans to visit "
    "Jerusalem now. Said Netanyahu on Sunday, \u201cAs I promised, the focus of our discussions "
    "was the Iranian issue.\u201d\n(By Joshua Spurlock,, March 3, 2019)"
)
SEED_REF = date(2019, 3, 3)


def triples(text: str, ref: date) -> list[tuple[str, str, str]]:
    return [(t.text, t.type.value, t.value) for t in find_timexes(text, ref=ref)]


class TestFindTimexes:
    @pytest.mark.parametrize(
        ("sentence", "ref", "expected"),
        [
            (
                "The Israeli leader on Sunday said that Putin agreed.",
                date(2019, 3, 3),
                [("Sunday", "DATE", "2019-03-03")],
            ),
            (
                "He will meet Putin on Sunday.",
                date(2019, 3, 3),
                [("Sunday", "DATE", "2019-03-10")],
            ),
            (
                "Netanyahu's focus in last week's meeting was Iran.",
                date(2019, 3, 3),
                [("last week", "DATE", "2019-W08")],
            ),
            (
                "he may have achieved a breakthrough, and we agreed that you may go.",
                date(2019, 3, 3),
                [],
            ),
            ("The vote is in May.", date(2019, 3, 3), [("May", "DATE", "2019-05")]),
            (  # a quarter reported is the last one; a quarter ahead is the current one
                "Profits rose 5% in the quarter.",
                date(2025, 3, 4),
                [("the quarter", "DATE", "2024-Q4")],
            ),
            (
                "The bank will review its rates by the end of the quarter.",
                date(2025, 3, 4),
                [("the end of the quarter", "DATE", "2025-Q1")],
            ),
            (
                "It opens May 15 and closes by May.",
                date(2019, 3, 3),
                [("May 15", "DATE", "2019-05-15"), ("May", "DATE", "2019-05")],
            ),
            ("Sales fell in May 2020.", date(2019, 3, 3), [("May 2020", "DATE", "2020-05")]),
            (
                "They met on Jan. 5 and on 5 January 2008.",
                date(2019, 3, 3),
                [("Jan. 5", "DATE", "2019-01-05"), ("5 January 2008", "DATE", "2008-01-05")],
            ),
            ("The plant will close by 2012.", date(2019, 3, 3), [("2012", "DATE", "2012")]),
            (
                "in the 1990s and in 1998",
                date(2019, 3, 3),
                [("the 1990s", "DATE", "199"), ("1998", "DATE", "1998")],
            ),
            (
                "The firm reports third-quarter results for fiscal 1989.",
                date(1989, 10, 26),
                [("third-quarter", "DATE", "1989-Q3"), ("fiscal 1989", "DATE", "1989")],
            ),
            (
                "Sales in the third quarter of 2019 and the second half of next year.",
                date(2019, 3, 3),
                [
                    ("the third quarter of 2019", "DATE", "2019-Q3"),
                    ("the second half of next year", "DATE", "2020-H2"),
                ],
            ),
            (
                "The talks resume this spring; last fall was quiet.",
                date(2019, 3, 3),
                [("this spring", "DATE", "2019-SP"), ("last fall", "DATE", "2018-FA")],
            ),
            (
                "The merger should close by the end of the year.",
                date(2006, 5, 10),
                [("the end of the year", "DATE", "2006")],
            ),
            (
                "It will be done later this year or early next year, by mid-2020 at the latest.",
                date(2019, 3, 3),
                [
                    ("later this year", "DATE", "2019"),
                    ("early next year", "DATE", "2020"),
                    ("mid-2020", "DATE", "2020"),
                ],
            ),
            (
                "The army will withdraw within six months.",
                date(2019, 3, 3),
                [("six months", "DURATION", "P6M")],
            ),
            (
                "We expect a decision in the coming weeks.",
                date(2019, 3, 3),
                [("the coming weeks", "DURATION", "PXW")],
            ),
            (
                "It could take two to three years.",
                date(2019, 3, 3),
                [("two to three years", "DURATION", "P3Y")],
            ),
            (
                "Prices rose next month, today, yesterday and tomorrow.",
                date(2019, 3, 3),
                [
                    ("next month", "DATE", "2019-04"),
                    ("today", "DATE", "2019-03-03"),
                    ("yesterday", "DATE", "2019-03-02"),
                    ("tomorrow", "DATE", "2019-03-04"),
                ],
            ),
            (
                "Output is now lower; currently it is recently revised.",
                date(2019, 3, 3),
                [
                    ("now", "DATE", "PRESENT_REF"),
                    ("currently", "DATE", "PRESENT_REF"),
                    ("recently", "DATE", "PAST_REF"),
                ],
            ),
            (
                "Over the past five years, prices doubled this week.",
                date(2019, 3, 3),
                [("the past five years", "DURATION", "P5Y"), ("this week", "DATE", "2019-W09")],
            ),
            (
                "The meeting starts at 3 p.m. and ends at 14:00.",
                date(2019, 3, 3),
                [("3 p.m.", "TIME", "2019-03-03T15:00"), ("14:00", "TIME", "2019-03-03T14:00")],
            ),
            (
                "Two years ago the plant opened; a year earlier it was sold.",
                date(2019, 3, 3),
                [("Two years ago", "DATE", "2017"), ("a year earlier", "DATE", "2018")],
            ),
            (
                "The report is published daily and every Monday.",
                date(2019, 3, 3),
                [("daily", "SET", "P1D"), ("every Monday", "SET", "XXXX-WXX-1")],
            ),
            (
                "The deadline is 2019-03-31, or 31/12/2027 at the latest.",
                date(2019, 3, 3),
                [("2019-03-31", "DATE", "2019-03-31"), ("31/12/2027", "DATE", "2027-12-31")],
            ),
            (
                "Talks will continue next Friday and next year.",
                date(2019, 3, 3),
                [("next Friday", "DATE", "2019-03-08"), ("next year", "DATE", "2020")],
            ),
            (
                "A year and a half later, at noon Thursday.",
                date(2019, 3, 3),
                [
                    ("A year and a half later", "DATE", "2020-09"),
                    ("noon Thursday", "TIME", "2019-02-28T12:00"),
                ],
            ),
            (
                "Shares closed at 16:15 UTC. On Friday morning they fell.",
                date(2010, 7, 17),
                [
                    ("16:15 UTC", "TIME", "2010-07-17T16:15Z"),
                    ("Friday morning", "TIME", "2010-07-16TMO"),
                ],
            ),
            ("He served in the Army for 2000 soldiers and $1998 bonuses.", date(2019, 3, 3), []),
            (
                "March 3rd, by the way, the marchers march.",
                date(2019, 3, 3),
                [
                    ("March 3rd", "DATE", "2019-03-03"),
                ],
            ),
        ],
    )
    def test_phrases(self, sentence: str, ref: date, expected: list[tuple[str, str, str]]) -> None:
        assert triples(sentence, ref) == expected

    def test_seed_article_has_no_dateparser_false_positives(self) -> None:
        found = triples(SEED, SEED_REF)
        assert found == [
            ("last week", "DATE", "2019-W08"),
            ("Sunday", "DATE", "2019-03-03"),
            ("now", "DATE", "PRESENT_REF"),
            ("Sunday", "DATE", "2019-03-03"),
            ("March 3, 2019", "DATE", "2019-03-03"),
        ]

    @pytest.mark.parametrize(
        "text", [SEED, "In May, we met Monday at 3 p.m.; it may rain by 2012."]
    )
    def test_spans_are_sorted_disjoint_offsets(self, text: str) -> None:
        found = find_timexes(text, ref=SEED_REF)
        assert all(text[t.start : t.end] == t.text for t in found)
        assert all(a.end <= b.start for a, b in itertools.pairwise(found))

    def test_longest_match_wins(self) -> None:
        assert triples("on Monday, March 4, 2019", SEED_REF) == [
            ("Monday, March 4, 2019", "DATE", "2019-03-04")
        ]

    def test_types_are_timex_types(self) -> None:
        assert {
            t.type for t in find_timexes("daily for two weeks from 3 p.m. today", ref=SEED_REF)
        } == {
            TimexType.SET,
            TimexType.DURATION,
            TimexType.TIME,
        }

    def test_end_of_year_deadline_last_day(self) -> None:
        (timex,) = find_timexes("by the end of the year", ref=date(2006, 5, 10))
        assert (timex.value, timex.mod, period(timex.period_value)) == (
            "2006",
            "END",
            (date(2006, 12, 1), date(2006, 12, 31)),
        )

    @pytest.mark.parametrize(
        ("phrase", "value", "mod", "period_value"),
        [
            # TIMEX3 keeps the year as the value and records the part of it in `mod`
            ("by the end of 1990", "1990", "END", "1990-12"),
            ("by year's end", "2006", "END", "2006-12"),
            ("by the end of last year", "2005", "END", "2005-12"),
            ("by mid-2011", "2011", "MID", "2011-06"),
            ("by the middle of next year", "2007", "MID", "2007-06"),
            ("in early 2009", "2009", "START", "2009"),
            ("in the late 1980s", "198", "END", "198"),
            ("by early June", "2006-06", "START", "2006-06"),
            ("by the end of this week", "2006-W19", "END", "2006-W19"),
            ("later this year", "2006", None, "2006"),
            ("in 2012", "2012", None, "2012"),
        ],
    )
    def test_mod(self, phrase: str, value: str, mod: str | None, period_value: str) -> None:
        (timex,) = find_timexes(phrase, ref=date(2006, 5, 10))
        assert (timex.value, timex.mod, timex.period_value) == (value, mod, period_value)


class TestErrorClasses:
    """One sentence per error class found on the TimeML benches (issue 5)."""

    @pytest.mark.parametrize(
        ("sentence", "ref", "expected"),
        [
            (  # a month already past this year, under a plain future: next year's
                "Zentra will close the plant in May; it closed another in March.",
                date(2007, 7, 9),
                [("May", "DATE", "2008-05"), ("March", "DATE", "2007-03")],
            ),
            (  # counted things per unit of time recur; a lone "a day" lasts
                "They give hundreds of interviews a day. He spent a day in Paris.",
                date(2019, 3, 3),
                [("a day", "SET", "P1D"), ("a day", "DURATION", "P1D")],
            ),
            (  # a day already past this year, under a plain future; "would" is no such future
                "Zentra will meet investors on May 3. It decided on Feb. 11 that a sale "
                "would help.",
                date(2007, 7, 9),
                [("May 3", "DATE", "2008-05-03"), ("Feb. 11", "DATE", "2007-02-11")],
            ),
            (  # "had been scheduled" looks back from the reference day (a Monday)
                "The offer had been scheduled to expire at midnight Friday; the new one is "
                "scheduled to expire on Friday.",
                date(1989, 10, 30),
                [
                    ("midnight Friday", "TIME", "1989-10-27T24"),
                    ("Friday", "DATE", "1989-11-03"),
                ],
            ),
            (  # a fractional amount is written in the next smaller unit
                "The repair took 2 1/2 years; the flight lasted 5 1/2 hours.",
                date(2019, 3, 3),
                [("2 1/2 years", "DURATION", "P2Y6M"), ("5 1/2 hours", "DURATION", "PT5H30M")],
            ),
            (  # quarters keep their own unit
                "Output shrank for two consecutive quarters.",
                date(2019, 3, 3),
                [("two consecutive quarters", "DURATION", "P2Q")],
            ),
            (  # a rate is a set, not a span
                "The plant will cost $3 million a year.",
                date(2019, 3, 3),
                [("a year", "SET", "P1Y")],
            ),
            (  # "as soon as X" and "soon after" are signals, not times
                "Troops could leave as soon as Tuesday, soon after the vote.",
                date(2019, 3, 3),
                [("Tuesday", "DATE", "2019-03-05")],
            ),
            (
                "Return him as soon as possible.",
                date(2019, 3, 3),
                [("as soon as possible", "DATE", "FUTURE_REF")],
            ),
            (  # a clock time followed by its date
                "The offer expires at 5 p.m. EST, Nov. 6.",
                date(1989, 10, 30),
                [("5 p.m. EST, Nov. 6", "TIME", "1989-11-06T17:00")],
            ),
            (  # a clock time takes the day named earlier in its sentence
                "The jet made its first flight Tuesday in Seattle at 18:00 UTC.",
                date(2009, 12, 16),
                [("Tuesday", "DATE", "2009-12-15"), ("18:00 UTC", "TIME", "2009-12-15T18:00Z")],
            ),
            (  # a fiscal year ending on a date is a year-long period
                "Net income for the year ended March 31 rose.",
                date(1989, 11, 1),
                [("the year", "DURATION", "P1Y"), ("March 31", "DATE", "1989-03-31")],
            ),
            (  # anaphoric years count from the year last named
                "She left in June 1998 and came back later that year.",
                date(2000, 1, 28),
                [("June 1998", "DATE", "1998-06"), ("later that year", "DATE", "1998")],
            ),
            (
                "Sales were $5 billion last year, up from $4 billion the year before.",
                date(2010, 1, 28),
                [("last year", "DATE", "2009"), ("the year before", "DATE", "2008")],
            ),
            (  # "the day" of a market report is the day the story last named
                "Stocks fell on Oct. 10, 2008. The index ended the day down 2%.",
                date(2008, 10, 20),
                [("Oct. 10, 2008", "DATE", "2008-10-10"), ("the day", "DATE", "2008-10-10")],
            ),
            (  # with no day named before it, "that day" is generic
                "Traders lose money on trades made that day.",
                date(1989, 10, 30),
                [],
            ),
            (  # fractions and index names are not times
                "Iraq imports about three-quarters of its food; the Russell 2000 Index fell.",
                date(1990, 8, 15),
                [],
            ),
            (  # "since" looks back: the date is the last one before the reference
                "Police have searched for him since the Oct. 23 shooting.",
                date(1999, 5, 6),
                [("Oct. 23", "DATE", "1998-10-23")],
            ),
            (  # the ISO week holding a named day
                "A court hearing the week of March 6 may settle it.",
                date(2000, 2, 24),
                [("the week of March 6", "DATE", "2000-W10")],
            ),
            (  # a bare second day shares the month (and year) of the first
                "The summit meets on April 24 and 25; talks run May 3-5, 2019.",
                date(1999, 3, 1),
                [
                    ("April 24", "DATE", "1999-04-24"),
                    ("25", "DATE", "1999-04-25"),
                    ("May 3", "DATE", "2019-05-03"),
                    ("5", "DATE", "2019-05-05"),
                ],
            ),
            (  # "in his 30s" is an age, "the '80s" a decade
                "He was in his 30s during the '80s.",
                date(1999, 3, 1),
                [("the '80s", "DATE", "198")],
            ),
            (  # "be named" is a passive, not a past tense: "will" decides
                "Collins will be named commander for a mission in December.",
                date(1998, 3, 4),
                [("December", "DATE", "1998-12")],
            ),
            (  # the verb governing the month stands on its left
                "Qantas will double its flights by August in markets untouched by the crisis.",
                date(1998, 2, 13),
                [("August", "DATE", "1998-08")],
            ),
            (  # "ahead of" looks forward
                "Traders squared positions ahead of the weekend.",
                date(1989, 10, 30),
                [("the weekend", "DATE", "1989-W44-WE")],
            ),
            (  # a year-numbered quarter of an earnings report is a date, not 1,988 quarters
                "It earned $376,000 in the third quarter, against a loss in the 1988 quarter.",
                date(1989, 10, 30),
                [
                    ("the third quarter", "DATE", "1989-Q3"),
                    ("the 1988 quarter", "DATE", "1988-Q3"),
                ],
            ),
            (  # vague present and past references
                "The slump will last for the time being, as in past years.",
                date(2009, 1, 1),
                [("the time being", "DATE", "PRESENT_REF"), ("past years", "DATE", "PAST_REF")],
            ),
            (  # an irregular past tense verb puts a bare month in the past
                "KKR bought the company in February.",
                date(1989, 10, 30),
                [("February", "DATE", "1989-02")],
            ),
            (  # a list of years: the comma before "1995" is no thousands separator
                "The clinics were attacked in 1994, 1995 and 1997, not for $1,995.",
                date(1999, 4, 19),
                [("1994", "DATE", "1994"), ("1995", "DATE", "1995"), ("1997", "DATE", "1997")],
            ),
            (  # "the 2004 protests" names a year; "the 2000 troops" counts soldiers
                "Leaders of the 2004 protests left, and the 2000 troops stayed.",
                date(2008, 5, 1),
                [("2004", "DATE", "2004")],
            ),
            (  # a month used as a modifier after "the"
                "The March accession lets them sign the treaty.",
                date(1999, 2, 10),
                [("March", "DATE", "1999-03")],
            ),
            (  # a fronted month whose past-tense verb stands far to the right
                "In January, a week after the anniversary of the Roe vs. Wade decision, a bomb"
                " at a clinic in Birmingham, Ala., killed a guard.",
                date(1998, 10, 25),
                [("January", "DATE", "1998-01"), ("a week", "DURATION", "P1W")],
            ),
            (  # "holiday plans" and "a hastily planned trip" announce no future
                "On Friday, when the minister set aside her holiday plans for a hastily planned"
                " trip, the ban was lifted.",
                date(1998, 8, 17),
                [("Friday", "DATE", "1998-08-14")],
            ),
            (  # "until" with a past perfect looks back
                "Until Thursday, the police had not named him a suspect.",
                date(1999, 5, 7),
                [("Thursday", "DATE", "1999-05-06")],
            ),
            (  # "the previous Friday" is the last one
                "Shares closed 4% below the previous Friday.",
                date(1989, 10, 30),
                [("previous Friday", "DATE", "1989-10-27")],
            ),
            (  # a clock time takes the day named right after its GMT conversion
                "The blast came at 10:35 a.m. (0735 GMT) Friday, near the station.",
                date(1998, 8, 8),
                [("10:35 a.m.", "TIME", "1998-08-07T10:35"), ("Friday", "DATE", "1998-08-07")],
            ),
            (  # "be paid" is passive, "a still unspecified date" adjectival: "would" decides
                "The dividend would be paid on a still unspecified date in January.",
                date(1989, 10, 26),
                [("January", "DATE", "1990-01")],
            ),
            (  # ordinal centuries, in figures and in words
                "A fabled 11th century temple survived the twentieth century.",
                date(1998, 2, 19),
                [("11th century", "DATE", "10"), ("the twentieth century", "DATE", "19")],
            ),
            (  # the newspaper "daily Granma" and the TV show "60 Minutes" are no time
                "The party daily Granma said on ''60 Minutes'' that ferries sail daily Monday.",
                date(2000, 1, 28),
                [("daily", "SET", "P1D"), ("Monday", "DATE", "2000-01-24")],
            ),
        ],
    )
    def test_sentence(
        self, sentence: str, ref: date, expected: list[tuple[str, str, str]]
    ) -> None:
        assert triples(sentence, ref) == expected


class TestPeriod:
    @pytest.mark.parametrize(
        ("value", "expected"),
        [
            ("2012", (date(2012, 1, 1), date(2012, 12, 31))),
            ("2019-03", (date(2019, 3, 1), date(2019, 3, 31))),
            ("2019-12", (date(2019, 12, 1), date(2019, 12, 31))),
            ("2019-03-03", (date(2019, 3, 3), date(2019, 3, 3))),
            ("2019-03-03T14:00", (date(2019, 3, 3), date(2019, 3, 3))),
            ("2019-W10", (date(2019, 3, 4), date(2019, 3, 10))),
            ("2019-W10-WE", (date(2019, 3, 9), date(2019, 3, 10))),
            ("2019-Q3", (date(2019, 7, 1), date(2019, 9, 30))),
            ("2019-H2", (date(2019, 7, 1), date(2019, 12, 31))),
            ("2019-SP", (date(2019, 3, 1), date(2019, 5, 31))),
            ("2019-WI", (date(2019, 12, 1), date(2020, 2, 29))),
            ("199", (date(1990, 1, 1), date(1999, 12, 31))),
            ("20", (date(2000, 1, 1), date(2099, 12, 31))),
            ("2019-02-30", None),
            ("PAST_REF", None),
            ("FUTURE_REF", None),
            ("XXXX-XX-XX", None),
            ("P6M", None),
        ],
    )
    def test_calendar_values(self, value: str, expected: tuple[date, date] | None) -> None:
        assert period(value) == expected

    @pytest.mark.parametrize(
        ("value", "expected"),
        [
            ("P6M", (date(2019, 3, 3), date(2019, 9, 3))),
            ("P2W", (date(2019, 3, 3), date(2019, 3, 17))),
            ("P10D", (date(2019, 3, 3), date(2019, 3, 13))),
            ("P1.5Y", (date(2019, 3, 3), date(2020, 9, 3))),
            ("PT3H", (date(2019, 3, 3), date(2019, 3, 3))),
            ("P2Y6M", (date(2019, 3, 3), date(2021, 9, 3))),
            ("P2Q", (date(2019, 3, 3), date(2019, 9, 3))),
            ("P1DT12H", (date(2019, 3, 3), date(2019, 3, 4))),
            ("PT5H30M", (date(2019, 3, 3), date(2019, 3, 3))),
            ("PXY", None),
            ("PRESENT_REF", (date(2019, 3, 3), date(2019, 3, 3))),
        ],
    )
    def test_relative_values(self, value: str, expected: tuple[date, date] | None) -> None:
        assert period(value, ref=date(2019, 3, 3)) == expected
