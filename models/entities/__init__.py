"""ORM entities. Importing this package registers every table on `Base.metadata`."""

from .account import Account
from .audit import AuditEvent
from .base import Base
from .catalog import CatalogGroup, CatalogItem
from .disclosure import (
    Attachment,
    CalendarDay,
    Disclosure,
    Feedback,
    ImportMapping,
    RosterRow,
    StatusChange,
)
from .installation import Installation, Setting
from .survey import Survey, SurveyAdjudication, SurveyDemand, SurveyForm

__all__ = [
    "Base", "Account", "AuditEvent", "CatalogGroup", "CatalogItem", "Installation", "Setting",
    "Disclosure", "RosterRow", "StatusChange", "Attachment", "Feedback", "CalendarDay", "ImportMapping",
    "Survey", "SurveyForm", "SurveyAdjudication", "SurveyDemand",
]
