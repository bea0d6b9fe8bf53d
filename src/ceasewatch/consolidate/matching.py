"""The rules that say two accounts may describe the same strike (docs/consolidation.md).

Each rule is a small function so that its boundary can be tested on its own. All of them
must hold for an account to join an incident; anything vaguer than they allow stays apart.
"""

from __future__ import annotations

import math

from .accounts import AccountSummary

EARTH_RADIUS_KM = 6371.0088

# How far apart two accounts' places may be, by the vaguer of the two precisions: a point
# is a known site or given coordinates; a settlement's centre may lie kilometres from the
# part of town that was hit; a district is wider still.
PLACE_TOLERANCE_KM = {"point": 2.0, "settlement": 10.0, "district": 30.0}
MAX_TOLERANCE_KM = max(PLACE_TOLERANCE_KM.values())

# Times given to the minute by different sources differ by a few minutes (the first alert,
# the official's statement): an interval shorter than an hour is widened by half an hour on
# each side before intervals are compared, and the disagreement is kept. Longer intervals
# (a night, a day) are compared as they are, so touching days stay apart.
TIME_SLACK_S = 30 * 60
SHORT_INTERVAL_S = 60 * 60

# An account whose time is vaguer than this (or unbounded) is too vague to merge by itself:
# the spec's "nothing known" window is three days before publication to its end.
MAX_MATCH_SPAN_S = 4 * 86400


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle (haversine) distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(min(h, 1.0)))


def place_tolerance_km(precision_a: str, precision_b: str) -> float:
    """The distance two located accounts may be apart: that of the vaguer precision."""
    return max(PLACE_TOLERANCE_KM[precision_a], PLACE_TOLERANCE_KM[precision_b])


def codes_compatible(a: str, b: str) -> bool:
    """Two target codes name the same thing, or one covers the other (`energy` covers `energy.grid`)."""
    return a == b or a.startswith(b + ".") or b.startswith(a + ".")


def targets_share(a: frozenset[str], b: frozenset[str]) -> bool:
    """Both name targets and at least one code of each is compatible with one of the other."""
    return any(codes_compatible(x, y) for x in a for y in b)


def targets_compatible(a: frozenset[str], b: frozenset[str]) -> bool:
    """One names no target, or they share one: a power line and an oil depot are not compatible."""
    return not a or not b or targets_share(a, b)


def actors_compatible(a: str | None, b: str | None) -> bool:
    """The same actor, or one of them unknown."""
    return a is None or b is None or a == b


def widened(start: float, end: float) -> tuple[float, float]:
    """The interval compared: a short one widened by TIME_SLACK_S on each side."""
    if end - start < SHORT_INTERVAL_S:
        return start - TIME_SLACK_S, end + TIME_SLACK_S
    return start, end


def times_overlap(start_a: float, end_a: float, start_b: float, end_b: float) -> bool:
    """The (widened) intervals share more than an end point; an instant on the edge counts.

    Touching days (one ends at midnight where the next begins) do not overlap.
    """
    start_a, end_a = widened(start_a, end_a)
    start_b, end_b = widened(start_b, end_b)
    lo, hi = max(start_a, start_b), min(end_a, end_b)
    return lo < hi or (lo == hi and (start_a == end_a or start_b == end_b))


def mergeable_time(account: AccountSummary) -> bool:
    """Its time is bounded and no wider than MAX_MATCH_SPAN_S."""
    return account.width <= MAX_MATCH_SPAN_S
