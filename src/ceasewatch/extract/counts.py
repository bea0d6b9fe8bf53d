"""Numbers with their qualifiers and units: "more than 170 firefighters", "seven of their drones".

A number is read from digits ("1,200") or English number words ("twenty-one", "a dozen").
What it counts (launched, intercepted, killed, injured, buildings) is read from the verb
beside it. Qualified numbers keep their qualifier; only exact figures go into an
incident's counts, the others become claims (see claims.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .consequences import consequence_spans, in_consequence

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_SCALES = {"hundred": 100, "thousand": 1000}
_WORD = "|".join(sorted([*_UNITS, *_TENS], key=len, reverse=True))

_QUALIFIERS = (
    (r"more than|over|upwards of|in excess of", "more_than"),
    (r"at least|no fewer than|not less than|a minimum of|no less than", "at_least"),
    (r"about|around|approximately|some|nearly|almost|roughly|close to|an estimated|estimated", "about"),
    (r"up to|as many as|fewer than|less than|under", "up_to"),
)
_QUALIFIER = "|".join(p for p, _ in _QUALIFIERS)
NUMBER = re.compile(  # the leading \b lets the scan skip the inside of words quickly
    rf"\b(?:(?P<qual>{_QUALIFIER})\s+)?"
    r"(?:(?P<dozens>dozens|hundreds|thousands)\s+of"
    r"|(?<![\w-])(?P<digits>\d{1,3}(?:,\d{3})+|\d+)(?![:.,]?\d)"
    rf"|\b(?P<words>a\s+(?:hundred|thousand|dozen)|(?:{_WORD})(?:[- ](?:{_WORD}))?(?:\s+(?:hundred|thousand|dozen))?)\b)",
    re.I,
)
# The counted thing: up to three words, then a noun. "40 long-range Shahed-136 drones".
_UNIT = re.compile(
    r"\s+(?:of\s+(?:their|the|its|our|these|those)\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?P<unit>(?:strike |attack |kamikaze )?drones?|UAVs?|missiles?|bombs?|shells?|rockets?|Shaheds?|strikes?|attacks?|people|persons?|civilians?|"
    r"children|residents|homes?|houses?|buildings?|apartment blocks?|prisoners?|POWs?|soldiers?|servicemen|"
    r"firefighters|rescuers|settlements?|victims|hospitals?|schools?)(?![\w-])|\s+(?P<times>times)\b",
    re.I,
)
_TIME_UNIT = re.compile(r"[-\s](?:hours?|days?|minutes?|weeks?|months?|years?|km|kilometers?|kilometres?|miles?|percent|%)\b", re.I)
_MONTH_BEFORE = re.compile(r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?\s+$")

_DIGIT = re.compile(r"\d")
_NUMBER_STEMS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                 "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "thousand", "dozen")
_KILLED = re.compile(r"\b(?:killed|killing|kills|dead|died|deaths?|death toll|lives)\b", re.I)
_INJURED = re.compile(r"\b(?:injur\w+|wounded|wounding|hurt|hospitali[sz]ed)\b", re.I)
_INTERCEPTED = re.compile(r"\b(?:downed|shot down|intercepted|destroyed|neutrali[sz]ed|repelled)\b", re.I)
_LAUNCHED = re.compile(r"\b(?:launch\w*|fired|sent|attacked|used)\b", re.I)
_WEAPON_UNITS = frozenset("drone drones uav uavs missile missiles bomb bombs shell shells rocket rockets shahed shaheds".split())
_BUILDING_UNITS = frozenset("home homes house houses building buildings apartment block apartment blocks".split())


@dataclass(frozen=True)
class Quantity:
    """A number in the text, with its qualifier and the noun it counts."""

    start: int
    end: int  # the number and its qualifier
    value: int
    qualifier: str  # one of report.QUALIFIERS
    unit: str | None
    unit_end: int  # end of the counted noun, or `end`

    @property
    def exact(self) -> bool:
        """True for a figure given without a qualifier."""
        return self.qualifier == "exactly"


def find_quantities(text: str, start: int, end: int) -> list[Quantity]:
    """Every number in text[start:end] that counts something (not a date, hour or year)."""
    found = []
    lowered = text[start:end].lower()
    if not (_DIGIT.search(lowered) or any(stem in lowered for stem in _NUMBER_STEMS)):
        return found
    for m in NUMBER.finditer(text, start, end):
        value = _value(m)
        if value is None or _is_calendar(text, m, start):
            continue
        after = _UNIT.match(text, m.end(), end)
        unit = _unit_word(after) if after else None
        if unit is None and _TIME_UNIT.match(text, m.end(), end):
            continue
        if m.group("words") and unit is None and m.group("words").lower() in ("a", "one"):
            continue  # "one of", "a" alone: not a count
        qualifier = _qualifier(m)
        found.append(Quantity(m.start(), m.end(), value, qualifier, unit, after.end() if after else m.end()))
    return found


def _unit_word(m: re.Match) -> str:
    """The counted noun's last word, lower case: "strike drones" -> "drones"."""
    return (m.group("unit") or m.group("times")).split()[-1].lower()


