"""Hostile text for the extractor (issue 14, items 1 and 2): pathological runs of
punctuation finish (every pattern is linear), a long text is read in windows up to a bound,
and a time budget stops a reading that runs over. Speed figures: bench/hostile_input.py."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from itertools import count, pairwise

import pytest

from tracker.errors import TooSlow
from tracker.extract import extract
from tracker.extract.budget import MAX_CHARS, WINDOW, Deadline, windows
from tracker.extract.sentences import MAX_SENTENCE, split_sentences

REF = date(2020, 1, 1)
SENTENCE = "The city will build a new bridge by 2027"
MARKS = ".!?,;:-—–…'\"“”‘’()[]{}<>*/\\&_~`#=+|@$%^ \n\t"

# Run in a child process so that a pattern that backtracks exponentially fails the test
# (the child is killed) instead of hanging the suite: 200 periods took years before the fix.
_FUZZ = f"""
from datetime import date
from tracker.extract import extract
for mark in {MARKS!r}:
    for n in (10, 44, 60, 100, 200):
        text = {SENTENCE!r} + mark * n + " It will open in May."
        found = extract(text, published=date(2020, 1, 1))
        assert all(c.quote for c in found.commitments)
print("ok")
"""


def test_pathological_punctuation_runs_finish() -> None:
    """Each punctuation mark repeated 10..200 times after a sentence: nothing freezes."""
    done = subprocess.run(
        [sys.executable, "-c", _FUZZ], capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "ok"


@pytest.mark.parametrize("mark", list(".!?…"))
def test_sentence_end_after_a_run_of_marks(mark: str) -> None:
    text = f"The city will build it{mark * 50} Then it will open."
    assert [text[s:e] for s, e in split_sentences(text)] == [
        f"The city will build it{mark * 50}",
        "Then it will open.",
    ]


def test_a_sentence_without_end_is_cut_into_bounded_pieces() -> None:
    text = "will " * 2_000
    spans = split_sentences(text)
    assert len(spans) > 1
    assert all(e - s <= MAX_SENTENCE for s, e in spans)
    assert " ".join(text[s:e] for s, e in spans) == text.strip()


def test_windows_cover_the_text_up_to_the_bound_at_line_ends() -> None:
    text = ("A line of text that ends here.\n" * 4_000) + "x" * (MAX_CHARS)
    spans = list(windows(text))
    assert spans[0][0] == 0 and spans[-1][1] == MAX_CHARS
    assert all(a[1] == b[0] for a, b in pairwise(spans))
    assert all(0 < e - s <= WINDOW for s, e in spans)
    assert text[spans[0][1] - 1] == "\n"


def test_a_long_text_is_read_in_windows_with_spans_into_the_whole_text() -> None:
    para = "Filler text about the weather stays here for a while today.\n"
    pledge = "The city will build a new bridge by 2027.\n"
    text = para * (WINDOW // len(para) + 50) + pledge + para * 10
    found = extract(text, published=REF)
    assert found.read_to is None
    quotes = [text[c.start : c.end] for c in found.commitments]
    assert quotes == [c.quote for c in found.commitments]
    assert any("new bridge" in q for q in quotes)
    assert found.commitments[-1].start > WINDOW


def test_a_text_over_the_bound_says_where_reading_stopped() -> None:
    pledge = "The city will build a new bridge by 2027.\n"
    text = pledge * (MAX_CHARS // len(pledge) + 100)
    found = extract(text, published=REF, deadline=None)
    assert found.read_to is not None and found.read_to <= MAX_CHARS
    assert all(c.end <= found.read_to for c in found.commitments)


def test_deadline_stops_a_reading_that_runs_over() -> None:
    ticks = count()
    deadline = Deadline(5, clock=lambda: float(next(ticks)))
    text = "The city will build a new bridge by 2027. " * 20
    with pytest.raises(TooSlow, match="longer than 5 s"):
        extract(text, published=REF, deadline=deadline)


def test_deadline_with_time_left_changes_nothing() -> None:
    deadline = Deadline(5, clock=lambda: 0.0)
    text = "The city will build a new bridge by 2027."
    assert extract(text, published=REF, deadline=deadline) == extract(text, published=REF)


def test_cli_extract_says_when_a_text_was_read_in_part(tmp_path: object) -> None:
    from click.testing import CliRunner

    from tracker.cli import cli

    pledge = "The city will build a new bridge by 2027.\n"
    text = pledge * (MAX_CHARS // len(pledge) + 100)
    result = CliRunner().invoke(
        cli, ["extract", "-", "--published", "2020-01-01", "--json"], input=text
    )
    assert result.exit_code == 0
    assert "only its first" in result.stderr
