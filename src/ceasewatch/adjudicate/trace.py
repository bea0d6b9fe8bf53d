"""explain(): the verdicts of one incident with every test's answer, figures and evidence.

Nothing is decided here. The incident is judged as a one-row batch by the same rules as
judge(); this module only reads their answers (and the findings they left in `detail`)
and writes down the figures that were compared.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

from ..model.agreement import Agreement, Area
from ..model.incident import Evidence, Incident
from ..model.interval import format_utc
from ..model.verdict import REASONS, VERDICTS, CommitmentVerdict, TestResult, Verdict
from .answers import ANSWER_NAMES, TestOutcome, unknown_names
from .batch import IncidentBatch
from .engine import CommitmentJudgement, judge_commitment, most_severe, verdict_of_row
from .facts import BatchFacts, site_indexes
from .rules import RULES
from .terms import refrain_terms

#: The exchange-format fields each test reads: evidence spans naming one of them back it.
TEST_FIELDS = {
    "party": frozenset({"actor"}),
    "time": frozenset({"start", "end"}),
    "in_flight": frozenset({"launch_start", "launch_end"}),
    "scope": frozenset({"targets", "site", "place", "lat", "lon", "geo_precision", "country", "admin1", "admin1_code"}),
}


def explain(agreement: Agreement, incident: Incident, version: str | None = None) -> list[Verdict]:
    """The incident's verdict under each version (or the one named), with the full trace.

    The trace lists every commitment considered (those that could bind the actor) in file
    order. A non-strike record is not judged: the list is empty.
    """
    if incident.kind != "strike":
        return []
    if version is not None:
        agreement.version(version)  # KeyError naming the versions there are
    keys = [version] if version is not None else list(agreement.versions)
    batch = IncidentBatch.from_incidents([incident])
    facts = BatchFacts(batch, site_indexes(agreement))
    out = []
    for key in keys:
        v = agreement.version(key)
        judgements = [judge_commitment(t, batch, facts) for t in refrain_terms(v, agreement.site_lists)]
        summary = most_severe(judgements, 1, tuple(c.id for c in v.commitments))
        trace = tuple(_commitment_trace(j, incident, facts) for j in judgements if j.considered[0])
        out.append(replace(verdict_of_row(agreement, key, summary, 0, incident), trace=trace))
    return out


def _commitment_trace(j: CommitmentJudgement, incident: Incident, facts: BatchFacts) -> CommitmentVerdict:
    return CommitmentVerdict(
        commitment=j.terms.id,
        verdict=VERDICTS[int(j.verdict[0])],
        reason=REASONS[int(j.reason[0])] if j.reason[0] >= 0 else None,
        unknown=unknown_names(int(j.unknown[0])),
        tests=tuple(
            _test_result(rule.name, outcome, j, incident, facts) for rule, outcome in zip(RULES, j.tests)
        ),
    )


def _test_result(name: str, outcome: TestOutcome, j: CommitmentJudgement, incident: Incident,
                 facts: BatchFacts) -> TestResult:
    figures, notes = _FIGURES[name](outcome, j, incident, facts)
    fields = TEST_FIELDS[name]
    return TestResult(
        name=name,
        answer=ANSWER_NAMES[int(outcome.answer[0])],
        reason=REASONS[int(outcome.reason[0])] if outcome.reason[0] >= 0 else None,
        figures=figures,
        note="; ".join(notes) or None,
        evidence=_evidence_for(incident.evidence, fields),
    )


def _evidence_for(spans: tuple[Evidence, ...], fields: frozenset[str]) -> tuple[Evidence, ...]:
    """Spans that back one of the test's fields; a span that names no field backs every test."""
    return tuple(e for e in spans if e.field is None or e.field in fields)


def _party_figures(outcome: TestOutcome, j: CommitmentJudgement, incident: Incident,
                   facts: BatchFacts) -> tuple[dict[str, Any], list[str]]:
    notes = ["actor unknown: every refrain commitment considered"] if incident.actor is None else []
    return {"actor": incident.actor, "parties": list(j.terms.commitment.parties)}, notes


