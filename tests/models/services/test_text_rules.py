"""Names and text through the services (issue 11, part 7): hidden characters refused in names and
codes with the field and U+XXXX named, free text normalised or refused, NFC storage; nothing written
when refused."""

from __future__ import annotations

import re
from datetime import date

import pytest

from models.cli import main
from models.errors import ValidationError
from models.rules.timing import TimingRule
from models.services.catalog import CatalogService, ItemData
from models.services.context import Actor, ServiceContext
from models.services.disclosures import DisclosureService
from models.services.feedback import FeedbackService
from models.services.setup import initialize

RLO = "\u202e"
ZWSP = "\u200b"


@pytest.fixture
def env(empty_village):
    db, ctx = empty_village
    CatalogService(ctx).add(ItemData(code="DB-01", group="社会救助", name="低保名单",
                                     timing=TimingRule("quarterly", day=20), default_kind="roster",
                                     roster_preset="dibao"))
    return db, ctx, DisclosureService(ctx, clock=lambda: date(2026, 7, 20))


def _item(**kw) -> ItemData:
    base = {"code": "CW-09", "group": "财务", "name": "财务收支", "timing": TimingRule("monthly", day=10)}
    return ItemData(**{**base, **kw})


@pytest.mark.parametrize(("field", "label", "value", "code_point"), [
    ("code", "编号", f"CW{ZWSP}-09", "U+200B"),
    ("name", "二级事项", f"财务{RLO}收支", "U+202E"),
    ("group", "一级事项", "财务\n公开", "U+000A"),
    ("publisher", "公开主体", "村委\x1b[2J会", "U+001B"),
])
def test_catalog_names_and_codes_refuse_hidden_characters(env, field, label, value, code_point):
    _db, ctx, _svc = env
    with pytest.raises(ValidationError) as err:
        CatalogService(ctx).add(_item(**{field: value}))
    text = str(err.value)
    assert f"{label}含有" in text and code_point in text
    assert [i.code for i in CatalogService(ctx).list_items()] == ["DB-01"]  # nothing written


def test_catalog_free_text_is_normalised_and_bidi_refused(env):
    _db, ctx, _svc = env
    saved = CatalogService(ctx).add(_item(name="Cafe\u0301", content=f"收入\r\n支出{ZWSP}明细", basis="法\u2029规"))
    assert saved.name == "Café" and saved.content == "收入\n支出明细" and saved.basis == "法\n规"
    with pytest.raises(ValidationError, match=re.escape("公开内容（要素）含有不可见的文字方向控制符 U+202E")):
        CatalogService(ctx).update("CW-09", _item(content=f"金额{RLO}001"))
    assert CatalogService(ctx).get("CW-09").content == "收入\n支出明细"


def test_a_roster_name_with_a_terminal_escape_is_refused_with_its_row(env):
    _db, _ctx, svc = env
    rows = [{"name": "李四", "amount": "10"}, {"name": "张\x1b[2J三", "amount": "20"}]
    with pytest.raises(ValidationError) as err:
        svc.create("DB-01", "2026-Q3", "低保名单", rows=rows)
    problem = err.value.problems[0]
    assert (problem.row, problem.field, problem.rule) == (2, "name", "characters")
    assert "姓名含有不可见的控制字符 U+001B" in problem.message
    assert svc.list() == []


def test_roster_text_columns(env):
    _db, _ctx, svc = env
    rows = [{"name": "王\u0303五", "group": "三组", "amount": "10", "remark": f"第一行\r\n第二{ZWSP}行"}]
    d = svc.create("DB-01", "2026-Q3", "低保名单", rows=rows)
    row = svc.get(d.id).rows[0]
    assert row["name"] == "王\u0303五"  # no precomposed form: unchanged
    assert row["remark"] == "第一行\n第二行"
    for bad, field in (({"group": f"三{ZWSP}组"}, "group"), ({"remark": f"退{RLO}款"}, "remark"),
                       ({"备注2": "x\x07y"}, "备注2")):
        with pytest.raises(ValidationError) as err:
            svc.set_rows(d.id, [{**rows[0], **bad}])
        assert err.value.problems[0].field == field and "U+" in err.value.problems[0].message


def test_titles_are_one_line_and_bodies_free_text(env):
    _db, _ctx, svc = env
    with pytest.raises(ValidationError, match=re.escape("标题含有不可见的换行 U+000A")):
        svc.create("DB-01", "2026-Q3", "低保\n名单")
    d = svc.create("DB-01", "2026-Q3", " 低保名单 ", body="第一段\r\n第二段")
    assert d.title == "低保名单" and d.body == "第一段\n第二段"
    with pytest.raises(ValidationError, match=re.escape("正文含有不可见的文字方向控制符 U+2066")):
        svc.update(d.id, body="x\u2066y")
    with pytest.raises(ValidationError, match=re.escape("标题含有不可见的零宽字符 U+FEFF")):
        svc.update(d.id, title="\ufeff低保名单")
    assert svc.get(d.id).body == "第一段\n第二段"


