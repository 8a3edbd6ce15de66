"""Errors the services raise. Every message is Chinese and meant for the user as it stands.

The CLI prints `str(error)` (one line per finding) and exits 1; the GUI shows it in a message box.
Nothing here carries a traceback to the user.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class Problem:
    """One thing wrong with some input, located as precisely as the input allows."""

    message: str
    file: str | None = None
    sheet: str | None = None
    row: int | None = None
    field: str | None = None
    rule: str | None = None
    #: The field as this input names it (a record's own column label, "湾组"); by default the key's
    #: label from ``models.rules.field_labels`` — services locate problems by key (the GUI focuses
    #: the widget of that key), users read the label.
    label: str | None = dataclasses.field(default=None, compare=False)

    def located(self, *, with_file: bool = True) -> str:
        """'文件 a.xls，工作表“低保”，第 12 行，“身份证号”列：…' — the one place a problem's place is
        put in words. ``with_file=False`` leaves the file and sheet out (a dialog that names the
        file once); a problem read from a file still names its column as a file's column."""
        parts: list[str] = []
        if self.file and with_file:
            parts.append(f"文件 {self.file}")
        if self.sheet and with_file:
            parts.append(f"工作表“{self.sheet}”")
        if self.row is not None:
            parts.append(f"第 {self.row} 行")
        if self.field:
            from .rules.field_labels import record_field_label, row_field_label

            name = self.label or (row_field_label(self.field) if self.row is not None
                                  else record_field_label(self.field))
            parts.append(f"“{name}”列" if self.file or self.sheet else f"“{name}”")
        where = "，".join(parts)
        return f"{where}：{self.message}" if where else self.message


class CunwuError(Exception):
    """Base of every error meant for the user."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class NotFound(CunwuError):
    pass


class PermissionDenied(CunwuError):
    pass


class StateError(CunwuError):
    """An action not allowed in the record's current state (e.g. editing a posted notice)."""


@dataclass
class ValidationError(CunwuError):
    """Input broke one or more rules; nothing was written."""

    problems: list[Problem] = field(default_factory=list)
    summary: str = "输入有误，未保存任何内容"

    def __post_init__(self) -> None:
        CunwuError.__init__(self, self.summary)

    def __str__(self) -> str:
        lines = [self.summary]
        lines += [p.located() for p in self.problems]
        return "\n".join(lines)

    @classmethod
    def single(cls, message: str, **where) -> ValidationError:
        return cls([Problem(message, **where)], summary=message if not where else "输入有误，未保存任何内容")


class DatabaseError(CunwuError):
    """The database cannot be opened as asked (missing, newer than the app, not initialised)."""


class RecordChanged(StateError):
    """The record was changed by someone else since it was read (its version moved on); nothing was
    written. `by` and `at` (UTC) say who and when, as far as the record knows."""

    def __init__(self, by: str | None = None, at: datetime | None = None):
        who = by or "其他人"
        when = f"在 {at.astimezone().strftime('%Y-%m-%d %H:%M')} " if at is not None else ""
        super().__init__(f"这条记录已被 {who} {when}修改，请重新打开")
        self.by = by
        self.at = at


class ReadOnlyMode(PermissionDenied):
    """Writes refused: the database was opened read-only (another window has it open for editing)."""

    def __init__(self, message: str = "数据库以只读方式打开（另一个窗口正在编辑），不能保存修改。"
                                      "请在已打开的窗口中修改，或关闭它后重新打开本程序。"):
        super().__init__(message)
