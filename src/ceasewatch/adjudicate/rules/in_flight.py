"""The in_flight test: does a strike launched before the start count?"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from ..answers import IN_FLIGHT_EXEMPT, NO, NO_REASON, UNKNOWN, YES, TestOutcome
from ..batch import IncidentBatch
from ..terms import CommitmentTerms

if TYPE_CHECKING:
    from ..facts import BatchFacts


def in_flight_test(terms: CommitmentTerms, batch: IncidentBatch, facts: BatchFacts) -> TestOutcome:
    """in_flight: yes for "`in_flight: counts`; or `exempt` and l0 ≥ s1; or launch time
    unknown (the trace says "assumed")"; no for "`exempt` and l1 < s0: `in_flight_exempt`";
    unknown where "`exempt` and the launch interval straddles the start".

    "Launch time unknown" means both sides unknown; `detail["assumed"]` marks those rows.
    """
    n = len(batch)
    if not terms.exempt:
        return TestOutcome(np.full(n, YES), np.full(n, NO_REASON), {"assumed": np.zeros(n, dtype=bool)})
    assumed = np.isneginf(batch.l0) & np.isposinf(batch.l1)
    counts = assumed | (batch.l0 >= terms.s1)
    exempt = ~counts & (batch.l1 < terms.s0)
    answer = np.select([counts, exempt], [YES, NO], UNKNOWN).astype(np.int8)
    reason = np.where(exempt, IN_FLIGHT_EXEMPT, NO_REASON).astype(np.int8)
    return TestOutcome(answer, reason, {"assumed": assumed})
