"""Starting the GUI: the QApplication factory, translations, the crash hook, first run or open.

`create_app()` builds (or configures the existing) QApplication — no module-level singletons, so tests
configure the pytest-qt app the same way. `run_gui(env)` is what `cunwu` without a command calls.
"""

from __future__ import annotations

import importlib
import logging
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QObject, Qt, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QDialog, QWizard

from models import __version__
from models.errors import CunwuError
from models.paths import APP_NAME, default_data_dir, resources_dir

from . import workers
from .fonts import install_fonts
from .settings import Settings, default_settings_dir

if TYPE_CHECKING:
    from models.services.context import Actor
    from models.storage import Database

log = logging.getLogger("cunwu.desktop")

def translations_dir() -> Path:
    return resources_dir() / "i18n"


def install_translators(app: QApplication, language: str) -> list[QTranslator]:
    """Chinese is the source language: only Qt's own strings need a translator — qtbase_zh_CN from Qt's
    translations folder (file and print dialogs, standard buttons, context menus), then our supplement
    for the texts it lacks (it is older than the dialogs: "&Look in:", "Page &Set:"). English loads ours.
    The default locale follows, so calendars and dates in Qt's dialogs read in the same language."""
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
        # The last installed is asked first: the supplement only holds what qtbase lacks.
        wanted = [("qtbase_zh_CN", qt_dir), ("qt_supplement_zh_CN", str(translations_dir()))]
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
    from . import dialogs

    dialogs.use_settings(settings)
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


def obtain_database(env, settings: Settings, *, read_only: bool = False) -> tuple[Database | None, Actor | None]:
    """The first-run wizard when there is no database yet, else the opened database (None: give up);
    with the admin the wizard created, already signed in. Read-only (another window has it open) it is
    neither created nor upgraded, and refuses writes.

    An empty file or a set-up an older version left unfinished is offered a clean restart (the
    wizard, whose set-up replaces it). The opened database's pages are checked (`quick_check`):
    a corrupt one is opened read-only, and the window says so in a banner."""
    from models.storage import open_database
    from models.storage.database import inspect_file
    from models.storage.faults import fault_for

    from . import dialogs

    db_path = Path(env.db_path)
    title = QCoreApplication.translate("App", "无法打开数据库")
    try:
        state = inspect_file(db_path)
    except CunwuError as exc:
        dialogs.error(title, exc)
        return None, None
    if state.replaceable and not read_only and not dialogs.confirm(
            QCoreApplication.translate("App", "重新开始初始设置"),
            QCoreApplication.translate("App", "%1 是空文件，或是一次未完成的初始设置留下的数据库，里面没有可用的内容。"
                                              "要重新开始初始设置吗？新的数据库会替换它。").replace("%1", str(db_path)),
            ok_text=QCoreApplication.translate("App", "重新开始初始设置")):
        return None, None
    if state.kind == "missing" or (state.replaceable and not read_only):
        from .wizard import FirstRunWizard

        wizard = FirstRunWizard(db_path, operator=env.user)
        if wizard.exec() != QWizard.DialogCode.Accepted or wizard.database is None:
            return None, None
        return wizard.database, wizard.actor
    try:
        db = open_database(db_path, upgrade=not read_only)
        problems = db.quick_check()
        if problems:
            log.warning("quick_check failed for %s: %s", db_path, "; ".join(problems[:5]))
            db.dispose()
            db = open_database(db_path, read_only=True)
        elif read_only:
            db.read_only = True
        return db, None
    except CunwuError as exc:
        dialogs.error(title, exc)
        return None, None
    except Exception as exc:
        fault = fault_for(exc, db_path)
        if fault is not None:
            dialogs.error(title, fault)
            return None, None
        log.exception("cannot open %s", db_path)  # a bug of ours: the details go to the log
        dialogs.error(title, QCoreApplication.translate("App", "%1 不是本程序的数据库，或文件已损坏。")
                      .replace("%1", str(db_path)), details=str(exc))
        return None, None


