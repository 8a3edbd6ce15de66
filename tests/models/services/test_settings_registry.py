"""The settings registry: one declaration per key that the services, the CLI, the GUI and set-up share."""

from __future__ import annotations

from datetime import date

import pytest

from models.errors import CunwuError, ValidationError
from models.printing.settings import print_settings, set_print_settings
from models.services.feedback import FeedbackService
from models.services.schedule import ScheduleService
from models.services.settings import SETTINGS, SettingsService, check_setting
from models.services.setup import initialize
from models.services.templates import default_template_id, list_templates, template_name


def test_every_contract_key_is_declared_with_a_label_and_help():
    for key in ("schedule.since", "feedback.answer_days", "footer.phones", "footer.unit", "footer.address",
                "footer.email", "footer.issuer", "footer.objection"):
        spec = SETTINGS[key]
        assert spec.label and spec.help and spec.kind in ("month", "int", "text", "phones")


def test_set_many_is_one_transaction_and_refuses_all_on_one_bad_value(empty_village):
    db, ctx = empty_village
    svc = SettingsService(ctx)
    with pytest.raises(ValidationError) as err:
        svc.set_many({"footer.unit": "平乐村监委会", "feedback.answer_days": 400})
    assert "1–366" in str(err.value)
    assert svc.get("footer.unit") == ""  # nothing written
    saved = svc.set_many({"footer.unit": "平乐村监委会", "feedback.answer_days": 20})
    assert saved == {"footer.unit": "平乐村监委会", "feedback.answer_days": 20}


def test_owners_read_and_check_through_the_registry(empty_village):
    db, ctx = empty_village
    SettingsService(ctx).set("feedback.answer_days", 20)
    assert FeedbackService(ctx).settings().answer_days == 20
    with pytest.raises(ValidationError, match="1–366"):
        FeedbackService(ctx).set_settings(answer_days=0)
    with pytest.raises(ValidationError, match="缺少号码"):  # 打印设置 refuses what `settings set` refuses
        set_print_settings(ctx, phones=["村务监督委员会 张三"])
    set_print_settings(ctx, phones=["镇纪委 0379-67891234"], accepting_unit="监委会")
    SettingsService(ctx).set("footer.email", "cwjd@pingle.cn")
    footer = print_settings(ctx)  # the footer keeps what the other path wrote
    assert (footer.phones, footer.accepting_unit, footer.email) == (("镇纪委 0379-67891234",), "监委会", "cwjd@pingle.cn")
    assert SettingsService(ctx).get("footer.phones") == [{"label": "镇纪委", "number": "0379-67891234"}]


def test_start_month_rule():
    today = date(2026, 12, 7)
    assert check_setting("schedule.since", date(2027, 1, 1), today) == []
    assert "不能晚于下个月" in check_setting("schedule.since", date(2027, 2, 1), today)[0]
    assert "不能早于" in check_setting("schedule.since", date(1999, 12, 1), today)[0]
    with pytest.raises(CunwuError, match="您是不是要输入 footer.email"):
        check_setting("footer.mail", "x")


def test_setup_stores_the_start_month_and_footer_or_refuses_all(db_path):
    with pytest.raises(ValidationError) as err:
        initialize(db_path, mode="village", code="410322100201", name="平乐村", township="平乐镇", operator="李",
                   template_id=None, since=date(2026, 10, 1),
                   settings={"footer.phones": [{"label": "镇纪委", "number": ""}]})
    assert "缺少号码" in str(err.value) and not db_path.exists()
    db = initialize(db_path, mode="village", code="410322100201", name="平乐村", township="平乐镇", operator="李",
                    template_id=None, since=date(2026, 10, 1),
                    settings={"footer.phones": [{"label": "全国监督电话", "number": "12317"}]})
    try:
        from models.services.context import Actor, ServiceContext

        ctx = ServiceContext(db, Actor("李"))
        assert ScheduleService(ctx).since() == date(2026, 10, 1)
        assert print_settings(ctx).phones == ("全国监督电话 12317",)
        summary = ScheduleService(ctx).todo(date(2026, 12, 7))
        assert summary.since == date(2026, 10, 1) and not summary.footer_phones_missing
    finally:
        db.dispose()


def test_todo_says_when_the_footer_has_no_phone(empty_village):
    db, ctx = empty_village
    assert ScheduleService(ctx).todo(date(2026, 6, 15)).footer_phones_missing


def test_template_name():
    tid = default_template_id("village")
    assert template_name(tid) == next(t.name for t in list_templates() if t.id == tid) != tid
    assert template_name("no-such-template") is None and template_name(None) is None
