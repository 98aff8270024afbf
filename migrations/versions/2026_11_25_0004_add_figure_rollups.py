"""add figure rollups: count, sum, min and max per day and per month bucket, for /figures/summary

Existing figures are counted in here, in SQL; from then on the write path keeps the rollups
(app/figures/rollups.py).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25 19:10:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = '0004'
down_revision: str | None = '0003'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NO_DATE = "9999-12-31"  # as app/models/figure.py: a figure without a date


def upgrade() -> None:
    op.create_table('figure_rollups',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('grain', sqlmodel.sql.sqltypes.AutoString(length=5), nullable=False),
    sa.Column('bucket', sa.Date(), nullable=False),
    sa.Column('category', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('claimant_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('subject_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('source', sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
    sa.Column('count', sa.Integer(), nullable=False),
    sa.Column('sum', sa.Float(), nullable=False),
    sa.Column('min', sa.Float(), nullable=False),
    sa.Column('max', sa.Float(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_figure_rollups')),
    sa.UniqueConstraint('grain', 'category', 'bucket', 'claimant_id', 'subject_id', 'source', name='uq_figure_rollups_key')
    )
    with op.batch_alter_table('figures', schema=None) as batch_op:
        batch_op.create_index('ix_figures_claim_start_category', ['claim_start', 'category'], unique=False)

    if op.get_bind().dialect.name == "sqlite":
        month = f"CASE WHEN f.claim_start = '{NO_DATE}' THEN f.claim_start ELSE date(f.claim_start, 'start of month') END"
    else:
        month = f"CASE WHEN f.claim_start = DATE '{NO_DATE}' THEN f.claim_start ELSE date_trunc('month', f.claim_start)::date END"
    for grain, bucket in (("day", "f.claim_start"), ("month", month)):
        op.execute(
            "INSERT INTO figure_rollups (grain, bucket, category, claimant_id, subject_id, source, count, sum, min, max) "
            f"SELECT '{grain}', {bucket}, f.category, coalesce(f.claimant_id, 0), coalesce(f.subject_id, 0), "
            "coalesce(a.source, ''), count(*), sum(f.value), min(f.value), max(f.value) "
            "FROM figures f JOIN articles a ON a.id = f.article_id "
            f"GROUP BY {bucket}, f.category, coalesce(f.claimant_id, 0), coalesce(f.subject_id, 0), coalesce(a.source, '')"
        )


def downgrade() -> None:
    with op.batch_alter_table('figures', schema=None) as batch_op:
        batch_op.drop_index('ix_figures_claim_start_category')
    op.drop_table('figure_rollups')
