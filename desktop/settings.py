"""User interface settings, declared once with typed defaults.

Stored with QSettings in INI format in one folder (platformdirs' user config folder by default; tests
and portable installs pass their own). Only primitives and JSON go in the file — never pickled Qt
values — so the file stays readable and survives Qt upgrades. Binary state such as window geometry is
kept as a base64 string.

    settings = Settings(tmp_path)
    settings.language            # "zh" (default)
    settings.last_page = "catalog"
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Generic, TypeVar

import platformdirs
from PySide6.QtCore import QSettings

from models.paths import APP_NAME

T = TypeVar("T")

LANGUAGES = ("zh", "en")
FILE_NAME = "cunwu.ini"


def default_settings_dir() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


class Entry(Generic[T]):
    """One setting: its key in the file, its type (str, int, bool or "json") and its default."""

    def __init__(self, key: str, default: T, kind: type | str):
        self.key = key
        self.default = default
        self.kind = kind
        self.name = key

    def __set_name__(self, owner, name: str) -> None:
        self.name = name

    def __get__(self, obj: Settings | None, owner=None) -> T:
        if obj is None:
            return self  # type: ignore[return-value]
        return obj.get(self)

    def __set__(self, obj: Settings, value: T) -> None:
        obj.set(self, value)

    # --- conversion to and from the text kept in the INI file --------------------------------
    def encode(self, value: T) -> str:
        if self.kind == "json":
            return json.dumps(value, ensure_ascii=False)
        if self.kind is bool:
            return "true" if value else "false"
        if self.kind is int:
            return str(int(value))  # type: ignore[call-overload]
        return str(value)

    def decode(self, raw: Any) -> T:
        if raw is None:
            return self.default
        text = raw if isinstance(raw, str) else str(raw)
        try:
            if self.kind == "json":
                return json.loads(text)
            if self.kind is bool:
                return text.strip().lower() in ("true", "1", "yes")  # type: ignore[return-value]
            if self.kind is int:
                return int(text)  # type: ignore[return-value]
        except (ValueError, TypeError):
            return self.default
        return text  # type: ignore[return-value]


class Settings:
    """The app's settings. Add an `Entry` here; nothing else needs to change."""

    window_geometry: Entry[str] = Entry("window/geometry", "", str)  # base64 of saveGeometry()
    last_page: Entry[str] = Entry("window/last_page", "", str)
    last_search: Entry[str] = Entry("catalog/last_search", "", str)
    catalog_splitter: Entry[list] = Entry("catalog/splitter", [], "json")  # [tree width, table width]
    language: Entry[str] = Entry("ui/language", "zh", str)  # one of LANGUAGES
    # What the window showed for the database opened last ({"db", "title", "user"}), so the next start
    # can paint the window before the data layer has loaded.
    last_opened: Entry[dict] = Entry("window/last_opened", {}, "json")
    # Printing: the printer last printed to, and the last paper and orientation a notice was printed or
    # saved with.
    print_printer: Entry[str] = Entry("print/printer", "", str)  # QPrinter.printerName(); "" = default
    print_paper: Entry[str] = Entry("print/paper", "A4", str)  # "A4" or "A3"
    print_landscape: Entry[bool] = Entry("print/landscape", False, bool)
    # 大字版 is chosen in 打印设置, where the clerk sees it, and starts every preview; ticking it in one
    # preview is for that notice only (a new key: the old "print/large" was carried silently).
    print_large: Entry[bool] = Entry("print/large_default", False, bool)
    # The folder each kind of file dialog used last ({purpose: folder}, desktop.dialogs.PURPOSES).
    file_folders: Entry[dict] = Entry("dialogs/folders", {}, "json")
    # The 待办 page's notes the clerk closed: {database path: the start month / "footer" they were about}.
    dismissed_notes: Entry[dict] = Entry("todo/dismissed_notes", {}, "json")
    # The user name signed in with last, offered again at the login dialog (never the password).
    last_user: Entry[str] = Entry("login/last_user", "", str)

    def __init__(self, folder: Path | str | None = None):
        self.folder = Path(folder) if folder else default_settings_dir()
        self.folder.mkdir(parents=True, exist_ok=True)
        self._qs = QSettings(str(self.folder / FILE_NAME), QSettings.Format.IniFormat)

    @property
    def path(self) -> Path:
        return Path(self._qs.fileName())

    @classmethod
    def entries(cls) -> list[Entry]:
        return [v for v in vars(cls).values() if isinstance(v, Entry)]

    def get(self, entry: Entry[T]) -> T:
        return entry.decode(self._qs.value(entry.key))

    def set(self, entry: Entry[T], value: T) -> None:
        if entry.key == Settings.language.key and value not in LANGUAGES:
            raise ValueError(f"unknown language {value!r}")
        self._qs.setValue(entry.key, entry.encode(value))

    def reset(self, entry: Entry) -> None:
        self._qs.remove(entry.key)

    def sync(self) -> None:
        self._qs.sync()
