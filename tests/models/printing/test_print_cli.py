"""`cunwu print …`: the argument shapes, the files it writes, exit codes and one-line errors."""

from __future__ import annotations

from datetime import date

import pytest

from models.cli import main
from models.rules.timing import TimingRule
from models.services.catalog import CatalogService, ItemData
from models.services.context import Actor, ServiceContext
from models.services.disclosures import DisclosureService
from models.services.feedback import FeedbackService

from .test_notices import FINANCE, id_number, roster_rows
from .test_render import ID_NUMBER, all_text, page_sizes, page_texts, squeezed


@pytest.fixture
def village_db(empty_village, db_path):
    db, ctx = empty_village
    CatalogService(ctx).add(ItemData(code="DL-01", group="惠农补贴", name="耕地地力保护补贴",
                                     timing=TimingRule("quarterly", day=20), posting_days=7,
                                     default_kind="roster", roster_preset="dili"))
    CatalogService(ctx).add(ItemData(code="CW-01", group="财务", name="财务收支", category="财务",
                                     timing=TimingRule("monthly", day=10), posting_days=7, default_kind="finance"))
    today = date(2026, 7, 20)
    svc = DisclosureService(ctx, clock=lambda: today)
    reviewer = DisclosureService(ServiceContext(db, Actor("李监委", "reviewer")), clock=lambda: today)
    roster = svc.create("DL-01", "2026-Q3", "耕地地力保护补贴名单公示", rows=roster_rows(50))
    svc.submit(roster.id)
    reviewer.approve(roster.id, "李监委")
    svc.post(roster.id, start="2026-07-18")
    finance = svc.create("CW-01", "2026-M06", "2026年6月财务收支公开", content=FINANCE)
    bad_rows = roster_rows(4)
    bad_rows[1]["name"] = "李\ue000"
    bad = svc.create("DL-01", "2026-Q4", "名单（含无法打印的字）", rows=bad_rows)  # due 2027-01-20
    question = FeedbackService(ctx).add(roster.id, "请核实面积", received=date(2026, 7, 19))
    return {"db": str(db_path), "roster": roster.id, "finance": finance.id, "bad": bad.id,
            "question": question.id}


def run(village_db, *args: str) -> int:
    return main(["--db", village_db["db"], *args])


def test_print_a_record(village_db, tmp_path, capsys):
    out = tmp_path / "名单.pdf"
    assert run(village_db, "print", str(village_db["roster"]), "--out", str(out)) == 0
    data = out.read_bytes()
    assert data.startswith(b"%PDF")
    text = all_text(data)
    assert "耕地地力保护补贴名单公示" in squeezed(text) and not ID_NUMBER.search(text)
    count = len(page_texts(data))
    assert f"第 1 页 共 {count} 页" in page_texts(data)[0]
    assert capsys.readouterr().out.strip() == f"已生成 {out}：共 {count} 页"


def test_paper_orientation_and_large_print(village_db, tmp_path):
    a4 = tmp_path / "a4.pdf"
    a3 = tmp_path / "a3.pdf"
    large = tmp_path / "large.pdf"
    assert run(village_db, "print", str(village_db["roster"]), "--out", str(a4)) == 0
    assert run(village_db, "print", str(village_db["roster"]), "--out", str(a3), "--paper", "A3", "--landscape") == 0
    assert run(village_db, "print", str(village_db["roster"]), "--out", str(large), "--large") == 0
    assert page_sizes(a4.read_bytes())[0] == pytest.approx((595.28, 841.89), abs=0.5)
    assert page_sizes(a3.read_bytes())[0] == pytest.approx((1190.55, 841.89), abs=0.5)
    assert len(page_texts(large.read_bytes())) > len(page_texts(a4.read_bytes()))


