"""Installation-wide settings kept with the data: one JSON value per key in the `setting` table.

Read and written inside a caller's session, so a change is part of the service call that makes it
(and of its audit event).
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy.orm import Session

from ..entities import Setting


def read_setting(session: Session, key: str, default: Any) -> Any:
    """A setting's value, or ``default`` when unset or unreadable."""
    raw = session.get(Setting, key)
    if raw is None:
        return default
    try:
        return json.loads(raw.value)
    except (TypeError, ValueError):
        return default


def write_setting(session: Session, key: str, value: Any) -> None:
    text = json.dumps(value, ensure_ascii=False)
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=text))
    else:
        row.value = text
