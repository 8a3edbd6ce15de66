"""record versions: a counter on every editable record, and who changed it last

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-07 00:30:00

Two windows (or a window and the CLI) editing one record must never silently overwrite each other:
each UPDATE carries ``WHERE version = <the version read>``. Existing rows start at version 1.
"""

from alembic import op
import sqlalchemy as sa


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

_TABLES = ('disclosure', 'catalog_item', 'feedback', 'setting')


def upgrade() -> None:
    for table in _TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column('version', sa.Integer(), server_default='1', nullable=False))
            batch_op.add_column(sa.Column('updated_by', sa.String(length=50), nullable=True))
            if table in ('feedback', 'setting'):
                batch_op.add_column(sa.Column('updated_at', sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    for table in reversed(_TABLES):
        with op.batch_alter_table(table, schema=None) as batch_op:
            if table in ('feedback', 'setting'):
                batch_op.drop_column('updated_at')
            batch_op.drop_column('updated_by')
            batch_op.drop_column('version')