def _time_figures(outcome: TestOutcome, j: CommitmentJudgement, incident: Incident,
                  facts: BatchFacts) -> tuple[dict[str, Any], list[str]]:
    c = j.terms.commitment
    s0, s1 = (c.start.earliest, c.start.latest) if c.start else (None, None)
    e0, e1 = (c.end.earliest, c.end.latest) if c.end else (None, None)
    a, b = incident.time.earliest, incident.time.latest
    figures = {
        "a": _iso(a), "b": _iso(b),
        "s0": _iso(s0), "s1": _iso(s1), "G": _duration(c.grace),
        "s0+G": _iso(None if s0 is None else s0 + c.grace),
        "s1+G": _iso(None if s1 is None else s1 + c.grace),
        "e0": _iso(e0), "e1": _iso(e1),
    }
    notes = []
    if a is None or b is None:
        notes.append("impact time unknown" if a is None and b is None else "impact time known on one side only")
    if c.end is None:
        notes.append("the commitment has no end")
    return figures, notes


def _in_flight_figures(outcome: TestOutcome, j: CommitmentJudgement, incident: Incident,
                       facts: BatchFacts) -> tuple[dict[str, Any], list[str]]:
    c = j.terms.commitment
    figures = {
        "in_flight": c.in_flight,
        "l0": _iso(incident.launch.earliest), "l1": _iso(incident.launch.latest),
        "s0": _iso(c.start.earliest if c.start else None), "s1": _iso(c.start.latest if c.start else None),
    }
    notes = ["launch time unknown: assumed after the start"] if outcome.detail["assumed"][0] else []
    return figures, notes


def _scope_figures(outcome: TestOutcome, j: CommitmentJudgement, incident: Incident,
                   facts: BatchFacts) -> tuple[dict[str, Any], list[str]]:
    c = j.terms.commitment
    findings = {name: ANSWER_NAMES[int(outcome.detail[name][0])] for name in ("area", "codes", "site") if name in outcome.detail}
    figures: dict[str, Any] = {
        "findings": findings,
        "codes": list(incident.targets),
        "targets": sorted(c.target_codes) if c.target_codes is not None else None,
        "geo_precision": incident.geo_precision,
    }
    notes = []
    if not c.sites and c.target_codes is None:
        notes.append("neither targets nor sites: every target is covered")
    if c.sites:
        figures["sites"] = [_site_figures(key, outcome, incident, facts) for key in c.sites]
    if c.area is not None:
        figures["area"] = _area_figures(c.area, facts, findings["area"])
    return figures, notes


def _site_figures(key: str, outcome: TestOutcome, incident: Incident, facts: BatchFacts) -> dict[str, Any]:
    index = facts.indexes[key]
    radius = float(facts.search_radius_m(key)[0])
    nearest = index.nearest(facts.batch.lat[0], facts.batch.lon[0])
    site, distance = nearest if nearest else (None, None)
    return {
        "list": key,
        "finding": ANSWER_NAMES[int(outcome.detail[f"site:{key}"][0])],
        "tolerance_m": index.tolerance_m,
        "search_m": radius if radius == radius else None,  # nan: too coarse to search
        "nearest_id": site.id if site else None,
        "nearest_name": site.name if site else None,
        "distance_m": None if distance is None else round(distance, 3),
        "site_named": incident.site,
        "name_match": bool(facts.sites(key).name_match[0]),
    }


def _area_figures(area: Area, facts: BatchFacts, finding: str) -> dict[str, Any]:
    a = facts.area(area)
    b = facts.batch
    out: dict[str, Any] = {"finding": finding}
    if area.countries:
        out["countries"] = list(area.countries)
        out["country"] = b.countries[b.country[0]] if b.country[0] >= 0 else None
    if a.inside is not None:
        out["file"] = area.file
        out["inside"] = bool(a.inside[0])
        boundary = float(a.boundary_m[0])
        out["boundary_m"] = round(boundary, 3) if boundary == boundary else None
    return out


_FIGURES = {
    "party": _party_figures,
    "time": _time_figures,
    "in_flight": _in_flight_figures,
    "scope": _scope_figures,
}


def _iso(t: datetime | None) -> str | None:
    """ISO 8601 UTC; None for an unbounded side."""
    return None if t is None else format_utc(t)


def _duration(d: timedelta) -> str:
    """ISO 8601 duration of days or less: P30D, PT10M, PT0S."""
    days, rest = divmod(round(d.total_seconds()), 86400)
    clock = "".join(f"{n}{unit}" for n, unit in zip((rest // 3600, rest % 3600 // 60, rest % 60), "HMS") if n)
    text = "P" + (f"{days}D" if days else "") + (f"T{clock}" if clock else "")
    return "PT0S" if text == "P" else text