def test_unmasked_internal_copy(village_db, tmp_path, capsys):
    out = tmp_path / "internal.pdf"
    assert run(village_db, "print", str(village_db["roster"]), "--out", str(out), "--unmasked") == 0
    text = all_text(out.read_bytes())
    assert id_number(1) in text and "内部资料" in squeezed(text) and "不得张贴" in squeezed(text)
    assert "内部资料" in capsys.readouterr().out


def test_print_catalog_and_due(village_db, tmp_path, capsys):
    catalog = tmp_path / "catalog.pdf"
    assert run(village_db, "print", "catalog", "--out", str(catalog)) == 0
    width, height = page_sizes(catalog.read_bytes())[0]
    assert width > height and "公开事项目录" in squeezed(all_text(catalog.read_bytes()))
    month = tmp_path / "month.pdf"
    assert run(village_db, "print", "due", "--month", "2026-07", "--out", str(month)) == 0
    flat = squeezed(all_text(month.read_bytes()))
    assert "2026年7月村务公开清单" in flat and "耕地地力保护补贴名单公示" in flat
    assert "份公告" in capsys.readouterr().out


def test_feedback_answer_needs_an_answer(village_db, tmp_path, capsys):
    out = tmp_path / "answer.pdf"
    assert run(village_db, "print", "feedback", str(village_db["question"]), "--out", str(out)) == 1
    err = capsys.readouterr().err
    assert "尚未答复" in err and "Traceback" not in err and not out.exists()


def test_missing_glyph_is_one_readable_line(village_db, tmp_path, capsys):
    out = tmp_path / "bad.pdf"
    assert run(village_db, "print", str(village_db["bad"]), "--out", str(out)) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "Traceback" not in err
    assert f"公开记录 {village_db['bad']}" in err and "第 2 行“姓名”" in err and "U+E000" in err
    assert not out.exists()
    # the month it is due in cannot be printed either: one bad record refuses the whole file
    assert run(village_db, "print", "due", "--month", "2027-01", "--out", str(out)) == 1
    assert "U+E000" in capsys.readouterr().err and not out.exists()


@pytest.mark.parametrize(("args", "code", "words"), [
    (["print", "999", "--out", "{tmp}/x.pdf"], 1, "没有编号为 999"),
    (["print", "foo", "--out", "{tmp}/x.pdf"], 2, "无法识别的打印对象"),
    (["print", "12"], 2, "--out"),
    (["print", "due", "--out", "{tmp}/x.pdf"], 2, "--month"),
    (["print", "due", "--month", "2026-13", "--out", "{tmp}/x.pdf"], 2, "YYYY-MM"),
    (["print", "catalog", "--out", "{tmp}/x.txt"], 2, ".pdf"),
    (["print", "12", "--out", "{tmp}/x.pdf", "--paper", "B5"], 2, "B5"),
    (["print", "feedback", "--out", "{tmp}/x.pdf"], 2, "编号"),
    (["print", "survey", "3", "--results", "--out", "{tmp}/x.pdf"], 1, "问卷"),
])
def test_errors_exit_codes_and_nothing_written(village_db, tmp_path, capsys, args, code, words):
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    assert run(village_db, *args) == code
    err = capsys.readouterr().err
    assert words in err and "Traceback" not in err
    assert not (tmp_path / "x.pdf").exists() and not (tmp_path / "x.txt").exists()


def test_printing_does_not_recheck_the_record(village_db, tmp_path, monkeypatch):
    """A posted record's findings were settled at submit: printing lays out what is stored."""
    from models.rules import kinds

    calls = []
    real = kinds.check_disclosure

    def spy(*args, **kwargs):
        calls.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(kinds, "check_disclosure", spy)
    assert run(village_db, "print", str(village_db["roster"]), "--out", str(tmp_path / "a.pdf")) == 0
    assert calls == []
    # ... while `show` (like the editor) still checks it
    assert run(village_db, "disclosure", "show", str(village_db["roster"]), "--json") == 0
    assert len(calls) == 1
