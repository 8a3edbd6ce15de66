"""The small dialogs of a record's workflow: approve, return, post (the table's step names).

Each dialog collects what the step needs and calls back into the service; when the service refuses
(the reviewer is the drafter, no reason given, too few posting days…) the reason is shown with
`dialogs.error` and the dialog stays open on the field to fix. Enter or Ctrl+S confirms, Esc cancels.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QObject, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from models.errors import CunwuError
from models.rules.limits import MAX_POSTING_DAYS, MIN_POSTING_DAYS

from .. import clock, dialogs
from ..formats import cn_date
from ..forms import confirm_buttons
from ..workflow import step_text


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def date_edit(day: date) -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setDate(qdate(day))
    return edit


def show_modal(owner: QObject, dialog: QDialog, on_accepted: Callable[[QDialog], None]) -> QDialog:
    """Open `dialog` window-modal without a nested event loop; `owner.active_dialog` holds it while
    it is open (tests drive it there), and `on_accepted(dialog)` runs when it is accepted."""
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    owner.active_dialog = dialog

    def closed(_result: int) -> None:
        if getattr(owner, "active_dialog", None) is dialog:
            owner.active_dialog = None

    dialog.finished.connect(closed)
    dialog.accepted.connect(lambda: on_accepted(dialog))
    dialog.open()
    return dialog


class _StepDialog(QDialog):
    """A form, a headline about the record, the confirm/cancel buttons; `run()` calls the service."""

    error_title = ""

    def __init__(self, headline: str, confirm_text: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setModal(True)
        self.result_data: Any = None
        self.headline = QLabel(headline)
        self.headline.setWordWrap(True)
        self.headline.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.form = QFormLayout()
        self.buttons, self.ok_button, self.cancel_button = confirm_buttons(self, confirm_text, self.confirm)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)

    def _row(self, text: str, widget: QWidget) -> None:
        label = QLabel(text)
        label.setBuddy(widget)
        self.form.addRow(label, widget)

    def _chain(self, widgets: Sequence[QWidget]) -> None:
        chain = [*widgets, self.ok_button, self.cancel_button]
        for a, b in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(a, b)

    def run(self) -> Any:  # pragma: no cover - each dialog has its own
        raise NotImplementedError

    def focus_after_error(self) -> QWidget | None:
        return None

    def confirm(self) -> None:
        try:
            self.result_data = self.run()
        except CunwuError as exc:
            dialogs.error(self.error_title or self.windowTitle(), exc, parent=self)
            widget = self.focus_after_error()
            if widget is not None:
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.accept()


def _reviewer_combo(names: Sequence[str], signed_in: str | None = None) -> QComboBox:
    """The reviewer's name: typed (with earlier reviewers offered) before accounts exist; once they
    do, the signed-in account's name, fixed — the reviewer is whoever signed in."""
    combo = QComboBox()
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    combo.addItems([n for n in dict.fromkeys(names) if n] if not signed_in else [])
    combo.setEditText(signed_in or "")
    combo.setMinimumContentsLength(12)
    if signed_in:
        combo.setEnabled(False)
        combo.setToolTip(QCoreApplication.translate("ApproveDialog", "审核人就是登录的账户；请由监委会成员用自己的账户登录审核"))
    return combo


class ApproveDialog(_StepDialog):
    """Approve: the supervision committee member's name (not the drafter), an opinion, the date."""

    def __init__(self, headline: str, approve: Callable[[str, str, date], Any], *,
                 reviewers: Sequence[str] = (), notes: Sequence[str] = (), signed_in: str | None = None,
                 parent: QWidget | None = None):
        super().__init__(headline, "", parent)
        self.ok_button.setText(step_text("approve"))
        self.setWindowTitle(step_text("approve"))
        self.error_title = self.tr("未能完成“%1”").replace("%1", step_text("approve"))
        self._approve = approve
        self.reviewer_combo = _reviewer_combo(reviewers, signed_in)
        self.reviewer_combo.lineEdit().setPlaceholderText(self.tr("村务监督委员会成员姓名"))
        self.reviewer_combo.setAccessibleName(self.tr("审核人"))
        self.opinion_edit = QPlainTextEdit()
        self.opinion_edit.setTabChangesFocus(True)
        self.opinion_edit.setPlaceholderText(self.tr("如：经审核，内容真实，同意公开"))
        self.opinion_edit.setFixedHeight(72)
        self.date_edit = date_edit(clock.today())
        self._row(self.tr("审核人"), self.reviewer_combo)
        self._row(self.tr("审核意见"), self.opinion_edit)
        self._row(self.tr("审核日期"), self.date_edit)
        note = QLabel(self.tr("审核人须是村务监督委员会（财务事项为民主理财小组）成员，不能是起草人本人。"))
        note.setWordWrap(True)
        note.setStyleSheet("color: gray;")
        self.form.addRow("", note)
        # Personal numbers in the record: shown to the reviewer, who may approve all the same.
        self.privacy_note = QLabel("\n".join([
            self.tr("以下内容含身份证号、银行卡号或电话号码，张贴的公告上将打码："), *notes]) if notes else "")
        self.privacy_note.setObjectName("privacyNote")
        self.privacy_note.setWordWrap(True)
        self.privacy_note.setStyleSheet("color: #8a6100;")
        self.privacy_note.setVisible(bool(notes))
        self.form.addRow("", self.privacy_note)
        self._chain([self.reviewer_combo, self.opinion_edit, self.date_edit])
        self.focus_first()

    def focus_first(self) -> None:
        (self.reviewer_combo if self.reviewer_combo.isEnabled() else self.opinion_edit).setFocus()

    def run(self) -> Any:
        return self._approve(self.reviewer_combo.currentText().strip(), self.opinion_edit.toPlainText().strip(),
                             self.date_edit.date().toPython())

    def focus_after_error(self) -> QWidget | None:
        return self.reviewer_combo


