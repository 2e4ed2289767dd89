"""Pending verdict questions: a verdict button pressed, its evidence question not yet answered,
kept in the database so a restart or another bot process can record the answer.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27 07:10:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# A frozen copy of the status values at this revision (a migration must not follow later code).
STATUS_CHECK = (
    "status IN ('open', 'in_progress', 'stalled', 'fulfilled', 'partly_fulfilled', "
    "'not_fulfilled', 'cant_judge')"
)


def upgrade() -> None:
    op.create_table(
        "pending_verdicts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("chat_id", sa.BigInteger(), nullable=False),
        sa.Column("prompt_message_id", sa.BigInteger(), nullable=False),
        sa.Column("commitment_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(STATUS_CHECK, name=op.f("ck_pending_verdicts_status_valid")),
        sa.ForeignKeyConstraint(
            ["commitment_id"],
            ["commitments.id"],
            name=op.f("fk_pending_verdicts_commitment_id_commitments"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pending_verdicts")),
        sa.UniqueConstraint(
            "chat_id",
            "prompt_message_id",
            name=op.f("uq_pending_verdicts_chat_id_prompt_message_id"),
        ),
    )
    op.create_index(
        op.f("ix_pending_verdicts_commitment_id"), "pending_verdicts", ["commitment_id"]
    )
    op.create_index(
        op.f("ix_pending_verdicts_chat_id_user_id"), "pending_verdicts", ["chat_id", "user_id"]
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_pending_verdicts_chat_id_user_id"), table_name="pending_verdicts")
    op.drop_index(op.f("ix_pending_verdicts_commitment_id"), table_name="pending_verdicts")
    op.drop_table("pending_verdicts")