def count_field(text: str, quantity: Quantity, clause_start: int, clause_end: int) -> str | None:
    """Which incident count a number gives (killed, injured, launched, intercepted, buildings), if any."""
    before = text[max(clause_start, quantity.start - 30):quantity.start]
    after = text[quantity.unit_end:min(clause_end, quantity.unit_end + 35)]
    near_after = re.split(r"[,;]| and ", after, maxsplit=1)[0]
    verb_before = re.split(r"[,;]", before)[-1]
    for field, verb in (("killed", _KILLED), ("injured", _INJURED), ("intercepted", _INTERCEPTED)):
        if verb.search(near_after) or re.search(verb.pattern + r"\W+(?:(?:another|a further|an additional|further)\W+)?$", verb_before, re.I):
            if field == "intercepted" and quantity.unit not in _WEAPON_UNITS | {None}:
                continue
            return field
    unit = (quantity.unit or "").lower()
    # "the damage left 3,000 homes without power": homes the damage reached, not homes damaged
    if (unit in _BUILDING_UNITS and re.search(r"destroy|damag|hit", before + after, re.I)
            and not in_consequence(quantity.start, consequence_spans(text, clause_start, clause_end))):
        return "buildings"
    if unit in _WEAPON_UNITS:
        return "launched"
    return None


def _value(m: re.Match) -> int | None:
    if m.group("dozens"):
        return {"dozens": 24, "hundreds": 200, "thousands": 2000}[m.group("dozens").lower()]
    if m.group("digits"):
        return int(m.group("digits").replace(",", ""))
    return words_to_int(m.group("words"))


def words_to_int(words: str) -> int | None:
    """'twenty-one' -> 21, 'a dozen' -> 12, 'two hundred' -> 200; None if not a number."""
    total = 0
    current = 0
    for word in re.split(r"[\s-]+", words.lower()):
        if word == "a":
            current = 1
        elif word in _UNITS:
            current += _UNITS[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word == "dozen":
            current = (current or 1) * 12
        elif word in _SCALES:
            current = (current or 1) * _SCALES[word]
            if word == "thousand":
                total, current = total + current, 0
        else:
            return None
    return total + current


def _qualifier(m: re.Match) -> str:
    if m.group("dozens"):
        return "dozens" if m.group("dozens").lower() == "dozens" else "at_least"
    words = (m.group("words") or "").lower()
    if "dozen" in words and words.split()[0] not in ("a", "one"):
        return "about"
    q = (m.group("qual") or "").lower()
    for pattern, name in _QUALIFIERS:
        if q and re.fullmatch(pattern, q):
            return name
    return "exactly"


def _is_calendar(text: str, m: re.Match, start: int) -> bool:
    """A day of a month ("March 21"), a year ("2025"), or a clock reading ("8:50")."""
    digits = m.group("digits")
    if not digits:
        return False
    if _MONTH_BEFORE.search(text[max(start, m.start() - 12):m.start("digits")]):
        return True
    after = text[m.end():m.end() + 12]
    if re.match(r"\s*(?:a\.m\.|p\.m\.|am\b|pm\b|GMT|UTC|local|Moscow time|Kyiv time|January|February|March|April|May|June|July|August|September|October|November|December)", after, re.I):
        return True
    return len(digits) == 4 and digits.startswith(("19", "20")) and not _UNIT.match(text, m.end())
