"""The codes the vectorised rules answer in, and the shape of one test's answers."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping

import numpy as np

from ..model.verdict import ANSWERS, REASONS, TESTS, VERDICTS

# Answers are small integers so that a whole batch answers in one int8 array.
NO, UNKNOWN, YES = np.int8(0), np.int8(1), np.int8(2)
ANSWER_NAMES = {int(NO): "no", int(UNKNOWN): "unknown", int(YES): "yes"}
assert set(ANSWER_NAMES.values()) == set(ANSWERS)

#: Reason codes index model.verdict.REASONS; NO_REASON where a test gave none.
NO_REASON = np.int8(-1)
BEFORE_START = np.int8(REASONS.index("before_start"))
AFTER_END = np.int8(REASONS.index("after_end"))
IN_FLIGHT_EXEMPT = np.int8(REASONS.index("in_flight_exempt"))
OUT_OF_SCOPE = np.int8(REASONS.index("out_of_scope"))

#: Verdict codes index model.verdict.VERDICTS, most severe first, so "most severe" is a minimum.
VIOLATION = np.int8(VERDICTS.index("violation"))
UNDETERMINED = np.int8(VERDICTS.index("undetermined"))
NO_VIOLATION = np.int8(VERDICTS.index("no_violation"))
NOT_APPLICABLE = np.int8(VERDICTS.index("not_applicable"))

#: The bit a test sets in an unknown-tests mask: bit i is TESTS[i].
TEST_BITS = {name: np.uint8(1 << i) for i, name in enumerate(TESTS)}


@dataclass(frozen=True, eq=False)
class TestOutcome:
    """One test's answers for every row of a batch, with the reason of each `no`.

    `detail` holds the intermediate findings the rule computed on the way (the scope
    findings, whether a launch time was assumed) so that a trace reports them without
    deciding anything a second time.
    """

    __test__ = False  # not a pytest class, whatever its name says

    answer: np.ndarray  # int8: NO, UNKNOWN or YES
    reason: np.ndarray  # int8: a reason code where answer == NO, else NO_REASON
    detail: Mapping[str, np.ndarray] = field(default_factory=dict)


def outcome_without_reason(answer: np.ndarray, **detail: np.ndarray) -> TestOutcome:
    """A TestOutcome whose `no` answers carry no reason (the party test's)."""
    return TestOutcome(answer, np.full(answer.shape, NO_REASON, dtype=np.int8), detail)


def unknown_names(mask: int) -> tuple[str, ...]:
    """The test names set in an unknown-tests bitmask, in the order of TESTS."""
    return tuple(name for name, bit in TEST_BITS.items() if mask & int(bit))
