"""Consequence frames: what a strike left without power, heat or water was not what it hit.

"the damage left about 3,000 homes without power": the homes are a consequence, not a
target (the outage still says energy was hit). The frames read, each with its object X:

- "left/leaving X without|with no (power, heat, water, gas, communications …)|in the dark|cut off";
- "cut/knocked out/disrupted (the) power|electricity|heat|water|gas (supply) to|for|in X",
  "power|heat|water supply to X", "power outages/blackouts for|in|at|affecting X";
- "evacuated X", "the evacuation of X";
- "X lost power|electricity|heat|water|gas", "X were/remain (left) without …",
  "X were evacuated|disconnected|cut off|de-energised|plunged into darkness",
  "X were told|urged|advised|asked|ordered to …".

X runs over at most ten words and stops at punctuation and at words that start another
statement ("said", "after"). Words after a damage word inside X were hit ("residents of the
damaged houses were evacuated": the houses stay targets), so X ends before it; an X read
backwards stops at an "and" that follows a verb ("a drone set fire to a house and residents
were evacuated": the house stays a target).
"""

from __future__ import annotations

import re

from .phrases import WORD

_SUPPLY = r"(?:power|electricity|electric power|light|heat|heating|hot water|water|gas)"
# Frames whose object follows them: the match ends where X begins.
_OBJECT_AFTER = re.compile(
    rf"\b(?:(?:cut|cuts|cutting|knocked out|knocking out|knocks out|disrupted|disrupting|interrupted|interrupting|"
    rf"shut off|shutting off|cut off|cutting off|restored|restoring)\s+(?:the\s+)?{_SUPPLY}(?:\s+suppl(?:y|ies))?"
    rf"\s+(?:to|for|in|at)|"
    rf"{_SUPPLY}\s+suppl(?:y|ies)\s+(?:to|for)|"
    rf"(?:outages?|blackouts?|cuts|disruptions?|interruptions?|shortages?)\s+(?:for|in|at|affecting|affected|hitting|to)|"
    rf"(?:was|were|been)\s+restored\s+(?:to|for|in)|"
    rf"evacuat(?:ed|ing|e)|evacuation\s+of|relocat(?:ed|ing))\s+",
    re.I,
)
# "left X without power": the object stands between. Only a lost supply or service: "left the
# school without windows" tells of damage to the school.
_LEFT_WITHOUT = re.compile(
    r"\b(?:left|leaving|leaves|leave)\s+(?P<x>(?:[^\s.;:!?]+\s+){1,10}?)"
    rf"(?:(?:without|with\s+no)\s+(?:any\s+)?(?:{_SUPPLY}|communications?|internet|mobile|phone|"
    r"connection|supply|supplies|services?|utilities)|in\s+the\s+dark|cut\s+off)\b",
    re.I,
)
# Frames whose object stands before them: the match starts where X ends.
_OBJECT_BEFORE = re.compile(
    rf"\s+(?:(?:lost|lose|loses|losing)\s+(?:their\s+|its\s+)?{_SUPPLY}|"
    rf"(?:(?:was|were|are|is|remain|remains|remained|stay|stayed|have been|has been|had been)\s+)(?:left\s+)?"
    rf"(?:without|with no)\s+{_SUPPLY}|"
    r"(?:(?:was|were|have been|has been|had been|are being|is being|are|is)\s+)"
    r"(?:evacuated|disconnected|cut off|de-energi[sz]ed|plunged|relocated|"
    r"(?:told|urged|advised|asked|ordered|instructed)\s+to)|"
    r"(?:went|go|going)\s+dark)\b",
    re.I,
)
# A gate before the patterns: one of these stems is in every frame.
_STEMS = ("left", "leav", "without", "with no", "lost", "lose", "evacuat", "relocat", "cut", "knock", "disrupt",
          "interrupt", "shut off", "restor", "outage", "blackout", "shortage", "suppl", "disconnect", "de-energi",
          "plunged", "told", "urged", "advised", "asked", "ordered", "instructed", "dark")
# Words that say the thing after them was hit: X ends before them.
_DAMAGE = frozenset(
    "damaged destroyed hit struck burned burnt burning fire ablaze flames shelled bombed attacked targeted "
    "ruined wrecked collapsed gutted razed blasted".split())
# Words that start another statement: X never runs over them.
_STOP = frozenset(
    "said says told after when while as because since which that who where but then so than reported "
    "according".split())
_CONJUNCTIONS = frozenset({"and", "or"})
_REACH = 10  # words of X at most


def consequence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of text[start:end] that name what a strike's consequences fell on (never what it hit)."""
    lowered = text[start:end].lower()
    if not any(stem in lowered for stem in _STEMS):
        return []
    spans = []
    for m in _LEFT_WITHOUT.finditer(text, start, end):
        spans.append(_forward(text, m.start("x"), m.end("x")))
    for m in _OBJECT_AFTER.finditer(text, start, end):
        spans.append(_forward(text, m.end(), end))
    for m in _OBJECT_BEFORE.finditer(text, start, end):
        spans.append(_backward(text, start, m.start()))
    return [s for s in spans if s[1] > s[0]]


def in_consequence(position: int, spans: list[tuple[int, int]]) -> bool:
    """True when `position` lies inside one of the spans."""
    return any(a <= position < b for a, b in spans)


def _forward(text: str, start: int, end: int) -> tuple[int, int]:
    """X from `start`: up to punctuation, a damage word, a word that starts a statement, or _REACH words."""
    last = start
    for n, w in enumerate(WORD.finditer(text, start, end)):
        if n >= _REACH or _punctuated(text[last:w.start()]):
            break
        word = w.group().lower()
        if word in _DAMAGE or word in _STOP:
            break
        last = w.end()
    return start, last


def _backward(text: str, start: int, end: int) -> tuple[int, int]:
    """X ending at `end`: back to punctuation, a word that starts a statement, or _REACH words.

    Before any "and", a damage word means the words after it were hit: X is empty
    ("residents of damaged houses were evacuated"). After an "and", a verb ends X at that
    "and" ("a drone set fire to a house and residents were evacuated"); with no verb the
    "and" joins a list ("homes and businesses lost power").
    """
    words = list(WORD.finditer(text, max(start, end - 120), end))
    first, after_conjunction = end, None
    for n, w in enumerate(reversed(words)):
        if n >= _REACH:
            return (after_conjunction or first), end  # too long to tell a list from two statements
        if _punctuated(text[w.end():first]):
            break
        word = w.group().lower()
        if after_conjunction is not None and (word in _DAMAGE or word in _STOP or _looks_like_verb(word)):
            return after_conjunction, end
        if word in _DAMAGE:
            return end, end
        if word in _STOP:
            break
        if word in _CONJUNCTIONS:
            after_conjunction = first
        first = w.start()
    return first, end


def _looks_like_verb(word: str) -> bool:
    return len(word) > 4 and word.endswith("ed")


def _punctuated(gap: str) -> bool:
    """True when the gap between two words holds punctuation that ends a phrase ("3,000" does not)."""
    return any(ch in ";:!?()\"“”—–" for ch in gap) or ", " in gap or ". " in gap
