"""Per-event code counts, the sources of each event, and mention indexes, so merging a report costs the same however many
reports the event already has; filled from the mentions of an existing store.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "event_codes",
        sa.Column("event_id", sa.Integer, sa.ForeignKey("events.id"), primary_key=True),
        sa.Column("code", sa.String(8), primary_key=True),
        sa.Column("reports", sa.Integer, nullable=False),
    )
    op.execute("INSERT INTO event_codes (event_id, code, reports) SELECT event_id, code, COUNT(*) FROM mentions GROUP BY event_id, code")
    op.create_table(
        "event_sources",
        sa.Column("event_id", sa.Integer, sa.ForeignKey("events.id"), primary_key=True),
        sa.Column("source", sa.String(255), primary_key=True),
    )
    op.execute("INSERT INTO event_sources (event_id, source) SELECT DISTINCT event_id, source FROM mentions")
    op.create_index("ix_mentions_event_document", "mentions", ["event_id", "document_id"])
    op.create_index("ix_mentions_event_source", "mentions", ["event_id", "source"])


def downgrade() -> None:
    op.drop_index("ix_mentions_event_source", "mentions")
    op.drop_index("ix_mentions_event_document", "mentions")
    op.drop_table("event_sources")
    op.drop_table("event_codes")
