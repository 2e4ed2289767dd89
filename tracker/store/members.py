"""The names people go by in a chat: the latest display name seen for each audit label
(`tg:<user id>`), so histories can show a name while the ledger keeps the stable label."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, String, delete, select, update
from sqlalchemy.orm import Mapped, Session, mapped_column

from tracker.store.base import Base, UTCDateTime

MAX_NAME = 200


class MemberNameRow(Base):
    """A label's latest known display name in one chat."""

    __tablename__ = "member_names"

    chat_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    label: Mapped[str] = mapped_column(String(200), primary_key=True)
    name: Mapped[str] = mapped_column(String(MAX_NAME))
    seen_at: Mapped[datetime] = mapped_column(UTCDateTime)


def member_name(session: Session, chat_id: int, label: str) -> MemberNameRow | None:
    """The stored name of `label` in the chat, locked until the transaction ends."""
    return session.get(MemberNameRow, (chat_id, label), with_for_update=True)


def member_names(session: Session, chat_id: int) -> dict[str, str]:
    """Every known label → name of the chat."""
    rows = session.execute(
        select(MemberNameRow.label, MemberNameRow.name).where(MemberNameRow.chat_id == chat_id)
    )
    return {label: name for label, name in rows}


def move_names(session: Session, old: int, new: int) -> None:
    """The old chat's names become the new chat's, except for labels it already names (its
    own name is the newer one)."""
    m = MemberNameRow
    taken = select(m.label).where(m.chat_id == new).scalar_subquery()
    sync = {"synchronize_session": False}
    session.execute(
        delete(m).where(m.chat_id == old, m.label.in_(taken)).execution_options(**sync)
    )
    session.execute(
        update(m).where(m.chat_id == old).values(chat_id=new).execution_options(**sync)
    )
