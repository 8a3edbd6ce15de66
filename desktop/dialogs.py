"""The one module that shows message boxes, file dialogs and simple choices.

Everything modal and standard goes through here so tests patch one thing (``monkeypatch.setattr(
dialogs, "confirm", lambda *a, **k: True)``) and the look of errors stays the same everywhere.
Each function takes an optional ``parent`` keyword; without one the active window is used.

Errors from the services (`CunwuError`, `ValidationError`) are shown as their Chinese message, with
one line per located problem — never as a traceback.

File dialogs start in the user's documents folder (not the program's folder), and remember the folder
last used for each purpose (`PURPOSES`: importing a roster, exporting the catalog, saving a PDF …) in
the app's settings, which `configure_app` hands over with `use_settings`.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6 import QtCore  # Qt's namespace by attribute: see main_window
from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QMessageBox, QWidget

from models.errors import CunwuError, ValidationError

if TYPE_CHECKING:
    from .settings import Settings

# What a file dialog is for; each remembers its own folder.
IMPORT_ROSTER = "import_roster"
IMPORT_CATALOG = "import_catalog"
EXPORT_CATALOG = "export_catalog"
SAVE_PDF = "save_pdf"
ADD_ATTACHMENT = "add_attachment"
BACKUP = "backup"  # backup files written and restored, and the extra backup folder
SURVEY_FILES = "survey_files"  # questionnaire files and returned forms (csv / xlsx) read in
EXPORT_SURVEY = "export_survey"  # survey results written out (xlsx)
PURPOSES = (IMPORT_ROSTER, IMPORT_CATALOG, EXPORT_CATALOG, SAVE_PDF, ADD_ATTACHMENT, BACKUP, SURVEY_FILES,
            EXPORT_SURVEY)

_settings: Settings | None = None  # the app's settings (set by configure_app)


def use_settings(settings: Settings | None) -> None:
    """Where file dialogs remember their folders: the app's settings (one per QApplication set-up)."""
    global _settings
    _settings = settings


def documents_folder() -> Path:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(folder) if folder else Path.home()


def start_folder(purpose: str) -> Path:
    """The folder last used for ``purpose`` if it still exists, else the documents folder."""
    if purpose not in PURPOSES:
        raise ValueError(f"unknown file dialog purpose {purpose!r}")
    remembered = (_settings.file_folders if _settings is not None else {}) or {}
    folder = remembered.get(purpose) if isinstance(remembered, dict) else None
    if isinstance(folder, str) and folder and Path(folder).is_dir():
        return Path(folder)
    return documents_folder()


def remember_folder(purpose: str, chosen: Path) -> None:
    if _settings is None:
        return
    folders = dict(_settings.file_folders or {})
    folders[purpose] = str(Path(chosen).parent)
    _settings.file_folders = folders


def _in_start_folder(purpose: str, suggested: str | Path) -> str:
    """A suggested file name placed in the purpose's folder; a full path is kept as given."""
    path = Path(suggested) if str(suggested) else None
    if path is None:
        return str(start_folder(purpose))
    return str(path if path.is_absolute() else start_folder(purpose) / path)


def _parent(parent: QWidget | None) -> QWidget | None:
    return parent if parent is not None else QApplication.activeWindow()


def describe_error(error: BaseException | str) -> tuple[str, str]:
    """(headline, detail lines) for showing an error to the user.

    A `ValidationError` gives its summary and one line per problem (`Problem.located()`); any other
    `CunwuError` its message; anything else its text, since the crash handler covers real bugs.
    """
    if isinstance(error, ValidationError):
        lines = [p.located() for p in error.problems]
        return error.summary, "\n".join(lines)
    if isinstance(error, CunwuError):
        return error.message, ""
    if isinstance(error, BaseException):
        return str(error) or type(error).__name__, ""
    return str(error), ""


def _box(icon: QMessageBox.Icon, title: str, text: str, informative: str = "", details: str | None = None,
         parent: QWidget | None = None) -> QMessageBox:
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, _parent(parent))
    if informative:
        box.setInformativeText(informative)
    if details:
        box.setDetailedText(details)
    box.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.TextSelectableByMouse)  # so users can copy it
    box.button(QMessageBox.StandardButton.Ok).setText(QCoreApplication.translate("dialogs", "确定"))
    return box


