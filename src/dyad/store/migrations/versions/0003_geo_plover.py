"""Where each event happened (GDELT's ActionGeo fields and where the place came from) and its
PLOVER mode and contexts; events stored before have none (their reports' records are re-read
when they are ingested again, not by this migration).

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

COLUMNS = (
    ("geo_name", sa.String(200)), ("geo_country", sa.String(8)), ("geo_adm1", sa.String(16)),
    ("geo_lat", sa.Float), ("geo_lon", sa.Float), ("geo_geonameid", sa.Integer), ("geo_feature", sa.String(8)),
    ("geo_from", sa.String(16)), ("mode", sa.String(32)), ("contexts", sa.String(255)),
)  # fmt: skip


def upgrade() -> None:
    with op.batch_alter_table("events") as batch:
        for name, kind in COLUMNS:
            batch.add_column(sa.Column(name, kind))
    op.create_index("ix_events_geo_country", "events", ["geo_country", "day"])
    op.create_index("ix_events_geo_point", "events", ["geo_lat", "geo_lon"])


def downgrade() -> None:
    op.drop_index("ix_events_geo_point", "events")
    op.drop_index("ix_events_geo_country", "events")
    with op.batch_alter_table("events") as batch:
        for name, _ in reversed(COLUMNS):
            batch.drop_column(name)
