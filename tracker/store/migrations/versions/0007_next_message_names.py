"""Evidence without Reply and people's names: an evidence question may await the asked user's
next plain message for a while (`pending_verdicts.next_message_until`), and `member_names`
keeps the latest display name seen for each audit label in a chat.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-08 10:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("pending_verdicts") as batch:
        batch.add_column(sa.Column("next_message_until", sa.DateTime(), nullable=True))
    op.create_table(
        "member_names",
        sa.Column("chat_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("label", sa.String(length=200), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("seen_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("chat_id", "label", name=op.f("pk_member_names")),
    )


def downgrade() -> None:
    op.drop_table("member_names")
    with op.batch_alter_table("pending_verdicts") as batch:
        batch.drop_column("next_message_until")
