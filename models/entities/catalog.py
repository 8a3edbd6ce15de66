"""The disclosure catalog (公开事项清单) in the national standard-catalog columns."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Boolean, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, UTCDateTime, Versioned, utcnow


class CatalogGroup(Base):
    """一级事项, filed under one of 党务 / 村务 / 财务 (or another category)."""

    __tablename__ = "catalog_group"

    id: Mapped[int] = mapped_column(primary_key=True)
    category: Mapped[str] = mapped_column(String(20), default="村务")
    name: Mapped[str] = mapped_column(String(100))
    position: Mapped[int] = mapped_column(Integer, default=0)

    items: Mapped[list[CatalogItem]] = relationship(back_populates="group", order_by="CatalogItem.position")


class CatalogItem(Versioned, Base):
    """二级事项: one thing the village must disclose, with its rule of when and how."""

    __tablename__ = "catalog_item"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(30), unique=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("catalog_group.id"))
    name: Mapped[str] = mapped_column(String(200))
    content: Mapped[str] = mapped_column(Text, default="")  # 公开内容（要素）
    basis: Mapped[str] = mapped_column(Text, default="")  # 公开依据
    timing: Mapped[dict] = mapped_column(JSON)  # structured 公开时限, see models.rules.timing
    timing_text: Mapped[str] = mapped_column(Text, default="")  # the printed wording
    publisher: Mapped[str] = mapped_column(String(100), default="村民委员会")  # 公开主体
    channels: Mapped[list] = mapped_column(JSON, default=list)  # 公开渠道和载体 ticks
    audience: Mapped[str] = mapped_column(String(20), default="全社会")  # 公开对象
    mode: Mapped[str] = mapped_column(String(20), default="主动")  # 公开方式
    level: Mapped[str] = mapped_column(String(20), default="村级")  # 公开层级
    domain: Mapped[str | None] = mapped_column(String(50))  # 领域 (optional)
    five_public: Mapped[list] = mapped_column(JSON, default=list)  # 五公开 ticks
    posting_days: Mapped[int] = mapped_column(Integer, default=7)  # minimum 公示期
    posting_working_days: Mapped[bool] = mapped_column(Boolean, default=False)
    roster_preset: Mapped[str | None] = mapped_column(String(50))
    default_kind: Mapped[str] = mapped_column(String(20), default="notice")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)

    group: Mapped[CatalogGroup] = relationship(back_populates="items")