def info(title: str, text: str, *, parent: QWidget | None = None) -> None:
    _box(QMessageBox.Icon.Information, title, text, parent=parent).exec()


def warn(title: str, text: str, *, parent: QWidget | None = None) -> None:
    _box(QMessageBox.Icon.Warning, title, text, parent=parent).exec()


def error(title: str, text: BaseException | str, details: str | None = None, *,
          parent: QWidget | None = None) -> None:
    """Show an error. `text` may be an exception: a ValidationError lists each located problem."""
    headline, lines = describe_error(text)
    _box(QMessageBox.Icon.Critical, title, headline, informative=lines, details=details, parent=parent).exec()


def confirm(title: str, text: str, *, ok_text: str | None = None, parent: QWidget | None = None) -> bool:
    """Ask yes/no; the safe answer (cancel) is the default button."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text,
                      QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel, _parent(parent))
    box.button(QMessageBox.StandardButton.Ok).setText(ok_text or QCoreApplication.translate("dialogs", "确定"))
    box.button(QMessageBox.StandardButton.Cancel).setText(QCoreApplication.translate("dialogs", "取消"))
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    return box.exec() == QMessageBox.StandardButton.Ok


def open_file(title: str, filters: str = "", *, purpose: str, parent: QWidget | None = None) -> Path | None:
    """A file to read, or None when cancelled. `filters` like "Excel 工作簿 (*.xlsx)"; the dialog opens
    in the folder last used for `purpose` (one of `PURPOSES`)."""
    path, _ = QFileDialog.getOpenFileName(_parent(parent), title, str(start_folder(purpose)), filters)
    if not path:
        return None
    remember_folder(purpose, Path(path))
    return Path(path)


def save_file(title: str, filters: str = "", *, purpose: str, suggested: str | Path = "",
              parent: QWidget | None = None) -> Path | None:
    """A file to write, or None when cancelled. The dialog asks before overwriting. A suggested file
    name is offered in the folder last used for `purpose`."""
    path, _ = QFileDialog.getSaveFileName(_parent(parent), title, _in_start_folder(purpose, suggested), filters)
    if not path:
        return None
    remember_folder(purpose, Path(path))
    return Path(path)


def choose_folder(title: str, *, purpose: str, current: str | Path = "",
                  parent: QWidget | None = None) -> Path | None:
    """A folder, or None when cancelled; starts in ``current`` when it exists, else the purpose's folder."""
    start = Path(current) if str(current) and Path(current).is_dir() else start_folder(purpose)
    folder = QFileDialog.getExistingDirectory(_parent(parent), title, str(start))
    if not folder:
        return None
    remember_folder(purpose, Path(folder) / "_")  # the folder itself is what is remembered
    return Path(folder)


def choose(title: str, label: str, options: Sequence[str], *, current: int = 0,
           parent: QWidget | None = None) -> int | None:
    """Index of the option picked from a list, or None when cancelled."""
    if not options:
        return None
    dlg = QInputDialog(_parent(parent))
    dlg.setWindowTitle(title)
    dlg.setLabelText(label)
    dlg.setComboBoxItems(list(options))
    dlg.setComboBoxEditable(False)
    dlg.setTextValue(options[max(0, min(current, len(options) - 1))])
    dlg.setOkButtonText(QCoreApplication.translate("dialogs", "确定"))
    dlg.setCancelButtonText(QCoreApplication.translate("dialogs", "取消"))
    if not dlg.exec():
        return None
    return list(options).index(dlg.textValue())


def ask(title: str, text: str, buttons: Sequence[str], *, informative: str = "", default: int = 0,
        warning: bool = False, parent: QWidget | None = None) -> int | None:
    """Offer a choice of named buttons; the index of the one pressed, or None when closed with Esc.
    The text can be selected and copied."""
    icon = QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Question
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, _parent(parent))
    if informative:
        box.setInformativeText(informative)
    box.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.TextSelectableByMouse)
    pushed = [box.addButton(label, QMessageBox.ButtonRole.ActionRole) for label in buttons]
    if pushed:
        box.setDefaultButton(pushed[max(0, min(default, len(pushed) - 1))])
    box.exec()
    clicked = box.clickedButton()
    return pushed.index(clicked) if clicked in pushed else None
