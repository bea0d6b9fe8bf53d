"""The time test: did the impact fall inside the commitment's window?"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from ..answers import AFTER_END, BEFORE_START, NO, NO_REASON, UNKNOWN, YES, TestOutcome
from ..batch import IncidentBatch
from ..terms import CommitmentTerms

if TYPE_CHECKING:
    from ..facts import BatchFacts


def time_test(terms: CommitmentTerms, batch: IncidentBatch, facts: BatchFacts) -> TestOutcome:
    """time: yes where "a ≥ s1 + G and b ≤ e0"; no where "b < s0 + G: `before_start`;
    a > e1: `after_end`"; unknown "otherwise (the intervals overlap partly)".

    An unknown side of the impact interval is ±inf, so it never settles a test on its own.
    """
    before = batch.b < terms.s0_grace
    after = batch.a > terms.e1
    inside = (batch.a >= terms.s1_grace) & (batch.b <= terms.e0)
    answer = np.select([before | after, inside], [NO, YES], UNKNOWN).astype(np.int8)
    # The table's order decides which reason a `no` gives when both could apply.
    reason = np.select([before, after], [BEFORE_START, AFTER_END], NO_REASON).astype(np.int8)
    return TestOutcome(answer, reason)