class ReturnDialog(_StepDialog):
    """退回: who returns it and why (required); the drafter sees the reason."""

    def __init__(self, headline: str, return_: Callable[[str, str, date], Any], *,
                 reviewers: Sequence[str] = (), signed_in: str | None = None, parent: QWidget | None = None):
        super().__init__(headline, "", parent)
        self.ok_button.setText(self.tr("退回"))
        self.setWindowTitle(self.tr("退回修改"))
        self.error_title = self.tr("未能退回")
        self._return = return_
        self.reviewer_combo = _reviewer_combo(reviewers, signed_in)
        self.reviewer_combo.lineEdit().setPlaceholderText(self.tr("村务监督委员会成员姓名"))
        self.reviewer_combo.setAccessibleName(self.tr("退回人"))
        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setTabChangesFocus(True)
        self.reason_edit.setPlaceholderText(self.tr("写明需要修改的地方，如：第 3 行金额与票据不符"))
        self.reason_edit.setFixedHeight(90)
        self.date_edit = date_edit(clock.today())
        self._row(self.tr("退回人"), self.reviewer_combo)
        self._row(self.tr("退回理由"), self.reason_edit)
        self._row(self.tr("日期"), self.date_edit)
        self._chain([self.reviewer_combo, self.reason_edit, self.date_edit])
        self.focus_first()

    def focus_first(self) -> None:
        (self.reviewer_combo if self.reviewer_combo.isEnabled() else self.reason_edit).setFocus()

    def run(self) -> Any:
        return self._return(self.reviewer_combo.currentText().strip(), self.reason_edit.toPlainText().strip(),
                            self.date_edit.date().toPython())

    def focus_after_error(self) -> QWidget | None:
        if not self.reviewer_combo.currentText().strip():
            return self.reviewer_combo
        return self.reason_edit


class PostDialog(_StepDialog):
    """张贴公示: the first day on the board and how many days; the last day is shown as it is counted
    (both ends count; working days skip weekends and holidays when the item says so)."""

    def __init__(self, headline: str, post: Callable[[date, int], Any], *, minimum_days: int,
                 working_days: bool, end_of: Callable[[date, int], date], parent: QWidget | None = None):
        super().__init__(headline, "", parent)
        self.ok_button.setText(self.tr("张贴公示"))
        self.setWindowTitle(self.tr("张贴公示"))
        self.error_title = self.tr("未能公示")
        self._post = post
        self._end_of = end_of
        self.working_days = working_days
        self.start_edit = date_edit(clock.today())
        self.days_spin = QSpinBox()
        self.days_spin.setRange(MIN_POSTING_DAYS, MAX_POSTING_DAYS)
        self.days_spin.setValue(minimum_days if minimum_days > 0 else 7)
        self.days_spin.setSuffix(self.tr(" 个工作日") if working_days else self.tr(" 天"))
        self.days_spin.setAccessibleName(self.tr("公示天数"))
        self.end_label = QLabel()
        self.end_label.setObjectName("end_label")
        self.end_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._row(self.tr("公示开始"), self.start_edit)
        self._row(self.tr("公示天数"), self.days_spin)
        self.form.addRow(self.tr("公示期"), self.end_label)
        if minimum_days > 0:
            unit = self.tr("个工作日") if working_days else self.tr("天")
            rule = self.tr("本事项规定至少公示 %1 %2。").replace("%1", str(minimum_days)).replace("%2", unit)
        else:
            rule = self.tr("本事项没有规定公示期，请按实际张贴的天数填写。")
        note = QLabel(rule)
        note.setWordWrap(True)
        note.setStyleSheet("color: gray;")
        self.form.addRow("", note)
        self._chain([self.start_edit, self.days_spin])
        self.start_edit.dateChanged.connect(self._update_end)
        self.days_spin.valueChanged.connect(self._update_end)
        self._update_end()
        self.start_edit.setFocus()

    def start(self) -> date:
        return self.start_edit.date().toPython()

    def end(self) -> date:
        return self._end_of(self.start(), self.days_spin.value())

    def _update_end(self) -> None:
        start, end = self.start(), self.end()
        n = self.days_spin.value()
        if self.working_days:
            text = self.tr("公示期为%1个工作日（%2至%3，首尾两天都算）")
        else:
            text = self.tr("公示期为%1天（%2至%3，首尾两天都算）")
        self.end_label.setText(text.replace("%1", str(n)).replace("%2", cn_date(start))
                               .replace("%3", cn_date(end, year=end.year != start.year)))

    def run(self) -> Any:
        return self._post(self.start(), self.days_spin.value())

    def focus_after_error(self) -> QWidget | None:
        return self.days_spin
