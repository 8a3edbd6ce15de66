"""Alembic migrations, run programmatically (no alembic.ini needed at run time).

Opening a database at the current schema must not pay for importing Alembic (≈60 ms of start-up):
the revision graph is read from the revision files' `revision` / `down_revision` lines and the
database's version from its `alembic_version` table. Alembic itself is imported only to upgrade.
A test checks this light reading against Alembic's own view of the scripts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the revision graph is read without SQLAlchemy (storage.plain_read needs only that)
    from sqlalchemy.engine import Engine

HERE = Path(__file__).resolve().parent
VERSIONS = HERE / "versions"
_REV = re.compile(r"^revision\s*=\s*['\"]([^'\"]+)['\"]", re.M)
_DOWN = re.compile(r"^down_revision\s*=\s*(None|['\"]([^'\"]+)['\"])", re.M)


def alembic_config(engine: Engine | None = None):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(HERE))
    if engine is not None:
        cfg.attributes["engine"] = engine
    return cfg


@lru_cache(maxsize=1)
def revision_graph() -> dict[str, str | None]:
    """revision → down_revision, read from the revision files."""
    graph: dict[str, str | None] = {}
    for path in sorted(VERSIONS.glob("*.py")):
        src = path.read_text(encoding="utf-8")
        rev, down = _REV.search(src), _DOWN.search(src)
        if rev and down:
            graph[rev.group(1)] = down.group(2)
    return graph


def head_revision() -> str:
    graph = revision_graph()
    heads = set(graph) - {d for d in graph.values() if d}
    if len(heads) != 1:
        raise RuntimeError(f"migration graph must have one head, has {sorted(heads)}")
    return heads.pop()


@dataclass(frozen=True)
class SchemaState:
    current: str | None
    head: str
    known: bool

    @property
    def newer(self) -> bool:
        return self.current is not None and not self.known

    @property
    def behind(self) -> bool:
        return self.current is not None and self.known and self.current != self.head


def current_revision(engine: Engine) -> str | None:
    from sqlalchemy import inspect, text

    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def schema_state(engine: Engine) -> SchemaState:
    current = current_revision(engine)
    known = current is None or current in revision_graph()
    return SchemaState(current=current, head=head_revision(), known=known)


def upgrade_to_head(engine: Engine) -> None:
    from alembic import command

    command.upgrade(alembic_config(engine), "head")


def upgrade_to(engine: Engine, revision: str) -> None:
    from alembic import command

    command.upgrade(alembic_config(engine), revision)
