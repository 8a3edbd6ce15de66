"""surveys: questionnaires, forms per respondent and entry pass, double-entry adjudications, and the
catalog items a survey asked for

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07 03:30:00
"""

import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('survey',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('template', sa.String(length=50), nullable=True),
    sa.Column('definition', sa.JSON(), nullable=False),
    sa.Column('created_by', sa.String(length=50), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('updated_by', sa.String(length=50), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_survey'))
    )
    op.create_table('survey_adjudication',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('survey_id', sa.Integer(), nullable=False),
    sa.Column('respondent', sa.Integer(), nullable=False),
    sa.Column('field', sa.String(length=20), nullable=False),
    sa.Column('first', sa.Text(), nullable=False),
    sa.Column('second', sa.Text(), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.Column('decided_by', sa.String(length=50), nullable=False),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['survey_id'], ['survey.id'], name=op.f('fk_survey_adjudication_survey_id_survey'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_survey_adjudication')),
    sa.UniqueConstraint('survey_id', 'respondent', 'field', name='uq_survey_adjudication_field')
    )
    op.create_index(op.f('ix_survey_adjudication_survey_id'), 'survey_adjudication', ['survey_id'], unique=False)
    op.create_table('survey_form',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('survey_id', sa.Integer(), nullable=False),
    sa.Column('respondent', sa.Integer(), nullable=False),
    sa.Column('entry', sa.Integer(), nullable=False),
    sa.Column('group_name', sa.String(length=50), nullable=True),
    sa.Column('answers', sa.JSON(), nullable=False),
    sa.Column('entered_by', sa.String(length=50), nullable=False),
    sa.Column('entered_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('updated_by', sa.String(length=50), nullable=True),
    sa.ForeignKeyConstraint(['survey_id'], ['survey.id'], name=op.f('fk_survey_form_survey_id_survey'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_survey_form')),
    sa.UniqueConstraint('survey_id', 'respondent', 'entry', name='uq_survey_form_respondent_entry')
    )
    op.create_index('ix_survey_form_survey_entry', 'survey_form', ['survey_id', 'entry'], unique=False)
    op.create_table('survey_demand',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('survey_id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('action', sa.String(length=10), nullable=False),
    sa.Column('question', sa.Integer(), nullable=True),
    sa.Column('letter', sa.String(length=2), nullable=True),
    sa.Column('topic', sa.Text(), nullable=False),
    sa.Column('count', sa.Integer(), nullable=False),
    sa.Column('percent', sa.String(length=10), nullable=False),
    sa.Column('recorded_by', sa.String(length=50), nullable=False),
    sa.Column('recorded_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['item_id'], ['catalog_item.id'], name=op.f('fk_survey_demand_item_id_catalog_item')),
    sa.ForeignKeyConstraint(['survey_id'], ['survey.id'], name=op.f('fk_survey_demand_survey_id_survey'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_survey_demand'))
    )
    op.create_index(op.f('ix_survey_demand_item_id'), 'survey_demand', ['item_id'], unique=False)
    op.create_index(op.f('ix_survey_demand_survey_id'), 'survey_demand', ['survey_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_survey_demand_survey_id'), table_name='survey_demand')
    op.drop_index(op.f('ix_survey_demand_item_id'), table_name='survey_demand')
    op.drop_table('survey_demand')
    op.drop_index('ix_survey_form_survey_entry', table_name='survey_form')
    op.drop_table('survey_form')
    op.drop_index(op.f('ix_survey_adjudication_survey_id'), table_name='survey_adjudication')
    op.drop_table('survey_adjudication')
    op.drop_table('survey')
