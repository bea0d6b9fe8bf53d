"""The database: the only part of ceasewatch that writes SQL (docs/storage.md)."""

from .base import Store
from .rows import IncidentRevision, SaveCounts, StoredAgreement, VerdictRow

__all__ = ["Store", "StoredAgreement", "SaveCounts", "VerdictRow", "IncidentRevision"]
