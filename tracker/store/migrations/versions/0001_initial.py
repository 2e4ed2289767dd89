"""Initial ledger schema: sources, proposals, commitments, verdicts, due changes, chats.

Revision ID: 0001
Revises:
Create Date: 2026-11-27 06:00:32.589089
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Frozen copy of the Status values at this revision (a migration must not follow later code).
STATUS_CHECK = (
    "status IN ('open', 'in_progress', 'stalled', 'fulfilled', 'partly_fulfilled',"
    " 'not_fulfilled', 'cant_judge')"
)


def upgrade() -> None:
    op.create_table(
        "chats",
        sa.Column("chat_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("timezone", sa.String(length=64), nullable=False),
        sa.Column("digest_time", sa.Time(), nullable=False),
        sa.Column("digest_days", sa.String(length=16), nullable=False),
        sa.Column("summary_day", sa.Integer(), nullable=False),
        sa.Column("summary_time", sa.Time(), nullable=False),
        sa.Column("verdicts_by", sa.String(length=16), nullable=False),
        sa.Column("horizons", sa.String(length=200), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("last_digest_at", sa.DateTime(), nullable=True),
        sa.Column("last_summary_at", sa.DateTime(), nullable=True),
        sa.CheckConstraint(
            "verdicts_by IN ('everyone', 'admins')", name=op.f("ck_chats_verdicts_by_valid")
        ),
        sa.PrimaryKeyConstraint("chat_id", name=op.f("pk_chats")),
    )
    op.create_table(
        "sources",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("url", sa.String(length=2048), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("publisher", sa.Text(), nullable=True),
        sa.Column("published", sa.Date(), nullable=True),
        sa.Column("published_basis", sa.String(length=16), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "published_basis IN ('given', 'text', 'metadata', 'fetched', 'unknown')",
            name=op.f("ck_sources_published_basis_valid"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sources")),
        sa.UniqueConstraint("content_hash", name=op.f("uq_sources_content_hash")),
    )
    op.create_table(
        "commitments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("chat_id", sa.BigInteger(), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=True),
        sa.Column("actors", sa.JSON(), nullable=False),
        sa.Column("action", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("quote", sa.Text(), nullable=False),
        sa.Column("span_start", sa.Integer(), nullable=True),
        sa.Column("span_end", sa.Integer(), nullable=True),
        sa.Column("deadline", sa.Date(), nullable=True),
        sa.Column("deadline_text", sa.Text(), nullable=True),
        sa.Column("deadline_value", sa.String(length=64), nullable=True),
        sa.Column("due", sa.Date(), nullable=False),
        sa.Column("due_basis", sa.String(length=16), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("created_by", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("next_checkin_at", sa.DateTime(), nullable=True),
        sa.CheckConstraint(
            "due_basis IN ('deadline', 'default')", name=op.f("ck_commitments_due_basis_valid")
        ),
        sa.CheckConstraint(
            "kind IN ('promise', 'plan', 'agreement', 'prediction')",
            name=op.f("ck_commitments_kind_valid"),
        ),
        sa.CheckConstraint(
            STATUS_CHECK,
            name=op.f("ck_commitments_status_valid"),
        ),
        sa.ForeignKeyConstraint(
            ["source_id"], ["sources.id"], name=op.f("fk_commitments_source_id_sources")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_commitments")),
        sa.UniqueConstraint(
            "chat_id",
            "source_id",
            "span_start",
            "span_end",
            name=op.f("uq_commitments_chat_id_source_id_span_start_span_end"),
        ),
    )
    op.create_index(op.f("ix_commitments_chat_id_due_id"), "commitments", ["chat_id", "due", "id"])
    op.create_index(
        op.f("ix_commitments_chat_id_status_due"), "commitments", ["chat_id", "status", "due"]
    )
    op.create_index(
        op.f("ix_commitments_chat_id_status_next_checkin_at"),
        "commitments",
        ["chat_id", "status", "next_checkin_at"],
    )
    op.create_table(
        "proposals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("chat_id", sa.BigInteger(), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("candidates", sa.JSON(), nullable=False),
        sa.Column("created_by", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["source_id"], ["sources.id"], name=op.f("fk_proposals_source_id_sources")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_proposals")),
    )
    op.create_index(op.f("ix_proposals_chat_id"), "proposals", ["chat_id"])
    op.create_table(
        "due_changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("commitment_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("by", sa.Text(), nullable=False),
        sa.Column("old_due", sa.Date(), nullable=False),
        sa.Column("old_basis", sa.String(length=16), nullable=False),
        sa.Column("new_due", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(
            ["commitment_id"],
            ["commitments.id"],
            name=op.f("fk_due_changes_commitment_id_commitments"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_due_changes")),
    )
    op.create_index(op.f("ix_due_changes_commitment_id"), "due_changes", ["commitment_id"])
    op.create_table(
        "verdicts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("commitment_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("by", sa.Text(), nullable=False),
        sa.Column("evidence_url", sa.String(length=2048), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.CheckConstraint(
            STATUS_CHECK,
            name=op.f("ck_verdicts_status_valid"),
        ),
        sa.ForeignKeyConstraint(
            ["commitment_id"],
            ["commitments.id"],
            name=op.f("fk_verdicts_commitment_id_commitments"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_verdicts")),
    )
    op.create_index(op.f("ix_verdicts_commitment_id"), "verdicts", ["commitment_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_verdicts_commitment_id"), table_name="verdicts")
    op.drop_table("verdicts")
    op.drop_index(op.f("ix_due_changes_commitment_id"), table_name="due_changes")
    op.drop_table("due_changes")
    op.drop_index(op.f("ix_proposals_chat_id"), table_name="proposals")
    op.drop_table("proposals")
    op.drop_index(op.f("ix_commitments_chat_id_status_next_checkin_at"), table_name="commitments")
    op.drop_index(op.f("ix_commitments_chat_id_status_due"), table_name="commitments")
    op.drop_index(op.f("ix_commitments_chat_id_due_id"), table_name="commitments")
    op.drop_table("commitments")
    op.drop_table("sources")
    op.drop_table("chats")
