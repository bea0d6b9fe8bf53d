"""Claims (what sources assert that is not a located incident) and prisoner-exchange records.

One sentence gives at most one claim of each kind, except aggregates, one per counted
number: "145 drones" and "150 Shahed drones" are two tallies.

- aggregate: a number of weapons or strikes with no place of its own ("145 drones overnight");
- count: a qualified figure of an incident ("at least 18 killed"): incidents keep exact figures only;
- denial: a source rejects an accusation or a report;
- order: someone ordered forces to act or to stop;
- terms: what was agreed (a ceasefire, a pause, a ban);
- other: a prisoner exchange, or an attack told without a place ("Ukraine continues to attack ...").
"""

from __future__ import annotations

import hashlib
import re
from typing import Any, Mapping

from ..model.agreement import Agreement
from ..model.incident import Evidence, Fulfilment, Incident
from ..model.interval import Interval
from ..model.report import Claim, Report
from .actors import SIDES, party_code
from .drafts import Draft
from .facts import SentenceFacts
from .lexicon import find_weapons, weapon_class
from .lexicon import weapon_model as model_of
from .timing import best_timing, launch_timing

_ORDER = re.compile(r"\b(?:order(?:ed|s|ing)?|issued (?:an? |the )?(?:\w+ )?orders?|direct(?:ed|ing)|instruct(?:ed|ing))\b", re.I)
_TERMS = re.compile(r"\b(?:cease-?fire|truce|moratorium|pause|halt|agreed|agreement|deal|commitments?|ban|navigation)\b", re.I)
_EXCHANGE = re.compile(r"\b(?:exchang(?:e|es|ed|ing)|swap(?:s|ped|ping)?)\b", re.I)
_PRISONERS = re.compile(r"\b(?:prisoners?(?: of war)?|POWs?|captives|detainees)\b", re.I)
_EACH_SIDE = re.compile(r"\beach (?:side|party|country)\b[^.]{0,30}?\b(\d{1,4})\b", re.I)
_N_FOR_M = re.compile(r"\b(\d{1,4})-for-(\d{1,4})\b")
_PRISONER_UNITS = frozenset("prisoner prisoners pow pows soldiers soldier servicemen".split())
_TALLY_UNITS = {"drone": "drones", "drones": "drones", "uav": "drones", "uavs": "drones", "missile": "missiles",
                "missiles": "missiles", "bomb": "bombs", "bombs": "bombs", "shell": "shells", "shells": "shells",
                "rocket": "rockets", "rockets": "rockets", "shahed": "drones", "shaheds": "drones",
                "strike": "strikes", "strikes": "strikes", "attack": "attacks", "attacks": "attacks", "times": "strikes"}
_UNIT_WEAPON = {"drones": "drone", "missiles": "missile", "bombs": "glide_bomb", "shells": "artillery", "rockets": "missile"}


def find_claims(
    report: Report, text: str, facts: list[SentenceFacts], pairs: list[tuple[Draft, Incident]],
    agreement: Agreement | None, zone: str,
) -> list[Claim]:
    """Every claim of the report, in text order."""
    events = agreement.events if agreement is not None else None
    drafted = {d.sentence for d, _ in pairs}
    counted = {e.start for _, i in pairs for e in i.evidence if e.field == "counts"}
    counted |= {qc.quantity.start for d, _ in pairs for qc in d.qualified}
    claims: list[Claim] = []
    for f in facts:
        s = f.sentence
        make = _Maker(report, text, f, agreement, zone, events)
        # A sentence that made incidents keeps only its counts of weapons as tallies ("one strike hit X" is X).
        # Numbers of weapons are tallies anywhere; numbers of strikes only beside attack words.
        units = _UNIT_WEAPON.keys() if s.index in drafted or not f.cues else _TALLY_UNITS.values()
        tallies = [q for q in f.quantities if _TALLY_UNITS.get((q.unit or "").lower()) in units and q.start not in counted]
        for q in tallies:
            unit = _TALLY_UNITS[q.unit.lower()]
            own = find_weapons(text, q.start, q.unit_end)
            claims.append(make.claim("aggregate", q.start, q.unit_end, quantity=q.value, qualifier=q.qualifier, unit=unit,
                                     weapon=_UNIT_WEAPON.get(unit) or weapon_class(own), weapon_model=model_of(own)))
        if f.denial:
            claims.append(make.claim("denial", s.start, s.end))
        elif _ORDER.search(text, s.start, s.end) and _TERMS.search(text, s.start, s.end) or _ORDER.search(text, s.start, s.end) and f.cues:
            claims.append(make.claim("order", s.start, s.end))
        elif _TERMS.search(text, s.start, s.end) and not f.cues:
            claims.append(make.claim("terms", s.start, s.end))
        elif f.strong and not tallies and s.index not in drafted and f.actor is not None:
            claims.append(make.claim("other", s.start, s.end))
        if _is_exchange(text, f):
            q = next((q for q in f.quantities if (q.unit or "").lower() in _PRISONER_UNITS), None)
            claims.append(make.claim("other", s.start, s.end, quantity=q.value if q else None,
                                     qualifier=q.qualifier if q else None, unit="prisoners" if q else None))
    for draft, incident in pairs:
        for qc in draft.qualified:
            f = facts[qc.sentence]
            make = _Maker(report, text, f, agreement, zone, events)
            claims.append(make.claim("count", qc.quantity.start, qc.quantity.unit_end, quantity=qc.quantity.value,
                                     qualifier=qc.quantity.qualifier, unit=qc.field, time=incident.time,
                                     actor=incident.actor))
    return _unique(claims)


