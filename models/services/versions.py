"""Record versions: two windows (or a window and the CLI) never silently overwrite each other.

Every editable record (`models.entities.base.Versioned`: disclosures with their roster rows and
content, catalog items, feedback, settings) carries a counter. SQLAlchemy's ``version_id_col`` puts
it in every UPDATE's WHERE (``UPDATE … SET version = n + 1 WHERE id = ? AND version = n``); a row
another transaction changed meanwhile updates nothing and the unit of work fails, which
`ServiceContext.write` turns into `RecordChanged` — the whole transaction rolled back.

An editor remembers the version it loaded and passes it as ``expected_version``; a service
calls `check_version` on the row it read inside its write transaction, so a save against a record
changed since it was opened is refused with who and when, before anything is written. The CLI
passes no expected version: it reads, changes and writes in one transaction, and the UPDATE's
WHERE still guards that transaction.
"""

from __future__ import annotations

from ..entities.base import Versioned, utcnow
from ..errors import RecordChanged


def check_version(row: Versioned, expected: int | None) -> None:
    """Refuse (`RecordChanged`, naming who changed it and when) unless ``row`` is still at the
    version the caller read; ``None`` means the caller read it in this same transaction."""
    if expected is not None and int(expected) != row.version:
        raise RecordChanged(row.updated_by, getattr(row, "updated_at", None))


def stamp(row: Versioned, actor: str) -> None:
    """Record who changes ``row`` now. Always dirties the row, so its UPDATE — with the version
    check and the bump — is issued even when only dependent rows (a roster's lines) changed."""
    row.updated_by = actor
    row.updated_at = utcnow()


__all__ = ["check_version", "stamp"]
