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
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6 import QtCore  # Qt's namespace by attribute: see main_window
from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QLocale,
    QObject,
    QThreadPool,
    QTimer,
    QTranslator,
)
from PySide6.QtWidgets import QApplication, QDialog, QWizard

from models import __version__
from models.errors import CunwuError
from models.paths import APP_NAME, default_data_dir, resources_dir

from . import workers
from .fonts import install_fonts
from .settings import Settings, default_settings_dir

if TYPE_CHECKING:
    from models.services.context import Actor
    from models.services.integrity import IntegrityReport
    from models.storage import Database

    from .workspace import Workspace

log = logging.getLogger("cunwu.desktop")

def translations_dir() -> Path:
    return resources_dir() / "i18n"


def install_translators(app: QApplication, language: str) -> list[QTranslator]:
    """Chinese is the source language: only Qt's own strings need a translator — qtbase_zh_CN from Qt's
    translations folder (file and print dialogs, standard buttons, context menus), then our supplement
    for the texts it lacks (it is older than the dialogs: "&Look in:", "Page &Set:"). English loads ours.
    The default locale follows, so calendars and dates in Qt's dialogs read in the same language."""
    # The ones installed before are remembered on the app: app.findChildren would wrap every child
    # of the application for Python, its QStyle too (≈10 ms of enums before the first paint).
    for old in getattr(app, "_cunwu_translators", ()):
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
    app._cunwu_translators = loaded
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
    from models.storage.database import inspect_file

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
        return open_checked(db_path, read_only=read_only), None
    except Exception as exc:
        report_open_failure(db_path, exc)
        return None, None


def open_checked(db_path: Path, *, read_only: bool = False) -> Database:
    """Open an existing database of ours (upgrading it unless `read_only`) and check its pages
    (`quick_check`): a corrupt one comes back opened read-only, and the window says so in a banner.
    No dialogs: it runs on the start-up worker thread too; the caller reports what it raises
    (`report_open_failure`)."""
    from models.storage import open_database

    db = open_database(db_path, upgrade=not read_only)
    try:
        problems = db.quick_check()
    except BaseException:
        db.dispose()
        raise
    if problems:
        log.warning("quick_check failed for %s: %s", db_path, "; ".join(problems[:5]))
        db.dispose()
        db = open_database(db_path, read_only=True)
    elif read_only:
        db.read_only = True
    return db


def report_open_failure(db_path: Path, exc: Exception) -> None:
    """Tell the user why the database could not be opened: our own message, the storage fault
    (full disk, read-only folder) or, for a bug of ours, a short line with the details logged."""
    from models.storage.faults import fault_for

    from . import dialogs

    title = QCoreApplication.translate("App", "无法打开数据库")
    if isinstance(exc, CunwuError):
        dialogs.error(title, exc)
        return
    fault = fault_for(exc, db_path)
    if fault is not None:
        dialogs.error(title, fault)
        return
    log.error("cannot open %s", db_path, exc_info=exc)  # a bug of ours: the details go to the log
    dialogs.error(title, QCoreApplication.translate("App", "%1 不是本程序的数据库，或文件已损坏。")
                  .replace("%1", str(db_path)), details=str(exc))


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
        # A coarse timer (the default) keeps within 5 % of its 5 ms: precise enough, and setting
        # the type would create Qt's namespace before the first paint that is being measured.
        self.timer = QTimer(self)
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
    claim = _claim(env, opened)
    if claim is None:
        return None
    db, actor = obtain_database(env, settings, read_only=claim.read_only)
    if db is None:
        return None
    opened["db"] = db
    return _workspace_over(env, settings, data_dir, opened, db, actor, parent)


def _claim(env, opened: dict):
    from .single_instance import claim_database

    claim = claim_database(Path(env.db_path), env.user)
    if claim is not None:
        opened["claim"] = claim
    return claim


