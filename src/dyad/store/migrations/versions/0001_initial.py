"""The first schema: documents, merged events, mentions.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("doc_id", sa.String(512), nullable=False),
        sa.Column("url", sa.String(2048), unique=True),
        sa.Column("text_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("title", sa.Text),
        sa.Column("published", sa.Date),
        sa.Column("lang", sa.String(8)),
        sa.Column("source", sa.String(255), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("n_events", sa.Integer, nullable=False),
        sa.Column("ingested_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "events",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("day", sa.Date),
        sa.Column("date", sa.String(10)),
        sa.Column("date_from", sa.String(16)),
        sa.Column("source_code", sa.String(32)),
        sa.Column("source_country", sa.String(8)),
        sa.Column("target_code", sa.String(32)),
        sa.Column("target_country", sa.String(8)),
        sa.Column("code", sa.String(8), nullable=False),
        sa.Column("root", sa.String(2), nullable=False),
        sa.Column("quad_class", sa.Integer),
        sa.Column("goldstein", sa.Float),
        sa.Column("plover", sa.String(32)),
        sa.Column("modality", sa.String(16), nullable=False),
        sa.Column("pair_key", sa.String(80), nullable=False),
        sa.Column("num_mentions", sa.Integer, nullable=False),
        sa.Column("num_articles", sa.Integer, nullable=False),
        sa.Column("num_sources", sa.Integer, nullable=False),
        sa.Column("first_reported", sa.Date),
        sa.Column("first_document", sa.Integer, sa.ForeignKey("documents.id")),
    )
    op.create_index("ix_events_dyad_day", "events", ["source_country", "target_country", "day"])
    op.create_index("ix_events_day", "events", ["day"])
    op.create_index("ix_events_dedup", "events", ["pair_key", "root", "modality", "day"])
    op.create_index("ix_events_code", "events", ["code"])
    op.create_table(
        "mentions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("event_id", sa.Integer, sa.ForeignKey("events.id"), nullable=False),
        sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id"), nullable=False),
        sa.Column("source", sa.String(255), nullable=False),
        sa.Column("code", sa.String(8), nullable=False),
        sa.Column("date", sa.String(10)),
        sa.Column("date_from", sa.String(16)),
        sa.Column("modality", sa.String(16), nullable=False),
        sa.Column("evidence_start", sa.Integer, nullable=False),
        sa.Column("evidence_end", sa.Integer, nullable=False),
        sa.Column("evidence_text", sa.Text, nullable=False),
        sa.Column("trigger", sa.Text),
        sa.Column("attribution", sa.Text),
        sa.Column("record", sa.Text, nullable=False),
    )
    op.create_index("ix_mentions_event_id", "mentions", ["event_id"])
    op.create_index("ix_mentions_document_id", "mentions", ["document_id"])


def downgrade() -> None:
    op.drop_table("mentions")
    op.drop_table("events")
    op.drop_table("documents")
