"""audit events name the key that signed them

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-07 00:30:00
"""

from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # NULL: an event from before the chain was keyed (plain SHA-256), verified as it was written.
    with op.batch_alter_table('audit_event') as batch:
        batch.add_column(sa.Column('key_id', sa.String(length=16), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('audit_event') as batch:
        batch.drop_column('key_id')
