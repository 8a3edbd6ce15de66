"""群众意见: recording a villager's question or objection on a posted notice, and answering it.

`FeedbackDialog` records one (the text, who raised it, when it came in); `AnswerDialog` answers
one. Both save through a callback into `FeedbackService` and stay open with the service's reason
when it refuses (an empty text, a date in the future, a record not yet posted). Enter in a
single-line field or Ctrl+S saves; Tab leaves the multi-line fields; Esc cancels.

The answer notice quotes the question word for word: both dialogs say, as the clerk types, that the
ID, bank card and phone numbers in the question (and in the answer) will be masked on it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QWidget

from models.rules.personal_numbers import KIND_LABELS, find_personal_numbers
from models.services.feedback import FeedbackData

from .. import clock
from ..formats import cn_date
from .workflow_dialogs import _StepDialog, date_edit, qdate

# KIND_LABELS (models.rules.personal_numbers), listed for lupdate.
_NUMBER_LABELS_FOR_TRANSLATION = (
    QT_TRANSLATE_NOOP("PersonalNumbers", "身份证号"), QT_TRANSLATE_NOOP("PersonalNumbers", "银行卡号"),
    QT_TRANSLATE_NOOP("PersonalNumbers", "手机号"), QT_TRANSLATE_NOOP("PersonalNumbers", "电话号码"),
)
_WARN_STYLE = "color: #8a6100;"
_NOTE_STYLE = "color: gray;"


def numbers_in(text: str, public: frozenset[str] = frozenset()) -> str:
    """"身份证号、手机号": the kinds of personal number in ``text`` ("" when none)."""
    kinds = dict.fromkeys(h.kind for h in find_personal_numbers(text, public=public))
    separator = QCoreApplication.translate("PersonalNumbers", "、")
    return separator.join(QCoreApplication.translate("PersonalNumbers", KIND_LABELS[k]) for k in kinds)


class FeedbackDialog(_StepDialog):
    """登记意见 on one posted record."""

    def __init__(self, headline: str, save: Callable[[str, str, date], Any], *, deadline_text: str = "",
                 earliest: date | None = None, public: frozenset[str] = frozenset(), parent: QWidget | None = None):
        super().__init__(headline, "", parent)
        self.public = public
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
        self.privacy_note = QLabel()
        self.privacy_note.setObjectName("privacyNote")
        self.privacy_note.setWordWrap(True)
        self.form.addRow("", self.privacy_note)
        self.text_edit.textChanged.connect(self._update_privacy_note)
        self._update_privacy_note()
        self._chain([self.text_edit, self.from_edit, self.received_edit])
        self.text_edit.setFocus()

    def _update_privacy_note(self) -> None:
        found = numbers_in(self.text_edit.toPlainText(), self.public)
        if found:
            self.privacy_note.setText(self.tr("意见中含%1：答复公告引用意见原文时将打码，反映人也不署名。")
                                      .replace("%1", found))
            self.privacy_note.setStyleSheet(_WARN_STYLE)
        else:
            self.privacy_note.setText(self.tr("答复公告会引用意见原文：其中的身份证号、银行卡号、电话号码将打码，"
                                              "反映人不署名。"))
            self.privacy_note.setStyleSheet(_NOTE_STYLE)

    def run(self) -> Any:
        return self._save(self.text_edit.toPlainText().strip(), self.from_edit.text().strip(),
                          self.received_edit.date().toPython())

    def focus_after_error(self) -> QWidget | None:
        return self.text_edit if not self.text_edit.toPlainText().strip() else self.received_edit


class AnswerDialog(_StepDialog):
    """答复 one question: the answer and the day it was given."""

    def __init__(self, feedback: FeedbackData, save: Callable[[str, date], Any], parent: QWidget | None = None, *,
                 public: frozenset[str] = frozenset()):
        super().__init__("", "", parent)
        self.public = public
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
        self.privacy_note = QLabel()
        self.privacy_note.setObjectName("privacyNote")
        self.privacy_note.setWordWrap(True)
        self.form.addRow("", self.privacy_note)
        self.answer_edit.textChanged.connect(self._update_privacy_note)
        self._update_privacy_note()
        self._chain([self.answer_edit, self.on_edit])
        self.answer_edit.setFocus()

    def _update_privacy_note(self) -> None:
        lines = []
        asked = numbers_in(self.feedback.text, self.public)
        if asked:
            lines.append(self.tr("引用的意见中含%1，答复公告上将打码。").replace("%1", asked))
        answered = numbers_in(self.answer_edit.toPlainText(), self.public)
        if answered:
            lines.append(self.tr("答复中含%1，公告上将打码。").replace("%1", answered))
        if lines:
            self.privacy_note.setText("\n".join(lines))
            self.privacy_note.setStyleSheet(_WARN_STYLE)
        else:
            self.privacy_note.setText(self.tr("答复公告引用意见原文，不署反映人姓名；身份证号、银行卡号、电话号码将打码。"))
            self.privacy_note.setStyleSheet(_NOTE_STYLE)

    def run(self) -> Any:
        return self._save(self.answer_edit.toPlainText().strip(), self.on_edit.date().toPython())

    def focus_after_error(self) -> QWidget | None:
        return self.answer_edit
