"""Pages listed in desktop.pages.LAZY load their module only when first shown."""

import subprocess
import sys
import textwrap


def test_discovery_does_not_import_lazy_page_modules():
    code = textwrap.dedent(
        """
        import sys
        from PySide6.QtWidgets import QApplication
        app = QApplication([])
        from desktop.registry import discover_pages
        keys = [p.key for p in discover_pages()]
        assert keys[:4] == ["todo", "records", "surveys", "catalog"], keys
        loaded = [m for m in ("desktop.pages.records_page", "desktop.pages.catalog_page",
                              "desktop.pages.todo_page", "desktop.pages.record_detail",
                              "desktop.pages.surveys_page", "desktop.surveys.entry_screen", "sqlalchemy")
                  if m in sys.modules]
        print(",".join(loaded) or "none")
        """
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"})
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "none"


def test_a_lazy_page_is_built_when_shown(qtbot, workspace):
    from desktop.main_window import MainWindow

    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show_page("catalog")
    assert type(window.current_page()).__name__ == "CatalogPage"
    assert "desktop.pages.catalog_page" in sys.modules
