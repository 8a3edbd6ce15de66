"""Storage: engine and sessions, migrations, backups."""

from .database import Database, create_database, open_database, open_url

__all__ = ["Database", "create_database", "open_database", "open_url"]