def _workspace_over(env, settings: Settings, data_dir: Path, opened: dict, db: Database, actor: Actor | None,
                    parent=None):
    """The workspace over the opened `db`: the login dialog first when it has accounts (None when
    the user gives up or it cannot be read)."""
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
    _remember(env, settings, opened, workspace)
    return workspace


def _remember(env, settings: Settings, opened: dict, workspace) -> None:
    """What the window shows of this database, for the next start to paint before opening it."""
    if not opened["claim"].read_only:
        settings.last_opened = {"db": str(Path(env.db_path).resolve()), "title": workspace.installation.name,
                                "user": "" if workspace.actor.authenticated else workspace.actor.name}


@dataclass
class Prepared:
    """What the start-up worker opened and read: the checked database; for a database without
    accounts also the workspace and what the start page shows (`start`: its key and preloaded data).
    With accounts nothing is read before the login dialog."""

    db: Database
    workspace: Workspace | None = None
    start: tuple[str, object] | None = None
    checked: IntegrityReport | None = None  # the fast integrity check, run before anything is read


def prepare_workspace(env, settings: Settings, data_dir: Path, *, read_only: bool,
                      start: tuple[str, Callable[[Workspace], object]] | None = None) -> Prepared | None:
    """Off the GUI thread: open and check the database (`open_checked`), and, when it has no accounts,
    the workspace, the fast integrity check (tamper evidence, before anything is shown) and the start
    page's data (`start`: the page key and its `preload(workspace)`).
    None when a question must be asked first (a missing or unfinished database: the wizard); errors
    are raised for the GUI thread to report."""
    from models.rules.permissions import PERMISSIONS
    from models.services.accounts import has_accounts
    from models.services.integrity import IntegrityService
    from models.storage.database import inspect_file

    from .workspace import Workspace

    db_path = Path(env.db_path)
    state = inspect_file(db_path)
    if state.kind == "missing" or state.replaceable:
        return None
    db = open_checked(db_path, read_only=read_only)
    try:
        if has_accounts(db):  # sign in first: nothing is read for the window before that
            return Prepared(db)
        workspace = Workspace.open(db, user=env.user, db_path=db_path, data_dir=data_dir, settings=settings)
        checked = IntegrityService(workspace.ctx, data_dir).check(full=False)
        for permission in PERMISSIONS:
            workspace.may(permission)  # the pages ask these while they are built
        return Prepared(db, workspace, (start[0], start[1](workspace)) if start else None, checked)
    except BaseException:
        db.dispose()
        raise


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
#: the entities and services), loaded on a thread once the window is on screen, with the status bar's
#: integrity watch and the database's lock (its QtNetwork).
DATA_LAYER = ("sqlalchemy.orm", "models.storage.database", "models.entities", "models.services.accounts",
              "models.services.schedule", "desktop.workspace", "desktop.integrity", "desktop.single_instance")


def _in_background(fn: Callable[[], object], done) -> workers.Job:
    """`fn()` on a worker thread, then `done(result or the exception)` on the GUI thread. No garbage
    collection meanwhile: a full one over what start-up's imports build holds the GIL for tens of
    milliseconds, on whichever thread it runs; what they built lives as long as the process, so it is
    frozen out of later collections' sight (the window is frozen again once it is built)."""

    def work(_progress, _cancelled):
        with workers.collections_paused():
            result = fn()
            workers.freeze_long_lived()
        return result

    job = workers.keep_until_done(workers.Job(work))
    job.signals.finished.connect(done)
    job.signals.failed.connect(done)
    workers.start(job)
    return job


def _start_page(window) -> tuple[tuple[str, ...], Callable[[], tuple[str, Callable] | None]]:
    """What opening imports for the page the window opens on (the data layer, the page's module) and,
    once imported, a function giving (its key, its class's `preload`) when it has one."""
    key = window.current_key()
    factory = window.page_factory(key)
    module_name, _, attr = getattr(factory, "target", "").partition(":")  # a lazy page: "module:Class"

    def start():
        page_class = getattr(sys.modules[module_name], attr) if module_name else factory
        preload = getattr(page_class, "preload", None)
        return (key, preload) if callable(preload) else None

    return ((*DATA_LAYER, module_name) if module_name else DATA_LAYER), start


