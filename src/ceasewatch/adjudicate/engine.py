"""Judging: every incident under every version, through the vectorised rules."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np

from ..model.agreement import Agreement, Version
from ..model.incident import Incident
from ..model.verdict import REASONS, VERDICTS, Verdict
from .answers import (
    NO, NO_REASON, NO_VIOLATION, NOT_APPLICABLE, TEST_BITS, UNDETERMINED, UNKNOWN, VIOLATION, YES,
    TestOutcome, unknown_names,
)
from .batch import IncidentBatch
from .facts import BatchFacts, site_indexes
from .rules import RULES
from .terms import CommitmentTerms, refrain_terms

assert VIOLATION < UNDETERMINED < NO_VIOLATION < NOT_APPLICABLE, "the most severe verdict must be the least code"


@dataclass(frozen=True, eq=False)
class BatchVerdicts:
    """One version's verdicts for a batch, row for row, as code arrays."""

    verdict: np.ndarray  # int8 index into model.verdict.VERDICTS
    reason: np.ndarray  # int8 index into model.verdict.REASONS; -1: none
    unknown: np.ndarray  # uint8 bitmask: bit i set when TESTS[i] said unknown (undetermined only)
    commitment: np.ndarray  # int16 index into the version's commitments; -1: not_applicable
    commitment_ids: tuple[str, ...]  # the version's commitment ids, in file order

    def __len__(self) -> int:
        return len(self.verdict)


@dataclass(frozen=True, eq=False)
class CommitmentJudgement:
    """One commitment's four test outcomes over a batch, and the verdict they give."""

    terms: CommitmentTerms
    tests: tuple[TestOutcome, ...]  # in the order of rules.RULES
    considered: np.ndarray  # bool: the commitment could bind the row's actor
    verdict: np.ndarray
    reason: np.ndarray
    unknown: np.ndarray


def judge_commitment(terms: CommitmentTerms, batch: IncidentBatch, facts: BatchFacts) -> CommitmentJudgement:
    """Run every rule for one commitment and combine: "`no_violation` with the first reason
    (in the order of the table) where any test says no; `violation` where all say yes;
    otherwise `undetermined`, listing the tests that said unknown."
    """
    tests = tuple(rule.test(terms, batch, facts) for rule in RULES)
    answers = np.stack([t.answer for t in tests])
    said_no = answers == NO
    any_no = said_no.any(axis=0)
    first_no = said_no.argmax(axis=0)  # argmax finds the first True: the table's order
    reasons = np.stack([t.reason for t in tests])
    reason = np.where(any_no, reasons[first_no, np.arange(len(batch))], NO_REASON).astype(np.int8)
    verdict = np.select([any_no, (answers == YES).all(axis=0)], [NO_VIOLATION, VIOLATION], UNDETERMINED)
    unknown = np.zeros(len(batch), dtype=np.uint8)
    for test, bit in zip(tests, TEST_BITS.values()):
        unknown |= np.where(test.answer == UNKNOWN, bit, np.uint8(0)).astype(np.uint8)
    unknown[verdict != UNDETERMINED] = 0
    considered = tests[0].answer != NO  # party's `no`: the commitment does not bind the actor
    return CommitmentJudgement(terms, tests, considered, verdict.astype(np.int8), reason, unknown)


def most_severe(judgements: Sequence[CommitmentJudgement], n: int, commitment_ids: tuple[str, ...]) -> BatchVerdicts:
    """Per row, "the first commitment, in file order, among those with the most severe
    verdict"; `not_applicable` where no commitment binds the row.
    """
    verdict = np.full(n, NOT_APPLICABLE, dtype=np.int8)
    reason = np.full(n, NO_REASON, dtype=np.int8)
    unknown = np.zeros(n, dtype=np.uint8)
    commitment = np.full(n, -1, dtype=np.int16)
    for j in judgements:  # file order; strictly more severe replaces, so ties keep the first
        better = j.considered & (j.verdict < verdict)
        verdict[better] = j.verdict[better]
        reason[better] = j.reason[better]
        unknown[better] = j.unknown[better]
        commitment[better] = j.terms.index
    return BatchVerdicts(verdict, reason, unknown, commitment, commitment_ids)


def judge_version(version: Version, terms: Sequence[CommitmentTerms], batch: IncidentBatch,
                  facts: BatchFacts) -> BatchVerdicts:
    """Every row of the batch under one version."""
    judgements = [judge_commitment(t, batch, facts) for t in terms]
    return most_severe(judgements, len(batch), tuple(c.id for c in version.commitments))


def judge_batch(agreement: Agreement, batch: IncidentBatch) -> dict[str, BatchVerdicts]:
    """Every row under every version (file order): the fast path behind judge().

    Each site list is queried once for the whole batch, whichever versions name it.
    """
    facts = BatchFacts(batch, site_indexes(agreement))
    return {
        key: judge_version(version, refrain_terms(version, agreement.site_lists), batch, facts)
        for key, version in agreement.versions.items()
    }


def judge(agreement: Agreement, incidents: Sequence[Incident]) -> list[Verdict]:
    """Summary verdicts for every strike, in input order, under every version, in file order."""
    strikes = [i for i in incidents if i.kind == "strike"]
    by_version = judge_batch(agreement, IncidentBatch.from_incidents(strikes))
    columns = {key: _as_lists(v) for key, v in by_version.items()}
    return [
        _verdict(agreement.id, key, cols, row, incident)
        for row, incident in enumerate(strikes)
        for key, cols in columns.items()
    ]


def verdict_of_row(agreement: Agreement, version: str, verdicts: BatchVerdicts, row: int,
                   incident: Incident) -> Verdict:
    """The summary Verdict (empty trace) that one row of a BatchVerdicts stands for."""
    return _verdict(agreement.id, version, _as_lists(verdicts), row, incident)


def _as_lists(v: BatchVerdicts) -> tuple:
    # Plain lists index far faster than numpy arrays, one element at a time.
    return v.verdict.tolist(), v.reason.tolist(), v.unknown.tolist(), v.commitment.tolist(), v.commitment_ids


def _verdict(agreement_id: str, version: str, columns: tuple, row: int, incident: Incident) -> Verdict:
    verdict, reason, unknown, commitment, ids = columns
    return Verdict(
        incident_id=incident.id,
        agreement_id=agreement_id,
        version=version,
        verdict=VERDICTS[verdict[row]],
        reason=REASONS[reason[row]] if reason[row] >= 0 else None,
        unknown=unknown_names(unknown[row]),
        commitment=ids[commitment[row]] if commitment[row] >= 0 else None,
        outcome=incident.outcome,
    )
