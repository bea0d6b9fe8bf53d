"""Plain typed records shared by every stage."""

from .agreement import Agreement, Area, Commitment, Event, Site, SiteList, Version
from .incident import Counts, Evidence, Fulfilment, Incident, Record, record_from_dict
from .extraction import Extraction
from .interval import UTC, Interval, format_utc, parse_instant
from .place import Place, PlaceMention
from .report import Claim, Report, report_id
from .verdict import CommitmentVerdict, PerformStatus, TestResult, Verdict

__all__ = [
    "Agreement", "Area", "Commitment", "Event", "Site", "SiteList", "Version",
    "Counts", "Evidence", "Fulfilment", "Incident", "Record", "record_from_dict",
    "Extraction", "Place", "PlaceMention", "Claim", "Report", "report_id",
    "UTC", "Interval", "format_utc", "parse_instant",
    "CommitmentVerdict", "PerformStatus", "TestResult", "Verdict",
]
