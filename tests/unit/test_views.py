"""bot.views: HTML escaping, message splitting, local times, and the text of each view."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest

from bot import views
from tracker.domain import (
    Candidate,
    ChatSettings,
    Commitment,
    DueBasis,
    Kind,
    Page,
    Proposal,
    PublishedBasis,
    Rate,
    Source,
    Stats,
    Status,
    Verdict,
    VerdictsBy,
)

AT = datetime(2026, 11, 27, 23, 30, tzinfo=UTC)
SOURCE = Source(
    3,
    "https://news.example/a?x=1&y=2",
    "Bridges & <roads>",
    "Daily",
    date(2026, 11, 20),
    PublishedBasis.TEXT,
    "h",
)


def commitment(**changes: object) -> Commitment:
    base = dict(
        id=99,
        number=12,
        chat_id=1,
        actors=("Mayor <Bob>",),
        action="open the bridge & road",
        kind=Kind.PROMISE,
        quote='He said "soon" <b>',
        due=date(2027, 6, 30),
        due_basis=DueBasis.DEADLINE,
        status=Status.OPEN,
        created_by="tg:1",
        created_at=AT,
    )
    base.update(changes)
    return Commitment(**base)  # type: ignore[arg-type]


class TestSplitMessage:
    def test_short_text_is_one_chunk(self) -> None:
        assert views.split_message("a\nb") == ["a\nb"]

    def test_splits_at_line_boundaries(self) -> None:
        assert views.split_message("aaa\nbbb\nccc", limit=7) == ["aaa\nbbb", "ccc"]

    def test_hard_cuts_an_overlong_line(self) -> None:
        assert views.split_message("x" * 10 + "\nyy", limit=4) == ["xxxx", "xxxx", "xx", "yy"]

    def test_every_chunk_is_below_the_limit_and_nothing_is_lost(self) -> None:
        text = "\n".join(f"line {i} " + "w" * (i % 50) for i in range(2000))
        chunks = views.split_message(text)
        assert max(len(c) for c in chunks) <= views.TEXT_LIMIT
        assert "\n".join(chunks) == text

    def test_empty_text(self) -> None:
        assert views.split_message("") == [""]


class TestViews:
    def test_line_escapes_user_text(self) -> None:
        assert views.line(commitment()) == (
            "<b>#12</b> Mayor &lt;Bob&gt; — open the bridge &amp; road · due 2027-06-30 · open"
        )

    def test_assumed_due_date_is_marked(self) -> None:
        line = views.line(commitment(due_basis=DueBasis.DEFAULT, actors=()))
        assert line == (
            "<b>#12</b> <i>someone</i> — open the bridge &amp; road · due 2027-06-30"
            " <i>(assumed)</i> · open"
        )

    def test_card_has_quote_source_and_history_in_chat_time(self) -> None:
        verdict = Verdict(
            1, Status.FULFILLED, AT, "tg:5", evidence_url="https://e.example/?a=1&b=2", note="<ok>"
        )
        card = views.card(
            commitment(source=SOURCE, verdicts=(verdict,), status=Status.FULFILLED),
            tz="Europe/Berlin",
        )
        assert card.split("\n") == [
            "<b>#12</b> Mayor &lt;Bob&gt; — open the bridge &amp; road",
            '“He said "soon" &lt;b&gt;”',
            "Kind: promise · due 2027-06-30 · <b>fulfilled</b>",
            'Source: <a href="https://news.example/a?x=1&amp;y=2">Bridges &amp; &lt;roads&gt;</a>,'
            " Daily, 2026-11-20",
            "<b>Verdicts</b>",
            "• Sat 28 Nov 2026, 00:30: fulfilled (tg:5) — "
            '<a href="https://e.example/?a=1&amp;b=2">evidence</a> — &lt;ok&gt;',
        ]

    def test_card_without_verdicts(self) -> None:
        assert views.card(commitment(), tz="UTC").endswith("\nNo verdict yet.")

    def test_page_header_counts(self) -> None:
        listing = Page(items=(commitment(), commitment(id=13)), total=25, offset=10, limit=10)
        assert (
            views.page(listing, title="Commitments: open").split("\n")[0]
            == "<b>Commitments: open</b> (11–12 of 25)"
        )

    def test_empty_page(self) -> None:
        assert views.page(Page((), 0, 0, 10), title="T") == "<b>T</b>\nNothing here yet."

    def test_proposal_lists_candidates(self) -> None:
        cand = Candidate(
            quote="We will <build> it",
            start=0,
            end=5,
            actors=("Minister",),
            kind=Kind.PLAN,
            action="build it",
            due=date(2027, 5, 1),
            due_basis=DueBasis.DEFAULT,
        )
        text = views.proposal(Proposal(5, 1, SOURCE, (cand, cand)))
        item = "<i>plan</i> · Minister — build it\n    “We will &lt;build&gt; it”\n"
        assert text == (
            "<b>Found 2 commitments</b> in <i>Bridges &amp; &lt;roads&gt;</i>:\n"
            f"\n<b>1.</b> {item}    due 2027-05-01 <i>(assumed)</i>\n"
            f"\n<b>2.</b> {item}    due 2027-05-01 <i>(assumed)</i>"
        )

    def test_proposal_marks_what_the_chat_already_tracks(self) -> None:
        cand = Candidate("q", 0, 1, (), Kind.PLAN, "act", date(2027, 5, 1), DueBasis.DEADLINE)
        some = Proposal(5, 1, SOURCE, (cand, cand), accepted=frozenset({2}), numbers={2: 7})
        assert views.proposal(some).splitlines()[0].endswith("(1 already tracked):")
        assert views.proposal(some).endswith("due 2027-05-01 · <b>already tracked as #7</b>")
        every = Proposal(5, 1, SOURCE, (cand,), accepted=frozenset({1}), numbers={1: 3})
        assert views.proposal(every) == (
            "<b>Already tracking</b> all 1 commitment in <i>Bridges &amp; &lt;roads&gt;</i>:"
            " #3. See /list."
        )

    def test_stats(self) -> None:
        overall = Rate(
            fulfilled=1, partly=1, not_fulfilled=2, overdue_unchecked=1, unjudgeable=1,
            in_progress=2,
        )  # fmt: skip
        figures = Stats(
            date(2026, 11, 27), overall, {"A&B": overall}, {Kind.PLAN: Rate()}, Rate(), Rate()
        )
        line = "38% kept of 4 judged · 1 can't be judged · 2 not yet · 1 overdue · 8 in all"
        assert views.stats(figures).split("\n") == [
            "<b>Fulfilment as of 2026-11-27</b>",
            f"Overall: {line}",
            "",
            "<b>By actor</b>",
            f"A&amp;B: {line}",
            "",
            "<b>By kind</b>",
            "plan: nothing judged yet · 0 in all",
        ]

    def test_settings_text(self) -> None:
        prefs = ChatSettings(
            1,
            timezone="Europe/Berlin",
            digest_time=time(8, 5),
            digest_days=frozenset({0, 4}),
            verdicts_by=VerdictsBy.ADMINS,
        )
        lines = views.chat_settings(prefs).split("\n")
        assert lines[1:5] == [
            "Time zone: Europe/Berlin",
            "Digest: 08:05 on mon,fri",
            "Weekly summary: sun 18:00",
            "Verdicts by: admins",
        ]

    @pytest.mark.parametrize(("name", "desc", "example"), views.COMMANDS)
    def test_help_lists_every_command_with_its_example(
        self, name: str, desc: str, example: str
    ) -> None:
        assert f"/{name} — " in views.help_text()
        assert example in views.help_text()

    def test_local_date_crosses_midnight(self) -> None:
        assert views.local_date(AT, "Asia/Tokyo") == date(2026, 11, 28)


class TestSafeCuts:
    @pytest.mark.parametrize(
        ("line", "expected"),
        [
            ("abc&amp;def", ["abc", "&amp;", "def"]),
            ("abc<b>x</b>", ["abc", "<b>x", "</b>"]),
            ("abcdefgh", ["abcde", "fgh"]),
        ],
    )
    def test_overlong_lines_are_not_cut_inside_entities_or_tags(
        self, line: str, expected: list[str]
    ) -> None:
        assert views.split_message(line, limit=5) == expected
