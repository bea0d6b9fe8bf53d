"""The source registry (who reports, for whom) and the credibility grade of an incident (docs/sources.md)."""

from .grading import GRADES, AccountAttestation, AnalystGrade, Grade, grade_incident
from .registry import SourceRegistry, SourcesError, is_registry_text, load_registry
from .source import Attester, Source

__all__ = [
    "Source", "Attester", "SourceRegistry", "SourcesError", "load_registry", "is_registry_text",
    "AccountAttestation", "AnalystGrade", "Grade", "GRADES", "grade_incident",
]
