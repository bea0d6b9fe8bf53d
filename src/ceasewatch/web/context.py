"""What every page shares: the template environment and the filter state it shows."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from .. import __version__
from ..api.consolidation import ALLEGED, grade_caption
from ..core import Ceasewatch
from ..model.taxonomy import CODES
from ..model.verdict import VERDICTS
from ..store import GRADES, UNGRADED, UNKNOWN_ACTOR, IncidentQuery
from .links import query_string

# Autoescape everywhere: every string from a report or a record is shown as text, never markup.
_ENV = Environment(
    loader=FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=True,
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)
templates = Jinja2Templates(env=_ENV)
SORTS = (("start", "start time"), ("-start", "start time, newest first"), ("end", "end time"),
         ("place", "place"), ("actor", "actor"), ("id", "id"))


# What each grade means, in the words the legend and the incident page use (docs/sources.md).
GRADE_MEANINGS = {
    "confirmed": "the actor acknowledges it, or an independent monitor verified it",
    "corroborated": "two or more independent sources, or an independent and a party source",
    "reported": "one independent source",
    ALLEGED: "only the other side says so",
    "contested": "the actor's side denies it, or responsibility is claimed both ways",
    "discounted": "set aside by an analyst, with a reason",
    UNGRADED: "not graded: consolidation has not run over it",
}
# The map marker's shape for each grade (static/css/ceasewatch.css draws them), as the legend names it.
GRADE_SHAPES = {
    "confirmed": "circle, thick ring", "corroborated": "circle", "reported": "square", ALLEGED: "diamond",
    "contested": "triangle", "discounted": "hollow circle", UNGRADED: "circle, dashed outline",
}


def page_context(cw: Ceasewatch, query: IncidentQuery, active: str) -> dict[str, Any]:
    """The filters, the agreement and its versions, and link helpers, for any page."""
    query = cw.incident_query(query)
    agreement = cw.agreement(query.agreement) if query.agreement else None
    return {
        "active": active,
        "query": query,
        "agreement": agreement,
        "versions": list(agreement.versions.values()) if agreement else [],
        "parties": dict(agreement.parties) if agreement else {},
        "qs": lambda **changes: query_string(query, **changes),
        "export_qs": query_string(query, paging=False, limit=None, offset=None),
        "verdict_names": VERDICTS,
        "grade_names": (*GRADES, UNGRADED),
        "unknown_actor": UNKNOWN_ACTOR,
        "target_codes": CODES,
        "sorts": SORTS,
        "sort_value": ("-" if query.descending else "") + query.sort,
        "version_label": _labeller(agreement),
        "app_version": __version__,
    }


def _labeller(agreement):
    def label(key: str) -> str:
        version = agreement.versions.get(key) if agreement else None
        return f"{key}: {version.label}" if version and version.label else key

    return label


def verdict_text(row, grade: str | None = None) -> str:
    """'violation', 'no_violation (out_of_scope)', 'undetermined (time)'; '–' with no verdict.

    Given the incident's grade, a violation on facts only alleged reads 'alleged violation'.
    """
    if row is None:
        return "–"
    detail = row.reason or ", ".join(row.unknown)
    text = f"{row.verdict} ({detail})" if detail else row.verdict
    return f"{ALLEGED} {text}" if grade == ALLEGED and row.verdict == "violation" else text


def figure(value) -> str:
    """A trace figure as people read it: lists joined, mappings as key: value, None as unknown."""
    if value is None:
        return "(unknown)"
    if isinstance(value, dict):
        return "; ".join(f"{k}: {figure(v)}" for k, v in value.items())
    if isinstance(value, (list, tuple, set, frozenset)):
        return ", ".join(figure(v) for v in value) or "(none)"
    return str(value)


_ENV.globals["verdict_text"] = verdict_text
_ENV.globals["grade_caption"] = grade_caption
_ENV.globals["grade_meanings"] = GRADE_MEANINGS
_ENV.globals["grade_shapes"] = GRADE_SHAPES
_ENV.filters["figure"] = figure
