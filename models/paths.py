"""Where the app keeps its data and where it finds the resources it ships."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "cunwu"
DB_FILENAME = "cunwu.sqlite3"


def resources_dir() -> Path:
    """The shipped `resources/` folder (overridable for frozen builds with CUNWU_RESOURCES)."""
    override = os.environ.get("CUNWU_RESOURCES")
    if override:
        return Path(override)
    return Path(__file__).resolve().parents[1] / "resources"


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def resolve_data_dir(data_dir: str | os.PathLike | None) -> Path:
    return Path(data_dir) if data_dir else default_data_dir()


def resolve_db_path(db: str | os.PathLike | None, data_dir: str | os.PathLike | None) -> Path:
    """--db wins, then CUNWU_DB, then the data folder's default file."""
    if db:
        return Path(db)
    env = os.environ.get("CUNWU_DB")
    if env:
        return Path(env)
    return resolve_data_dir(data_dir) / DB_FILENAME
