"""The one row that says what this database is: a village or a township, its code and names."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, UTCDateTime, Versioned, utcnow


class Installation(Base):
    __tablename__ = "installation"

    id: Mapped[int] = mapped_column(primary_key=True)
    mode: Mapped[str] = mapped_column(String(16))  # village | township
    code: Mapped[str] = mapped_column(String(12))  # 统计用区划代码: 12 digits village, 9 township
    name: Mapped[str] = mapped_column(String(100))
    township: Mapped[str | None] = mapped_column(String(100))
    operator: Mapped[str] = mapped_column(String(50))
    template_id: Mapped[str | None] = mapped_column(String(50))
    # Catalog adoption: 部门梳理、乡镇会商、村级认可.
    consulted_on: Mapped[date | None] = mapped_column(Date)
    adopted_on: Mapped[date | None] = mapped_column(Date)
    adopted_by: Mapped[str | None] = mapped_column(String(100))
    adoption_note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class Setting(Versioned, Base):
    """Installation-wide settings that belong with the data (not per-user GUI state), as JSON text."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
