"""The footer through the command line (cli.md): `cunwu settings set footer.*`, a content file's own
`"footer":{…}` and `"attached_tables"`, `cunwu print ID --handout` — read back from the PDFs."""

from __future__ import annotations

import json

import pytest
from pypdf import PdfReader

from models.rules.timing import TimingRule
from models.services.catalog import CatalogService, ItemData

from ..printing.test_render import squeezed


@pytest.fixture
def cli(empty_village, cunwu):
    db, ctx = empty_village
    cat = CatalogService(ctx)
    cat.add(ItemData(code="GG-01", group="村务", name="村务公告", timing=TimingRule("immediate"), posting_days=7))
    cat.add(ItemData(code="DB-01", group="社会救助", name="低保名单", timing=TimingRule("quarterly", day=20),
                     posting_days=7, default_kind="roster"))

    return lambda *args: cunwu(*args, user="王文书")


def pdf_text(path) -> str:
    return squeezed("\n".join(page.extract_text() for page in PdfReader(str(path)).pages))


def test_settings_then_content_file_override_then_print(cli, tmp_path):
    phones = '[{"label":"全国监督电话","number":"12317"},{"label":"县农业农村局监督电话","number":"0379-67811234"}]'
    for key, value in (("footer.phones", phones), ("footer.address", "城关镇政府院内"),
                       ("footer.email", "cgz@example.cn"), ("footer.unit", "城关镇纪委")):
        code, _out, err = cli("settings", "set", key, value)
        assert code == 0, err
    assert cli("settings", "get", "footer.address")[1] == "城关镇政府院内\n"
    assert cli("settings", "set", "footer.email", "not-an-email")[0] == 1

    plain = tmp_path / "plain.json"
    plain.write_text("{}", encoding="utf-8")
    code, out, err = cli("disclosure", "new", "--item", "GG-01", "--period", "2026-07-17", "--title", "公告一",
                         "--content-file", str(plain), "--json")
    assert code == 0, err
    plain_id = json.loads(out)["id"]
    own = tmp_path / "own.json"
    own.write_text(json.dumps({"footer": {"phones": [{"label": "镇农经站监督电话", "number": "0379-67890000"}],
                                          "unit": "城关镇农经站"}}, ensure_ascii=False), encoding="utf-8")
    code, out, err = cli("disclosure", "new", "--item", "GG-01", "--period", "2026-07-17", "--title", "公告二",
                         "--content-file", str(own), "--json")
    assert code == 0, err
    own_id = json.loads(out)["id"]
    shown = json.loads(cli("disclosure", "show", str(own_id), "--json")[1])
    assert shown["content"]["footer"]["unit"] == "城关镇农经站"

    assert cli("print", str(plain_id), "--out", str(tmp_path / "a.pdf"))[0] == 0
    assert cli("print", str(own_id), "--out", str(tmp_path / "b.pdf"))[0] == 0
    a, b = pdf_text(tmp_path / "a.pdf"), pdf_text(tmp_path / "b.pdf")
    assert "全国监督电话：12317县农业农村局监督电话：0379-67811234受理单位：城关镇纪委" in a
    assert "通讯地址：城关镇政府院内邮箱：cgz@example.cn" in a
    assert "镇农经站监督电话：0379-67890000受理单位：城关镇农经站通讯地址：城关镇政府院内" in b
    assert "全国监督电话" not in b


def test_bad_content_file_footer_is_one_line_exit_1_and_nothing_written(cli, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"footer": {"emial": "x@example.cn"}}', encoding="utf-8")
    code, out, err = cli("disclosure", "new", "--item", "GG-01", "--period", "2026-07-17", "--title", "公告",
                         "--content-file", str(bad))
    assert code == 1 and "emial" in err and "email" in err
    assert json.loads(cli("disclosure", "list", "--json")[1]) == []


def test_handout_print_and_attached_table(cli, tmp_path):
    rows = tmp_path / "r.csv"
    rows.write_text("姓名,身份证号,金额\n张三,11010519491231002X,100.00\n李四,110105198001010016,50.50\n",
                    encoding="utf-8")
    code, out, err = cli("disclosure", "new", "--item", "DB-01", "--period", "2026-Q3", "--title", "低保名单",
                         "--kind", "roster", "--from", str(rows), "--map", "name=姓名,id_number=身份证号,amount=金额")
    assert code == 0, err
    roster_id = int(out)
    assert cli("print", roster_id.__str__(), "--out", str(tmp_path / "board.pdf"))[0] == 0
    assert cli("print", str(roster_id), "--handout", "--out", str(tmp_path / "hand.pdf"))[0] == 0
    assert "受益户签字（手印）" not in pdf_text(tmp_path / "board.pdf")
    assert "受益户签字（手印）" in pdf_text(tmp_path / "hand.pdf")
    assert cli("print", "catalog", "--handout", "--out", str(tmp_path / "c.pdf"))[0] == 2

    content = tmp_path / "n.json"
    content.write_text(json.dumps({"attached_tables": [{"record": roster_id, "title": "低保对象名单"}]},
                                  ensure_ascii=False), encoding="utf-8")
    code, out, err = cli("disclosure", "new", "--item", "GG-01", "--period", "2026-07-17", "--title", "关于低保的公示",
                         "--content-file", str(content))
    assert code == 0, err
    assert cli("print", out.strip(), "--out", str(tmp_path / "n.pdf"))[0] == 0
    text = pdf_text(tmp_path / "n.pdf")
    assert "附件：低保对象名单" in text and "110105********002X" in text and "第2页共2页" in text