def _settle(env, settings: Settings, data_dir: Path, opened: dict, window, prepared):
    """On the GUI thread, what the start-up worker brought (`prepare_workspace`): its workspace,
    or the login dialog over its database; a question (the wizard) or an error is met again the
    ordinary way, which asks or reports it. Returns (workspace or None, the start page's data, the
    fast check's report when it ran there)."""
    if not isinstance(prepared, Prepared):
        if isinstance(prepared, Exception):
            log.info("opening in the background failed (%s); opening the ordinary way", prepared)
        db, actor = obtain_database(env, settings, read_only=opened["claim"].read_only)
        if db is None:
            return None, {}, None
        opened["db"] = db
        return _workspace_over(env, settings, data_dir, opened, db, actor, window), {}, None
    opened["db"] = prepared.db
    if prepared.workspace is None:  # accounts: sign in first; the start page reads its data itself
        return _workspace_over(env, settings, data_dir, opened, prepared.db, None, window), {}, None
    _remember(env, settings, opened, prepared.workspace)
    return prepared.workspace, dict([prepared.start]) if prepared.start else {}, prepared.checked


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
        # Known database: paint the window first, then open the database and read the start page's
        # data on a worker thread, and build the page from it.
        window = MainWindow(None, settings=settings, shell=shell)
        marks = _Marks(window, app, quit_when_ready=False) if bench else None

        def give_up() -> None:
            window.hide()
            app.exit(1 if "claim" in opened and Path(env.db_path).exists() else 0)

        def attach(prepared) -> None:
            opened.pop("job", None)
            if not window.isVisible():  # closed while it was opening: run_gui's ending closes what it opened
                if isinstance(prepared, Prepared):
                    opened["db"] = prepared.db
                return
            workspace, preloaded, checked = _settle(env, settings, data_dir, opened, window, prepared)
            if workspace is None:
                give_up()
                return
            window.attach(workspace, preloaded=preloaded)
            if marks is not None:
                QTimer.singleShot(0, marks.ready)

            def settled() -> None:  # once the page is on screen: the status bar's watch (and its
                opened["watch"] = _watch(window, workspace, checked)  # warning), the raise listener
                _listen_for_raise(opened, window)
                workers.freeze_long_lived()

            workers.AfterFirstPaint(window.current_page() or window, settled)

        def make_qt_enums() -> None:
            # Qt's enums, which the shell painted without (≈25 ms): made here on the GUI thread, not
            # by the worker's imports while this thread may use them; a turn of their own.
            _ = QtCore.Qt.AlignmentFlag
            modules, start = _start_page(window)

            def import_all():
                for name in modules:
                    importlib.import_module(name)

            def imported(_result) -> None:  # an import error is met again, and reported, by what follows
                opened.pop("job", None)
                if not window.isVisible():  # closed meanwhile
                    return
                claim = _claim(env, opened)  # may ask (another window has it open): before anything is opened
                if claim is None:
                    give_up()
                    return
                opened["job"] = _in_background(
                    lambda: prepare_workspace(env, settings, data_dir, read_only=claim.read_only, start=start()),
                    attach)

            opened["job"] = _in_background(import_all, imported)

        workers.AfterFirstPaint(window, lambda: QTimer.singleShot(workers.NEXT_TURN_MS, make_qt_enums))
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
        if opened.pop("job", None) is not None:  # the window closed while the database was opening
            QThreadPool.globalInstance().waitForDone()
            QCoreApplication.sendPostedEvents()  # its result, so what it opened is closed below
        if "watch" in opened:
            opened.pop("watch").backup_on_exit()
        _close(opened)


def _watch(window, workspace, checked: IntegrityReport | None = None):
    """The status bar's audit chain head; the fast check (unless `checked` already) and the daily
    backup, off the GUI thread."""
    from .integrity import IntegrityWatch

    watch = IntegrityWatch(window, workspace)
    watch.start(checked)
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
