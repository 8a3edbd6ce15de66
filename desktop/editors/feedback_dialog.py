"""群众意见: recording a villager's question or objection on a posted notice, and answering it.

`FeedbackDialog` records one (the text, who raised it, when it came in); `AnswerDialog` answers
one. Both save through a callback into `FeedbackService` and stay open with the service's reason
when it refuses (an empty text, a date in the future, a record not yet posted). Enter in a
single-line field or Ctrl+S saves; Tab leaves the multi-line fields; Esc cancels.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QWidget

from models.services.feedback import FeedbackData

from .. import clock
from ..formats import cn_date
from .workflow_dialogs import _StepDialog, date_edit, qdate


class FeedbackDialog(_StepDialog):
    """登记意见 on one posted record."""

    def __init__(self, headline: str, save: Callable[[str, str, date], Any], *, deadline_text: str = "",
                 earliest: date | None = None, parent: QWidget | None = None):
        super().__init__(headline, "", parent)
        self.ok_button.setText(self.tr("登记"))
        self.setWindowTitle(self.tr("登记群众意见"))
        self.error_title = self.tr("未能登记")
        self._save = save
        self.text_edit = QPlainTextEdit()
        self.text_edit.setTabChangesFocus(True)
        self.text_edit.setPlaceholderText(self.tr("村民提出的问题或异议，照原意记录"))
        self.text_edit.setMinimumSize(380, 100)
        self.text_edit.setAccessibleName(self.tr("意见内容"))
        self.from_edit = QLineEdit()
        self.from_edit.setMaxLength(50)
        self.from_edit.setPlaceholderText(self.tr("可不填（匿名）"))
        self.received_edit = date_edit(clock.today())
        self.received_edit.setMaximumDate(qdate(clock.today()))
        if earliest is not None:
            self.received_edit.setMinimumDate(qdate(earliest))
        self._row(self.tr("意见内容"), self.text_edit)
        self._row(self.tr("反映人"), self.from_edit)
        self._row(self.tr("收到日期"), self.received_edit)
        if deadline_text:
            note = QLabel(self.tr("答复期限：%1").replace("%1", deadline_text))
            note.setStyleSheet("color: gray;")
            self.form.addRow("", note)
        self._chain([self.text_edit, self.from_edit, self.received_edit])
        self.text_edit.setFocus()

    def run(self) -> Any:
        return self._save(self.text_edit.toPlainText().strip(), self.from_edit.text().strip(),
                          self.received_edit.date().toPython())

    def focus_after_error(self) -> QWidget | None:
        return self.text_edit if not self.text_edit.toPlainText().strip() else self.received_edit


class AnswerDialog(_StepDialog):
    """答复 one question: the answer and the day it was given."""

    def __init__(self, feedback: FeedbackData, save: Callable[[str, date], Any], parent: QWidget | None = None):
        super().__init__("", "", parent)
        self.ok_button.setText(self.tr("保存答复"))
        who = feedback.from_name or self.tr("（未留名）")
        headline = self.tr("公开记录 #%1“%2”\n%3收到（%4），应于%5前答复")
        self.headline.setText(
            headline.replace("%1", str(feedback.disclosure_id)).replace("%2", feedback.disclosure_title)
            .replace("%3", cn_date(feedback.received_on)).replace("%4", who).replace("%5", cn_date(feedback.answer_due)))
        self.setWindowTitle(self.tr("答复群众意见"))
        self.error_title = self.tr("未能保存答复")
        self.feedback = feedback
        self._save = save
        if feedback.overdue:
            self.headline.setStyleSheet("color: #c62828;")
        self.question = QLabel(feedback.text)
        self.question.setWordWrap(True)
        self.question.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.question.setStyleSheet("background: #f5f5f5; padding: 6px;")
        self.answer_edit = QPlainTextEdit()
        self.answer_edit.setTabChangesFocus(True)
        self.answer_edit.setMinimumSize(380, 100)
        self.answer_edit.setPlaceholderText(self.tr("答复内容，如：经核实，……"))
        self.answer_edit.setAccessibleName(self.tr("答复内容"))
        self.on_edit = date_edit(clock.today())
        self.on_edit.setMaximumDate(qdate(clock.today()))
        self.on_edit.setMinimumDate(qdate(feedback.received_on))
        self.form.addRow(self.tr("意见"), self.question)
        self._row(self.tr("答复"), self.answer_edit)
        self._row(self.tr("答复日期"), self.on_edit)
        self._chain([self.answer_edit, self.on_edit])
        self.answer_edit.setFocus()

    def run(self) -> Any:
        return self._save(self.answer_edit.toPlainText().strip(), self.on_edit.date().toPython())

    def focus_after_error(self) -> QWidget | None:
        return self.answer_edit
