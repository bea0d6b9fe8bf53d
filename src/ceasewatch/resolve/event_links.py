"""Which agreement event a report's words name: "the call ended" -> us-ru-call-end.

The words of the phrase are matched against the words of each event's name, after trimming
endings ("ended" = "end", "ordered" = "order", "acceptance" = "accepted"). The event with
the most matching words wins; a tie, or a match on nothing but generic words such as "end",
links nothing, and the time then stays wide: an event is never guessed.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from ..model.agreement import Event

_STOPWORDS = frozenset({
    "the", "a", "an", "his", "her", "their", "its", "this", "that", "these", "those", "our",
    "your", "of", "with", "and", "to", "for", "from", "by", "on", "in", "at", "was", "were", "is",
    "are", "be", "been", "had", "has", "have", "after", "before", "since", "who", "which", "what"
})
# Words that name a moment of any event: a match on these alone is no match.
_GENERIC = frozenset({"end", "start", "begin", "time", "moment", "day", "hour"})
_SUFFIXES = ("ances", "ance", "ences", "ence", "ments", "ment", "ings", "ing", "ed", "es", "s")
_SPLIT = re.compile(r"[^a-z0-9]+")


def link_event(words: list[str], events: Mapping[str, Event] | None) -> tuple[str | None, str]:
    """(event name or None, a note saying how the words were linked or why not)."""
    quoted = "'" + " ".join(words) + "'"
    if not events:
        return None, f"{quoted}: no agreement events to link to; left wide"
    mine = _stems(words)
    if not mine:
        return None, f"{quoted}: no words to match an event; left wide"
    scores: dict[str, int] = {}
    for name in events:
        matched = [stem for stem in _stems(_SPLIT.split(name.lower())) if any(_same(stem, w) for w in mine)]
        if any(stem not in _GENERIC for stem in matched):
            scores[name] = len(matched)
    if not scores:
        return None, f"{quoted}: no agreement event matches; left wide"
    best = max(scores.values())
    top = sorted(name for name, score in scores.items() if score == best)
    if len(top) > 1:
        return None, f"{quoted}: could be any of {', '.join(top)}; left wide"
    return top[0], f"{quoted} = event {top[0]}"


def _stems(words: list[str]) -> list[str]:
    stems = []
    for word in words:
        word = word.lower()
        if word in _STOPWORDS or len(word) < 3 or not word.isalpha():
            continue
        for suffix in _SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= 3:
                word = word[: -len(suffix)]
                break
        stems.append(word)
    return stems


def _same(a: str, b: str) -> bool:
    """"agre" (agreed) and "agree" match: one stem starts the other."""
    return a.startswith(b) or b.startswith(a)
