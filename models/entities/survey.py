"""Opinion surveys (民意调查): the questionnaire, the forms typed from paper, double-entry
adjudications and the catalog items a survey asked for.

A form is stored per respondent number and entry pass (1 = first typing, 2 = the blind second
typing); its answers are the canonical cell texts of models.rules.survey (``{"1": "B", "2": "ACD",
"2_other": "…"}``). Never a name or an ID number: the respondent is a number, the group optional.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, UTCDateTime, Versioned, utcnow


class Survey(Versioned, Base):
    __tablename__ = "survey"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    template: Mapped[str | None] = mapped_column(String(50))  # the shipped template it started from
    definition: Mapped[dict] = mapped_column(JSON)  # the questionnaire (survey file format, cli.md)
    created_by: Mapped[str] = mapped_column(String(50))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)


class SurveyForm(Versioned, Base):
    """One paper form as typed in one entry pass."""

    __tablename__ = "survey_form"
    __table_args__ = (
        UniqueConstraint("survey_id", "respondent", "entry", name="uq_survey_form_respondent_entry"),
        Index("ix_survey_form_survey_entry", "survey_id", "entry"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    survey_id: Mapped[int] = mapped_column(ForeignKey("survey.id", ondelete="CASCADE"))
    respondent: Mapped[int] = mapped_column(Integer)
    entry: Mapped[int] = mapped_column(Integer, default=1)  # 1 first typing, 2 second (blind) typing
    group_name: Mapped[str | None] = mapped_column(String(50))  # 村民小组
    answers: Mapped[dict] = mapped_column(JSON, default=dict)
    entered_by: Mapped[str] = mapped_column(String(50))
    entered_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class SurveyAdjudication(Base):
    """The clerk's decision on one field where the two entries of a form differ. It holds the two
    values it decided between: when either entry changes that field later, it no longer applies."""

    __tablename__ = "survey_adjudication"
    __table_args__ = (
        UniqueConstraint("survey_id", "respondent", "field", name="uq_survey_adjudication_field"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    survey_id: Mapped[int] = mapped_column(ForeignKey("survey.id", ondelete="CASCADE"), index=True)
    respondent: Mapped[int] = mapped_column(Integer)
    field: Mapped[str] = mapped_column(String(20))  # group, Q3, Q3_other
    first: Mapped[str] = mapped_column(Text, default="")
    second: Mapped[str] = mapped_column(Text, default="")
    value: Mapped[str] = mapped_column(Text, default="")
    decided_by: Mapped[str] = mapped_column(String(50))
    decided_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class SurveyDemand(Base):
    """A catalog item villagers asked for in a survey: added to the catalog from a requested topic,
    or an existing item marked as in demand."""

    __tablename__ = "survey_demand"

    id: Mapped[int] = mapped_column(primary_key=True)
    survey_id: Mapped[int] = mapped_column(ForeignKey("survey.id", ondelete="CASCADE"), index=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("catalog_item.id"), index=True)
    action: Mapped[str] = mapped_column(String(10))  # added | marked
    question: Mapped[int | None] = mapped_column(Integer)
    letter: Mapped[str | None] = mapped_column(String(2))
    topic: Mapped[str] = mapped_column(Text, default="")  # what villagers asked, as the survey put it
    count: Mapped[int] = mapped_column(Integer, default=0)
    percent: Mapped[str] = mapped_column(String(10), default="")
    recorded_by: Mapped[str] = mapped_column(String(50))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