def find_exchange(report: Report, text: str, facts: list[SentenceFacts], agreement: Agreement | None, zone: str) -> Fulfilment | None:
    """One prisoner-exchange record for the report, from the sentences that tell of it."""
    told = [f for f in facts if _is_exchange(text, f)]
    if not told:
        return None
    quantity = _exchange_quantity(text, told)
    if quantity is None:
        return None
    # An exchange has two sides: in this conflict, both (mapped to the agreement's parties).
    parties = sorted(SIDES)
    codes = tuple(c for c in (party_code(p, agreement) for p in parties) if c is not None)
    events = agreement.events if agreement is not None else None
    timing = next((t for t in (best_timing(f.times, text, zone, events) for f in told) if t is not None), None)
    spans = [(f.sentence.start, f.sentence.end) for f in told]
    speakers = []
    for f in told:
        speakers.extend(sp.name for sp in f.speakers if sp.name not in speakers)
    digest = hashlib.sha256(f"{report.id}\x00prisoner-exchange\x00{spans[0]}".encode()).hexdigest()[:16]
    evidence = [Evidence(report.id, a, b, text[a:b], "quantity") for a, b in spans]
    if timing is not None:
        evidence += [Evidence(report.id, a, b, text[a:b], "time") for a, b in timing.spans]
    return Fulfilment(
        id="ful-" + digest, kind="prisoner-exchange", parties=codes, quantity=quantity,
        time=timing.interval if timing is not None else Interval.unknown(),
        claimed_by=tuple(speakers) or ((report.source,) if report.source else ()), evidence=tuple(evidence),
    )


def _is_exchange(text: str, f: SentenceFacts) -> bool:
    s = f.sentence
    return bool(_EXCHANGE.search(text, s.start, s.end) and _PRISONERS.search(text, s.start, s.end)) or bool(
        _EXCHANGE.search(text, s.start, s.end) and any((q.unit or "").lower() in _PRISONER_UNITS for q in f.quantities))


def _exchange_quantity(text: str, told: list[SentenceFacts]) -> int | None:
    """Each side's number: "each side releasing N", else the smaller of "N-for-M", else the figure stated."""
    for f in told:
        m = _EACH_SIDE.search(text, f.sentence.start, f.sentence.end)
        if m:
            return int(m.group(1))
    for f in told:
        m = _N_FOR_M.search(text, f.sentence.start, f.sentence.end)
        if m:
            return min(int(m.group(1)), int(m.group(2)))
    for f in told:
        for q in f.quantities:
            if (q.unit or "").lower() in _PRISONER_UNITS and q.exact:
                return q.value
    return None


class _Maker:
    """Builds claims of one sentence: speaker, actor, weapon, time and their evidence."""

    def __init__(self, report: Report, text: str, f: SentenceFacts, agreement, zone: str, events: Mapping | None):
        self.report, self.text, self.f, self.agreement = report, text, f, agreement
        # A claim has one time: a tally of weapons "launched overnight" is dated by its launch.
        self.timing = best_timing(f.times, text, zone, events) or launch_timing(f.times, text, zone, events)

    def claim(self, kind: str, start: int, end: int, *, time: Interval | None = None, actor: str | None = None,
              weapon: str | None = None, weapon_model: str | None = None, **fields: Any) -> Claim:
        """A claim of this sentence about text[start:end], with its evidence and a stable id."""
        f, text, rid = self.f, self.text, self.report.id
        s = f.sentence
        evidence = [Evidence(rid, start, end, text[start:end], kind)]
        speaker = f.speakers[0] if f.speakers else None
        if speaker is not None:
            evidence.append(Evidence(rid, speaker.start, speaker.end, text[speaker.start:speaker.end], "speaker"))
        weapons = find_weapons(text, s.start, s.end)
        evidence += [Evidence(rid, w.start, w.end, text[w.start:w.end], "weapon") for w in weapons[:2]]
        if actor is None and f.actor is not None:
            actor = party_code(f.actor.side, self.agreement)
            evidence.append(Evidence(rid, f.actor.start, f.actor.end, text[f.actor.start:f.actor.end], "actor"))
        if time is None and self.timing is not None:
            time = self.timing.interval
            evidence += [Evidence(rid, a, b, text[a:b], "time") for a, b in self.timing.spans]
        digest = hashlib.sha256(f"{rid}\x00{start}\x00{end}\x00{kind}".encode()).hexdigest()[:16]
        return Claim(
            id="clm-" + digest, kind=kind, text=text[s.start:s.end], report=rid,
            speaker=speaker.name if speaker else None, source=self.report.source,
            weapon=weapon or weapon_class(weapons), weapon_model=weapon_model or model_of(weapons), actor=actor,
            time=time or Interval.unknown(), evidence=tuple(evidence), **fields,
        )


def _unique(claims: list[Claim]) -> list[Claim]:
    seen, out = set(), []
    for c in claims:
        if c.id not in seen:
            seen.add(c.id)
            out.append(c)
    return out
