"""Screenshots for the documentation, from a demo village built in a temporary folder.

    xvfb-run -a -s "-screen 0 1366x900x24" python packaging/screenshots.py
    QT_QPA_PLATFORM=offscreen python packaging/screenshots.py

Writes docs/screenshots/catalog.png (main window, 1280×800, catalog page), catalog-item.png (the
item editor) and wizard.png (first-run wizard). Nothing outside the temporary folder is touched:
settings and data live there too. `--out DIR` writes elsewhere, `--lang en` shows the English UI.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SIZE = (1280, 800)


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
        db = initialize(db_path, mode="village", code="410322100201", name="平乐村", township="平乐镇",
                        operator="王文书", template_id=template)
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


if __name__ == "__main__":
    sys.exit(main())
