"""Verdicts (mixed into `Tracker`): recording one, and the evidence question between a verdict
button and its answer.

A button press only asks for evidence; the verdict is recorded when the answer arrives. The
open question is a `pending_verdicts` row, not process memory, so a restart or another bot
process (webhooks behind one address, one database) can still record what the user said.
Answering records the verdict and deletes the question in one transaction, with the question
row locked, so the same answer delivered twice records one verdict.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from tracker import checks as check
from tracker.domain import ANSWER_WINDOW, Commitment, Status
from tracker.services.base import TrackerBase
from tracker.store.models import CommitmentRow, VerdictRow
from tracker.store.queue import PendingVerdictRow
from tracker.store.repository import Repository

QUESTION_TTL = timedelta(days=7)  # older evidence questions are ignored, then deleted
SKIP_WORDS = frozenset({"skip", "-", "no", "none"})


def evidence_parts(text: str) -> tuple[str | None, str | None]:
    """(evidence_url, note) of an answer: a skip word gives neither, the first link the URL."""
    if text.strip().lower() in SKIP_WORDS:
        return None, None
    url = check.find_url(text)
    note = text.replace(url, "").strip() if url else text.strip()
    return url, note or None


def new_verdict(
    status: Status | str,
    *,
    by: str,
    now: datetime,
    evidence_url: str | None = None,
    note: str | None = None,
) -> VerdictRow:
    """A checked verdict row, not yet attached (InvalidInput names the bad value)."""
    chosen = check.status(status)
    return VerdictRow(
        status=chosen.value,
        at=check.aware(now),
        by=check.label(by),
        evidence_url=check.evidence_url(evidence_url),
        note=check.note(note, verdict=chosen),
    )


def append_verdict(repo: Repository, row: CommitmentRow, verdict: VerdictRow) -> Commitment:
    """Append `verdict` to the commitment; it becomes the current status."""
    row.verdicts.append(verdict)
    row.status = verdict.status
    repo.session.flush()
    return row.snapshot()


def _settle(
    repo: Repository,
    row: PendingVerdictRow,
    *,
    by: str,
    now: datetime,
    evidence: tuple[str | None, str | None],
) -> Commitment | None:
    """Record the question's verdict with `evidence` (url, note) and delete the question;
    None (and the question deleted) when it is older than `QUESTION_TTL`."""
    if row.created_at < now - QUESTION_TTL:
        repo.session.delete(row)
        return None
    url, note = evidence
    verdict = new_verdict(row.status, by=by, now=now, evidence_url=url, note=note)
    item = append_verdict(repo, repo.commitment_by_id(row.commitment_id), verdict)
    repo.session.delete(row)
    return item


class VerdictsMixin(TrackerBase):
    """Evidence-question use cases."""

    def ask_verdict(
        self,
        chat_id: int,
        number: int,
        status: Status | str,
        *,
        user_id: int,
        prompt_message_id: int,
        now: datetime,
    ) -> None:
        """Remember that `user_id` pressed `status` on the chat's item `number` and was asked
        for evidence by that message; for `ANSWER_WINDOW` their next plain message in
        the chat answers it too (their older questions then wait for a Reply only)."""
        chosen, now = check.status(status), check.aware(now)

        def work(repo: Repository) -> None:
            row = repo.commitment(chat_id, number)  # NotFound for a number this chat lacks
            repo.drop_pending_verdicts(chat_id, before=now - QUESTION_TTL)
            for older in repo.pending_verdicts_of(chat_id, user_id):
                older.next_message_until = None
            question = PendingVerdictRow(
                chat_id=chat_id,
                prompt_message_id=prompt_message_id,
                commitment_id=row.id,
                status=chosen.value,
                user_id=user_id,
                created_at=now,
                next_message_until=now + ANSWER_WINDOW,
            )
            repo.add(question)

        self._run(work)

    def answer_verdict(
        self,
        chat_id: int,
        prompt_message_id: int,
        *,
        user_id: int,
        text: str,
        now: datetime,
        by: str | None = None,
    ) -> Commitment | None:
        """Record the verdict an evidence question was about, with the answer as its evidence.

        None when the message asked nothing open: no question, asked of another user (it stays
        open for them), or older than 7 days. A refused answer (InvalidInput, e.g. cant_judge
        without a note) leaves the question open. `user_id` is whose answer it counts as: the
        sender's, or the asked user's when the adapter vouches for the sender (`asked_user`).
        `by` is the audit label (default the id).
        """
        now = check.aware(now)
        url, note = evidence_parts(text)
        label = by if by is not None else str(user_id)

        def work(repo: Repository) -> Commitment | None:
            row = repo.pending_verdict(chat_id, prompt_message_id)
            if row is None or row.user_id != user_id:
                return None
            return _settle(repo, row, by=label, now=now, evidence=(url, note))

        return self._run(work)

    def answer_next(
        self, chat_id: int, *, user_id: int, text: str, now: datetime, by: str | None = None
    ) -> Commitment | None:
        """Record the verdict of the user's evidence question that awaits their next message
        in the chat (asked less than `ANSWER_WINDOW` ago), with `text` as its evidence.

        None when no question awaits one: the message is then whatever it would have been.
        A refused answer (InvalidInput) leaves the question waiting, as `answer_verdict` does.
        """
        now = check.aware(now)
        url, note = evidence_parts(text)
        label = by if by is not None else str(user_id)

        def work(repo: Repository) -> Commitment | None:
            waiting = [
                row
                for row in repo.pending_verdicts_of(chat_id, user_id)
                if row.next_message_until is not None and row.next_message_until > now
            ]
            if not waiting:
                return None
            return _settle(repo, waiting[-1], by=label, now=now, evidence=(url, note))

        return self._run(work)

    def asked_user(self, chat_id: int, prompt_message_id: int, *, now: datetime) -> int | None:
        """The user an open evidence question was asked to; None when none is open (or it is
        older than 7 days). An adapter checks that user's rights before answering for them."""
        cutoff = check.aware(now) - QUESTION_TTL

        def work(repo: Repository) -> int | None:
            row = repo.pending_verdict(chat_id, prompt_message_id)
            return row.user_id if row is not None and row.created_at >= cutoff else None

        return self._run(work)

    def cancel_verdicts(self, chat_id: int, *, user_id: int, now: datetime | None = None) -> int:
        """Drop the user's open evidence questions in the chat; returns how many were live
        (with `now`, those older than 7 days are dropped without being counted)."""
        cutoff = None if now is None else check.aware(now) - QUESTION_TTL

        def work(repo: Repository) -> int:
            rows = repo.pending_verdicts_of(chat_id, user_id)
            for row in rows:
                repo.session.delete(row)
            return sum(1 for row in rows if cutoff is None or row.created_at >= cutoff)

        return self._run(work)
