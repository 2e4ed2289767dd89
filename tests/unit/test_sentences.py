"""Sentence splitting: quotes, em-dashes, abbreviations, initials, ellipses, paragraphs."""

from __future__ import annotations

import pytest

from tracker.extract.sentences import split_paragraphs, split_sentences


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The U.S. Treasury will act. It said so.",
            ["The U.S. Treasury will act.", "It said so."],
        ),
        (
            "Sales fell in the U.S. The company said more.",
            ["Sales fell in the U.S.", "The company said more."],
        ),
        (
            "Mr. Smith and Dr. Jones met. They agreed.",
            ["Mr. Smith and Dr. Jones met.", "They agreed."],
        ),
        (
            "It opens Jan. 15 in Paris. Tickets sold out.",
            ["It opens Jan. 15 in Paris.", "Tickets sold out."],
        ),
        (
            "Michael R. Golden said it. George W. Bush agreed.",
            ["Michael R. Golden said it.", "George W. Bush agreed."],
        ),
        (
            "Acme Inc. will hire staff. The plan is new.",
            ["Acme Inc. will hire staff.", "The plan is new."],
        ),
    ],
)
def test_abbreviations_and_initials(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_no_as_a_word_ends_a_sentence_but_not_as_number_sign() -> None:
    text = "He said no. The firm ranks No. 3 in sales."
    assert sentences(text) == ["He said no.", "The firm ranks No. 3 in sales."]


def test_quote_closing_after_period_ends_sentence() -> None:
    text = "He said they “agreed on a goal.” Based on this, talks go on."
    assert sentences(text) == ["He said they “agreed on a goal.”", "Based on this, talks go on."]


def test_sentence_inside_quotation_is_split() -> None:
    text = "Said Netanyahu, “As I promised, we met. I made it clear.”"
    assert sentences(text) == ["Said Netanyahu, “As I promised, we met.", "I made it clear.”"]


def test_em_dash_does_not_split() -> None:
    text = "They agreed on a common goal—the withdrawal of forces. Next came talks."
    assert sentences(text) == [
        "They agreed on a common goal—the withdrawal of forces.",
        "Next came talks.",
    ]


def test_ellipsis_before_capital_after_quote_opens_new_sentence() -> None:
    text = "He spoke with Putin. “…I invited him and he accepted.”"
    assert sentences(text) == ["He spoke with Putin.", "“…I invited him and he accepted.”"]


def test_ellipsis_before_lower_case_continues() -> None:
    assert sentences("We will wait... and see. Then go.") == [
        "We will wait... and see.",
        "Then go.",
    ]


def test_question_and_latex_quotes() -> None:
    text = "``Will it work?'' he asked. ``Yes.''"
    assert sentences(text) == ["``Will it work?'' he asked.", "``Yes.''"]


def test_paragraphs_split_first_even_without_final_punctuation() -> None:
    text = "Headline Without Period\nFirst body line. Second one.\n\nLast"
    assert sentences(text) == [
        "Headline Without Period",
        "First body line.",
        "Second one.",
        "Last",
    ]


def test_spans_index_the_original_text() -> None:
    text = "  One here.  Two there.\n"
    assert split_sentences(text) == [(2, 11), (13, 23)]
    assert split_paragraphs(text) == [(2, 23)]
