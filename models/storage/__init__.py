"""Storage: engine and sessions, migrations, backups.

The names below load `database` (and with it SQLAlchemy) when first used, not when the package is
imported: `storage.private` or `storage.plain_read` alone must not cost a process ≈0.3 s of
SQLAlchemy (a whole `cunwu print` of a posted record reads without it, see `plain_read`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .database import Database, create_database, open_database, open_url

__all__ = ["Database", "create_database", "open_database", "open_url"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from . import database

        return getattr(database, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
