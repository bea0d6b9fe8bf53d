"""Target codes (spec: taxonomy.md). A code covers every code below it."""

from __future__ import annotations

#: Every code ceasewatch knows, parents before their children.
CODES: tuple[str, ...] = (
    "energy",
    "energy.generation",
    "energy.grid",
    "energy.oil",
    "energy.gas",
    "energy.heat",
    "transport",
    "transport.rail",
    "transport.port",
    "transport.airport",
    "transport.road",
    "health",
    "education",
    "water",
    "telecom",
    "residential",
    "commercial",
    "industrial",
    "agriculture",
    "cultural",
    "government",
    "military",
)

_KNOWN = frozenset(CODES)


def is_code(name: str) -> bool:
    """True when `name` is a taxonomy code."""
    return name in _KNOWN


def is_at_or_below(code: str, other: str) -> bool:
    """True when `code` is `other` or a code below it (energy.grid is below energy)."""
    return code == other or code.startswith(other + ".")


def is_above(code: str, other: str) -> bool:
    """True when `code` is strictly above `other` (energy is above energy.grid)."""
    return other.startswith(code + ".")


def top_level(code: str) -> str:
    """The first part of a code: energy.grid -> energy."""
    return code.split(".", 1)[0]
