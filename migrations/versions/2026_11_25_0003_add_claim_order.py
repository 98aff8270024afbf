"""add claim order: the keys /claims groups and pages by, stored on figures and indexed

``object_head``, ``claim_start`` and ``claim_end`` are computed at write time (app/claims/order.py);
existing figures are filled here in batches. The index is an expression index (NULL subjects sort
as 0 on both databases), so it is raw SQL, hidden from autogenerate like the full-text indexes.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25 19:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

from app.claims.order import CLAIM_ORDER_COLUMNS, claim_keys
from app.models.figure import CLAIM_ORDER_INDEX, NO_DATE

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BATCH = 5000


def upgrade() -> None:
    with op.batch_alter_table("figures", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("object_head", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False, server_default="")
        )
        batch_op.add_column(sa.Column("claim_start", sa.Date(), nullable=False, server_default=str(NO_DATE)))
        batch_op.add_column(sa.Column("claim_end", sa.Date(), nullable=False, server_default=str(NO_DATE)))
    bind = op.get_bind()
    figures = sa.table(
        "figures",
        sa.column("id"),
        sa.column("object"),
        sa.column("period_start", sa.Date()),
        sa.column("period_end", sa.Date()),
        sa.column("article_id"),
        sa.column("object_head"),
        sa.column("claim_start", sa.Date()),
        sa.column("claim_end", sa.Date()),
    )
    articles = sa.table("articles", sa.column("id"), sa.column("published_at", sa.DateTime()))
    last = 0
    while True:
        rows = bind.execute(
            sa.select(
                figures.c.id, figures.c.object, figures.c.period_start, figures.c.period_end, articles.c.published_at
            )
            .select_from(figures.join(articles, articles.c.id == figures.c.article_id))
            .where(figures.c.id > last)
            .order_by(figures.c.id)
            .limit(BATCH)
        ).all()
        if not rows:
            break
        bind.execute(
            figures.update()
            .where(figures.c.id == sa.bindparam("fid"))
            .values(object_head=sa.bindparam("head"), claim_start=sa.bindparam("start"), claim_end=sa.bindparam("end")),
            [
                dict(zip(("head", "start", "end"), claim_keys(obj, start, end, published), strict=True), fid=fid)
                for fid, obj, start, end, published in rows
            ],
        )
        last = rows[-1][0]
    op.execute(f"CREATE INDEX {CLAIM_ORDER_INDEX} ON figures ({CLAIM_ORDER_COLUMNS})")


def downgrade() -> None:
    op.execute(f"DROP INDEX IF EXISTS {CLAIM_ORDER_INDEX}")
    with op.batch_alter_table("figures", schema=None) as batch_op:
        batch_op.drop_column("claim_end")
        batch_op.drop_column("claim_start")
        batch_op.drop_column("object_head")
