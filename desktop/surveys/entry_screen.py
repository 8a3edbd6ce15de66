"""录入问卷: typing returned paper forms with the keyboard only.

One form at a time: the respondent number (unique in the survey, per pass) and an optional 村民小组,
then one answer field per question. In an answer field option letters (A–Z, either case) or their
digits (1 = A, 2 = B …) select; a multiple-choice answer is several (`ACD`, `134`), capped at the
question's maximum; a rating or number is typed as a number, free text as text. Enter checks the
answer and moves on: to the "其他" text when 其他（请注明） was picked, to the question a skip rule
names (the questions in between are blanked and greyed, visibly), or to the next question. Enter on
the last question saves the form — off the GUI thread — and starts the next blank form at once; if
the save is refused, the form comes back with the reason.

F2 on a respondent number already entered loads that form for correcting; saving it replaces it.
Every refusal names the question (Q3) and what is wrong, and nothing is saved. In second-entry mode
(双录入第二遍) the screen shows nothing of the first pass: it types blind.

Reading an answer, the skip rules and the checks of a whole form are the core's
(`models.rules.survey`): this screen only maps keys to letters and lays the form out.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from models.errors import CunwuError
from models.rules import survey as rules
from models.services.surveys import SurveyService

from .. import workers
from ..forms import ERROR_COLOR
from ..screen_fit import fit_to_screen

SKIPPED_STYLE = "QLineEdit { background: #e6e6e6; color: #777; }"
CHOICE_TYPES = ("single", "multiple")


def keys_to_cell(question, text: str) -> str:
    """What the clerk typed, as the cell the core reads: in a choice question each key is mapped by
    `letter_for_key` (a digit 1–9 is the n-th option, a letter itself, either case); separators
    are dropped; a key that selects nothing is kept as typed, so the core's check names it."""
    if not question.is_choice:
        return text.strip()
    out = []
    for ch in rules.normalize_cell_letters(text):
        out.append(rules.letter_for_key(question, ch) or ch)
    return "".join(out)


@dataclass(frozen=True)
class EnteredForm:
    respondent: int
    group: str | None
    answers: dict[str, str]  # canonical cells: {"1": "B", "3": "AC", "3_other": "…"}


@dataclass
class _Row:
    question: object
    label: QLabel
    edit: QLineEdit
    shown: QLabel
    other: QLineEdit
    skipped: bool = False


class _UpDown(QObject):
    """Up / Down arrows in a field move to the previous / next field that is not skipped."""

    def __init__(self, screen: SurveyEntryScreen):
        super().__init__(screen)
        self.screen = screen

    def eventFilter(self, obj, event):  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.screen._step_focus(obj, -1 if event.key() == Qt.Key.Key_Up else 1)
            return True
        return False


