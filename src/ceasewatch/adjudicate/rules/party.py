"""The party test: does the commitment bind the incident's actor?"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from ..answers import NO, UNKNOWN, YES, TestOutcome, outcome_without_reason
from ..batch import MISSING, IncidentBatch
from ..terms import CommitmentTerms

if TYPE_CHECKING:
    from ..facts import BatchFacts


def party_test(terms: CommitmentTerms, batch: IncidentBatch, facts: BatchFacts) -> TestOutcome:
    """party: yes where "the actor is the commitment's party"; unknown where "actor unknown".

    The spec's table gives this test no `no` ("—"): a commitment whose party is not the
    known actor does not bind the incident. It answers NO here, and the engine leaves such
    a commitment out for that incident instead of judging it.
    """
    bound = np.isin(batch.actor, batch.codes_of(terms.commitment.parties, batch.actors))
    answer = np.where(bound, YES, np.where(batch.actor == MISSING, UNKNOWN, NO)).astype(np.int8)
    return outcome_without_reason(answer)
