"""Disclosures (公开记录) and what hangs off them: roster rows, status history, attachments,
villagers' feedback. Also the admin-entered holiday calendar and remembered import mappings.

Rosters can be large (200,000 rows in ten years), so their rows are a table of their own; the
structured content of the other kinds (finance lines, project, decision meetings, 一事一议 plan) is
JSON in `content`, its money as strings, read back as Decimal by the services.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..rules.workflow import INITIAL_STATUS
from .base import Base, Money, Quantity, UTCDateTime, Versioned, utcnow


class Disclosure(Versioned, Base):
    __tablename__ = "disclosure"
    __table_args__ = (
        Index("ix_disclosure_item_period", "item_id", "period"),
        Index("ix_disclosure_status", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("catalog_item.id"))
    # '2026-M11', '2026-Q3', '2026', or an event date '2026-07-18'
    period: Mapped[str] = mapped_column(String(20))
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    event_date: Mapped[date | None] = mapped_column(Date)  # when the information was formed
    kind: Mapped[str] = mapped_column(String(20))  # notice finance roster project decision yishi
    title: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text, default="")
    content: Mapped[dict] = mapped_column(JSON, default=dict)
    columns: Mapped[list] = mapped_column(JSON, default=list)  # roster column set (keys, in order)
    unit: Mapped[str] = mapped_column(String(10), default="元")
    totals: Mapped[dict] = mapped_column(JSON, default=dict)
    status: Mapped[str] = mapped_column(String(20), default=INITIAL_STATUS)  # models.rules.workflow
    drafter: Mapped[str] = mapped_column(String(50))
    reviewer: Mapped[str | None] = mapped_column(String(50))
    review_opinion: Mapped[str | None] = mapped_column(Text)
    reviewed_on: Mapped[date | None] = mapped_column(Date)
    return_reason: Mapped[str | None] = mapped_column(Text)
    posting_start: Mapped[date | None] = mapped_column(Date)
    posting_end: Mapped[date | None] = mapped_column(Date)
    posting_days: Mapped[int | None] = mapped_column(Integer)
    posting_working_days: Mapped[bool] = mapped_column(Boolean, default=False)
    supersedes_id: Mapped[int | None] = mapped_column(ForeignKey("disclosure.id"))
    is_correction: Mapped[bool] = mapped_column(Boolean, default=False)
    search_key: Mapped[str] = mapped_column(Text, default="")  # text + pinyin for list filtering
    row_count: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)

    rows: Mapped[list[RosterRow]] = relationship(
        back_populates="disclosure", order_by="RosterRow.position", cascade="all, delete-orphan")
    history: Mapped[list[StatusChange]] = relationship(
        back_populates="disclosure", order_by="StatusChange.id", cascade="all, delete-orphan")


class RosterRow(Base):
    """One line of a subsidy / relief roster. Personal fields are stored in full (internal roster);
    masking happens when a notice is printed."""

    __tablename__ = "roster_row"
    __table_args__ = (Index("ix_roster_row_disclosure", "disclosure_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    disclosure_id: Mapped[int] = mapped_column(ForeignKey("disclosure.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    group_name: Mapped[str | None] = mapped_column(String(50))  # 村民小组
    name: Mapped[str] = mapped_column(String(50))
    id_number: Mapped[str | None] = mapped_column(String(18))
    household_size: Mapped[int | None] = mapped_column(Integer)
    quantity: Mapped[Decimal | None] = mapped_column(Quantity())  # area / count
    rate: Mapped[Decimal | None] = mapped_column(Quantity())
    amount: Mapped[Decimal | None] = mapped_column(Money())
    remark: Mapped[str | None] = mapped_column(Text)
    extra: Mapped[dict] = mapped_column(JSON, default=dict)  # bank card, branch, phone, custom columns

    disclosure: Mapped[Disclosure] = relationship(back_populates="rows")


class StatusChange(Base):
    __tablename__ = "status_change"

    id: Mapped[int] = mapped_column(primary_key=True)
    disclosure_id: Mapped[int] = mapped_column(ForeignKey("disclosure.id", ondelete="CASCADE"), index=True)
    status: Mapped[str] = mapped_column(String(20))
    by: Mapped[str] = mapped_column(String(50))
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    note: Mapped[str | None] = mapped_column(Text)

    disclosure: Mapped[Disclosure] = relationship(back_populates="history")


class Attachment(Base):
    """A photo of the posted board, a scanned receipt … kept in the data folder with its SHA-256."""

    __tablename__ = "attachment"

    id: Mapped[int] = mapped_column(primary_key=True)
    disclosure_id: Mapped[int] = mapped_column(ForeignKey("disclosure.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # board_photo receipt other
    filename: Mapped[str] = mapped_column(String(255))  # original name, for display
    stored_path: Mapped[str] = mapped_column(String(500))  # relative to the data folder
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)
    description: Mapped[str | None] = mapped_column(Text)
    added_by: Mapped[str] = mapped_column(String(50))
    added_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class Feedback(Versioned, Base):
    """A villager's question or objection (异议) during posting, and its answer."""

    __tablename__ = "feedback"

    id: Mapped[int] = mapped_column(primary_key=True)
    disclosure_id: Mapped[int] = mapped_column(ForeignKey("disclosure.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(Text)
    from_name: Mapped[str | None] = mapped_column(String(50))
    received_on: Mapped[date] = mapped_column(Date)
    answer_due: Mapped[date] = mapped_column(Date)
    answer_text: Mapped[str | None] = mapped_column(Text)
    answered_on: Mapped[date | None] = mapped_column(Date)
    answered_by: Mapped[str | None] = mapped_column(String(50))
    recorded_by: Mapped[str] = mapped_column(String(50))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class CalendarDay(Base):
    """An admin-entered 法定节假日 or 调休上班日, for years the shipped calendar does not know yet."""

    __tablename__ = "calendar_day"

    day: Mapped[date] = mapped_column(Date, primary_key=True)
    kind: Mapped[str] = mapped_column(String(10))  # holiday | workday
    note: Mapped[str | None] = mapped_column(String(100))
    entered_by: Mapped[str] = mapped_column(String(50))


class ImportMapping(Base):
    """The column mapping a clerk confirmed for a catalog item's roster files, reused next time."""

    __tablename__ = "import_mapping"

    item_id: Mapped[int] = mapped_column(ForeignKey("catalog_item.id"), primary_key=True)
    mapping: Mapped[dict] = mapped_column(JSON)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)
