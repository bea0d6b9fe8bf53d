"""Who attacked when no clause says: the side the whole report names, else the side of the front.

Both are explicit, documented fallbacks (docs/extraction.md): the evidence points at the
words they rest on, and the extraction's notes say which one was used.
"""

from __future__ import annotations

from .drafts import Draft, set_actor

# Regions held by one side for the whole of 2025, by ISO 3166-2 code: a strike there was made by
# the other side. Regions split by the front line give no side.
_HELD_BY_RUSSIA = frozenset({"UA-43", "UA-40", "UA-09"})  # Crimea, Sevastopol, Luhansk
_SPLIT_BY_FRONT = frozenset({"UA-14", "UA-23", "UA-65"})  # Donetsk, Zaporizhzhia, Kherson
_NAMED = frozenset({"accused", "attacker", "subject", "agent", "carried"})


def front_side_actor(place) -> str | None:
    """The side that strikes a place, from which side holds it; None where the front splits the region."""
    if place.country == "RU":
        return "UA"
    if place.country != "UA" or place.admin1_code is None or place.admin1_code in _SPLIT_BY_FRONT:
        return None
    return "UA" if place.admin1_code in _HELD_BY_RUSSIA else "RU"


def fill_actors(drafts: list[Draft], *, front_side: bool) -> None:
    """Give drafts without an attacker the report's one named side, else (optionally) the front's."""
    named = [d for d in drafts if d.actor is not None and d.actor_how in _NAMED]
    sides = {d.actor for d in named}
    source = next((s for d in named for s in d.spans if s.field == "actor"), None) if len(sides) == 1 else None
    for draft in drafts:
        if draft.actor is not None:
            continue
        if source is not None:
            set_actor(draft, named[0].actor, source.start, source.end, "report")
        elif front_side:
            side = front_side_actor(draft.mention.place)
            if side is not None:
                set_actor(draft, side, draft.mention.start, draft.mention.end, "front-side")


def fallback_note(how: str | None) -> str | None:
    """The note an extraction carries for an actor read by a fallback."""
    if how == "report":
        return "actor {actor} is the only side the report names as attacker"
    if how == "front-side":
        return "actor {actor} inferred from the side of the front {place} is on"
    return None

