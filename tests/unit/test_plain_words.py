"""Users read plain words: no stored enum value, field name or Python repr reaches a message
of the bot or the text output of the command line, for any status, kind, relation, edit or
date basis (the values stay in the database, JSON output and export files)."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from bot import views
from bot.news import views as news_views
from bot.views import followup
from tracker.cli import render
from tracker.domain import (
    Commitment,
    DueBasis,
    Edit,
    EditField,
    Extraction,
    Kind,
    PublishedBasis,
    Source,
    Status,
    Verdict,
)
from tracker.links import Relation
from tracker.news import Link

AT = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)
ENUMS = (Status, Kind, Relation, EditField, PublishedBasis, DueBasis)
SNAKE = re.compile(r"\b[a-z]+_[a-z_]+\b")  # deadline_value, cant_judge, reports_done …
REPR = re.compile(r"\b(?:" + "|".join(e.__name__ for e in ENUMS) + r")\.|<\w+\.\w+: ")
SOURCE = Source(1, "https://news.example/a", "Title", None, date(2026, 12, 1),
                PublishedBasis.TEXT, "h")  # fmt: skip


def item(status: Status, kind: Kind, basis: PublishedBasis, due: DueBasis) -> Commitment:
    """A commitment with one verdict and one edit of every field, judged `status`."""
    edits = tuple(Edit(f, AT, "tg:1", "old", "yes") for f in EditField)
    return Commitment(
        id=9, number=3, chat_id=1, actors=("Mayor",), action="open the bridge", kind=kind,
        quote="The mayor will open the bridge.", due=date(2027, 6, 30), due_basis=due,
        status=status, created_by="tg:1", created_at=AT,
        source=replace(SOURCE, published_basis=basis), deadline_text="by June",
        verdicts=(Verdict(1, status, AT, "tg:1", None, "a note"),), edits=edits,
    )  # fmt: skip


def shown(text: str) -> str:
    """What the reader sees: tags, link targets and deep links left out."""
    return re.sub(r"<[^>]*>|https?://\S+", " ", text)


def bot_texts(c: Commitment) -> list[str]:
    return [
        views.line(c), views.card(c, tz="UTC"), views.evidence_prompt(c.number, c.status),
        followup.checkin(c, today=date(2027, 7, 1)),
    ]  # fmt: skip


def cli_texts(c: Commitment, basis: PublishedBasis) -> list[str]:
    found = Extraction(date(2026, 12, 1), basis, ())
    return [
        render.commitments_table([c], today=date(2027, 7, 1)),
        render.commitment_text(c, today=date(2027, 7, 1)),
        render.extraction_text(found),
    ]


def link(relation: Relation) -> Link:
    return Link(1, 9, 3, relation, "The bridge opened.", (0, 18), date(2028, 1, 1), 0.9, SOURCE,
                AT)  # fmt: skip


def assert_plain(text: str) -> None:
    visible = shown(text)
    assert SNAKE.findall(visible) == [], visible
    assert REPR.findall(text) == [], text


@pytest.mark.parametrize("status", list(Status))
@pytest.mark.parametrize("kind", list(Kind))
def test_items_read_in_plain_words(status: Status, kind: Kind) -> None:
    for basis in PublishedBasis:
        for due in DueBasis:
            c = item(status, kind, basis, due)
            for text in [*bot_texts(c), *cli_texts(c, basis)]:
                assert_plain(text)


@pytest.mark.parametrize("relation", list(Relation))
def test_links_read_in_plain_words(relation: Relation) -> None:
    found = link(relation)
    for text in (news_views.suggestion(found), news_views.moved(found)):
        assert_plain(text)
    assert_plain(news_views.goalposts([found], first="2027-06-30") or "")


def test_the_check_catches_an_internal_value() -> None:
    with pytest.raises(AssertionError):
        assert_plain(f"#3 is now {Status.UNJUDGEABLE.value}")
    with pytest.raises(AssertionError):
        assert_plain(f"#3 is {Status.FULFILLED!r}")
