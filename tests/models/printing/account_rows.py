"""An account's row as the database file holds it, read with plain sqlite3 (no services in between)."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def account_row(db_path: Path | str, name: str) -> dict:
    conn = sqlite3.connect(db_path)
    try:
        conn.row_factory = sqlite3.Row
        return dict(conn.execute("SELECT * FROM account WHERE name = ?", (name,)).fetchone())
    finally:
        conn.close()
