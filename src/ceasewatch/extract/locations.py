"""Which named places are where something happened, and which only name a side, a visit or another place.

The gazetteer finds every place named; most names in a report are not the scene of a
strike. A mention is *not* a location when it is:

- a country ("Ukraine's infrastructure"): too coarse for an incident, it stays a claim;
- a side's capital or seat used for the state ("Moscow said", "Kyiv's drones", "the Kiev
  regime"): a capital counts as a location only after a word that places something there
  ("in", "over", "near", "targeted", "the city of");
- a speaker's title ("Kharkiv's mayor", "the Odesa regional administration said");
- a visit, a wish or an example ("arrived in", "a visit to", "cities such as X or Y");
- a dateline ("KYIV (AP) —");
- part of the name of a line between two places ('the "A - B" power line');
- a description of another place in the same clause ("Irpin, just outside Kyiv";
  "X in the Y region"; "X, Y Oblast"): the clause keeps its most specific place.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..model.place import PlaceMention
from .actors import side_of
from .cues import SPEECH

_LOCATIVE_BEFORE = re.compile(
    r"(?:\b(?:in|on|at|over|near|around|outside|toward|towards|into|across|above|of|targeted|targeting|"
    r"hit|struck|attacked|shelled|bombed|pounded|struck|city|capital)|[\"“])\s*(?:the\s+)?$",
    re.I,
)
_SPEAKER_AFTER = re.compile(
    r"(?:['’]s)?\s*(?:regional\s+|city\s+|military\s+|oblast\s+)?(?:regime|government|authorities|officials|leadership|"
    r"administration|mayor|governor|delegation|envoy|side|ministry|president|council|prosecutor|police|drones?|"
    r"forces|troops|army|military|missiles?)\b",
    re.I,
)
_VERB_AFTER = re.compile(r"\s+(?:(?:has|have|had|does|did|is|was|will|would|also|then|still)\s+)?(?:not\s+)?([a-z]+)")
_VISIT_BEFORE = re.compile(
    r"\b(?:visit(?:ed|ing|s)?|visit to|arriv(?:e|ed|es|ing|al) in|travel(?:led|ed|ling|s)? to|trip to|"
    r"fl(?:y|ew|ying|ies) (?:in)?to|flying into|went to|came to|come to|met in|meeting in|talks in|summit in|held in|"
    r"speaks in|spoke in|speaking in|reported from|reporting from|contributed from|based in|returned to|"
    r"whether it['’]s|such as|like|including cities|cities of)\s+(?:[\w'’-]+\s+){0,3}$",
    re.I,
)
_DATELINE_AFTER = re.compile(r"^\s*(?:,\s*[A-Z][\w .]{0,20})?\s*(?:\([A-Za-z .]{1,20}\))?\s*[—–-]{1,2}\s")
_LINK_NAME = re.compile(r"[\"“][^\"”\n]{0,60}\s[-–—]\s[^\"”\n]{0,60}[\"”]\s+(?:\w+\s+){0,2}?(?:power\s+)?(?:lines?|pipelines?|links?)\b", re.I)
_RELATION_GAP = re.compile(
    r"^\s*,?\s*(?:which is\s+|located\s+|situated\s+|just\s+)?(?:on the outskirts of|in the outskirts of|outside(?: of)?|near|"
    r"close to|not far from|in the suburbs of|a suburb of|(?:\d+\s*(?:km|kilometers|kilometres|miles)\s+)?"
    r"(?:north|south|east|west|northeast|northwest|southeast|southwest|north-east|north-west|south-east|south-west)(?:ern)?\s+of)"
    r"\s+(?:the\s+)?(?:(?:city|town|village|capital) of\s+)?$",
    re.I,
)
_CONTAINER_GAP = re.compile(
    r"^\s*(?:,|in|of|in the|of the|part of)?\s*(?:(?:the|annexed|occupied|southern|northern|eastern|western|central|"
    r"border|frontline|\w+ern|Ukraine['’]s|Russia['’]s)\s+)*(?:(?:region|oblast|province|republic) of\s+)?$",
    re.I,
)
_WINDOW = 45
_SEAT_TITLE = re.compile(r"(?:['’]s)?\s+(?:regional\s+)?(?P<office>governor|mayor)\b", re.I)
_REPUBLIC_AFTER = re.compile(r"\s+People['’]s\s+Republic\b")
_WORD_BEFORE = re.compile(r"([\w'’.-]+) $")
# Capitalised words that stand before a place name without being part of it.
_CAPITALISED_FUNCTION_WORDS = frozenset(
    "in on at the a an of near over from to into across around outside toward towards and or but "
    "northern southern eastern western central north south east west city town village region oblast "
    "occupied annexed frontline border greater".split()
)


def locations(text: str, mentions: list[PlaceMention], gazetteer=None) -> list[PlaceMention]:
    """The mentions that can be the scene of a strike, in text order."""
    if gazetteer is not None:
        mentions = [_as_republic(text, m, gazetteer) for m in mentions]
    kept = [m for m in mentions if _is_location(text, m) and not _inside_longer_name(text, m)]
    kept = [m for m in kept if not _in_link_name(text, m)]
    return _without_descriptions(text, kept)


def _is_location(text: str, m: PlaceMention) -> bool:
    if m.place.precision == "country":
        return False
    before = text[max(0, m.start - _WINDOW):m.start]
    after = text[m.end:m.end + _WINDOW]
    if _VISIT_BEFORE.search(before) or _after_excluded_example(text, m):
        return False
    if _SPEAKER_AFTER.match(after) and not _LOCATIVE_BEFORE.search(before):
        return False
    if _is_dateline(text, m):
        return False
    if side_of(m.text) is not None or _is_seat(m):
        # A side's capital stands for the state unless a word places something there.
        if not _LOCATIVE_BEFORE.search(before):
            return False
        verb = _VERB_AFTER.match(after)
        if verb and SPEECH.fullmatch(verb.group(1)):
            return False
    else:
        verb = _VERB_AFTER.match(after)
        if verb and SPEECH.fullmatch(verb.group(1)) and not _LOCATIVE_BEFORE.search(before):
            return False  # "Kharkiv said": a body named after its city
    return True


def official_seats(text: str, mentions: list[PlaceMention], gazetteer=None) -> list[PlaceMention]:
    """Places named in an official's title ("Belgorod Governor X", "Kherson's mayor"): the region
    a governor runs, the city a mayor runs. Used only when an attack sentence names no place."""
    seats = []
    for m in mentions:
        title = _SEAT_TITLE.match(text, m.end)
        if title is None or m.place.precision == "country":
            continue
        if title.group("office").lower() == "governor" and m.place.precision != "admin1" and gazetteer is not None:
            try:
                m = replace(m, place=gazetteer.place_for_admin1(m.place.admin1_code), note="the region its governor runs")
            except (KeyError, TypeError):
                continue
        seats.append(m)
    return seats


def _as_republic(text: str, m: PlaceMention, gazetteer) -> PlaceMention:
    """"the Luhansk People's Republic" names the region, not the city it is named after."""
    if m.place.precision != "settlement" or not m.place.admin1_code or not _REPUBLIC_AFTER.match(text, m.end):
        return m
    try:
        region = gazetteer.place_for_admin1(m.place.admin1_code)
    except KeyError:
        return m
    return replace(m, place=region, note="a People's Republic: its region")


def _inside_longer_name(text: str, m: PlaceMention) -> bool:
    """'Rosseti Kuban': a place name inside a company's or a body's name, after another capitalised word."""
    before = _WORD_BEFORE.search(text, max(0, m.start - 30), m.start)
    if before is None:
        return False
    word = before.group(1)
    if word.lower() in _CAPITALISED_FUNCTION_WORDS or not word[0].isupper() or side_of(word):
        return False
    return not _sentence_start(text, before.start(1))


def _sentence_start(text: str, i: int) -> bool:
    j = i - 1
    while j >= 0 and text[j] in " \t\"“‘'(":
        j -= 1
    return j < 0 or text[j] in ".!?\n:;"


def _is_seat(m: PlaceMention) -> bool:
    return m.text.lower().rstrip("'’s") in ("kremlin", "moscow", "kyiv", "kiev")


def _after_excluded_example(text: str, m: PlaceMention) -> bool:
    """'such as Odesa or Kharkiv': the second of a list of examples is one too."""
    before = text[max(0, m.start - 80):m.start]
    return bool(re.search(r"\b(?:such as|like|whether it['’]s)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?\s*(?:,|or|and)\s*(?:or\s+|and\s+)?$", before))


def _is_dateline(text: str, m: PlaceMention) -> bool:
    line_start = text.rfind("\n", 0, m.start) + 1
    if m.start - line_start > 3:
        return False
    return bool(_DATELINE_AFTER.match(text, m.end)) and m.text.isupper()


def _in_link_name(text: str, m: PlaceMention) -> bool:
    for link in _LINK_NAME.finditer(text, max(0, m.start - 70), min(len(text), m.end + 120)):
        if link.start() <= m.start and m.end <= link.end():
            return True
    return False


def _without_descriptions(text: str, mentions: list[PlaceMention]) -> list[PlaceMention]:
    """Drop a mention that only describes the place named just before it."""
    dropped: set[int] = set()
    for i in range(1, len(mentions)):
        a, b = mentions[i - 1], mentions[i]
        gap = text[a.end:b.start]
        if len(gap) > 60 or "." in gap or ";" in gap:
            continue
        if _RELATION_GAP.match(gap) or (_CONTAINER_GAP.match(gap) and contains(b, a)):
            dropped.add(i)
    return [m for i, m in enumerate(mentions) if i not in dropped]


def contains(region: PlaceMention, place: PlaceMention) -> bool:
    """True when `region` is an admin1 (or district) that holds `place`."""
    r, p = region.place, place.place
    if r.precision not in ("admin1", "district") or p.precision in ("admin1", "country"):
        return r.precision == "admin1" and p.precision == "district" and r.admin1_code == p.admin1_code
    return r.admin1_code is not None and r.admin1_code == p.admin1_code