def sign_in_dialog(db: Database, settings: Settings, user: str | None, parent=None) -> Actor | None:
    """The login dialog when the database has accounts; None when the user gives up. A database
    without accounts needs no login (the operator acts, as before accounts)."""
    from models.services.accounts import has_accounts
    from models.services.setup import installation

    from .login_dialog import LoginDialog

    if not has_accounts(db):
        return None
    try:
        title = installation(db).name
    except CunwuError:
        title = ""
    dialog = LoginDialog(db, settings, title=title, user=user, parent=parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.actor


class _Marks(QObject):
    """For `make bench` (CUNWU_BENCH_EXIT_ON_PAINT): prints when the window first paints, when its
    start page has painted with the database open, and the longest gap between the ticks of a 5 ms
    timer in between (how long the window could not paint: `stall <seconds>`), then quits."""

    def __init__(self, window, app: QApplication, *, quit_when_ready: bool):
        super().__init__(window)
        self.app = app
        self.window = window
        self.painted = False
        self.quit_when_ready = quit_when_ready
        self.ticks: list[float] = []
        self.timer = QTimer(self)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(5)
        self.timer.timeout.connect(lambda: self.ticks.append(time.perf_counter()))
        self.page = None
        window.installEventFilter(self)

    def eventFilter(self, obj, event):  # noqa: N802 - Qt's name
        if event.type() != QEvent.Type.Paint:
            return False
        if obj is self.window and not self.painted:
            self.painted = True
            print("painted", time.time(), flush=True)
            self.ticks.append(time.perf_counter())
            self.timer.start()
            if self.quit_when_ready:
                self.ready()
        elif obj is self.page:
            self.page = None
            self._end()
        return False

    def ready(self) -> None:
        """The start page is built: done once it has painted."""
        page = getattr(self.window, "current_page", lambda: None)()
        if page is None or self.quit_when_ready:
            self._end()
            return
        self.page = page
        page.installEventFilter(self)
        page.update()

    def _end(self) -> None:
        print("ready", time.time(), flush=True)
        self.ticks.append(time.perf_counter())
        gaps = [b - a for a, b in zip(self.ticks, self.ticks[1:], strict=False)]
        print("stall", max(gaps, default=0.0), flush=True)
        self.timer.stop()
        QTimer.singleShot(0, self.app.quit)


class _AfterFirstPaint(QObject):
    """Runs `fn` once, right after the window's first paint (or after 300 ms if it never paints, e.g.
    when it starts minimised), so the frame is on screen before slow work begins."""

    def __init__(self, window, fn):
        super().__init__(window)
        self.fn = fn
        self.done = False
        window.installEventFilter(self)
        QTimer.singleShot(300, self.fire)

    def eventFilter(self, obj, event):  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint and not self.done:
            QTimer.singleShot(0, self.fire)
        return False

    def fire(self) -> None:
        if not self.done:
            self.done = True
            self.fn()


def _shell_for(env, settings: Settings) -> dict | None:
    """What the window showed last time for this database, if it is the same database."""
    last = settings.last_opened or {}
    if not isinstance(last, dict) or last.get("db") != str(Path(env.db_path).resolve()):
        return None
    if not Path(env.db_path).exists():
        return None
    return {"title": str(last.get("title", "")), "db": str(env.db_path),
            "user": env.user or str(last.get("user", ""))}


def install_crash_hook(log_path: Path) -> None:
    """The app's sys.excepthook (desktop.crash), loaded on the first unhandled exception: its dialog
    code need not be imported before the window first paints."""

    def hook(exc_type, exc, tb):
        from .crash import install_excepthook

        install_excepthook(log_path)(exc_type, exc, tb)

    sys.excepthook = hook


def _open_workspace(env, settings: Settings, data_dir: Path, opened: dict, parent=None):
    """Claim the database (its lock: another window may have it open), open it, sign in when it has
    accounts, and open the workspace over it; None (after telling the user, or when they chose to quit,
    switch windows or cancel the login) when it can't. What was opened goes into `opened` ("claim",
    "db") for run_gui to close."""
    from .single_instance import claim_database

    claim = claim_database(Path(env.db_path), env.user)
    if claim is None:
        return None
    opened["claim"] = claim
    db, actor = obtain_database(env, settings, read_only=claim.read_only)
    if db is None:
        return None
    opened["db"] = db
    from models.services.accounts import has_accounts

    from . import dialogs
    from .workspace import Workspace

    try:
        if actor is None and has_accounts(db):
            actor = sign_in_dialog(db, settings, env.user, parent)
            if actor is None:
                return None
        workspace = Workspace.open(db, user=env.user, db_path=Path(env.db_path), data_dir=data_dir,
                                   settings=settings, actor=actor)
    except CunwuError as exc:
        dialogs.error(QCoreApplication.translate("App", "无法打开数据库"), exc)
        return None
    if not claim.read_only:
        settings.last_opened = {"db": str(Path(env.db_path).resolve()), "title": workspace.installation.name,
                                "user": "" if workspace.actor.authenticated else workspace.actor.name}
    return workspace


def _listen_for_raise(opened: dict, window) -> None:
    """The instance holding the lock brings `window` forward when a second one asks."""
    claim = opened.get("claim")
    if claim is None or claim.read_only:
        return
    from .single_instance import RaiseServer

    server = RaiseServer(claim.lock.db_path, window)
    server.window = window
    server.listen()
    opened["server"] = server


#: What opening the database and the start page import (≈0.4 s with bytecode, 1 s without: SQLAlchemy,
#: the entities and services), loaded on a thread once the window is on screen.
DATA_LAYER = ("sqlalchemy.orm", "models.storage.database", "models.entities", "models.services.accounts",
              "models.services.schedule", "desktop.workspace")


def _import_then(window, attach) -> None:
    """Import the data layer and the start page's module on a worker thread, then `attach` on the GUI
    thread: the painted window keeps painting meanwhile (a thread's import gives the GIL back every
    few milliseconds), where importing on the GUI thread froze it for ≈0.4 s after its first paint."""
    page = getattr(window.page_factory(window.current_key()), "target", "").partition(":")[0]
    modules = (*DATA_LAYER, page) if page else DATA_LAYER

    def work(_progress, _cancelled):
        for name in modules:
            importlib.import_module(name)

    job = workers.Job(work)
    job.signals.finished.connect(lambda _result: attach())
    job.signals.failed.connect(lambda _exc: attach())  # attach meets the import error again and reports it
    window._imports = job  # kept until it reports
    workers.start(job)


def run_gui(env) -> int:
    """Open the GUI for `env` (db_path, data_dir, user); returns the exit status."""
    from models.cli.common import setup_logging

    data_dir = Path(env.data_dir)
    settings = Settings(settings_dir_for(data_dir))
    app = create_app(settings=settings)
    setup_logging(data_dir)
    install_crash_hook(data_dir / "logs" / "cunwu.log")
    bench = bool(os.environ.get("CUNWU_BENCH_EXIT_ON_PAINT"))
    from .main_window import MainWindow

    shell = _shell_for(env, settings)
    opened: dict = {}
    if shell is not None:
        # Known database: paint the window first, then load the data layer and the start page.
        window = MainWindow(None, settings=settings, shell=shell)
        marks = _Marks(window, app, quit_when_ready=False) if bench else None

        def attach() -> None:
            workspace = _open_workspace(env, settings, data_dir, opened, window)
            if workspace is None:
                window.hide()
                app.exit(1 if "claim" in opened and Path(env.db_path).exists() else 0)
                return
            window.attach(workspace)
            opened["watch"] = _watch(window, workspace)
            _listen_for_raise(opened, window)
            workers.freeze_long_lived()
            if marks is not None:
                QTimer.singleShot(0, marks.ready)

        _AfterFirstPaint(window, lambda: _import_then(window, attach))
        window.show()
    else:
        workspace = _open_workspace(env, settings, data_dir, opened)
        if workspace is None:
            failed = "claim" in opened and Path(env.db_path).exists()  # not: chose to quit or switch
            _close(opened)
            return 1 if failed else 0
        window = MainWindow(workspace)
        opened["watch"] = _watch(window, workspace)
        _listen_for_raise(opened, window)
        workers.freeze_long_lived()
        if bench:
            _Marks(window, app, quit_when_ready=True)
        window.show()
    try:
        return app.exec()
    finally:
        settings.sync()
        if "watch" in opened:
            opened.pop("watch").backup_on_exit()
        _close(opened)


def _watch(window, workspace):
    """The status bar's audit chain head; the fast check and the daily backup, off the GUI thread."""
    from .integrity import IntegrityWatch

    watch = IntegrityWatch(window, workspace)
    watch.start()
    return watch


def _close(opened: dict) -> None:
    """Dispose of the database, stop listening, then give up the lock (in that order)."""
    if "db" in opened:
        opened.pop("db").dispose()
    server = opened.pop("server", None)
    if server is not None:
        server.server.close()
    claim = opened.pop("claim", None)
    if claim is not None:
        claim.release()
