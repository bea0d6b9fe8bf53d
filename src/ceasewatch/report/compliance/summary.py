"""The summary: per version and party, how many incidents got each verdict, by grade."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from .data import ALLEGED, ComplianceData

ALL_GRADES = "all grades"


@dataclass(frozen=True)
class SummaryRow:
    """Counts per verdict column for one party and one grade (or all grades)."""

    party: str  # party code or 'unknown'
    party_name: str
    grade: str  # a grade, or ALL_GRADES for the party's total row
    counts: tuple[int, ...]  # in the order of SummaryTable.columns

    @property
    def total(self) -> int:
        return sum(self.counts)

    @property
    def is_total(self) -> bool:
        return self.grade == ALL_GRADES


@dataclass(frozen=True)
class SummaryTable:
    """One version's summary: a total row per party followed by its grade rows."""

    version: str
    label: str | None
    columns: tuple[str, ...]  # ComplianceData.verdict_columns()
    rows: tuple[SummaryRow, ...]
    totals: tuple[int, ...]  # every party, every grade
    alleged_violations: int = 0  # violations whose facts only the other side gives

    @property
    def total(self) -> int:
        return sum(self.totals)

    @property
    def violations(self) -> int:
        """Violations of every party and grade under this version."""
        return self.totals[self.columns.index("violation")] if "violation" in self.columns else 0


def summary_tables(data: ComplianceData) -> tuple[SummaryTable, ...]:
    """One table per version shown, parties in the agreement's order, grades in the scale's."""
    return tuple(_table(data, version) for version in data.versions)


def _table(data: ComplianceData, version: str) -> SummaryTable:
    counts: Counter[tuple[str, str, str]] = Counter(
        (e.actor, e.grade, e.verdict(version)) for e in data.entries
    )
    columns = data.verdict_columns()
    grades = data.grades()
    rows = []
    for party in data.parties():
        name = data.party_name(party)
        by_grade = [
            SummaryRow(party, name, grade, tuple(counts[party, grade, c] for c in columns)) for grade in grades
        ]
        total = tuple(sum(row.counts[i] for row in by_grade) for i in range(len(columns)))
        rows.append(SummaryRow(party, name, ALL_GRADES, total))
        rows.extend(row for row in by_grade if row.total)
    totals = tuple(sum(n for (_, _, verdict), n in counts.items() if verdict == c) for c in columns)
    alleged = sum(n for (_, grade, verdict), n in counts.items() if grade == ALLEGED and verdict == "violation")
    return SummaryTable(version, data.agreement.versions[version].label, columns, tuple(rows), totals, alleged)
