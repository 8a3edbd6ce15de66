"""Starting the GUI: the QApplication factory, translations, the crash hook, first run or open.

`create_app()` builds (or configures the existing) QApplication — no module-level singletons, so tests
configure the pytest-qt app the same way. `run_gui(env)` is what `cunwu` without a command calls.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QWizard

from models import __version__
from models.errors import CunwuError
from models.paths import APP_NAME, default_data_dir, resources_dir
from models.storage import Database, open_database

from . import dialogs
from .crash import install_excepthook
from .fonts import install_fonts
from .settings import Settings, default_settings_dir

log = logging.getLogger("cunwu.desktop")

def translations_dir() -> Path:
    return resources_dir() / "i18n"


def install_translators(app: QApplication, language: str) -> list[QTranslator]:
    """Chinese is the source language: only Qt's own strings need a translator. English loads ours."""
    for old in app.findChildren(QTranslator):
        app.removeTranslator(old)
        old.deleteLater()
    loaded: list[QTranslator] = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if language == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        wanted = [(f"{APP_NAME}_en", str(translations_dir()))]
    else:
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
        wanted = [("qtbase_zh_CN", qt_dir)]  # standard buttons, file dialogs, context menus
    for name, folder in wanted:
        translator = QTranslator(app)  # parented: lives as long as the app
        if translator.load(name, folder):
            app.installTranslator(translator)
            loaded.append(translator)
        else:
            log.warning("translation %s not found in %s", name, folder)
            translator.deleteLater()
    return loaded


def configure_app(app: QApplication, settings: Settings) -> QApplication:
    app.setOrganizationName(APP_NAME)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    install_translators(app, settings.language)
    install_fonts(app)
    return app


def create_app(argv: Sequence[str] | None = None, *, settings: Settings | None = None) -> QApplication:
    """The application object, configured: names, translations for the settings' language, fonts."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(list(argv) if argv is not None else sys.argv[:1])
    return configure_app(app, settings or Settings())  # type: ignore[arg-type]


def settings_dir_for(data_dir: Path) -> Path:
    """Settings live in the user's config folder, or beside the data for a --data-dir (portable) install."""
    if Path(data_dir).resolve() != default_data_dir().resolve():
        return Path(data_dir) / "settings"
    return default_settings_dir()


def obtain_database(env, settings: Settings) -> Database | None:
    """The first-run wizard when there is no database yet, else the opened database (None: give up)."""
    db_path = Path(env.db_path)
    if not db_path.exists():
        from .wizard import FirstRunWizard

        wizard = FirstRunWizard(db_path, operator=env.user)
        if wizard.exec() != QWizard.DialogCode.Accepted or wizard.database is None:
            return None
        return wizard.database
    try:
        return open_database(db_path)
    except CunwuError as exc:
        dialogs.error(QCoreApplication.translate("App", "无法打开数据库"), exc)
        return None
    except Exception as exc:  # e.g. the driver's "file is not a database": a bad file, not a bug of ours
        log.exception("cannot open %s", db_path)
        dialogs.error(QCoreApplication.translate("App", "无法打开数据库"),
                      QCoreApplication.translate("App", "%1 不是本程序的数据库，或文件已损坏。").replace("%1", str(db_path)),
                      details=str(exc))
        return None


def _exit_after_first_paint(window, app: QApplication) -> None:
    """For `make bench`: print the moment the main window first paints, then quit."""
    import time

    from PySide6.QtCore import QEvent, QObject, QTimer

    class _FirstPaint(QObject):
        seen = False

        def eventFilter(self, obj, event):  # noqa: N802 - Qt's name
            if event.type() == QEvent.Type.Paint and not self.seen:
                self.seen = True
                print("painted", time.time(), flush=True)
                QTimer.singleShot(0, app.quit)
            return False

    spy = _FirstPaint(window)
    window.installEventFilter(spy)


def run_gui(env) -> int:
    """Open the GUI for `env` (db_path, data_dir, user); returns the exit status."""
    from models.cli.common import setup_logging

    data_dir = Path(env.data_dir)
    settings = Settings(settings_dir_for(data_dir))
    app = create_app(settings=settings)
    setup_logging(data_dir)
    install_excepthook(data_dir / "logs" / "cunwu.log")
    db = obtain_database(env, settings)
    if db is None:
        return 1 if Path(env.db_path).exists() else 0
    from .main_window import MainWindow
    from .workspace import Workspace

    try:
        workspace = Workspace.open(db, user=env.user, db_path=Path(env.db_path), data_dir=data_dir,
                                   settings=settings)
    except CunwuError as exc:
        dialogs.error(QCoreApplication.translate("App", "无法打开数据库"), exc)
        db.dispose()
        return 1
    window = MainWindow(workspace)
    if os.environ.get("CUNWU_BENCH_EXIT_ON_PAINT"):
        _exit_after_first_paint(window, app)
    window.show()
    try:
        return app.exec()
    finally:
        settings.sync()
        db.dispose()
