"""Status words live in the workflow table only (house rule: one rule, one place).

Every status label of `models.rules.workflow.STATUSES` (草稿, 待审核, 已审核, 已退回, 公示中, 公示期满,
已归档) is written once, in the table; the GUI lists them for translation once, in desktop/workflow.py.
Everything else — lists, editors, messages, CLI help, the audit log — asks for `W.label(...)` /
`status_text(...)`. This test reads every string literal in models/ and desktop/ (docstrings aside: they
explain, the user never sees them) and fails on a status label written out anywhere else.
"""

from __future__ import annotations

import ast
from pathlib import Path

from models.rules import workflow as W

ROOT = Path(__file__).resolve().parents[3]
TABLES = {"models/rules/workflow.py", "desktop/workflow.py"}
# Step names that contain a status word without naming the status; each is removed from a literal
# before it is checked.
STEP_NAMES = {
    "删除草稿": "the delete step (a draft is discarded): its button, confirmation, audit and permission name",
}


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def _literals(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docs = _docstrings(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs:
            yield node.lineno, node.value


def status_words_outside_the_table(root: Path) -> list[str]:
    labels = [s.label for s in W.STATUSES]
    found = []
    for package in ("models", "desktop"):
        for path in sorted((root / package).rglob("*.py")):
            rel = path.relative_to(root).as_posix()
            if rel in TABLES:
                continue
            for line, text in _literals(path):
                for name in STEP_NAMES:
                    text = text.replace(name, "")
                found += [f"{rel}:{line}: “{label}” in {text!r}" for label in labels if label in text]
    return found


def test_status_labels_are_written_only_in_the_workflow_table():
    found = status_words_outside_the_table(ROOT)
    assert not found, "ask models.rules.workflow.label / desktop.workflow.status_text instead:\n" + "\n".join(found)


def test_the_check_sees_a_label_written_out(tmp_path):
    (tmp_path / "models").mkdir()
    (tmp_path / "desktop").mkdir()
    (tmp_path / "models" / "report.py").write_text(
        '"""A docstring may say 已归档."""\n'
        'def done(n):\n'
        '    """So may this one: 草稿."""\n'
        '    return f"记录 #{n} 已归档"  # a message that should ask the table\n'
        'TITLE = "删除草稿"\n', encoding="utf-8")
    assert status_words_outside_the_table(tmp_path) == ["models/report.py:4: “已归档” in ' 已归档'"]


def test_the_table_has_one_label_and_one_colour_per_status():
    labels = [s.label for s in W.STATUSES]
    assert len(set(labels)) == len(labels) == len(W.STATUS_KEYS)
    assert all(W.colour(k).startswith("#") and len(W.colour(k)) == 7 for k in W.STATUS_KEYS)


# Step names the core says in messages, help and the audit log; each is written once, in the workflow
# table (`W.step_label`). accounts.py describes the roles' duties in prose before the workflow table can
# be imported (the table imports the roles), so it is read as the role list's own text.
DISTINCT_STEPS = ("submit", "approve", "delete")
STEP_TABLES = {"models/rules/workflow.py", "models/rules/accounts.py"}


def step_names_outside_the_table(root: Path) -> list[str]:
    names = [W.step_label(k) for k in DISTINCT_STEPS]
    found = []
    for path in sorted((root / "models").rglob("*.py")):
        rel = path.relative_to(root).as_posix()
        if rel in STEP_TABLES:
            continue
        for line, text in _literals(path):
            found += [f"{rel}:{line}: “{name}” in {text!r}" for name in names if name in text]
    return found


def test_step_names_in_the_core_are_written_only_in_the_workflow_table():
    found = step_names_outside_the_table(ROOT)
    assert not found, "ask models.rules.workflow.step_label instead:\n" + "\n".join(found)


def test_the_audit_log_and_the_seal_findings_name_steps_as_the_table_does():
    from models.services.audit_log import ACTION_LABELS
    from models.services.integrity import SEALED_WHEN

    assert ACTION_LABELS["disclosure.approve"] == W.step_label("approve") == "审核通过"
    assert ACTION_LABELS["disclosure.post"] == W.step_label("post")
    assert SEALED_WHEN == {"submitted": "提交审核后", "approved": "审核通过后", "posted": "张贴公示后"}
