"""Screenshots for the documentation, from a demo village built in a temporary folder.

    xvfb-run -a -s "-screen 0 1366x900x24" python packaging/screenshots.py
    QT_QPA_PLATFORM=offscreen python packaging/screenshots.py

Writes docs/screenshots/catalog.png (main window, 1280×720, what fits a 1366×768 screen, catalog page), catalog-item.png (the
item editor), wizard.png (first-run wizard), todo.png (the start page), records.png (公开记录 with
records in every state), roster-editor.png (a roster typed like a spreadsheet), print-preview.png,
surveys.png (问卷 page) and survey-results.png (a survey's results window). Nothing outside the temporary folder is touched:
settings and data live there too. `--out DIR` writes elsewhere, `--lang en` shows the English UI.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SIZE = (1280, 720)  # fits a 1366×768 screen with a taskbar


def _demo_items():
    from models.rules.timing import TimingRule
    from models.services.catalog import ItemData

    wall = "社区/村公示栏(电子屏)"
    return [
        ItemData(code="DW-01", category="党务", group="党组织建设", name="发展党员情况",
                 timing=TimingRule("within_days", days=10, working=True), channels=(wall,)),
        ItemData(code="CW-01", category="村务", group="村务管理", name="村规民约", content="村规民约全文及修订情况",
                 timing=TimingRule("immediate"), channels=(wall, "村务微信群")),
        ItemData(code="CW-02", category="村务", group="社会救助", name="最低生活保障对象名单",
                 timing=TimingRule("within_days", days=10, working=True), channels=(wall, "村务微信群"),
                 domain="社会救助", posting_days=7, default_kind="roster"),
        ItemData(code="CF-01", category="财务", group="财务收支", name="村级财务收支情况",
                 timing=TimingRule("monthly", day=10), channels=(wall,), default_kind="finance"),
    ]


DEMO_TODAY = "2026-11-26"


def _demo_records(ctx) -> dict[str, int]:
    """Records in the states a clerk meets in a normal month, through the same services the app uses."""
    from datetime import timedelta

    from models.services.disclosures import DisclosureService

    svc = DisclosureService(ctx, clock=lambda: date.fromisoformat(DEMO_TODAY))
    names = ["张䶮", "吉𠮷", "李𬌗", "王堃", "赵喆", "钱赟", "欧阳建国", "刘秀英", "陈志强", "杨丽华"]
    rows = []
    for n, name in enumerate(names * 3):
        body = f"410322{1950 + n:04d}0{1 + n % 9}1{n % 10}{n % 7}{n % 10:02d}"[:17]
        weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        check = "10X98765432"[sum(int(c) * w for c, w in zip(body, weights, strict=True)) % 11]
        area = f"{10 + n * 1.37:.2f}"
        rows.append({"group": f"{'一二三四五'[n % 5]}组", "name": name, "id_number": body + check,
                     "quantity": area, "rate": "18.34", "remark": "新增户" if n % 11 == 0 else ""})
    ids = {}
    roster = svc.create("CW-13", "2026-11-10", "2026年耕地地力保护补贴发放名单", kind="roster", rows=rows,
                        body="现将2026年耕地地力保护补贴发放名单公示如下，如有异议请在公示期内反映。")
    svc.submit(roster.id)
    svc.approve(roster.id, reviewer="李监督", opinion="经审核，名单与台账一致，同意公示。",
                on=date.fromisoformat(DEMO_TODAY) - timedelta(days=6))
    svc.post(roster.id, start=date.fromisoformat(DEMO_TODAY) - timedelta(days=4))
    ids["roster"] = roster.id
    fin = svc.create("FW-04", "2026-M10", "2026年10月村级财务收支明细", kind="finance", content={
        "opening": "52310.00", "closing": "50110.00",
        "rows": [{"date": "2026-10-08", "voucher": "记-01", "summary": "收到耕地地力补贴代发手续费", "class": "各项收入",
                  "income": "800.00", "expense": ""},
                 {"date": "2026-10-15", "voucher": "记-02", "summary": "支付村道维修材料款", "class": "各项支出",
                  "income": "", "expense": "3000.00"}]})
    ids["finance"] = fin.id
    note = svc.create("CW-01", "2026-11-20", "关于修订村规民约的公告", kind="notice",
                      body="经村民代表会议讨论通过，对村规民约第五条作如下修订……")
    svc.submit(note.id)
    ids["notice"] = note.id
    return ids


def _save(widget, path: Path) -> None:
    from PySide6.QtWidgets import QApplication

    for _ in range(3):  # let layouts and fonts settle before grabbing
        QApplication.processEvents()
    pixmap = widget.grab()
    path.parent.mkdir(parents=True, exist_ok=True)
    if not pixmap.save(str(path), "PNG"):
        raise SystemExit(f"could not write {path}")
    print(f"wrote {path} ({pixmap.width()}×{pixmap.height()})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--lang", choices=["zh", "en"], default="zh")
    args = parser.parse_args(argv)

    from desktop.app import create_app
    from desktop.main_window import MainWindow
    from desktop.settings import Settings
    from desktop.wizard import FirstRunWizard
    from desktop.workspace import Workspace
    from models.services.catalog import CatalogService
    from models.services.setup import initialize
    from models.services.templates import default_template_id

    with tempfile.TemporaryDirectory(prefix="cunwu-shots-") as tmp:
        tmp_path = Path(tmp)
        settings = Settings(tmp_path / "settings")
        settings.language = args.lang
        settings.last_page = "catalog"
        app = create_app([sys.argv[0]], settings=settings)

        db_path = tmp_path / "data" / "cunwu.sqlite3"
        template = default_template_id("village")
        # The demo village began keeping its disclosures here in the demo's month (schedule.since).
        db = initialize(db_path, mode="village", code="410322100201", name="平乐村", township="平乐镇",
                        operator="王文书", template_id=template,
                        since=date.fromisoformat(DEMO_TODAY).replace(day=1))
        try:
            workspace = Workspace.open(db, user=None, db_path=db_path, data_dir=tmp_path / "data", settings=settings)
            service = CatalogService(workspace.ctx)
            if not template:
                for item in _demo_items():
                    service.add(item)
            items = service.list_items()

            window = MainWindow(workspace)
            window.resize(*SIZE)
            window.show()
            window.show_page("catalog")
            page = window.current_page()
            if items:
                page.reload(select_code=items[min(2, len(items) - 1)].code)
            _save(window, args.out / "catalog.png")

            page.edit_selected()
            dialog = page.item_dialog
            if dialog is not None:
                dialog.adjustSize()
                _save(dialog, args.out / "catalog-item.png")
                dialog.reject()

            if template:
                _record_shots(window, workspace, args.out)
            _survey_shots(window, workspace, args.out)
            window.close()
        finally:
            db.dispose()

        wizard = FirstRunWizard(tmp_path / "other" / "cunwu.sqlite3", operator="王文书")
        wizard.show()
        wizard.next()
        wizard.identity_page.name_edit.setText("平乐村")
        wizard.identity_page.code_edit.setText("41032210020")
        wizard.identity_page._touch("区划代码")
        wizard.identity_page._revalidate()
        wizard.identity_page.township_edit.setText("平乐镇")
        _save(wizard, args.out / "wizard.png")
        wizard.close()
        app.processEvents()
    return 0


def _record_shots(window, workspace, out: Path) -> None:
    from datetime import date

    from desktop import clock

    clock.today = lambda: date.fromisoformat(DEMO_TODAY)
    ids = _demo_records(workspace.ctx)
    window.show_page("todo")
    window.current_page().refresh()
    _save(window, out / "todo.png")
    window.show_page("records")
    page = window.current_page()
    page.reload(select_id=ids["roster"])
    _save(window, out / "records.png")

    try:
        from desktop.editors.disclosure_editor import DisclosureEditor
    except ImportError:
        DisclosureEditor = None
    if DisclosureEditor is not None:
        editor = DisclosureEditor(workspace, ids["roster"], window)
        editor.resize(1200, 760)
        editor.show()
        _save(editor, out / "roster-editor.png")
        editor.close()
    from PySide6.QtCore import QThreadPool
    from PySide6.QtWidgets import QApplication

    from desktop.printing.actions import preview_disclosure

    preview = preview_disclosure(workspace, ids["roster"], window)
    if preview is not None:
        preview.resize(1100, 720)
        for _ in range(200):  # the notice renders on the thread pool
            QThreadPool.globalInstance().waitForDone(50)
            QApplication.processEvents()
            if not preview.busy and preview.page_count():
                break
        import time

        deadline = time.monotonic() + 2.0  # QPdfView rasterises pages in the background
        while time.monotonic() < deadline:
            QApplication.processEvents()
            time.sleep(0.05)
        _save(preview, out / "print-preview.png")
        preview.close()


def _survey_forms(n: int) -> list[tuple[dict[str, str], str]]:
    """``n`` paper forms of the shipped satisfaction questionnaire, as a village's answers spread, with
    the 村民小组 each came from (deterministic: the screenshot is the same every time)."""
    forms = []
    for k in range(n):
        seen = "AABAB"[k % 5] if k % 7 else "C"  # Q2: 经常看 / 偶尔看 / 没有看过 (skips to Q5)
        form = {"1": "A" if k % 6 else "B", "2": seen, "5": "ABAAC"[k % 5] if k % 9 else "C"}
        if seen != "C":
            form["3"] = ("AB", "ABD", "B", "AC", "BDE", "A")[k % 6]
            form["4"] = "ABBAC"[k % 5]
            form["6"] = ("A", "AB", "B")[k % 3]
        forms.append((form, f"{'一二三'[k % 3]}组"))
    return forms


def _survey_shots(window, workspace, out: Path) -> None:
    """问卷 page with a survey of 60 typed forms, and its results window (counts, percentages, chart)."""
    from PySide6.QtWidgets import QApplication

    from models.services.surveys import SurveyService

    service = SurveyService(workspace.ctx)
    survey = service.create_from_template("satisfaction")
    for number, (form, group) in enumerate(_survey_forms(60), start=1):
        service.save_form(survey.id, number, form, group=group)
    window.show_page("surveys")
    page = window.current_page()
    page.reload(select_id=survey.id)
    _save(window, out / "surveys.png")
    page.open_results()
    results = page.active_dialog
    if results is not None:
        results.resize(1100, 700)
        results.show()
        results.question_rows.select_row(results.question_model.index(2, 0))  # Q3: multiple choice, its chart
        QApplication.processEvents()
        _save(results, out / "survey-results.png")
        results.close()


if __name__ == "__main__":
    sys.exit(main())
