"""foundation: installation, settings, catalog, audit

Revision ID: 0001
Revises: 
Create Date: 2026-11-26 04:02:13.389463
"""

from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table('audit_event',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('actor', sa.String(length=50), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('action', sa.String(length=60), nullable=False),
    sa.Column('target_type', sa.String(length=40), nullable=True),
    sa.Column('target_id', sa.String(length=60), nullable=True),
    sa.Column('detail', sa.JSON(), nullable=False),
    sa.Column('prev_hash', sa.String(length=64), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_event'))
    )
    with op.batch_alter_table('audit_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_event_target_id'), ['target_id'], unique=False)

    op.create_table('catalog_group',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('category', sa.String(length=20), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_catalog_group'))
    )
    op.create_table('installation',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('mode', sa.String(length=16), nullable=False),
    sa.Column('code', sa.String(length=12), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('township', sa.String(length=100), nullable=True),
    sa.Column('operator', sa.String(length=50), nullable=False),
    sa.Column('template_id', sa.String(length=50), nullable=True),
    sa.Column('consulted_on', sa.Date(), nullable=True),
    sa.Column('adopted_on', sa.Date(), nullable=True),
    sa.Column('adopted_by', sa.String(length=100), nullable=True),
    sa.Column('adoption_note', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_installation'))
    )
    op.create_table('setting',
    sa.Column('key', sa.String(length=100), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_setting'))
    )
    op.create_table('catalog_item',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=30), nullable=False),
    sa.Column('group_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('content', sa.Text(), nullable=False),
    sa.Column('basis', sa.Text(), nullable=False),
    sa.Column('timing', sa.JSON(), nullable=False),
    sa.Column('timing_text', sa.Text(), nullable=False),
    sa.Column('publisher', sa.String(length=100), nullable=False),
    sa.Column('channels', sa.JSON(), nullable=False),
    sa.Column('audience', sa.String(length=20), nullable=False),
    sa.Column('mode', sa.String(length=20), nullable=False),
    sa.Column('level', sa.String(length=20), nullable=False),
    sa.Column('domain', sa.String(length=50), nullable=True),
    sa.Column('five_public', sa.JSON(), nullable=False),
    sa.Column('posting_days', sa.Integer(), nullable=False),
    sa.Column('posting_working_days', sa.Boolean(), nullable=False),
    sa.Column('roster_preset', sa.String(length=50), nullable=True),
    sa.Column('default_kind', sa.String(length=20), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['group_id'], ['catalog_group.id'], name=op.f('fk_catalog_item_group_id_catalog_group')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_catalog_item')),
    sa.UniqueConstraint('code', name=op.f('uq_catalog_item_code'))
    )



def downgrade() -> None:

    op.drop_table('catalog_item')
    op.drop_table('setting')
    op.drop_table('installation')
    op.drop_table('catalog_group')
    with op.batch_alter_table('audit_event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_event_target_id'))

    op.drop_table('audit_event')

