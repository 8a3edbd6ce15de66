"""The shipped catalog templates: real content that loads, validates and merges without duplicates."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import replace

import pytest

from models.rules import catalog_terms as terms
from models.rules.timing import KINDS as TIMING_KINDS
from models.rules.timing import parse_timing_text
from models.services.catalog import CatalogService, item_problems
from models.services.context import Actor, ServiceContext
from models.services.setup import initialize
from models.services.templates import default_template_id, list_templates, load_template, templates_dir

ROSTER_PRESETS = {"dili", "dibao", "linshi", "weifang", "canji", "tekun"}
PUBLISHERS_VILLAGE = {"村党组织", "村民委员会", "村务监督委员会", "村集体经济组织"}


@pytest.fixture(scope="module")
def village_items():
    return load_template("village-standard")


@pytest.fixture(scope="module")
def township_items():
    return load_template("township-standard")


def test_both_templates_are_listed():
    by_id = {t.id: t for t in list_templates()}
    assert by_id["village-standard"].mode == "village"
    assert by_id["village-standard"].name == "村级公开事项标准目录（参考模板）"
    assert by_id["village-standard"].items >= 36
    assert by_id["township-standard"].mode == "township"
    assert by_id["township-standard"].items >= 15
    assert all(t.description for t in by_id.values())
    assert default_template_id("village") == "village-standard"
    assert default_template_id("township") == "township-standard"


def test_template_files_declare_their_id_and_groups():
    for name in ("village-standard", "township-standard"):
        doc = json.loads((templates_dir() / f"{name}.json").read_text(encoding="utf-8"))
        assert doc["id"] == name
        for group in doc["groups"]:
            assert group["category"] in terms.CATEGORIES
            assert group["name"] and group["items"]


def test_village_counts_per_category(village_items):
    assert len(village_items) >= 36
    per_category = Counter(i.category for i in village_items)
    assert set(per_category) == {"党务", "村务", "财务"}
    assert per_category["党务"] >= 5 and per_category["村务"] >= 15 and per_category["财务"] >= 10


def test_township_counts_and_level(township_items):
    assert len(township_items) >= 15
    assert all(i.level == "乡级" for i in township_items)
    assert all(i.code.startswith("XZ-") for i in township_items)


@pytest.mark.parametrize("template_id", ["village-standard", "township-standard"])
def test_every_item_is_valid(template_id):
    for item in load_template(template_id):
        assert item_problems(item) == [], item.code


@pytest.mark.parametrize("template_id", ["village-standard", "township-standard"])
def test_codes_are_unique_and_clean(template_id):
    codes = [i.code for i in load_template(template_id)]
    assert len(codes) == len(set(codes))
    prefixes = {"village-standard": ("DW-", "CW-", "FW-"), "township-standard": ("XZ-",)}[template_id]
    assert all(c.startswith(prefixes) and c.split("-")[1].isdigit() for c in codes)


def test_village_codes_follow_their_category(village_items):
    prefix = {"党务": "DW-", "村务": "CW-", "财务": "FW-"}
    assert all(i.code.startswith(prefix[i.category]) for i in village_items)


@pytest.mark.parametrize("template_id", ["village-standard", "township-standard"])
def test_timing_text_parses_back_to_the_same_rule(template_id):
    for item in load_template(template_id):
        assert item.timing_text, item.code
        assert parse_timing_text(item.timing_text).to_dict() == item.timing.to_dict(), item.code


def test_village_template_covers_every_timing_kind(village_items):
    assert {i.timing.kind for i in village_items} == set(TIMING_KINDS)


@pytest.mark.parametrize("template_id", ["village-standard", "township-standard"])
def test_columns_use_the_standard_vocabularies(template_id):
    for item in load_template(template_id):
        assert item.channels and set(item.channels) <= set(terms.ALL_CHANNELS), item.code
        assert item.audience in terms.AUDIENCES and item.mode in terms.MODES
        assert item.domain is None or item.domain in terms.DOMAINS
        assert set(item.five_public) <= set(terms.FIVE_PUBLIC) and item.five_public, item.code
        assert item.default_kind in terms.KINDS
        assert item.content and item.basis and item.publisher, item.code
        if item.roster_preset is not None:
            assert item.roster_preset in ROSTER_PRESETS and item.default_kind == "roster", item.code


def test_village_items_are_village_level_with_village_publishers(village_items):
    assert all(i.level == "村级" for i in village_items)
    assert {i.publisher for i in village_items} == PUBLISHERS_VILLAGE


def test_village_template_carries_the_common_items(village_items):
    names = " ".join(i.name for i in village_items)
    for must in ("村规民约", "财务收支", "预算", "债权债务", "发包租赁", "征地补偿", "招投标", "一事一议",
                 "耕地地力保护补贴", "种粮", "最低生活保障", "特困", "临时救助", "残疾人", "宅基地",
                 "危房改造", "村干部报酬", "换届选举", "四议两公开决议", "四议两公开实施结果", "党员",
                 "党费", "村务监督委员会", "民主评议", "养老保险", "医疗保险", "计划生育"):
        assert must in names, must


def test_village_template_rules_of_the_domain(village_items):
    by_name = {i.name: i for i in village_items}
    finance = by_name["村级财务收支明细"]
    assert finance.timing.to_dict() == {"kind": "monthly", "day": 10}
    assert finance.default_kind == "finance"
    dibao = by_name["最低生活保障"]
    assert dibao.timing.to_dict() == {"kind": "within_days", "days": 10, "working": True}
    assert dibao.posting_days == 7 and dibao.roster_preset == "dibao" and dibao.domain == "社会救助"
    project = by_name["村级工程项目招投标及预决算"]
    assert project.timing.kind == "per_stage" and project.default_kind == "project"
    assert project.posting_days >= 10
    assert by_name["一事一议筹资筹劳"].default_kind == "yishi"
    assert by_name["四议两公开决议公开"].default_kind == "decision"
    assert by_name["年度财务收支预算"].timing.to_dict() == {"kind": "yearly", "month": 4, "day": 8,
                                                          "year_offset": 0}
    assert by_name["年度财务决算"].timing.to_dict() == {"kind": "yearly", "month": 2, "day": 8, "year_offset": 1}
    # Assets and resources: at least yearly and again whenever they change.
    assets = [i for i in village_items if "发包租赁" in i.name]
    assert {i.timing.kind for i in assets} == {"yearly", "immediate"}
    presets = {i.roster_preset for i in village_items if i.roster_preset}
    assert presets == ROSTER_PRESETS


def test_village_bases_cite_real_laws(village_items):
    bases = " ".join(i.basis for i in village_items)
    for law in ("《中华人民共和国村民委员会组织法》第三十条", "《社会救助暂行办法》", "《最低生活保障审核确认办法》",
                "《农村集体经济组织财务制度》", "《中国共产党支部工作条例（试行）》", "《村民一事一议筹资筹劳管理办法》"):
        assert law in bases, law


def test_township_template_items(township_items):
    by_name = {i.name: i for i in township_items}
    report = by_name["政府信息公开工作年度报告"]
    assert report.timing.to_dict() == {"kind": "yearly", "month": 1, "day": 31, "year_offset": 1}
    request = by_name["依申请公开政府信息"]
    assert request.mode == "依申请" and request.audience == "特定群众"
    assert request.timing.to_dict() == {"kind": "within_days", "days": 20, "working": True}
    assert request.posting_days == 0  # answered to the applicant, not posted
    domains = {i.domain for i in township_items}
    assert {"财政预决算", "涉农补贴", "社会救助", "重大建设项目", "征地补偿"} <= domains


# --- loading into a catalog ---------------------------------------------------------------------

def test_loading_twice_never_duplicates(empty_village, village_items):
    _db, ctx = empty_village
    svc = CatalogService(ctx)
    first = svc.merge(village_items, source="village-standard", update_existing=False)
    assert len(first.added) == len(village_items) and svc.count() == len(village_items)
    second = svc.merge(village_items, source="village-standard", update_existing=False)
    assert second.added == [] and len(second.unchanged) == len(village_items)
    assert svc.count() == len(village_items)
    # Updating from the same template changes nothing either.
    third = svc.merge(village_items, source="village-standard", update_existing=True)
    assert third.added == [] and third.updated == []
    assert svc.count() == len(village_items)


def test_loading_over_existing_items_merges_by_code(empty_village, village_items):
    _db, ctx = empty_village
    svc = CatalogService(ctx)
    own = replace(village_items[0], name="本村自定的名称", content="本村的公开内容")
    svc.add(own)
    svc.add(replace(village_items[1], code="ZD-01", name="本村特有事项"))
    result = svc.merge(village_items, update_existing=False)
    assert own.code in result.unchanged and own.code not in result.added
    assert svc.count() == len(village_items) + 1
    assert svc.get(own.code).name == "本村自定的名称"


def test_local_edit_survives_reload_unless_updating(village):
    _db, ctx = village
    svc = CatalogService(ctx)
    template = {i.code: i for i in load_template("village-standard")}
    edited = replace(svc.get("FW-04"), content="本村改过的公开内容", posting_days=10)
    svc.update("FW-04", edited)
    before = svc.count()

    kept = svc.merge(list(template.values()), update_existing=False)
    assert svc.get("FW-04").content == "本村改过的公开内容"
    assert svc.get("FW-04").posting_days == 10
    assert kept.updated == [] and svc.count() == before

    updated = svc.merge(list(template.values()), update_existing=True)
    assert updated.updated == ["FW-04"]
    assert svc.get("FW-04").content == template["FW-04"].content
    assert svc.get("FW-04").posting_days == template["FW-04"].posting_days
    assert svc.count() == before


def test_loaded_items_read_back_as_in_the_template(village):
    _db, ctx = village
    loaded = {i.code: i for i in CatalogService(ctx).list_items()}
    for item in load_template("village-standard"):
        got = loaded[item.code]
        mine, theirs = got.to_json(), item.to_json()
        # ticks are a set; the catalog stores them in the standard's order
        for key in ("channels", "five_public"):
            assert set(mine.pop(key)) == set(theirs.pop(key)), item.code
        assert mine == theirs, item.code


@pytest.mark.parametrize("mode,code,template_id,township", [
    ("village", "410322100201", "village-standard", "城关镇"),
    ("township", "410322100", "township-standard", None),
])
def test_initialize_with_a_template(tmp_path, mode, code, template_id, township):
    db = initialize(tmp_path / f"{mode}.sqlite3", mode=mode, code=code, name="测试", township=township,
                    operator="王文书", template_id=template_id)
    try:
        items = CatalogService(ServiceContext(db, Actor("王文书"))).list_items()
        assert len(items) >= (30 if mode == "village" else 15)
        assert len(items) == len(load_template(template_id))
        for item in items:
            assert item.timing.kind in ("monthly", "quarterly", "yearly", "within_days", "immediate", "per_stage")
            assert item.timing.to_dict()["kind"] == item.timing.kind
    finally:
        db.dispose()


def test_village_fixture_has_the_standard_catalog(village):
    _db, ctx = village
    items = CatalogService(ctx).list_items()
    assert len(items) >= 30
    groups = CatalogService(ctx).groups()
    assert {g.category for g in groups} == {"党务", "村务", "财务"}
