"""The four tests of "How an incident is judged", registered in the order of the spec's table.

Each rule is one function `(terms, batch, facts) -> TestOutcome` that answers for every
row of a batch at once. The order matters: a commitment's `no_violation` gives the reason
of the first test, in this order, that said no.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

from ...model.verdict import TESTS
from . import in_flight, party, scope, time

if TYPE_CHECKING:
    from ..answers import TestOutcome
    from ..batch import IncidentBatch
    from ..facts import BatchFacts
    from ..terms import CommitmentTerms


@dataclass(frozen=True)
class Rule:
    """A named test and the vectorised function that answers it."""

    name: str
    test: Callable[[CommitmentTerms, IncidentBatch, BatchFacts], TestOutcome]


RULES: tuple[Rule, ...] = (
    Rule("party", party.party_test),
    Rule("time", time.time_test),
    Rule("in_flight", in_flight.in_flight_test),
    Rule("scope", scope.scope_test),
)

assert tuple(rule.name for rule in RULES) == TESTS, "RULES must follow model.verdict.TESTS"
