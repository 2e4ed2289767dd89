"""extract(): who is committed when the grammatical subject is no agent (a programme, a
technology, people who benefit), and whose voice a release speaks in; sentences written for
the test."""

from __future__ import annotations

from datetime import date

from tracker.domain import Candidate
from tracker.extract import extract

PUBLISHED = date(2025, 3, 3)


def found(text: str, *, published: date = PUBLISHED) -> list[Candidate]:
    return list(extract(text, published=published).commitments)


class TestNotAnAgent:
    def test_a_name_used_with_the_is_a_thing_not_a_surname(self) -> None:
        text = (
            "The Government runs the Nursery Grant for working families. Families already "
            "claiming the Grant will keep their place until 2027."
        )
        assert [c.actors[0] for c in found(text)] == ["the Government"]

    def test_a_name_after_a_common_head_is_its_modifier(self) -> None:
        text = (
            "The Government funds COPD research in Britain. Patients with chronic COPD will "
            "also be able to book nurse visits at home by 2027."
        )
        assert [c.actors[0] for c in found(text)] == ["UK Government"]


class TestSpeakers:
    def test_a_title_with_its_department_gives_the_person(self) -> None:
        text = (
            "The department opened the fund today. “This fund will cut bills for millions "
            "of homes,” said U.S. Secretary of Transportation Jane Q. Roe."
        )
        (c,) = found(text)
        assert c.actors[0] == "Jane Q Roe"
