"""Declarative base and the column types every entity shares."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from sqlalchemy import DateTime, Integer, MetaData, String, TypeDecorator
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

from ..rules.money import decimal_from_text, decimal_text

# Named constraints so Alembic batch migrations on SQLite can address them.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class UTCDateTime(TypeDecorator):
    """Timezone-aware UTC timestamps on every backend (SQLite keeps no zone of its own)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given where UTC is required")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


class ExactDecimal(TypeDecorator):
    """A Decimal stored exactly, as its canonical text ("1200.50", "11211.57").

    SQLite has no decimal type: ``Numeric`` there is REAL, which cannot hold 12345678901234.5678
    (or 0.1) exactly. Text keeps every digit on every backend; nothing sums or sorts these columns
    in SQL (totals are computed in Python, see models.rules.roster). ``places`` is the fewest
    decimals written (money keeps its two); more are kept when the value has them (万元 to the fen).
    """

    impl = String(48)
    cache_ok = True

    def __init__(self, places: int = 0):
        super().__init__()
        self.places = places

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        return decimal_text(value if isinstance(value, Decimal) else Decimal(str(value)), self.places)

    def process_result_value(self, value, dialect):
        return None if value is None else decimal_from_text(value)


def Money() -> ExactDecimal:  # noqa: N802 - reads like a type at the use site
    """Money, always Decimal in Python, stored exactly with at least two decimals."""
    return ExactDecimal(2)


def Quantity() -> ExactDecimal:  # noqa: N802
    """Areas, rates and counts that may carry more decimals than money (11211.57 亩, 18.34 元/亩)."""
    return ExactDecimal(0)


def utcnow() -> datetime:
    return datetime.now(UTC)


class Versioned:
    """A record two windows may edit: a counter every UPDATE checks (``WHERE version = <read>``,
    SQLAlchemy's ``version_id_col``; no row updated → StaleDataError) and who changed it last.
    See models.services.versions."""

    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    updated_by: Mapped[str | None] = mapped_column(String(50))

    @declared_attr.directive
    def __mapper_args__(cls) -> dict:  # noqa: N805 - SQLAlchemy's declared_attr signature
        return {"version_id_col": cls.__table__.c.version}


__all__ = ["Base", "UTCDateTime", "ExactDecimal", "Money", "Quantity", "Versioned", "utcnow", "Decimal"]
