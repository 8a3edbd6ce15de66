"""CatalogService: editing, retiring, deleting, listing, merging — and nothing written when refused."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import func, select

from models.entities import AuditEvent, CatalogItem
from models.errors import NotFound, ValidationError
from models.rules.timing import TimingRule
from models.services import catalog as catalog_module
from models.services.catalog import CatalogService, ItemData, item_problems, register_record_counter


def _item(code="CW-01", **kw) -> ItemData:
    base = dict(code=code, category="村务", group="村务管理", name="村规民约", content="村规民约全文",
                basis="《中华人民共和国村民委员会组织法》第二十七条",
                timing=TimingRule("within_days", days=7), timing_text="经村民会议讨论通过之日起7日内",
                channels=("社区/村公示栏(电子屏)", "村务微信群"))
    base.update(kw)
    return ItemData(**base)


def _events(db) -> list[str]:
    with db.read_session() as s:
        return list(s.execute(select(AuditEvent.action).order_by(AuditEvent.id)).scalars())


def _rows(db) -> int:
    with db.read_session() as s:
        return s.execute(select(func.count(CatalogItem.id))).scalar_one()


@pytest.fixture
def svc(empty_village):
    _db, ctx = empty_village
    return CatalogService(ctx)


@pytest.fixture
def record_counter():
    """Registers a counter reporting records for the given item codes; removed afterwards."""
    used: dict[str, int] = {}

    def counter(session, item_id):
        code = session.get(CatalogItem, item_id).code
        return used.get(code, 0)

    before = list(catalog_module._record_counters)
    register_record_counter(counter)
    yield used
    catalog_module._record_counters.remove(counter)
    assert catalog_module._record_counters == before


# --- add / update / retire / restore ------------------------------------------------------------

def test_add_returns_the_stored_item(empty_village, svc):
    db, _ctx = empty_village
    saved = svc.add(_item())
    assert saved.id is not None and saved.code == "CW-01" and saved.active
    assert saved.timing == TimingRule("within_days", days=7)
    assert svc.get("CW-01").to_json() == _item().to_json()
    assert svc.count() == 1
    assert _events(db)[-1] == "catalog.item.add"


def test_add_fills_missing_wording_from_the_rule(svc):
    saved = svc.add(_item(timing=TimingRule("monthly", day=10), timing_text=""))
    assert saved.timing_text == "每月10日前公开上月情况"


def test_update_changes_columns_but_keeps_the_code(empty_village, svc):
    db, _ctx = empty_village
    svc.add(_item())
    changed = svc.update("CW-01", _item(code="IGNORED", name="村规民约（修订）", posting_days=10,
                                        channels=("社区/村公示栏(电子屏)", "入户/现场")))
    assert changed.code == "CW-01" and changed.name == "村规民约（修订）"
    got = svc.get("CW-01")
    # ticks are kept in the standard's order, whatever order they were given in
    assert got.posting_days == 10 and got.channels == ("入户/现场", "社区/村公示栏(电子屏)")
    with pytest.raises(NotFound):
        svc.get("IGNORED")
    assert _events(db)[-1] == "catalog.item.update"


def test_update_moves_an_item_to_another_group(svc):
    svc.add(_item())
    svc.update("CW-01", _item(group="村民自治", category="村务"))
    assert svc.get("CW-01").group == "村民自治"
    assert {g.name for g in svc.groups()} == {"村务管理", "村民自治"}


def test_update_unknown_code(svc):
    with pytest.raises(NotFound) as exc:
        svc.update("CW-99", _item())
    assert "CW-99" in str(exc.value)


def test_retire_and_restore(empty_village, svc):
    db, _ctx = empty_village
    svc.add(_item())
    svc.add(_item("CW-02", name="村民自治章程"))
    retired = svc.retire("CW-01")
    assert retired.active is False
    assert [i.code for i in svc.list_items()] == ["CW-02"]
    assert [i.code for i in svc.list_items(include_retired=True)] == ["CW-01", "CW-02"]
    assert svc.get("CW-01").active is False
    restored = svc.set_active("CW-01", True)
    assert restored.active
    assert [i.code for i in svc.list_items()] == ["CW-01", "CW-02"]
    assert _events(db)[-2:] == ["catalog.item.retire", "catalog.item.restore"]


def test_retire_unknown_code(svc):
    with pytest.raises(NotFound):
        svc.retire("XX-01")


# --- refusals write nothing ---------------------------------------------------------------------

def test_duplicate_code_is_refused_naming_the_code_field(empty_village, svc):
    db, _ctx = empty_village
    svc.add(_item())
    events = _events(db)
    with pytest.raises(ValidationError) as exc:
        svc.add(_item(name="另一个事项"))
    err = exc.value
    assert [p.field for p in err.problems] == ["编号"]
    assert "编号" in str(err) and "CW-01" in str(err)
    assert svc.count() == 1 and svc.get("CW-01").name == "村规民约"
    assert _events(db) == events


@pytest.mark.parametrize("bad,field", [
    (dict(channels=("村口大喇叭",)), "公开渠道和载体"),
    (dict(channels=()), "公开渠道和载体"),
    (dict(audience="全体村民"), "公开对象"),
    (dict(mode="被动"), "公开方式"),
    (dict(level="省级"), "公开层级"),
    (dict(timing=TimingRule("monthly", day=32)), "公开时限"),
    (dict(timing=TimingRule("within_days")), "公开时限"),
    (dict(timing=TimingRule("weekly")), "公开时限"),
    (dict(code=""), "编号"),
    (dict(code="CW 01"), "编号"),
    (dict(name=""), "二级事项"),
    (dict(group=""), "一级事项"),
    (dict(category="政务"), "类别"),
    (dict(domain="农业"), "领域"),
    (dict(five_public=("监督",)), "五公开"),
    (dict(posting_days=400), "公示天数"),
    (dict(default_kind="letter"), "记录类型"),
])
def test_invalid_items_are_refused_and_nothing_is_written(empty_village, svc, bad, field):
    db, _ctx = empty_village
    events = _events(db)
    with pytest.raises(ValidationError) as exc:
        svc.add(_item(**bad))
    assert field in [p.field for p in exc.value.problems]
    assert "未保存" in str(exc.value)
    assert svc.count() == 0 and _rows(db) == 0 and svc.groups() == []
    assert _events(db) == events


def test_invalid_update_leaves_the_item_as_it_was(empty_village, svc):
    db, _ctx = empty_village
    svc.add(_item())
    events = _events(db)
    with pytest.raises(ValidationError):
        svc.update("CW-01", _item(name="改过", channels=("不存在的渠道",)))
    assert svc.get("CW-01").name == "村规民约"
    assert _events(db) == events


def test_item_problems_collects_every_problem_with_location():
    problems = item_problems(_item(code="", channels=("乱写",), audience="所有人"), row=3, file="目录.xlsx")
    fields = {p.field for p in problems}
    assert {"编号", "公开渠道和载体", "公开对象"} <= fields
    assert all(p.row == 3 and p.file == "目录.xlsx" for p in problems)
    assert item_problems(_item()) == []


# --- listing ------------------------------------------------------------------------------------

@pytest.fixture
def listed(svc):
    svc.add(_item("CW-01", group="村民自治", name="村规民约"))
    svc.add(_item("CW-02", group="社会救助", name="最低生活保障", content="低保对象名单",
                  channels=("社区/村公示栏(电子屏)", "入户/现场"), default_kind="roster", roster_preset="dibao"))
    svc.add(_item("FW-01", category="财务", group="财务收支", name="村级财务收支明细", content="各项收入和支出明细",
                  timing=TimingRule("monthly", day=10), timing_text="每月10日前公开上月财务收支明细",
                  default_kind="finance"))
    svc.add(_item("FW-02", category="财务", group="财务收支", name="债权债务", content="债权债务变动",
                  timing=TimingRule("quarterly", day=20), timing_text=""))
    svc.retire("FW-02")
    return svc


def codes(items) -> list[str]:
    return [i.code for i in items]


def test_list_in_catalog_order(listed):
    assert codes(listed.list_items()) == ["CW-01", "CW-02", "FW-01"]
    assert codes(listed.list_items(include_retired=True)) == ["CW-01", "CW-02", "FW-01", "FW-02"]


@pytest.mark.parametrize("query,expected", [
    ("cgmy", ["CW-01"]),
    ("cunguiminyue", ["CW-01"]),
    ("zdshbz", ["CW-02"]),
    ("低保", ["CW-02"]),  # found in the content
    ("cwsz", ["FW-01"]),
    ("fw", ["FW-01"]),
    ("cw", ["CW-01", "CW-02", "FW-01"]),  # CW codes, and 财务 (caiwu) in FW-01's name
    ("shjz", ["CW-02"]),  # the group name
    ("cw 10", ["FW-01"]),
    ("xyzxyz", []),
])
def test_list_by_query(listed, query, expected):
    assert codes(listed.list_items(query=query)) == expected


def test_list_by_query_includes_retired_on_request(listed):
    assert codes(listed.list_items(query="zqzw")) == []
    assert codes(listed.list_items(query="zqzw", include_retired=True)) == ["FW-02"]


def test_list_by_category_group_and_channel(listed):
    assert codes(listed.list_items(category="财务")) == ["FW-01"]
    assert codes(listed.list_items(category="财务", include_retired=True)) == ["FW-01", "FW-02"]
    assert codes(listed.list_items(category="党务")) == []
    assert codes(listed.list_items(group="社会救助")) == ["CW-02"]
    assert codes(listed.list_items(channel="入户/现场")) == ["CW-02"]
    assert codes(listed.list_items(channel="村务微信群")) == ["CW-01", "FW-01"]
    assert codes(listed.list_items(category="村务", channel="入户/现场", query="cgmy")) == []
    assert codes(listed.list_items(category="村务", channel="入户/现场", query="zdsh")) == ["CW-02"]


def test_groups(listed):
    assert [(g.category, g.name) for g in listed.groups()] == [
        ("村务", "村民自治"), ("村务", "社会救助"), ("财务", "财务收支")]


# --- delete -------------------------------------------------------------------------------------

def test_delete_without_records(empty_village, svc, record_counter):
    db, _ctx = empty_village
    svc.add(_item())
    svc.delete("CW-01")
    assert svc.count() == 0
    with pytest.raises(NotFound):
        svc.get("CW-01")
    assert _events(db)[-1] == "catalog.item.delete"


def test_delete_refused_when_records_exist(empty_village, svc, record_counter):
    db, _ctx = empty_village
    svc.add(_item())
    svc.add(_item("CW-02", name="村民自治章程"))
    record_counter["CW-01"] = 3
    events = _events(db)
    with pytest.raises(ValidationError) as exc:
        svc.delete("CW-01")
    assert "3 条" in str(exc.value) and "停用" in str(exc.value)
    assert svc.count() == 2 and svc.get("CW-01").active
    assert _events(db) == events
    svc.delete("CW-02")  # an item without records of the same catalog still goes
    assert codes(svc.list_items()) == ["CW-01"]


def test_delete_unknown_code(svc):
    with pytest.raises(NotFound):
        svc.delete("CW-99")


# --- next_code ----------------------------------------------------------------------------------

def test_next_code(svc):
    assert svc.next_code() == "CW-01"
    assert svc.next_code("FW") == "FW-01"
    svc.add(_item("CW-01"))
    svc.add(_item("CW-03", name="另一项"))
    assert svc.next_code() == "CW-02"
    svc.add(_item("CW-02", name="第三项"))
    assert svc.next_code() == "CW-04"
    svc.add(_item("FW-01", category="财务", group="财务收支", name="财务"))
    assert svc.next_code("FW") == "FW-02"


def test_next_code_skips_retired_codes(svc):
    svc.add(_item("CW-01"))
    svc.retire("CW-01")
    assert svc.next_code() == "CW-02"  # a retired code still belongs to its records


# --- merge --------------------------------------------------------------------------------------

def test_merge_is_all_or_nothing(empty_village, svc):
    db, _ctx = empty_village
    events = _events(db)
    with pytest.raises(ValidationError) as exc:
        svc.merge([_item("CW-01"), _item("CW-02", channels=("乱写",)), _item("CW-01", name="重复")])
    rules = [p.rule for p in exc.value.problems]
    assert "channel" in rules and "unique" in rules
    assert svc.count() == 0 and _events(db) == events


def test_merge_adds_updates_and_leaves_unchanged(empty_village, svc):
    db, _ctx = empty_village
    svc.add(_item("CW-01"))
    svc.add(_item("CW-02", name="村民自治章程"))
    result = svc.merge([_item("CW-01"), _item("CW-02", name="村民自治章程（修订）"), _item("CW-03", name="新事项")],
                       source="测试")
    assert result.added == ["CW-03"] and result.updated == ["CW-02"] and result.unchanged == ["CW-01"]
    assert svc.get("CW-02").name == "村民自治章程（修订）"
    assert _events(db)[-1] == "catalog.merge"
    kept = svc.merge([_item("CW-02", name="又改了")], update_existing=False)
    assert kept.unchanged == ["CW-02"] and svc.get("CW-02").name == "村民自治章程（修订）"


# --- ItemData JSON ------------------------------------------------------------------------------

def test_item_json_round_trip():
    item = _item(domain="社会救助", five_public=("服务", "结果"), posting_days=7, posting_working_days=True,
                 default_kind="roster", roster_preset="dibao")
    assert ItemData.from_json(item.to_json()) == item


def test_from_json_keeps_a_zero_posting_period():
    data = _item().to_json() | {"posting_days": 0}
    assert ItemData.from_json(data).posting_days == 0
    data.pop("posting_days")
    assert ItemData.from_json(data).posting_days == 7


def test_from_json_reads_the_rule_from_the_wording_when_no_rule_is_given():
    data = _item().to_json()
    data.pop("timing")
    data["timing_text"] = "每月10日前公开上月财务收支"
    item = ItemData.from_json(data)
    assert item.timing == TimingRule("monthly", day=10)
    assert item.timing_text == "每月10日前公开上月财务收支"


def test_from_json_without_any_timing_defaults_to_quarterly():
    data = {"code": "CW-01", "group": "村务管理", "name": "事项"}
    item = ItemData.from_json(data)
    assert item.timing == TimingRule("quarterly") and item.timing_text == "每季度公开一次"


def test_stored_items_are_detached_dataclasses(svc):
    saved = svc.add(_item())
    other = replace(saved, name="改名")
    assert saved.name == "村规民约" and other.name == "改名"


# --- several items at once (the catalog page's multi-selection) ---------------------------------

def test_retire_and_restore_several_items_in_one_transaction(empty_village, svc):
    db, _ctx = empty_village
    for n in (1, 2, 3):
        svc.add(_item(f"CW-0{n}", name=f"事项{n}"))
    before = len(_events(db))
    retired = svc.set_active_many(["CW-03", "CW-01", "CW-03"], False)
    assert [(i.code, i.active) for i in retired] == [("CW-03", False), ("CW-01", False)]
    assert [i.code for i in svc.list_items()] == ["CW-02"]
    assert _events(db)[before:] == ["catalog.item.retire"]  # one audit event for the lot
    with db.read_session() as s:
        event = s.execute(select(AuditEvent).order_by(AuditEvent.id.desc()).limit(1)).scalar_one()
    assert event.target_id == "CW-03,CW-01" and event.detail == {"codes": ["CW-03", "CW-01"]}
    svc.set_active_many(["CW-01", "CW-03"], True)
    assert [i.code for i in svc.list_items()] == ["CW-01", "CW-02", "CW-03"]


def test_a_missing_code_refuses_the_whole_batch(svc):
    svc.add(_item("CW-01"))
    with pytest.raises(NotFound, match="XX-09"):
        svc.set_active_many(["CW-01", "XX-09"], False)
    assert svc.get("CW-01").active


def test_deleting_several_items_is_all_or_nothing_naming_each_item_with_records(empty_village, svc,
                                                                                record_counter):
    db, _ctx = empty_village
    for n in (1, 2, 3):
        svc.add(_item(f"CW-0{n}", name=f"事项{n}"))
    record_counter.update({"CW-01": 2, "CW-03": 1})
    with pytest.raises(ValidationError) as refused:
        svc.delete_many(["CW-01", "CW-02", "CW-03"])
    assert "2 个事项已有公开记录" in refused.value.summary and "未删除任何事项" in refused.value.summary
    assert [p.message for p in refused.value.problems] == [
        "事项“事项1”已有 2 条公开记录，不能删除，只能停用", "事项“事项3”已有 1 条公开记录，不能删除，只能停用"]
    assert _rows(db) == 3
    record_counter.clear()
    svc.delete_many(["CW-01", "CW-02"])
    assert [i.code for i in svc.list_items()] == ["CW-03"]
    assert _events(db)[-1] == "catalog.item.delete"
