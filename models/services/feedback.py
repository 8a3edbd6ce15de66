"""Villagers' questions and objections (异议) about a posted notice, and the committee's answers.

A question is recorded against a disclosure that has been posted (status ``posted``, ``expired`` or
``archived``: objections arise during posting, and some arrive after it); a draft, submitted,
approved or returned record has not been shown to anyone and is refused — the workflow table's
``feedback`` rows (models.rules.workflow) say so. The answer is due
``feedback_answer_days`` (default 10) days after receipt — calendar days, or working days when
``feedback_answer_working`` is true (some rules say "a week", some count working days). Both are
installation settings in the ``setting`` table.

As of a day ``today``: a question is *overdue* when it has no answer by ``today`` and
``today > answer_due``; an answered one is *answered late* when ``answered_on > answer_due``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..entities import Disclosure, Feedback
from ..errors import NotFound, StateError, ValidationError
from ..rules import text as T
from ..rules import workflow as W
from .calendar import load_calendar
from .context import ServiceContext
from .settings import DEFAULT_ANSWER_DAYS, SETTINGS, answer_days_problems, read_setting, write_setting
from .versions import check_version, stamp

ANSWER_DAYS = SETTINGS["feedback.answer_days"]  # the registry entry: storage, rule, default
ANSWER_WORKING_KEY = "feedback_answer_working"
DEFAULT_ANSWER_WORKING = False


# --- installation settings (JSON text in the `setting` table) -----------------------------------
@dataclass(frozen=True)
class FeedbackSettings:
    answer_days: int = DEFAULT_ANSWER_DAYS
    answer_working: bool = DEFAULT_ANSWER_WORKING

    @property
    def describe(self) -> str:
        return f"收到后{self.answer_days}{'个工作日' if self.answer_working else '日'}内答复"


@dataclass(frozen=True)
class FeedbackData:
    id: int
    disclosure_id: int
    disclosure_title: str
    text: str
    from_name: str | None
    received_on: date
    answer_due: date
    answer_text: str | None
    answered_on: date | None
    answered_by: str | None
    recorded_by: str
    overdue: bool  # no answer by the as-of day and that day is after answer_due
    answered_late: bool  # answered after answer_due
    version: int = 1  # what an answer dialog passes back as expected_version

    @property
    def answered(self) -> bool:
        return self.answered_on is not None

    @property
    def state(self) -> str:
        """open | overdue | answered | answered_late"""
        if self.overdue:
            return "overdue"
        if self.answered_on is None:
            return "open"
        return "answered_late" if self.answered_late else "answered"

    @property
    def state_label(self) -> str:
        return {"open": "待答复", "overdue": "逾期未答复", "answered": "已答复",
                "answered_late": "逾期答复"}[self.state]

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "disclosure_id": self.disclosure_id,
            "text": self.text,
            "from": self.from_name,
            "received": self.received_on.isoformat(),
            "answer_due": self.answer_due.isoformat(),
            "answered_on": self.answered_on.isoformat() if self.answered_on else None,
            "answer": self.answer_text,
            "overdue": self.overdue,
            "answered_late": self.answered_late,
            "disclosure_title": self.disclosure_title,
        }


def _data(row: Feedback, title: str, today: date) -> FeedbackData:
    answered_by_today = row.answered_on is not None and row.answered_on <= today
    return FeedbackData(
        id=row.id, disclosure_id=row.disclosure_id, disclosure_title=title, text=row.text,
        from_name=row.from_name, received_on=row.received_on, answer_due=row.answer_due,
        answer_text=row.answer_text, answered_on=row.answered_on, answered_by=row.answered_by,
        recorded_by=row.recorded_by,
        overdue=not answered_by_today and today > row.answer_due,
        answered_late=row.answered_on is not None and row.answered_on > row.answer_due,
        version=row.version,
    )


class FeedbackService:
    """Record villagers' questions on posted notices, answer them, and list what awaits an answer."""

    def __init__(self, ctx: ServiceContext, *, clock: Callable[[], date] | None = None):
        self.ctx = ctx
        self._clock = clock or date.today

    # --- settings ---------------------------------------------------------------------------
    def settings(self) -> FeedbackSettings:
        with self.ctx.read() as s:
            return self._settings(s)

    @staticmethod
    def _settings(session: Session) -> FeedbackSettings:
        working = read_setting(session, ANSWER_WORKING_KEY, DEFAULT_ANSWER_WORKING)
        return FeedbackSettings(answer_days=ANSWER_DAYS.load(session), answer_working=bool(working))

    def set_settings(self, *, answer_days: int | None = None,
                     answer_working: bool | None = None) -> FeedbackSettings:
        """Change the answer deadline for questions recorded from now on (existing ones keep theirs)."""
        if answer_days is not None and (problems := answer_days_problems(answer_days, date.today())):
            raise ValidationError.single(problems[0])
        with self.ctx.write("settings.feedback", target_type="setting", target_id="feedback",
                            permission="settings.edit") as w:
            if answer_days is not None:
                ANSWER_DAYS.store(w.session, answer_days)
            if answer_working is not None:
                write_setting(w.session, ANSWER_WORKING_KEY, bool(answer_working))
            w.session.flush()
            result = self._settings(w.session)
            w.detail = {"answer_days": result.answer_days, "answer_working": result.answer_working}
            return result

    # --- writing ----------------------------------------------------------------------------
    def add(self, disclosure_id: int, text: str, received: date | None = None,
            from_name: str | None = None) -> FeedbackData:
        """Record a question or objection; its answer is due per the settings."""
        today = self._clock()
        received = received or today
        text = T.normalize_free_text(text or "").strip()
        from_name = T.normalize_name(from_name or "") or None
        unfit = T.free_text_problem(text, "意见内容") or (from_name and T.name_problem(from_name, "反映人姓名"))
        if unfit:
            raise ValidationError.single(unfit)
        if not text:
            raise ValidationError.single("意见内容不能为空")
        if from_name and len(from_name) > 50:
            raise ValidationError.single("反映人姓名不能超过 50 个字")
        if received > today:
            raise ValidationError.single(f"收到日期 {received.isoformat()} 晚于今天，不能登记")
        with self.ctx.write("feedback.add", target_type="disclosure", target_id=str(disclosure_id),
                            permission=W.action("feedback").permission) as w:
            s = w.session
            disclosure = s.get(Disclosure, disclosure_id)
            if disclosure is None:
                raise NotFound(f"没有编号为 {disclosure_id} 的公开记录")
            W.enforce("feedback", W.RecordFacts(
                disclosure.id, W.effective_status(disclosure.status, disclosure.posting_end, today),
                posting_start=disclosure.posting_start, posting_end=disclosure.posting_end))
            if disclosure.posting_start and received < disclosure.posting_start:
                raise ValidationError.single(
                    f"收到日期 {received.isoformat()} 早于公示开始日 {disclosure.posting_start.isoformat()}")
            settings = self._settings(s)
            if settings.answer_working:
                due = load_calendar(s).add_workdays(received, settings.answer_days)
            else:
                due = received + timedelta(days=settings.answer_days)
            row = Feedback(disclosure_id=disclosure_id, text=text, from_name=from_name, received_on=received,
                           answer_due=due, recorded_by=self.ctx.actor.name)
            s.add(row)
            s.flush()
            w.target_type, w.target_id = "feedback", str(row.id)
            w.detail = {"disclosure_id": disclosure_id, "received": received, "answer_due": due,
                        "from": from_name, "text": text}
            return _data(row, disclosure.title, today)

    def answer(self, feedback_id: int, text: str, on: date | None = None,
               expected_version: int | None = None) -> FeedbackData:
        today = date.today()
        on = on or today
        text = T.normalize_free_text(text or "").strip()
        if unfit := T.free_text_problem(text, "答复内容"):
            raise ValidationError.single(unfit)
        if not text:
            raise ValidationError.single("答复内容不能为空")
        if on > today:
            raise ValidationError.single(f"答复日期 {on.isoformat()} 晚于今天")
        with self.ctx.write("feedback.answer", target_type="feedback", target_id=str(feedback_id),
                            permission="feedback.edit") as w:
            s = w.session
            row = s.get(Feedback, feedback_id)
            if row is None:
                raise NotFound(f"没有编号为 {feedback_id} 的群众意见")
            if row.answered_on is not None:
                by = f"由 {row.answered_by} " if row.answered_by else ""
                raise StateError(f"意见 {feedback_id} 已{by}于 {row.answered_on.isoformat()} 答复，不能重复答复")
            check_version(row, expected_version)
            if on < row.received_on:
                raise ValidationError.single(
                    f"答复日期 {on.isoformat()} 早于收到日期 {row.received_on.isoformat()}")
            row.answer_text, row.answered_on, row.answered_by = text, on, self.ctx.actor.name
            stamp(row, self.ctx.actor.name)
            s.flush()
            w.detail = {"answered_on": on, "text": text, "late": on > row.answer_due}
            title = s.execute(select(Disclosure.title).where(Disclosure.id == row.disclosure_id)).scalar_one()
            return _data(row, title, today)

    # --- reading ----------------------------------------------------------------------------
    def get(self, feedback_id: int, today: date | None = None) -> FeedbackData:
        today = today or date.today()
        with self.ctx.read() as s:
            found = s.execute(select(Feedback, Disclosure.title).join(Disclosure, Disclosure.id == Feedback.disclosure_id)
                              .where(Feedback.id == feedback_id)).first()
            if found is None:
                raise NotFound(f"没有编号为 {feedback_id} 的群众意见")
            return _data(found[0], found[1], today)

    def list(self, overdue_only: bool = False, today: date | None = None, *,
             disclosure_id: int | None = None, unanswered_only: bool = False) -> list[FeedbackData]:
        """Questions by receipt date (oldest first), flags computed as of ``today``.

        ``overdue_only``: unanswered past their due date; ``unanswered_only``: not answered by ``today``.
        """
        today = today or date.today()
        with self.ctx.read() as s:
            stmt = (select(Feedback, Disclosure.title).join(Disclosure, Disclosure.id == Feedback.disclosure_id)
                    .order_by(Feedback.received_on, Feedback.id))
            if disclosure_id is not None:
                stmt = stmt.where(Feedback.disclosure_id == disclosure_id)
            if overdue_only:
                stmt = stmt.where(Feedback.answer_due < today)
            if overdue_only or unanswered_only:
                stmt = stmt.where(Feedback.received_on <= today).where(
                    (Feedback.answered_on.is_(None)) | (Feedback.answered_on > today))
            out = [_data(row, title, today) for row, title in s.execute(stmt)]
        if overdue_only:
            out = [f for f in out if f.overdue]
        return out
