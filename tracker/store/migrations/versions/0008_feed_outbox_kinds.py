"""Feed messages through the outbox: a notification may also be a feed poll's batch (`news`)
or a report offered as suggested evidence (`evidence`). Only the kind's CHECK changes.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-28 16:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Frozen copies of the enum values at this revision (a migration must not follow later code).
KIND_CHECK = "kind IN ('checkin', 'digest', 'summary', 'news', 'evidence')"
OLD_KIND_CHECK = "kind IN ('checkin', 'digest', 'summary')"
NAME = "ck_notifications_kind_valid"


def _kinds(check: str) -> None:
    with op.batch_alter_table("notifications") as batch:
        batch.drop_constraint(op.f(NAME), type_="check")
        batch.create_check_constraint(op.f(NAME), check)


def upgrade() -> None:
    _kinds(KIND_CHECK)


def downgrade() -> None:
    # Feed messages not yet sent cannot be kept under the old kinds: they are dropped.
    op.execute("DELETE FROM notifications WHERE kind IN ('news', 'evidence')")
    _kinds(OLD_KIND_CHECK)
