"""Follow-up engine: the notification outbox, check-in interval and last week's figures per
chat, and the planner's indexes.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27 06:40:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Frozen copies of the enum values at this revision (a migration must not follow later code).
KIND_CHECK = "kind IN ('checkin', 'digest', 'summary')"
STATE_CHECK = "state IN ('pending', 'sent', 'cancelled', 'failed')"


def upgrade() -> None:
    op.create_table(
        "notifications",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("chat_id", sa.BigInteger(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("commitment_id", sa.Integer(), nullable=True),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("due_at", sa.DateTime(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("claimed_by", sa.String(length=100), nullable=True),
        sa.Column("lease_until", sa.DateTime(), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("sent_at", sa.DateTime(), nullable=True),
        sa.Column("message_id", sa.BigInteger(), nullable=True),
        sa.Column("error", sa.Text(), nullable=True),
        sa.CheckConstraint(KIND_CHECK, name=op.f("ck_notifications_kind_valid")),
        sa.CheckConstraint(STATE_CHECK, name=op.f("ck_notifications_state_valid")),
        sa.ForeignKeyConstraint(
            ["commitment_id"],
            ["commitments.id"],
            name=op.f("fk_notifications_commitment_id_commitments"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notifications")),
        sa.UniqueConstraint("key", name=op.f("uq_notifications_key")),
    )
    op.create_index(op.f("ix_notifications_state_due_at"), "notifications", ["state", "due_at"])
    op.create_index(op.f("ix_notifications_chat_id_state"), "notifications", ["chat_id", "state"])
    with op.batch_alter_table("chats") as batch:
        batch.add_column(
            sa.Column("checkin_every_days", sa.Integer(), server_default="7", nullable=False)
        )
        batch.add_column(sa.Column("summary_figures", sa.JSON(), nullable=True))
        batch.add_column(sa.Column("next_digest_at", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("next_summary_at", sa.DateTime(), nullable=True))
        batch.create_index(batch.f("ix_chats_active_next_digest_at"), ["active", "next_digest_at"])
        batch.create_index(
            batch.f("ix_chats_active_next_summary_at"), ["active", "next_summary_at"]
        )
    with op.batch_alter_table("commitments") as batch:
        batch.create_index(
            batch.f("ix_commitments_status_next_checkin_at_due"),
            ["status", "next_checkin_at", "due"],
        )


def downgrade() -> None:
    with op.batch_alter_table("commitments") as batch:
        batch.drop_index(batch.f("ix_commitments_status_next_checkin_at_due"))
    with op.batch_alter_table("chats") as batch:
        batch.drop_index(batch.f("ix_chats_active_next_summary_at"))
        batch.drop_index(batch.f("ix_chats_active_next_digest_at"))
        batch.drop_column("next_summary_at")
        batch.drop_column("next_digest_at")
        batch.drop_column("summary_figures")
        batch.drop_column("checkin_every_days")
    op.drop_index(op.f("ix_notifications_chat_id_state"), table_name="notifications")
    op.drop_index(op.f("ix_notifications_state_due_at"), table_name="notifications")
    op.drop_table("notifications")
