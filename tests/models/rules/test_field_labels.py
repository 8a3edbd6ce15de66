"""One label per field key: a table row's field reads as its column (the record's own, else the
standard column as the notice prints it), and no second table of those labels grows back."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from models.errors import Problem
from models.rules import kinds as K
from models.rules.field_labels import (
    RECORD_FIELD_LABELS,
    ROW_FIELD_LABELS,
    record_field_label,
    row_field_label,
)
from models.rules.roster import COLUMN_TYPES, STANDARD_COLUMNS, RosterColumn, columns_json, preset_columns

ROOT = Path(__file__).resolve().parents[3]
ROSTER_KEYS = sorted(STANDARD_COLUMNS)


@pytest.mark.parametrize("key", ROSTER_KEYS)
def test_a_row_field_reads_as_its_standard_column_everywhere(key):
    label = STANDARD_COLUMNS[key].label
    assert row_field_label(key) == label
    assert record_field_label(key) == label
    assert f"第 2 行“{label}”" in K.Finding(2, key, "r", "m").located()
    assert f"第 2 行，“{label}”" in Problem("m", row=2, field=key).located()
    assert f"第 2 行，“{label}”列" in Problem("m", file="a.xlsx", row=2, field=key).located()


def test_group_is_named_as_the_notice_prints_it():
    assert row_field_label("group") == "村民小组"
    assert "组别" not in K.Finding(3, "group", "r", "m").located()


def test_a_record_that_names_its_columns_is_named_its_way():
    columns = columns_json([RosterColumn("group", "湾组"), RosterColumn("name", "姓名", "name", required=True),
                            RosterColumn("amount", "补贴金额", "money", unit="万元")])
    rows = [{"group": "一组", "name": "", "amount": "-1"}]
    findings = K.check_roster(rows, columns)
    lines = [f.located() for f in findings if f.row is not None]
    assert any("“姓名”" in line for line in lines)
    assert any("“补贴金额（万元）”" in line for line in lines), lines
    assert row_field_label("group", columns) == "湾组"


def test_the_preset_labels_name_the_findings_of_a_preset_table():
    columns = columns_json(preset_columns("reward"))  # group is 湾组 there
    assert row_field_label("group", columns) == "湾组"
    amount = next(c for c in preset_columns("reward") if c.key == "amount")
    finding = next(f for f in K.check_roster([{"行政村": "东村", "amount": "abc"}], columns) if f.field == "amount")
    assert f"“{amount.label}”" in finding.located()


def test_row_and_record_fields_keep_their_own_meaning():
    assert record_field_label("kind") == "记录类型"  # a record's kind
    assert row_field_label("kind") == "会议类型"  # a decision meeting's kind
    assert not set(ROW_FIELD_LABELS) & set(STANDARD_COLUMNS)
    assert not set(RECORD_FIELD_LABELS) & set(STANDARD_COLUMNS)


# --- no second table --------------------------------------------------------------------------

#: Keys that only a table column has (the others double as column type or personal-number kind
#: names, COLUMN_TYPES / personal_numbers.KIND_LABELS, whose tables say what *kind* a thing is).
_COLUMN_ONLY = frozenset(STANDARD_COLUMNS) - frozenset(COLUMN_TYPES) - {"money"}
#: Dicts that name something else by the same keys: totals (kinds.TOTAL_LABELS: "人口" is the sum
#: of 家庭人口, named per kind beside 收入/期末余额 …).
_OTHER_MEANINGS = {("models/rules/kinds.py", "TOTAL_LABELS")}


def _label_tables(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        target = None
        if isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            target = next((t.id for t in targets if isinstance(t, ast.Name)), None)
            value = node.value
        else:
            continue
        if not isinstance(value, ast.Dict):
            continue
        labelled = {k.value for k, v in zip(value.keys, value.values, strict=True)
                    if isinstance(k, ast.Constant) and k.value in STANDARD_COLUMNS
                    and isinstance(v, ast.Constant) and isinstance(v.value, str)
                    and any("\u4e00" <= ch <= "\u9fff" for ch in v.value)}
        if len(labelled) >= 2 and labelled & _COLUMN_ONLY:
            yield target, node.lineno, sorted(labelled)


def test_no_second_table_of_column_labels():
    found = []
    for package in ("models", "desktop"):
        for path in sorted((ROOT / package).rglob("*.py")):
            rel = path.relative_to(ROOT).as_posix()
            if rel == "models/rules/roster.py":  # the columns themselves
                continue
            for name, line, keys in _label_tables(path):
                if (rel, name) not in _OTHER_MEANINGS:
                    found.append(f"{rel}:{line} {name} {keys}")
    assert not found, "column labels kept outside models/rules/roster.py (ask field_labels instead): " + "; ".join(found)


def test_the_check_sees_a_second_table(tmp_path):
    path = tmp_path / "copy.py"
    path.write_text('LABELS = {"group": "组别", "name": "姓名", "amount": "金额"}\n', encoding="utf-8")
    assert list(_label_tables(path)) == [("LABELS", 1, ["amount", "group", "name"])]
