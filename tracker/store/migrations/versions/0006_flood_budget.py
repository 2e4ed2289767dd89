"""Reliability at scale: the flood budget shared by every process sending with one bot token,
and a count of ambiguous (timed-out) sends per outbox row.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-28 10:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "send_budget",
        sa.Column("bucket", sa.String(length=80), nullable=False),
        sa.Column("next_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("bucket", name=op.f("pk_send_budget")),
    )
    op.create_index(op.f("ix_send_budget_next_at"), "send_budget", ["next_at"])
    with op.batch_alter_table("notifications") as batch:
        batch.add_column(sa.Column("ambiguous", sa.Integer(), nullable=False, server_default="0"))


def downgrade() -> None:
    with op.batch_alter_table("notifications") as batch:
        batch.drop_column("ambiguous")
    op.drop_index(op.f("ix_send_budget_next_at"), table_name="send_budget")
    op.drop_table("send_budget")