def test_reviewer_names_and_feedback_text(env, empty_village):
    db, ctx, svc = env
    d = svc.create("DB-01", "2026-Q3", "低保名单", rows=[{"name": "李四", "amount": "10"}])
    svc.submit(d.id)
    reviewer = DisclosureService(ServiceContext(db, Actor("李监委", "reviewer")), clock=lambda: date(2026, 7, 20))
    with pytest.raises(ValidationError, match=re.escape("审核人含有不可见的控制字符 U+0007")):
        reviewer.approve(d.id, "李\x07监委")
    with pytest.raises(ValidationError, match=re.escape("退回理由含有不可见的文字方向控制符 U+202E")):
        reviewer.return_(d.id, "李监委", f"金额{RLO}有误")
    reviewer.approve(d.id, "李监委", "同意\r\n公示")
    assert svc.get(d.id).review_opinion == "同意\n公示"
    svc.post(d.id, start="2026-07-18")
    fb = FeedbackService(ctx, clock=lambda: date(2026, 7, 20))
    with pytest.raises(ValidationError, match=re.escape("反映人姓名含有不可见的零宽字符 U+200B")):
        fb.add(d.id, "请核实", received=date(2026, 7, 19), from_name=f"张{ZWSP}三")
    saved = fb.add(d.id, f"请核实\r\n面积{ZWSP}", received=date(2026, 7, 19))
    assert saved.text == "请核实\n面积"


def test_setup_names(tmp_path):
    with pytest.raises(ValidationError) as err:
        initialize(tmp_path / "x.sqlite3", mode="village", code="410322100201", name=f"测试{RLO}村",
                   township="城关镇", operator="王文书", template_id=None)
    assert "名称含有不可见的文字方向控制符 U+202E" in str(err.value)
    assert not (tmp_path / "x.sqlite3").exists()


def test_the_cli_names_field_and_character(env, db_path, capsys):
    code = main(["--db", str(db_path), "disclosure", "new", "--item", "DB-01", "--period", "2026-Q3", "--title", f"低保{RLO}名单"])
    err = capsys.readouterr().err
    assert code == 1 and "标题含有不可见的文字方向控制符 U+202E" in err and "Traceback" not in err


def test_structured_content_text_is_normalised_and_bidi_refused(empty_village):
    _db, ctx = empty_village
    CatalogService(ctx).add(ItemData(code="CW-01", group="财务", name="财务收支", category="财务",
                                     timing=TimingRule("monthly", day=10), default_kind="finance"))
    svc = DisclosureService(ctx, clock=lambda: date(2026, 7, 20))
    row = {"date": "2026-07-03", "voucher": "记-1", "summary": f"购买\r\n办公{ZWSP}用品", "income": "",
           "expense": "120.00"}
    content = {"opening": "1000.00", "closing": "880.00", "rows": [row]}
    d = svc.create("CW-01", "2026-M07", "7月财务", content=content)
    assert svc.get(d.id).content["rows"][0]["summary"] == "购买\n办公用品"
    bad = {**content, "rows": [{**row, "summary": f"退款{RLO}021"}]}
    with pytest.raises(ValidationError, match=re.escape("摘要含有不可见的文字方向控制符 U+202E")):
        svc.update(d.id, content=bad)
    with pytest.raises(ValidationError, match=re.escape("摘要含有不可见的文字方向控制符 U+202E")):
        svc.create("CW-01", "2026-M08", "8月财务", content=bad)
    assert svc.get(d.id).content["rows"][0]["summary"] == "购买\n办公用品" and len(svc.list()) == 1


def test_a_ten_megabyte_remark_is_refused_by_its_length_cap_and_nothing_is_stored(env):
    _db, _ctx, svc = env
    remark = f"备{ZWSP}" * 5_000_000  # 10 million characters, half of them invisible
    with pytest.raises(ValidationError) as err:
        svc.create("DB-01", "2026-Q3", "低保名单", rows=[{"name": "张三", "amount": "10", "remark": remark}])
    [problem] = err.value.problems
    assert (problem.row, problem.field, problem.rule) == (1, "remark", "length")
    assert "备注超过 500 个字（实为 5000000 个字）" in problem.message  # counted after zero-width removal
    assert svc.list() == []
