"""The database: the only part of ceasewatch that writes SQL (docs/storage.md)."""

from .base import Store
from .map_cells import MapCells, MapCluster, MapPoint, MapRegion
from .queries import GRADES, UNGRADED, UNKNOWN_ACTOR, IncidentPage, IncidentQuery, IncidentRow
from .rows import IncidentRevision, SaveCounts, StoredAgreement, VerdictRow

__all__ = ["Store", "StoredAgreement", "SaveCounts", "VerdictRow", "IncidentRevision",
           "IncidentQuery", "IncidentPage", "IncidentRow", "GRADES", "UNGRADED", "UNKNOWN_ACTOR", "MapCells", "MapCluster", "MapPoint", "MapRegion"]