class SurveyEntryScreen(QDialog):
    """The entry screen for one survey and one pass (1: first entry, 2: the blind second entry)."""

    saved = Signal(int)  # the respondent number of a form the service accepted

    def __init__(self, workspace, survey_id: int, *, entry: int = 1, parent: QWidget | None = None):
        super().__init__(parent)
        self.ws = workspace
        self.survey_id = survey_id
        self.entry = entry
        self.second = entry == 2
        survey = self.service.get(survey_id)
        self.questionnaire: rules.Questionnaire = survey.questionnaire
        self._known: set[int] = {f.respondent for f in self.service.forms(survey_id, entry=entry)}
        self._correcting: int | None = None  # the respondent number of the form loaded with F2
        self._correcting_version: int | None = None  # its version as loaded: a change meanwhile is refused
        self._jobs: dict[int, workers.Job] = {}
        self.save_times_ms: list[float] = []  # Enter → the next blank form, on the GUI thread
        self.rows: list[_Row] = []
        self._error_style: bool | None = None
        self.setWindowTitle(self.tr("录入问卷 — %1").replace("%1", self.questionnaire.title))
        self._build()
        fit_to_screen(self, 900, 680)
        self.new_form()

    @property
    def service(self) -> SurveyService:
        return SurveyService(self.ws.ctx)

    # --- building ---------------------------------------------------------------------------
    def _build(self) -> None:
        mode = (self.tr("第二遍录入（盲录：不显示第一遍的内容）") if self.second else self.tr("第一遍录入"))
        self.mode_label = QLabel(mode)
        self.mode_label.setStyleSheet("font-weight: bold;" + (" color: #8a4b00;" if self.second else ""))
        self.count_label = QLabel()
        head = QHBoxLayout()
        head.addWidget(self.mode_label)
        head.addStretch(1)
        head.addWidget(self.count_label)

        self.respondent_edit = QLineEdit()
        self.respondent_edit.setAccessibleName(self.tr("问卷编号"))
        self.respondent_edit.setPlaceholderText(self.tr("纸质问卷上的编号"))
        self.respondent_edit.setMaxLength(20)
        self.respondent_edit.setFixedWidth(150)
        self.group_edit = QLineEdit()
        self.group_edit.setAccessibleName(self.tr("村民小组"))
        self.group_edit.setPlaceholderText(self.tr("可不填"))
        self.group_edit.setMaxLength(30)
        self.group_edit.setFixedWidth(150)
        who = QHBoxLayout()
        for text, edit in ((self.tr("问卷编号(&R)"), self.respondent_edit), (self.tr("村民小组(&G)"), self.group_edit)):
            label = QLabel(text)
            label.setBuddy(edit)
            who.addWidget(label)
            who.addWidget(edit)
            who.addSpacing(16)
        who.addStretch(1)

        grid_host = QWidget()
        self.grid = QGridLayout(grid_host)
        self.grid.setColumnStretch(1, 1)
        self.grid.setHorizontalSpacing(10)
        self.grid.setVerticalSpacing(4)
        arrows = _UpDown(self)
        for n, q in enumerate(self.questionnaire.questions):
            self.rows.append(self._question_row(n, q, arrows))
        self.scroll = QScrollArea()
        self.scroll.setWidget(grid_host)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)

        self.message = QLabel()
        self.message.setObjectName("problems")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hint = QLabel(self.tr("字母或数字选择（1=A，2=B…），多选连着打（ACD）；回车下一题，最后一题回车保存并开始下一份；"
                                   "↑↓ 上下题；F2 调出已录入的编号修改；Esc 关闭"))
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: gray;")
        self.close_button = QPushButton(self.tr("关闭"))
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.hint, 1)
        bottom.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addLayout(who)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.message)
        layout.addLayout(bottom)

        self.respondent_edit.returnPressed.connect(self._respondent_entered)
        self.group_edit.returnPressed.connect(self._group_entered)
        for edit in (self.respondent_edit, self.group_edit):
            edit.installEventFilter(arrows)
        QShortcut(QKeySequence(Qt.Key.Key_F2), self, self.load_for_correction)

    def _question_row(self, n: int, q, arrows: _UpDown) -> _Row:
        label = QLabel(f"Q{q.no}  {q.text}" + ("" if q.required else self.tr("（选答）")))
        label.setWordWrap(True)
        options = self._options_text(q)
        if options:
            label.setText(label.text() + f"<br><span style='color:#555'>{options}</span>")
            label.setTextFormat(Qt.TextFormat.RichText)
        edit = QLineEdit()
        edit.setAccessibleName(self.tr("第%1题").replace("%1", str(q.no)))
        edit.setFixedWidth(90)
        edit.setMaxLength(200 if q.type == "text" else 26)
        if q.type == "text":
            edit.setFixedWidth(220)
        shown = QLabel()
        shown.setMinimumWidth(160)
        shown.setWordWrap(True)
        other = QLineEdit()
        other.setAccessibleName(self.tr("第%1题“其他”的内容").replace("%1", str(q.no)))
        other.setPlaceholderText(self.tr("请注明"))
        other.setFixedWidth(160)
        other.hide()
        label.setBuddy(edit)
        row = 2 * n
        self.grid.addWidget(label, row, 1)
        self.grid.addWidget(edit, row, 2, Qt.AlignmentFlag.AlignTop)
        self.grid.addWidget(shown, row, 3, Qt.AlignmentFlag.AlignTop)
        self.grid.addWidget(other, row, 4, Qt.AlignmentFlag.AlignTop)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setStyleSheet("color: #ddd;")
        self.grid.addWidget(line, row + 1, 1, 1, 4)
        edit.returnPressed.connect(lambda i=n: self._answer_entered(i))
        edit.textEdited.connect(lambda _t, i=n: self._answer_edited(i))
        other.returnPressed.connect(lambda i=n: self._advance(i))
        edit.installEventFilter(arrows)
        other.installEventFilter(arrows)
        return _Row(q, label, edit, shown, other)

    def _options_text(self, q) -> str:
        import html

        if not q.is_choice:
            return ""
        text = "　".join(f"{o.letter} {html.escape(o.label)}" for o in q.options)
        if q.type == "multiple":
            text += (self.tr("　（可多选，最多 %1 项）").replace("%1", str(q.max)) if q.max else self.tr("　（可多选）"))
        return text

    # --- the form ---------------------------------------------------------------------------
    def new_form(self) -> None:
        """A blank form, the cursor on the respondent number."""
        self._correcting = None
        self._correcting_version = None
        self.respondent_edit.clear()
        self.group_edit.clear()
        for row in self.rows:
            row.edit.clear()
            row.other.clear()
            row.other.hide()
            if not row.skipped:
                row.shown.clear()
        self._apply_skips()
        self._update_count()
        self.respondent_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _update_count(self) -> None:
        text = self.tr("本遍已录入 %1 份").replace("%1", str(len(self._known)))
        if self._jobs:
            text += self.tr("（%1 份保存中）").replace("%1", str(len(self._jobs)))
        self.count_label.setText(text)

    def _say(self, text: str, error: bool = True) -> None:
        if self._error_style is not error:  # a style pass only when the colour changes
            self._error_style = error
            self.message.setStyleSheet(f"color: {ERROR_COLOR};" if error else "color: #2e7d32;")
        self.message.setText(text)

    def _duplicate_text(self, number: int) -> str:
        return self.tr("问卷编号 %1 已经录入过，不能重复；要修改它请按 F2。").replace("%1", str(number))

    def _respondent_checked(self) -> int | None:
        """The typed respondent number, or None after saying why it is refused."""
        number, finding = rules.respondent_number(self.respondent_edit.text())
        if finding is not None:
            self._say(finding.located())
            return None
        if number in self._known and number != self._correcting:
            self._say(self._duplicate_text(number))
            return None
        return number

    def _respondent_entered(self) -> None:
        if self._respondent_checked() is None:
            self.respondent_edit.selectAll()
            return
        self._say("", error=False)
        self.group_edit.setFocus(Qt.FocusReason.TabFocusReason)

    def _group_entered(self) -> None:
        _group, finding = rules.group_name(self.group_edit.text())
        if finding is not None:
            self._say(finding.located())
            return
        self._say("", error=False)
        self._focus_row(self._next_open(-1))

    # --- answers ----------------------------------------------------------------------------
    def raw_cells(self) -> dict[str, str]:
        """The form as typed, keys mapped to letters, skipped questions left out: {"1": "B", "1_other": …}."""
        out = {}
        for row in self.rows:
            if row.skipped:
                continue
            q = row.question
            cell = keys_to_cell(q, row.edit.text())
            if cell:
                out[q.key] = cell
            other = row.other.text().strip()
            if other and row.other.isVisible():
                out[f"{q.key}_other"] = other
        return out

    def _checked(self) -> rules.CheckedForm:
        return rules.check_form(self.questionnaire, self.raw_cells())

    def _own_finding(self, checked: rules.CheckedForm, i: int):
        field = self.rows[i].question.field
        return next((f for f in checked.findings if f.field in (field, f"{field}_other")), None)

    def _answer_edited(self, i: int) -> None:
        """As the clerk types: what the letters mean, and the 其他 field when 其他 is picked."""
        row = self.rows[i]
        q = row.question
        cell, finding = rules.normalize_cell(q, keys_to_cell(q, row.edit.text()))
        if finding is not None or not cell or not q.is_choice:
            row.shown.setText("")
            row.other.setVisible(False)
            return
        row.shown.setText("、".join(f"{o.letter} {o.label}" for o in q.options if o.letter in cell))
        other = q.other_option
        row.other.setVisible(other is not None and other.letter in cell)

    def _answer_entered(self, i: int) -> None:
        row = self.rows[i]
        self._answer_edited(i)
        checked = self._checked()
        finding = self._own_finding(checked, i)
        if finding is not None and finding.field == row.question.field:
            self._say(finding.located())
            row.edit.selectAll()
            return
        self._say("", error=False)
        self._apply_skips()
        if row.other.isVisible() and not row.other.text().strip():
            row.other.setFocus(Qt.FocusReason.TabFocusReason)
            return
        self._advance(i)

    def _advance(self, i: int) -> None:
        """From question i to the next one on the form's path; after the last, save the form."""
        self._apply_skips()
        self._focus_row(self._next_open(i))

    def _next_open(self, i: int) -> int | None:
        """The row after row i that the path does not skip (the core's next_question)."""
        if not self.rows:
            return None
        no = rules.next_question(self.questionnaire, self._checked().answers, self.rows[i].question.no if i >= 0 else 0)
        return None if no is None else no - 1

    def _focus_row(self, i: int | None) -> None:
        if i is None:
            self.save_form()
            return
        edit = self.rows[i].edit
        edit.setFocus(Qt.FocusReason.TabFocusReason)
        edit.selectAll()
        self.scroll.ensureWidgetVisible(edit, 10, 40)

    def _step_focus(self, widget, step: int) -> None:
        fields: list[QLineEdit] = [self.respondent_edit, self.group_edit]
        for row in self.rows:
            if not row.skipped:
                fields.append(row.edit)
                if row.other.isVisible():
                    fields.append(row.other)
        if widget not in fields:
            return
        j = fields.index(widget) + step
        if 0 <= j < len(fields):
            fields[j].setFocus(Qt.FocusReason.TabFocusReason)
            fields[j].selectAll()
            self.scroll.ensureWidgetVisible(fields[j], 10, 40)

    def _apply_skips(self) -> None:
        """Blank and grey the questions the answers so far skip (the core's path_of says which)."""
        skipped = rules.path_of(self.questionnaire, self._checked().answers)
        newly: list[int] = []
        for row in self.rows:
            by = skipped.get(row.question.no)
            now = by is not None
            if now:
                row.edit.clear()
                row.other.clear()
                row.other.hide()
                row.shown.setToolTip(self.tr("第%1题%2").replace("%1", str(by.question)).replace("%2", by.rule.instruction()))
            if now == row.skipped:
                continue  # restyling a field costs a style pass: only those that change
            if now:
                newly.append(row.question.no)
                row.shown.setText(self.tr("（跳过）"))
            else:
                row.shown.clear()
                row.shown.setToolTip("")
            row.skipped = now
            row.edit.setEnabled(not now)
            row.edit.setStyleSheet(SKIPPED_STYLE if now else "")
            row.edit.setPlaceholderText(self.tr("跳过") if now else "")
        if newly:
            by = skipped[newly[0]]
            span = str(newly[0]) if len(newly) == 1 else f"{newly[0]}–{newly[-1]}"
            self._say(self.tr("第%1题%2：第%3题跳过，已清空。").replace("%1", str(by.question))
                      .replace("%2", by.rule.instruction()).replace("%3", span), error=False)

    def skipped(self) -> list[int]:
        return [row.question.no for row in self.rows if row.skipped]

    # --- saving -----------------------------------------------------------------------------
    def save_form(self) -> None:
        """Check the whole form (the core's rules); save it off the GUI thread and start the next."""
        started = time.perf_counter()
        number = self._respondent_checked()
        if number is None:
            self.respondent_edit.setFocus()
            return
        group, finding = rules.group_name(self.group_edit.text())
        if finding is not None:
            self._say(finding.located())
            self.group_edit.setFocus()
            return
        checked = self._checked()
        if not checked.ok:
            self._say("；".join(f.located() for f in checked.findings))
            target = next((i for i, r in enumerate(self.rows) if r.question.no == checked.findings[0].question), None)
            if target is not None:
                edit = self.rows[target].edit
                edit.setFocus()
                edit.selectAll()
                self.scroll.ensureWidgetVisible(edit, 10, 40)
            return
        form = EnteredForm(number, group, checked.answers)
        replace = self._correcting == number
        job = workers.Job(self._saver(form, replace, self._correcting_version if replace else None))
        job.signals.finished.connect(self._saved)
        job.signals.failed.connect(lambda exc, f=form, r=replace: self._refused(f, r, exc))
        self._jobs[number] = job
        self._known.add(number)
        self.new_form()
        self._say(self.tr("问卷 %1 正在保存……").replace("%1", str(number)), error=False)
        # The save starts once the blank form is painted: a starting worker takes the interpreter
        # for a moment, and the clerk's keypress should not wait for that.
        QTimer.singleShot(0, lambda: workers.start(job))
        self.save_times_ms.append((time.perf_counter() - started) * 1000)

    def _saver(self, form: EnteredForm, replace: bool, version: int | None):
        ctx, survey_id, entry = self.ws.ctx, self.survey_id, self.entry

        def save(_progress, _cancelled):
            SurveyService(ctx).save_form(survey_id, form.respondent, form.answers, group=form.group,
                                         entry=entry, correct=replace, expected_version=version)
            return form.respondent

        return save

    def _saved(self, number: int) -> None:
        self._jobs.pop(number, None)
        self._update_count()
        if self.message.text() == self.tr("问卷 %1 正在保存……").replace("%1", str(number)):
            self._say(self.tr("问卷 %1 已保存。").replace("%1", str(number)), error=False)
        self.saved.emit(number)

    def _refused(self, form: EnteredForm, replaced: bool, exc: BaseException) -> None:
        """The service refused a form already cleared from the screen: bring it back with the reason."""
        self._jobs.pop(form.respondent, None)
        if not replaced:
            self._known.discard(form.respondent)
        if not isinstance(exc, CunwuError):
            raise exc
        from ..dialogs import describe_error

        head, lines = describe_error(exc)
        self.show_form(form, correcting=form.respondent if replaced else None)
        self._say(self.tr("问卷 %1 未保存：%2").replace("%1", str(form.respondent))
                  .replace("%2", "；".join(x for x in (head, lines.replace("\n", "；")) if x)))
        self._update_count()

    def show_form(self, form: EnteredForm, *, correcting: int | None) -> None:
        """Put a form on the screen (for correcting, or back after a refusal)."""
        self.new_form()
        self._correcting = correcting
        self.respondent_edit.setText(str(form.respondent))
        self.group_edit.setText(form.group or "")
        for i, row in enumerate(self.rows):
            row.edit.setText(form.answers.get(row.question.key, ""))
            self._answer_edited(i)
            row.other.setText(form.answers.get(f"{row.question.key}_other", ""))
        self._apply_skips()
        self._focus_row(self._next_open(-1))

    def load_for_correction(self) -> None:
        """F2: the form with the typed respondent number, loaded for correcting."""
        number, finding = rules.respondent_number(self.respondent_edit.text())
        if finding is not None:
            self._say(self.tr("先输入要修改的问卷编号，再按 F2。") if not self.respondent_edit.text().strip()
                      else finding.located())
            self.respondent_edit.setFocus()
            return
        if number in self._jobs:
            self._say(self.tr("问卷 %1 正在保存，稍候再修改。").replace("%1", str(number)))
            return
        try:
            stored = self.service.form(self.survey_id, number, entry=self.entry)
        except CunwuError as exc:
            self._say(str(exc))
            return
        if stored is None:
            self._say(self.tr("本遍没有编号为 %1 的问卷。").replace("%1", str(number)))
            return
        self.show_form(EnteredForm(number, stored.group, dict(stored.answers)), correcting=number)
        self._correcting_version = stored.version
        self._say(self.tr("正在修改问卷 %1：改好后在最后一题回车保存。").replace("%1", str(number)), error=False)

    def pending(self) -> int:
        return len(self._jobs)
