"""How a field key reads to a person — the one lookup every message, finding and pane asks.

Each key's label lives in one place, by meaning:

- a table row's fields (``group``, ``name``, ``id_number``, ``amount`` …): the table's columns
  (``models.rules.roster``). A record that stores its own columns names them its way ("湾组",
  "补贴金额（元）"); without one, the standard column's label is what the notice prints ("村民小组");
- the fields of the other kinds' rows (finance rows, decision meetings): :data:`ROW_FIELD_LABELS`;
- a record's own fields (title, period, reviewer …) and the workflow's inputs:
  :data:`RECORD_FIELD_LABELS`.

A key that none of them knows reads as itself (an import's header text, a custom column's key).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from .roster import STANDARD_COLUMNS, RosterColumn, column_from

#: Fields of the rows of finance records and of decision meetings (kinds.check_finance /
#: check_decision). Table rows (rosters) are named by their columns, not here.
ROW_FIELD_LABELS: dict[str, str] = {
    "date": "日期", "voucher": "凭证号", "summary": "摘要", "class": "类别", "income": "收入", "expense": "支出",
    "stage": "步骤", "kind": "会议类型", "due": "应到", "present": "实到", "for": "同意", "against": "反对",
    "abstain": "弃权", "content": "内容", "counted": "计数方式",
}

#: A record's own fields and the inputs of workflow steps; a survey form's number.
RECORD_FIELD_LABELS: dict[str, str] = {
    "period": "期间", "status": "状态", "reason": "退回理由", "kind": "记录类型", "reviewer": "审核人",
    "title": "标题", "body": "正文", "item": "事项", "start": "开始日期", "days": "公示天数",
    "opinion": "审核意见", "event_date": "事项日期", "columns": "列",
    "respondent": "问卷编号",
}


def _columns(columns: Iterable[Any] | Mapping[str, Any] | None) -> dict[str, RosterColumn]:
    if not columns:
        return {}
    if isinstance(columns, Mapping):
        return {k: column_from(v) for k, v in columns.items()}
    out: dict[str, RosterColumn] = {}
    for entry in columns:
        try:
            col = column_from(entry)
        except ValueError:
            continue
        out.setdefault(col.key, col)
    return out


def row_field_label(key: str | None, columns: Iterable[Any] | Mapping[str, Any] | None = None) -> str:
    """A row's field as the clerk reads it: the record's own column label when ``columns`` (the
    record's stored columns, dicts, keys or :class:`RosterColumn`) names ``key``, else the
    standard table column's printed label, else the finance/meeting row label, else the key."""
    if not key:
        return ""
    own = _columns(columns).get(key)
    if own is not None:
        return own.label
    std = STANDARD_COLUMNS.get(key)
    if std is not None:
        return std.label
    return ROW_FIELD_LABELS.get(key) or RECORD_FIELD_LABELS.get(key) or key


def record_field_label(key: str | None) -> str:
    """A record-level field (title, period, a workflow input) as the clerk reads it; a key that is
    a row's field (a problem without a row) reads as :func:`row_field_label` says."""
    if not key:
        return ""
    return RECORD_FIELD_LABELS.get(key) or row_field_label(key)


__all__ = ["RECORD_FIELD_LABELS", "ROW_FIELD_LABELS", "record_field_label", "row_field_label"]
