"""What every window and page shares: the open database, who is acting, where the data lives.

Pages call services with ``workspace.ctx``; they never open sessions or build queries themselves.
``workspace.may(permission)`` says whether the acting account may take an action, and why not, so
pages grey out what the role may not do (models.rules.permissions is the one table).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from models.services.accounts import unsigned_actor
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
    _may: dict[str, tuple[bool, str]] = field(default_factory=dict, repr=False)

    @classmethod
    def open(cls, db: Database, *, user: str | None, db_path: Path, data_dir: Path,
             settings: Settings, actor: Actor | None = None) -> Workspace:
        """The acting account is `actor` (signed in at the login dialog); in a database without
        accounts, `user` (--user / CUNWU_USER) or else the operator named at setup."""
        inst = installation(db)
        if actor is None:
            actor = unsigned_actor(db, user or inst.operator)
        return cls(db=db, actor=actor, db_path=Path(db_path), data_dir=Path(data_dir),
                   settings=settings, _installation=inst)

    def may(self, permission: str) -> tuple[bool, str]:
        """(allowed, the refusal sentence); asked once per permission and remembered for the session
        (the services check again at every write)."""
        if permission not in self._may:
            self._may[permission] = self.ctx.may(permission)
        return self._may[permission]

    def forget_permissions(self) -> None:
        """After a settings change that moves a permission (who may print unmasked)."""
        self._may.clear()

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
