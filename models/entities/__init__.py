"""ORM entities. Importing this package registers every table on `Base.metadata`."""

from .audit import AuditEvent
from .base import Base
from .catalog import CatalogGroup, CatalogItem
from .installation import Installation, Setting

__all__ = ["Base", "AuditEvent", "CatalogGroup", "CatalogItem", "Installation", "Setting"]
