"""Per-chat numbers for commitments (backfilled in id order), untracking, the audit of edits,
and closed proposals.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-07 09:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# A frozen copy of the edit fields at this revision (a migration must not follow later code).
FIELD_CHECK = "field IN ('actor', 'action', 'tracked')"
# Each chat's items numbered 1, 2, … in the order they were created (their ids).
BACKFILL = (
    "UPDATE commitments SET number = (SELECT COUNT(*) FROM commitments AS earlier "
    "WHERE earlier.chat_id = commitments.chat_id AND earlier.id <= commitments.id)"
)


def upgrade() -> None:
    with op.batch_alter_table("commitments") as batch:
        batch.add_column(sa.Column("number", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("untracked_at", sa.DateTime(), nullable=True))
    op.execute(BACKFILL)
    with op.batch_alter_table("commitments") as batch:
        batch.alter_column("number", existing_type=sa.Integer(), nullable=False)
        batch.create_unique_constraint(
            op.f("uq_commitments_chat_id_number"), ["chat_id", "number"]
        )
    with op.batch_alter_table("proposals") as batch:
        batch.add_column(sa.Column("closed_at", sa.DateTime(), nullable=True))
    op.create_table(
        "commitment_edits",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("commitment_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("by", sa.Text(), nullable=False),
        sa.Column("field", sa.String(length=16), nullable=False),
        sa.Column("old_value", sa.Text(), nullable=True),
        sa.Column("new_value", sa.Text(), nullable=True),
        sa.CheckConstraint(FIELD_CHECK, name=op.f("ck_commitment_edits_field_valid")),
        sa.ForeignKeyConstraint(
            ["commitment_id"],
            ["commitments.id"],
            name=op.f("fk_commitment_edits_commitment_id_commitments"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_commitment_edits")),
    )
    op.create_index(
        op.f("ix_commitment_edits_commitment_id"), "commitment_edits", ["commitment_id"]
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_commitment_edits_commitment_id"), table_name="commitment_edits")
    op.drop_table("commitment_edits")
    with op.batch_alter_table("proposals") as batch:
        batch.drop_column("closed_at")
    with op.batch_alter_table("commitments") as batch:
        batch.drop_constraint(op.f("uq_commitments_chat_id_number"), type_="unique")
        batch.drop_column("untracked_at")
        batch.drop_column("number")
