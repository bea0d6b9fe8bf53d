"""The credibility grade of an incident, from who attests it and who denies it (issue #4, item 3).

The first rule that applies decides (docs/sources.md): an analyst's grade; contested;
confirmed; corroborated; reported; alleged. Every name a rule quotes is sorted, so the
same accounts in any order give the same grade and the same sentence.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .source import Attester

# The same strings, in the same order, as the store's GRADES (store/queries.py): strongest first.
GRADES = ("confirmed", "corroborated", "reported", "alleged", "contested", "discounted")


@dataclass(frozen=True)
class AccountAttestation:
    """One report's account of an incident: who says it happened, who denies it, whom it blames."""

    account_id: str
    attesters: tuple[Attester, ...]  # its speakers (claimed_by), else its outlet, else "unattributed"
    deniers: tuple[Attester, ...] = ()  # its denied_by
    actor: str | None = None  # the party this account says carried it out


@dataclass(frozen=True)
class AnalystGrade:
    """A grade an analyst set by hand, which wins over every rule."""

    grade: str
    by: str
    reason: str

    def __post_init__(self) -> None:
        if self.grade not in GRADES:
            raise ValueError(f"unknown grade {self.grade!r}: expected one of {', '.join(GRADES)}")


@dataclass(frozen=True)
class Grade:
    """An incident's credibility grade with the sentence saying which sources decided it."""

    grade: str  # one of GRADES
    rule: str
    independent: tuple[str, ...] = ()  # the distinct independent attesters, by name
    set_by_analyst: bool = False


def grade_incident(actor: str | None, accounts: Sequence[AccountAttestation],
                   analyst: AnalystGrade | None = None) -> Grade:
    """The grade of an incident by `actor` (a party code, or None when unknown) from its accounts."""
    attesters = _distinct(a for account in accounts for a in account.attesters)
    independent = tuple(a.display_name for a in attesters if a.is_independent)
    if analyst is not None:
        return Grade(analyst.grade, f"set by {analyst.by}: {analyst.reason}", independent, set_by_analyst=True)
    decided = _contested(actor, accounts) or _confirmed(actor, attesters) or _by_count(actor, attesters)
    return Grade(decided[0], decided[1], independent)


def _contested(actor: str | None, accounts: Sequence[AccountAttestation]) -> tuple[str, str] | None:
    if actor is not None:
        deniers = _distinct(d for account in accounts for d in account.deniers if d.affiliation == actor)
        if deniers:
            return "contested", f"contested: denied by {_names(deniers)}, the actor's side"
    blamed: dict[str, list[Attester]] = {}
    for account in accounts:
        if account.actor is not None:
            blamed.setdefault(account.actor, []).extend(account.attesters)
    if len(blamed) > 1:
        sides = "; ".join(f"{party} according to {_names(blamed[party])}" for party in sorted(blamed))
        return "contested", f"contested: responsibility is claimed both ways: {sides}"
    return None


def _confirmed(actor: str | None, attesters: list[Attester]) -> tuple[str, str] | None:
    if actor is not None:
        own_side = [a for a in attesters if a.affiliation == actor]
        if own_side:
            return "confirmed", f"confirmed: acknowledged by {_names(own_side)}, the actor's side"
    monitors = [a for a in attesters if a.kind == "monitor" and a.is_independent]
    if monitors:
        return "confirmed", f"confirmed: verified by {_names(monitors)}, an independent monitor"
    return None


def _by_count(actor: str | None, attesters: list[Attester]) -> tuple[str, str]:
    independent = [a for a in attesters if a.is_independent]
    partisan = [a for a in attesters if a.affiliation is not None and not a.is_independent]
    if len(independent) >= 2:
        return "corroborated", f"corroborated: reported independently by {_names(independent)}"
    if independent and partisan:
        return "corroborated", f"corroborated: reported by {_names(independent)} and by {_names(partisan)}"
    if independent:
        return "reported", f"reported: by one independent source, {_names(independent)}"
    if not attesters:
        return "alleged", "alleged: no account names who says so"
    whose = f"none on the actor's side ({actor})" if actor is not None else "and the actor is unknown"
    return "alleged", f"alleged: said only by {_names(attesters)}; none independent, {whose}"


def _distinct(attesters: Iterable[Attester]) -> list[Attester]:
    """One attester per source (or per wording, for words outside the registry), sorted by name."""
    seen: dict[str, Attester] = {}
    for attester in attesters:
        seen.setdefault(attester.identity, attester)
    return sorted(seen.values(), key=lambda a: (a.display_name.casefold(), a.identity))


def _names(attesters: Iterable[Attester]) -> str:
    """'A (UA)', 'A (UA) and B (independent)', 'A, B and C (…)'."""
    described = [a.describe() for a in _distinct(attesters)]
    if len(described) <= 1:
        return "".join(described)
    return ", ".join(described[:-1]) + " and " + described[-1]
