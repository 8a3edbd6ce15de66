"""`cunwu init --since`, `cunwu settings list/get/set` (cli.md "Setup and catalog")."""

from __future__ import annotations

import json
from datetime import date

import pytest

from models.printing.settings import print_settings
from models.rules.periods import month_text
from models.services.context import Actor, ServiceContext
from models.services.settings import SETTINGS
from models.storage import open_database

CONTRACT_KEYS = {"schedule.since", "feedback.answer_days", "footer.phones", "footer.unit", "footer.address",
                 "footer.email", "footer.issuer", "footer.objection"}


@pytest.fixture
def run(cunwu):
    return cunwu


def init(run, *extra: str):
    return run("init", "--mode", "village", "--code", "410322100201", "--name", "平乐村", "--township", "平乐镇",
               "--operator", "王文书", "--template", "none", *extra)


def test_init_since_defaults_to_this_month_and_is_stored(run):
    code, out, _ = init(run, "--json")
    assert code == 0 and json.loads(out)["since"] == month_text(date.today())
    code, out, _ = run("settings", "get", "schedule.since")
    assert (code, out) == (0, month_text(date.today()) + "\n")


def test_init_since_given(run):
    code, out, _ = init(run, "--since", "2026-10")
    assert code == 0 and "从 2026年10月起记录" in out
    assert run("settings", "get", "schedule.since")[1] == "2026-10\n"


@pytest.mark.parametrize("value", ["2026-13", "2026/10", "十月", "2026-1-1"])
def test_init_malformed_since_is_a_usage_error(run, db_path, value):
    code, out, err = init(run, "--since", value)
    assert code == 2 and out == ""
    assert err.startswith("用法：cunwu init") and "用法错误：参数 --since：月份应写作 YYYY-MM" in err
    assert not db_path.exists()


def test_init_since_too_late_is_refused(run, db_path):
    code, _, err = init(run, "--since", "2099-01")
    assert code == 1 and "开始记录的月份" in err and "不能晚于下个月" in err
    assert not db_path.exists()


def test_settings_list_has_every_contract_key(run):
    init(run, "--since", "2026-10")
    code, out, _ = run("settings", "list", "--json")
    doc = json.loads(out)
    assert code == 0 and {d["key"] for d in doc} >= CONTRACT_KEYS
    assert all({"key", "label", "type", "value", "default"} <= set(d) for d in doc)
    by_key = {d["key"]: d for d in doc}
    assert by_key["schedule.since"]["value"] == "2026-10"
    assert by_key["feedback.answer_days"] == {"key": "feedback.answer_days", "label": "群众意见答复期限",
                                              "type": "int", "value": 10, "default": 10}
    assert by_key["footer.phones"]["value"] == []
    code, out, _ = run("settings", "list")
    assert code == 0 and "schedule.since\t开始记录的月份\t2026-10" in out


def test_settings_set_and_get_each_type(run, db_path):
    init(run)
    phones = [{"label": "全国监督电话", "number": "12317"}, {"label": "镇纪委", "number": "0379-67891234"}]
    for key, value, shown in (
            ("schedule.since", "2026-11", "2026-11"),
            ("feedback.answer_days", "15", "15"),
            ("footer.phones", json.dumps(phones, ensure_ascii=False), json.dumps(phones, ensure_ascii=False)),
            ("footer.unit", "平乐村村务监督委员会", "平乐村村务监督委员会"),
            ("footer.address", "平乐镇平乐村村委会", "平乐镇平乐村村委会"),
            ("footer.email", "cwjd@pingle.cn", "cwjd@pingle.cn"),
            ("footer.issuer", "平乐村民委员会", "平乐村民委员会"),
            ("footer.objection", "如有异议，请于公示期内反映。", "如有异议，请于公示期内反映。")):
        code, out, err = run("settings", "set", key, value)
        assert code == 0 and out.startswith(f"已设置 {key}"), err
        assert run("settings", "get", key)[1] == shown + "\n"
    # The footer prints what the settings say: phones as labelled lines, the texts as given.
    db = open_database(db_path)
    try:
        footer = print_settings(ServiceContext(db, Actor("王文书")))
    finally:
        db.dispose()
    assert footer.phones == ("全国监督电话 12317", "镇纪委 0379-67891234")
    assert (footer.accepting_unit, footer.issuer, footer.address, footer.email) == (
        "平乐村村务监督委员会", "平乐村民委员会", "平乐镇平乐村村委会", "cwjd@pingle.cn")
    # An empty text goes back to the printed default.
    assert run("settings", "set", "footer.unit", "")[0] == 0
    assert run("settings", "get", "footer.unit")[1] == "\n"


@pytest.mark.parametrize(("key", "value", "message"), [
    ("schedule.since", "2026-13", "月份应写作 YYYY-MM"),
    ("schedule.since", "2099-01", "不能晚于下个月"),
    ("feedback.answer_days", "0", "1–366"),
    ("feedback.answer_days", "十", "应为整数"),
    ("footer.phones", "12317", "应为 JSON 列表"),
    ("footer.phones", '[{"label":"镇纪委"}]', "缺少号码"),
    ("footer.phones", '[{"label":"镇纪委","number":"打电话"}]', "不是电话号码"),
    ("footer.phones", json.dumps([{"label": "x", "number": "12317"}] * 11), "最多 10 条"),
    ("footer.email", "cwjd", "不是电子邮箱地址"),
    ("footer.unit", "字" * 201, "超过 200 个字"),
])
def test_settings_set_refuses_a_bad_value_naming_key_and_rule(run, key, value, message):
    init(run)
    before = run("settings", "get", key)[1]
    code, out, err = run("settings", "set", key, value)
    assert code == 1 and out == ""
    assert f"设置 {key}（{SETTINGS[key].label}）有误，未保存" in err and message in err
    assert run("settings", "get", key)[1] == before  # nothing written


def test_settings_unknown_key_suggests_the_closest(run):
    init(run)
    for args in (("get", "schedule.sinse"), ("set", "schedule.sinse", "2026-10")):
        code, _, err = run("settings", *args)
        assert code == 1 and "没有名为“schedule.sinse”的设置。您是不是要输入 schedule.since？" in err
    code, _, err = run("settings", "get", "colour")
    assert code == 1 and "可用的设置：schedule.since" in err


def test_settings_change_is_audited(run, db_path):
    init(run)
    run("settings", "set", "feedback.answer_days", "15")
    from sqlalchemy import select

    from models.entities.audit import AuditEvent

    db = open_database(db_path)
    try:
        with db.read_session() as s:
            events = s.execute(select(AuditEvent).where(AuditEvent.action == "settings.set")).scalars().all()
            assert [(e.target_id, e.detail) for e in events] == [("feedback.answer_days", {"feedback.answer_days": 15})]
    finally:
        db.dispose()


def test_due_says_where_the_record_keeping_starts(run):
    init(run, "--since", "2026-10")
    code, out, _ = run("due", "--on", "2026-09-15")
    assert code == 0 and "（本程序从 2026年10月起记录；此前的公开不在统计之内）" in out
    code, out, _ = run("due", "--on", "2026-10-15")
    assert code == 0 and "此前的公开不在统计之内" not in out
