"""Survey paper through the notice printer: the result notice holds every option with its count and
percent (pdftotext of the real PDF), free-text answers are masked, the questionnaire has boxes, a
respondent-number field and its skip instructions; `cunwu print survey` end to end."""

from __future__ import annotations

import io
import shutil
import subprocess

import pytest
from pypdf import PdfReader

from models.cli import main
from models.printing.jobs import NoticePrinter
from models.services.surveys import SurveyService
from tests.models.services.test_surveys import DOC, sixty_forms


def pdf_text(data: bytes, tmp_path) -> str:
    """The PDF's text in reading order (pdftotext when present, else pypdf), spaces dropped."""
    if shutil.which("pdftotext"):
        path = tmp_path / "t.pdf"
        path.write_bytes(data)
        text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True,
                              text=True).stdout
    else:
        text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
    return "".join(text.split())


@pytest.fixture
def sixty(village):
    db, ctx = village
    svc = SurveyService(ctx)
    s = svc.create(DOC)
    for n, form in enumerate(sixty_forms(), start=1):
        if n == 60:
            form = {"1": "B", "2": "AF", "2_other": "请公开水费，电话 13812345678", "3": "B",
                    "5": "我的身份证 410322199001011234 被登记错了"}
        svc.save_form(s.id, n, form)
    return ctx, svc, s.id


def test_result_notice_holds_every_option_with_count_and_percent(sixty, tmp_path):
    ctx, svc, sid = sixty
    results = svc.results(sid)
    printed = NoticePrinter(ctx).print_survey(sid, "results")
    text = pdf_text(printed.data, tmp_path)
    for q in results.questions:
        for o in q.options:
            pct = o.percent_of_selections if q.type == "multiple" else o.percent
            assert f"{o.label}[{o.count}票]{pct}%".replace(" ", "") in text, (q.no, o.label)
    assert "A.知道[53票]88.33%" in text and "B.不知道[7票]11.67%" in text
    # form 60 chose AF instead of CDE: 226 - 3 + 2 selections, A 50 + 1 of them
    assert "共选225项" in text and "百分比为占选择总数" in text and "财务收支[51票]22.67%" in text
    assert "138****5678" in text and "13812345678" not in text  # free text masked as notices mask
    assert "410322199001011234" not in text
    assert "审计链第" in text and "第1页共" in text  # the printer's footer and chain head
    by_respondents = pdf_text(NoticePrinter(ctx).print_survey(sid, "results", base="respondents").data, tmp_path)
    assert "财务收支[51票]85.00%" in by_respondents and "百分比为占答题人数" in by_respondents


def test_questionnaire_has_boxes_number_field_and_skips(village, tmp_path):
    ctx = village[1]
    s = SurveyService(ctx).create_from_template("satisfaction")
    text = pdf_text(NoticePrinter(ctx).print_survey(s.id, "questionnaire").data, tmp_path)
    assert "问卷编号：" in text and "请勿填写姓名" in text
    assert "□A.知道" in text and "□F.其他（请注明）" in text
    assert "选C跳到第5题" in text
    assert "最多选三项" in text and "最多选3项" not in text  # the question's own wording, not twice


def test_print_survey_cli(sixty, db_path, data_dir, tmp_path, capsys):
    _, _, sid = sixty

    def run(*args):
        capsys.readouterr()
        code = main(["--db", str(db_path), "--data-dir", str(data_dir), "--user", "王文书", *args])
        out, err = capsys.readouterr()
        assert "Traceback" not in err
        return code, out, err

    out = tmp_path / "结果.pdf"
    code, stdout, _ = run("print", "survey", str(sid), "--results", "--out", str(out))
    assert code == 0 and "共" in stdout and "知道[53票]88.33%" in pdf_text(out.read_bytes(), tmp_path)
    assert run("print", "survey", str(sid), "--questionnaire", "--out", str(tmp_path / "q.pdf"))[0] == 0
    assert run("print", "survey", str(sid), "--out", str(tmp_path / "x.pdf"))[0] == 2
    assert run("print", "survey", str(sid), "--questionnaire", "--base", "respondents",
               "--out", str(tmp_path / "x.pdf"))[0] == 2
    code, _, err = run("print", "survey", "99", "--results", "--out", str(tmp_path / "x.pdf"))
    assert code == 1 and "99" in err and not (tmp_path / "x.pdf").exists()
