"""Adjudication: judge every strike under every version of an agreement, with its trace.

    judge(agreement, incidents)          summary verdicts, incident by version
    explain(agreement, incident)         the same verdicts with every test's figures
    IncidentBatch.from_incidents(...)    incidents in numpy columns
    judge_batch(agreement, batch)        version -> BatchVerdicts arrays (the fast path)
    perform_status(agreement, records)   positive commitments: fulfilled, pending, breached
"""

from .batch import IncidentBatch
from .engine import BatchVerdicts, judge, judge_batch
from .perform import perform_status
from .trace import explain

__all__ = ["BatchVerdicts", "IncidentBatch", "explain", "judge", "judge_batch", "perform_status"]
