"""exact numbers: roster quantities, rates and amounts stored as canonical decimal text

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07 03:40:00

SQLite has no decimal type: ``Numeric`` columns hold REAL there, which cannot keep
12345678901234.5678 (or 0.1) exactly. The three roster_row number columns become text holding the
exact decimal ("1200.50", "11211.57"); models.entities.base.ExactDecimal reads them back as Decimal.

Each stored value is converted as the app read it until now (SQLAlchemy's Numeric rounds the REAL
to the column's scale: "%.2f" for amounts, "%.4f" for quantities and rates), so what a clerk saw,
what was sealed and what is stored stay the same number. The spelling is written here, not imported:
a migration must not change when the app's code does.
"""

from decimal import Decimal

from alembic import op
import sqlalchemy as sa


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None

# column → (scale the app read it with, fewest decimals written)
_COLUMNS = {'quantity': (4, 0), 'rate': (4, 0), 'amount': (2, 2)}


def _text(value, scale: int, places: int):
    if value is None:
        return None
    if isinstance(value, float):
        number = Decimal('%.*f' % (scale, value))
    else:  # INTEGER, or text SQLite could not turn into a number
        try:
            number = Decimal(str(value).strip())
        except ArithmeticError:
            return str(value)
        if not number.is_finite():
            return str(value)
        number = number.quantize(Decimal(1).scaleb(-scale))
    number = number.normalize()
    if number.is_zero():
        number = Decimal(0)
    exponent = number.as_tuple().exponent
    if exponent > -places:
        number = number.quantize(Decimal(1).scaleb(-places))
    return format(number, 'f')


def upgrade() -> None:
    bind = op.get_bind()
    old = bind.execute(sa.text('SELECT id, quantity, rate, amount FROM roster_row')).fetchall()
    with op.batch_alter_table('roster_row', schema=None) as batch_op:
        batch_op.alter_column('quantity', existing_type=sa.Numeric(18, 4), type_=sa.String(48))
        batch_op.alter_column('rate', existing_type=sa.Numeric(18, 4), type_=sa.String(48))
        batch_op.alter_column('amount', existing_type=sa.Numeric(16, 2), type_=sa.String(48))
    params = []
    for row_id, *values in old:
        texts = {key: _text(v, *_COLUMNS[key]) for key, v in zip(_COLUMNS, values)}
        params.append({'id': row_id, **texts})
    if params:
        bind.execute(sa.text('UPDATE roster_row SET quantity = :quantity, rate = :rate, amount = :amount '
                             'WHERE id = :id'), params)


def downgrade() -> None:
    with op.batch_alter_table('roster_row', schema=None) as batch_op:
        batch_op.alter_column('amount', existing_type=sa.String(48), type_=sa.Numeric(16, 2))
        batch_op.alter_column('rate', existing_type=sa.String(48), type_=sa.Numeric(18, 4))
        batch_op.alter_column('quantity', existing_type=sa.String(48), type_=sa.Numeric(18, 4))
