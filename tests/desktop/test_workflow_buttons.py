"""Every state of the workflow table on screen: the record is picked with the mouse on the records
page, each step's button is enabled exactly when the table allows it, and a greyed one's tooltip is
the table's refusal — the very sentence the service raises if the step is tried anyway. The editor's
保存 and banner, and the detail panel's attachment and feedback buttons, ask the same table."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop import workflow as DW
from models.errors import StateError
from models.rules import workflow as W
from tests.workflow_states import STATES, STATUS_OF, services

from . import records_support
from .editor_support import open_editor
from .records_support import TODAY

page = records_support.records_page  # the fixtures of records_support come from conftest


@pytest.fixture
def walk(village, data_dir, tmp_path, village_ws):
    db, ctx = village
    return services(db, village_ws.ctx, data_dir, tmp_path, TODAY)


def _click_row(qtbot, page, record_id: int) -> None:
    view = page.table_view
    row = page.model.row_of(record_id)
    rect = view.visualRect(page.model.index(row, 4))
    view.scrollTo(page.model.index(row, 4))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    if page.current is None or page.current.id != record_id:  # until part 1 makes a click select (mouse)
        page.show_record(record_id)
    assert page.current.id == record_id


def _refused_by_service(walk, step, made) -> str:
    with pytest.raises(StateError) as refused:
        walk.do(step, made)
    return str(refused.value)


@pytest.mark.parametrize("state", STATES)
def test_records_page_steps_follow_the_table(qtbot, page, walk, state):
    made = walk.make(state, item="CW-22", period="2026-Q1")
    page.reload()
    _click_row(qtbot, page, made.id)
    facts = page.current.facts
    assert facts.status == STATUS_OF.get(state, state)
    assert set(page.steps) == {"edit", "submit", "approve", "return", "post", "correct", "archive", "delete"}
    for step, action in page.steps.items():
        decision = W.check(step, facts)
        button = page.toolbar.widgetForAction(action)
        assert action.isEnabled() == button.isEnabled() == decision.allowed, (state, step)
        if decision.refusal is not None:
            assert action.toolTip() == button.toolTip() == decision.refusal.text, (state, step)
            assert _refused_by_service(walk, step, made) == action.toolTip()  # "为什么灰了" is the rule
        else:
            assert action.toolTip() == page._step_tips[step]


@pytest.mark.parametrize("state", STATES)
def test_detail_panel_attachment_and_feedback_buttons_follow_the_table(qtbot, page, walk, state):
    made = walk.make(state, item="CW-22", period="2026-Q1")
    page.reload()
    _click_row(qtbot, page, made.id)
    detail = page.detail
    facts = page.current.facts
    for step, button in (("attach", detail.add_attachment_button), ("detach", detail.remove_attachment_button),
                         ("feedback", detail.add_feedback_button)):
        decision = W.check(step, facts)
        assert button.isEnabled() == decision.allowed, (state, step)  # detach: the attachment is selected
        if decision.refusal is not None:
            assert button.toolTip() == decision.refusal.text == _refused_by_service(walk, step, made)


@pytest.mark.parametrize("state", STATES)
def test_editor_save_and_banner_follow_the_table(qtbot, village_ws, walk, state):
    made = walk.make(state, item="CW-22", period="2026-Q1")
    editor = open_editor(qtbot, village_ws, made.id)
    decision = W.check("edit", editor.data.facts)
    assert editor.save_button.isEnabled() == decision.allowed
    assert editor.title_edit.isEnabled() == decision.allowed
    if decision.refusal is None:
        assert editor.save_button.toolTip() == "保存（Ctrl+S）"
        # no refusal; a returned record's banner gives the reviewer's reason instead
        reason = editor.data.open_return_reason
        assert editor.banner.isVisible() == bool(reason)
        assert not reason or editor.banner.text() == f"已退回，退回理由：{reason}"
    else:
        assert editor.save_button.toolTip() == editor.banner.text() == decision.refusal.text
        assert editor.banner.isVisible()
        assert _refused_by_service(walk, "edit", made) == decision.refusal.text


def test_the_translation_file_translates_every_label_step_and_refusal_of_the_table():
    """The table is the one list of these words: the English catalog must hold each of them in the
    context desktop.workflow translates it in (nothing in desktop/ repeats them for lupdate)."""
    import xml.etree.ElementTree as ET
    from pathlib import Path

    ts = ET.parse(Path(__file__).resolve().parents[2] / "resources" / "i18n" / "cunwu_en.ts")
    catalog = {(c.findtext("name"), m.findtext("source")): m.findtext("translation")
               for c in ts.getroot() for m in c.findall("message")}
    wanted = ([("DisclosureStatus", s.label) for s in W.STATUSES] + [("Workflow", t) for t in W.templates()]
              + [("WorkflowStep", a.label) for a in W.ACTIONS])
    missing = [w for w in wanted if not catalog.get(w)]
    assert not missing, missing
    assert DW.status_text("submitted") == "待审核" and DW.status_color("posted").name() == W.colour("posted")


def test_a_refusal_reads_in_english_with_the_status_translated(qapp, tmp_path):
    from desktop.app import configure_app
    from desktop.settings import Settings

    english = Settings(tmp_path / "en")
    english.language = "en"
    configure_app(qapp, english)
    try:
        refusal = W.check("approve", W.RecordFacts(3, "draft")).refusal
        assert DW.refusal_text(refusal) == "Record #3 is “Draft”; only records awaiting review can be approved"
        assert DW.status_text("expired") == "Posting ended"
        assert DW.step_text("approve") == "Approve" and DW.step_text("post") == "Post"
    finally:
        configure_app(qapp, Settings(tmp_path / "zh"))
    assert DW.refusal_text(refusal) == refusal.text == "记录 #3 当前为“草稿”，只有待审核的记录才能审核通过"
    assert DW.step_text("approve") == W.step_label("approve")
