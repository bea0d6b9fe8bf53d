"""A version's `refrain` commitments reduced to the numbers the rules compare."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

from ..errors import RuleError
from ..model.agreement import Commitment, SiteList, Version
from ..model.taxonomy import CODES, is_above, is_at_or_below
from .batch import CODE_BITS, to_seconds

INF = float("inf")


@dataclass(frozen=True)
class CommitmentTerms:
    """One refrain commitment as epoch seconds and code masks, with its place in the version."""

    index: int  # position in version.commitments (file order)
    commitment: Commitment
    s0_grace: float  # s0 + G
    s1_grace: float  # s1 + G
    s0: float
    s1: float
    e0: float  # +inf when the commitment has no end
    e1: float
    exempt: bool  # in_flight: exempt
    yes_codes: int | None  # codes at or below a named code; None when `targets` is absent
    unknown_codes: int  # codes strictly above a named code (and not at or below another)

    @property
    def id(self) -> str:
        return self.commitment.id


def refrain_terms(version: Version, site_lists: Mapping[str, SiteList]) -> tuple[CommitmentTerms, ...]:
    """The version's refrain commitments, in file order; RuleError if one cannot be applied."""
    return tuple(
        _terms(i, c, site_lists) for i, c in enumerate(version.commitments) if c.mode == "refrain"
    )


def _terms(index: int, c: Commitment, site_lists: Mapping[str, SiteList]) -> CommitmentTerms:
    for key in c.sites:
        if key not in site_lists:
            raise RuleError(f"commitment {c.id!r} names site list {key!r}, which the agreement does not define")
    if c.area is not None and not c.area.countries and c.area.geometry is None:
        raise RuleError(f"commitment {c.id!r}: its area names neither countries nor a shape")
    if c.in_flight not in ("counts", "exempt"):
        raise RuleError(f"commitment {c.id!r}: in_flight is {c.in_flight!r}, not counts or exempt")
    # A start side left open binds from the beginning of time; an absent end never ends.
    s0 = c.start.earliest if c.start else None
    s1 = c.start.latest if c.start else None
    e0 = c.end.earliest if c.end else None
    e1 = c.end.latest if c.end else None
    # Add the grace as datetimes, not floats, so that a == s1 + G compares exactly.
    return CommitmentTerms(
        index=index,
        commitment=c,
        s0_grace=to_seconds(None if s0 is None else s0 + c.grace, -INF),
        s1_grace=to_seconds(None if s1 is None else s1 + c.grace, -INF),
        s0=to_seconds(s0, -INF),
        s1=to_seconds(s1, -INF),
        e0=to_seconds(e0, INF),
        e1=to_seconds(e1, INF),
        exempt=c.in_flight == "exempt",
        yes_codes=None if c.target_codes is None else _mask(is_at_or_below, c.target_codes),
        unknown_codes=0 if c.target_codes is None else _mask(is_above, c.target_codes),
    )


def _mask(relation, named: frozenset[str]) -> int:
    """Bits of the taxonomy codes that stand in `relation` to at least one named code."""
    return sum(CODE_BITS[code] for code in CODES if any(relation(code, t) for t in named))
