"""What every window and page shares: the open database, who is acting, where the data lives.

Pages call services with ``workspace.ctx``; they never open sessions or build queries themselves.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from models.services.context import Actor, ServiceContext
from models.services.setup import InstallationData, installation
from models.storage import Database

from .settings import Settings


@dataclass
class Workspace:
    db: Database
    actor: Actor
    db_path: Path
    data_dir: Path
    settings: Settings
    _installation: InstallationData | None = field(default=None, repr=False)

    @classmethod
    def open(cls, db: Database, *, user: str | None, db_path: Path, data_dir: Path,
             settings: Settings) -> Workspace:
        """The acting user is `user` (--user / CUNWU_USER) or else the operator named at setup."""
        inst = installation(db)
        return cls(db=db, actor=Actor(user or inst.operator), db_path=Path(db_path), data_dir=Path(data_dir),
                   settings=settings, _installation=inst)

    @property
    def ctx(self) -> ServiceContext:
        return ServiceContext(self.db, self.actor)

    @property
    def read_only(self) -> bool:
        """Opened read-only because another window is editing this database: pages disable their
        write actions, and the database refuses writes anyway."""
        return self.db.read_only

    @property
    def installation(self) -> InstallationData:
        if self._installation is None:
            self._installation = installation(self.db)
        return self._installation

    def refresh_installation(self) -> InstallationData:
        self._installation = None
        return self.installation

    @property
    def log_path(self) -> Path:
        return self.data_dir / "logs" / "cunwu.log"
