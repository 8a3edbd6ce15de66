"""Content files of 一事一议 and 四议两公开 through `cunwu disclosure new --content-file`: the real
fields are kept, the labour-money and household quorum rules refuse submit with both figures, and
`show --json` returns the content and totals (contract: shared/docs/cli.md, extended in README)."""

from __future__ import annotations

import json

import pytest

from models.rules.timing import TimingRule
from models.services.catalog import CatalogService, ItemData


@pytest.fixture
def cli(empty_village, cunwu):
    db, ctx = empty_village
    cat = CatalogService(ctx)
    cat.add(ItemData(code="YS-01", group="一事一议", name="一事一议筹资筹劳", timing=TimingRule("immediate"),
                     posting_days=7, default_kind="yishi"))
    cat.add(ItemData(code="JC-01", group="四议两公开", name="重大事项决策", timing=TimingRule("immediate"),
                     posting_days=5, default_kind="decision"))

    return lambda *args: cunwu(*args, user="王文书")


YISHI = {"project": "三组生产路硬化", "nature": "新建", "scale": "长1.2公里、宽3.5米", "unit": "万元", "total": 12,
         "raise_start": "2026-03-01", "raise_end": "2026年3月31日",
         "sources": [{"name": "投劳折资", "amount": 4.8}, {"name": "财政奖补", "amount": "6"},
                     {"name": "村集体投入", "amount": "1.2"}],
         "labour_persons": 120, "labour_days": 5, "labour_rate": "80", "finance_group": "张理财、李会计、王监督"}


def _new(cli, tmp_path, item, content):
    path = tmp_path / "c.json"
    path.write_text(json.dumps(content, ensure_ascii=False), encoding="utf-8")
    code, out, err = cli("disclosure", "new", "--item", item, "--period", "2026-03-01", "--title", "公示",
                         "--content-file", str(path), "--json")
    assert code == 0, err
    return json.loads(out)["id"], err


def test_yishi_content_file_keeps_the_real_fields_and_checks_the_labour(cli, tmp_path):
    did, err = _new(cli, tmp_path, "YS-01", YISHI)
    assert err.strip() == ""
    d = json.loads(cli("disclosure", "show", str(did), "--json")[1])
    c = d["content"]
    assert (c["nature"], c["scale"], c["raise_start"], c["raise_end"]) == ("新建", "长1.2公里、宽3.5米", "2026-03-01",
                                                                          "2026-03-31")
    assert (c["labour_persons"], c["labour_days"], c["labour_rate"]) == (120, "5", "80.00")
    assert c["finance_group"] == ["张理财", "李会计", "王监督"]
    assert d["totals"]["labour_money"] == "48000.00" and d["findings"] == []
    assert "per_person" not in c
    assert cli("disclosure", "submit", str(did))[0] == 0

    wrong = dict(YISHI, labour_persons=100)
    did, err = _new(cli, tmp_path, "YS-01", wrong)
    message = "筹劳 100 人 × 5 天 × 80.00 元/人·天 = 40000.00 元，与资金来源第 1 项“投劳折资” 4.80 万元（48000.00 元）不符"
    assert message in err
    code, _out, err = cli("disclosure", "submit", str(did))
    assert code == 1 and message in err and "不能提交" in err


def test_decision_content_file_counted_by_households(cli, tmp_path):
    meetings = [
        {"stage": 1, "kind": "party_branch", "date": "2026-06-01", "content": "提议"},
        {"stage": 2, "kind": "two_committees", "date": "2026-06-03", "content": "商议"},
        {"stage": 3, "kind": "party_members", "date": "2026-06-06", "due": 30, "present": 26, "for": 25, "content": "审议"},
        {"stage": 4, "kind": "villagers", "counted": "households", "date": "2026-06-10", "due": 300, "present": 199,
         "for": 150, "content": "表决"}]
    did, err = _new(cli, tmp_path, "JC-01", {"matter": "机动地发包", "meetings": meetings})
    assert "村民会议实到 199 户，不足应到户代表 300 户的三分之二（至少需 200 户）" in err
    code, _out, err = cli("disclosure", "submit", str(did))
    assert code == 1 and "199 户" in err
    meetings[3]["counted"] = "families"
    did, err = _new(cli, tmp_path, "JC-01", {"matter": "机动地发包", "meetings": meetings})
    finding = json.loads(cli("disclosure", "show", str(did), "--json")[1])["findings"][0]
    assert finding["rule"] == "counted" and finding["row"] == 4 and finding["field"] == "counted"
    assert "households" in finding["message"]


FUNDING = {"name": "2026年衔接推进乡村振兴补助资金", "unit": "万元", "budget": 356.8,
           "sources": [{"name": "中央衔接资金", "amount": 200, "doc_no": "豫财农〔2026〕3号"},
                       {"name": "省级衔接资金", "amount": "100.5", "doc_no": "豫财农〔2026〕12号"},
                       {"name": "县本级", "amount": "56.3"}],
           "uses": [{"name": "产业发展", "amount": "236.8"}, {"name": "基础设施", "amount": 120}]}


@pytest.fixture
def project_item(empty_village):
    _db, ctx = empty_village
    CatalogService(ctx).add(ItemData(code="XM-01", group="工程项目", name="项目资金", timing=TimingRule("immediate"),
                                      posting_days=10, default_kind="project"))


def test_funding_notice_content_file_sources_uses_and_total(cli, tmp_path, project_item):
    did, err = _new(cli, tmp_path, "XM-01", FUNDING)
    assert err.strip() == ""
    d = json.loads(cli("disclosure", "show", str(did), "--json")[1])
    assert d["content"]["sources"][1] == {"name": "省级衔接资金", "amount": "100.50", "doc_no": "豫财农〔2026〕12号"}
    assert (d["totals"]["budget"], d["totals"]["sources"], d["totals"]["uses"]) == ("356.80", "356.80", "356.80")
    assert d["findings"] == []
    out = tmp_path / "f.pdf"
    code, _o, err = cli("print", str(did), "--out", str(out))
    assert code == 0, err
    from pypdf import PdfReader

    text = "".join(p.extract_text() for p in PdfReader(str(out)).pages).replace(" ", "").replace("\n", "")
    assert "一、资金来源" in text and "二、资金用途" in text and "豫财农〔2026〕12号" in text

    bad = json.loads(json.dumps(FUNDING))
    bad["uses"][1]["amount"] = "119.99"
    did, err = _new(cli, tmp_path, "XM-01", bad)
    assert "资金用途合计 356.79 与资金总额 356.80 不符 万元" in err
    code, _o, err = cli("disclosure", "submit", str(did))
    assert code == 1 and "资金用途合计 356.79 与资金总额 356.80 不符" in err
