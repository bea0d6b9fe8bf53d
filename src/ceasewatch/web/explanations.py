"""One sentence per verdict saying why, from its trace: what the differences view shows."""

from __future__ import annotations

from ..model import Verdict


def why(verdict: Verdict) -> str:
    """The deciding commitment's telling tests, in words, with the figures they compared."""
    if verdict.verdict == "not_applicable":
        return "this version binds the actor to no commitment"
    deciding = next((cv for cv in verdict.trace if cv.commitment == verdict.commitment), None)
    if deciding is None:
        return verdict.verdict
    tests = {t.name: t for t in deciding.tests}
    if verdict.verdict == "violation":
        time, scope = tests["time"].figures, tests["scope"].figures
        return (f"{deciding.commitment}: in force from {time.get('s1+G')} and the strike was at {time.get('a')}"
                f" or later; targets {_codes(scope.get('codes'))} are within its scope")
    parts = [_test_words(t) for t in deciding.tests if t.answer != "yes"]
    return f"{deciding.commitment}: " + "; ".join(p for p in parts if p)


def _test_words(test) -> str:
    f = test.figures
    if test.name == "time":
        if test.reason == "before_start":
            return f"the strike ended {f.get('b')}, before the commitment could have started ({f.get('s0+G')})"
        if test.reason == "after_end":
            return f"the strike began {f.get('a')}, after the commitment ended ({f.get('e1')})"
        return (f"the strike's time [{f.get('a')}, {f.get('b')}] overlaps the start band"
                f" [{f.get('s0+G')}, {f.get('s1+G')}] or the end: before or after cannot be told")
    if test.name == "scope":
        targets = f.get("targets")
        scope = "any target" if targets is None else _codes(targets)
        if test.answer == "no":
            return f"targets {_codes(f.get('codes'))} are outside its scope ({scope})"
        return f"whether targets {_codes(f.get('codes'))} fall within {scope} cannot be told"
    if test.name == "in_flight":
        if test.answer == "no":
            return f"launched by {f.get('l1')}, before the start: in-flight strikes are exempt"
        return "the launch time straddles the start, and in-flight strikes are exempt"
    if test.name == "party":
        return "the actor is unknown"
    return ""


def _codes(codes) -> str:
    return ", ".join(codes) if codes else "(none)"
