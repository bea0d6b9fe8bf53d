"""Times measured from something else: an agreement's event ("two hours after the call ended",
"within 10 minutes of his call", "in the hours after the telephone call") or the publication
("over the past 24 hours", "three hours ago").

Offsets from an event E (spec: Reading times): "N hours after E" is [E + N, E + N]; "more than
N hours after E" is [E + N, end of P]; "within N minutes of E" and "less than N after E" are
[E, E + N]; "about N after E" is N ± 25%; "after E" or "since E" runs from E to the end of P;
"in the hours after E" and "hours after E" are [E, E + 12 h]; "shortly after E" is [E, E + 1 h];
"before E" is open before, up to E.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from ..model.agreement import Event
from ..model.interval import UTC
from ..model.interval import zone as zone_info
from .calendar_windows import piece_window
from .dates import read_day
from .event_links import link_event
from .publication import Publication
from .time_phrases import read_piece
from .time_tokens import Tokens
from .time_words import APPROXIMATE, NUMBER_WORDS, TENS, UNITS, VAGUE_COUNTS

HOUR = timedelta(hours=1)
# How far vague words reach: "hours after" (12 h), "minutes after" (1 h), "days after" (open).
_VAGUE_REACH = {timedelta(minutes=1): HOUR, HOUR: 12 * HOUR, timedelta(days=1): None, timedelta(weeks=1): None}
_PAST_REACH = {timedelta(minutes=1): HOUR, HOUR: 12 * HOUR, timedelta(days=1): timedelta(days=7),
               timedelta(weeks=1): timedelta(weeks=4)}
_BARE_UNITS = {"minutes": timedelta(minutes=1), "moments": timedelta(minutes=1), "hours": HOUR,
               "days": timedelta(days=1), "weeks": timedelta(weeks=1)}
_RELATIONS = {"after": "after", "following": "after", "since": "after", "before": "before",
              "until": "before", "till": "before", "during": "during"}
_TWO_WORD_RELATIONS = {("prior", "to"): "before", ("ahead", "of"): "before"}
# "more than two hours after", "within 10 minutes of": words before an amount, by first word.
_AMOUNT_QUALIFIERS: dict[str, tuple[tuple[tuple[str, ...], str], ...]] = {
    "more": ((("more", "than"), "more"),), "over": ((("over",), "more"),),
    "upwards": ((("upwards", "of"), "more"),), "at": ((("at", "least"), "more"),),
    "well": ((("well", "over"), "more"),), "just": ((("just", "over"), "more"), (("just", "under"), "less")),
    "less": ((("less", "than"), "less"),), "under": ((("under",), "less"),),
    "fewer": ((("fewer", "than"), "less"),), "no": ((("no", "more", "than"), "less"),),
    "up": ((("up", "to"), "less"),), "within": ((("within",), "less"),),
}
_SOON = frozenset({"shortly", "just", "soon", "right", "immediately"})
_DETERMINERS = frozenset({"the", "his", "her", "their", "its", "this", "that", "these", "those", "our"})
_INDEFINITE = frozenset({"a", "an"})
_NP_STOPS = frozenset({
    "and", "but", "or", "nor", "when", "while", "which", "who", "whom", "whose", "as", "because",
    "since", "after", "before", "if", "though", "although", "according", "said", "says", "told",
    "in", "on", "at", "by", "for", "from", "to", "with", "despite", "amid", "until", "than", "so",
    "then", "where", "was", "were", "is"
})
_NP_LIMIT = 8
_ZONE_SLACK = timedelta(hours=3)
_PAST_OPENERS = frozenset({"over", "in", "during", "within", "for", "throughout"})
# The words each reader can begin with (besides numbers): the scan tries a reader only there.
_AMOUNT_WORDS = (set(NUMBER_WORDS) | set(_BARE_UNITS) | {"half", "few", "several", "couple"}
                 | set(_AMOUNT_QUALIFIERS) | APPROXIMATE | {"exactly", "precisely"})
PAST_STARTS = frozenset(_AMOUNT_WORDS | _PAST_OPENERS | {"the"})
RELATIVE_STARTS = frozenset(_AMOUNT_WORDS | _SOON | set(_RELATIONS) | {"in", "prior", "ahead"})


@dataclass(frozen=True)
class RelativeHit:
    """A time relative to an event, read from tokens [start, end)."""

    start: int
    end: int
    event: str | None
    offset_earliest: timedelta | None  # None: open before
    offset_latest: timedelta | None  # None: to the end of P
    note: str


@dataclass(frozen=True)
class PastHit:
    """A time measured back from the publication, read from tokens [start, end)."""

    start: int
    end: int
    back_low: timedelta  # the time lies between P - back_high and P - back_low
    back_high: timedelta
    ago: bool  # "three hours ago" (from each end of P) rather than "over the past 24 hours"
    calendar_days: bool  # "three days ago": a whole local day
    note: str


def read_relative(toks: Tokens, i: int, events: Mapping[str, Event] | None, pub: Publication | None = None) -> RelativeHit | None:
    """"more than two hours after the call ended" and the like, starting at token i."""
    qual, j = _amount_qualifier(toks, i)
    amount = _read_amount(toks, j)
    soon = False
    if amount is not None:
        j = amount[3]
    elif toks.low(j) == "in" and toks.low(j + 1) == "the" and toks.low(j + 2) in _BARE_UNITS:
        amount = _vague(_BARE_UNITS[toks.low(j + 2)], j + 3)  # "in the hours after"
        j += 3
    elif toks.low(j) in _SOON and toks.low(j + 1) in ("after", "before"):
        soon, j = True, j + 1
    relation, j = _relation(toks, j, qual == "less" and amount is not None)
    if relation is None or (qual is not None and amount is None):
        return None
    if toks.low(j) in _INDEFINITE:
        return None  # "after a phone call": some other call, not an event the agreement names
    words, end = _event_words(toks, j)
    if not words:
        return None
    event, note = link_event(words, events)
    if event is not None:
        event, note = _check_day(toks, j, end, events[event], pub, note)
    if event is None and _names_a_day(toks, j):
        return None  # "since Tuesday", "after Tuesday's call" with no event: read as a day
    offset_earliest, offset_latest = _offsets(relation, qual, amount, soon)
    return RelativeHit(i, end, event, offset_earliest, offset_latest, note)


def read_past(toks: Tokens, i: int) -> PastHit | None:
    """"over the past 24 hours", "in the past day", "in recent days", "three hours ago"."""
    j = i + 1 if toks.low(i) in _PAST_OPENERS else i
    if toks.low(j) == "recent" and toks.low(j + 1) in ("days", "hours", "weeks") and j > i:
        unit = _BARE_UNITS[toks.low(j + 1)]
        return PastHit(i, j + 2, timedelta(0), _PAST_REACH[unit], False, False, f"recent {toks.low(j + 1)}: up to {span_text(_PAST_REACH[unit])} before the end of publication")
    if toks.low(j) == "the" and toks.low(j + 1) in ("past", "last"):
        amount = _read_amount(toks, j + 2) or _single_unit(toks, j + 2)
        if amount is None:
            return None
        low, high, unit, end = amount
        reach = high if high is not None and low == high else _PAST_REACH[unit]
        return PastHit(i, end, timedelta(0), reach, False, False, f"the past {span_text(reach)}, back from the end of publication")
    qual, j = _amount_qualifier(toks, i)
    amount = _read_amount(toks, j)
    if amount is None or toks.low(amount[3]) != "ago":
        return None
    low, high, unit, end = amount
    if high is None:
        high = _PAST_REACH[unit]
    if qual == "approx" and low == high:
        low, high = low * 0.75, high * 1.25
    elif qual == "more":
        high = max(high, _PAST_REACH[unit])
    elif qual == "less":
        low = timedelta(0)
    return PastHit(i, end + 1, low, high, True, unit >= timedelta(days=1), (f"{span_text(low)} to {span_text(high)}" if low != high else span_text(low)) + " before publication")


def span_text(span: timedelta) -> str:
    """"24 hours", "7 days", "30 minutes"."""
    minutes = int(span.total_seconds() // 60)
    for size, name in ((1440, "day"), (60, "hour"), (1, "minute")):
        if minutes % size == 0 and (minutes >= size or size == 1):
            count = minutes // size
            if name == "day" and count == 1:
                return "24 hours"
            return f"{count} {name}{'' if count == 1 else 's'}"
    return str(span)


def _amount_qualifier(toks: Tokens, i: int) -> tuple[str | None, int]:
    low = toks.low(i)
    if low in APPROXIMATE:
        return "approx", i + 1
    if low in ("exactly", "precisely"):
        return None, i + 1
    for words, qual in _AMOUNT_QUALIFIERS.get(low, ()):
        if all(toks.low(i + k) == word for k, word in enumerate(words)):
            return qual, i + len(words)
    return None, i


def _read_amount(toks: Tokens, j: int) -> tuple[timedelta, timedelta | None, timedelta, int] | None:
    """(low, high, unit, next token) for "two hours", "24 hours", "an hour", "half an hour",
    "a few hours", "several minutes", "hours"; high None when open."""
    low = toks.low(j)
    count: float | None = None
    k = j + 1
    if low == "half" and toks.low(j + 1) in ("an", "a") and toks.low(j + 2) == "hour":
        return HOUR / 2, HOUR / 2, HOUR, j + 3
    if low in _BARE_UNITS:
        return _vague(_BARE_UNITS[low], j + 1)
    if low in ("a", "few", "several", "couple") and _vague_count(toks, j) is not None:
        k = _vague_count(toks, j)
        unit = UNITS.get(toks.low(k))
        return _vague(unit, k + 1) if unit is not None else None
    if toks.kind(j) == "number":
        try:
            count = float(low)
        except ValueError:
            return None
    elif low in NUMBER_WORDS:
        count = NUMBER_WORDS[low]
        if low in TENS and toks.word(j + 1) == "-" and toks.low(j + 2) in NUMBER_WORDS:
            count += NUMBER_WORDS[toks.low(j + 2)]
            k = j + 3
    unit = UNITS.get(toks.low(k))
    if count is None or unit is None or not 0 < count < 10_000:
        return None
    span = unit * count
    return span, span, _unit_of(unit), k + 1


def _vague_count(toks: Tokens, j: int) -> int | None:
    """The token after "a few", "few", "several", "a couple of", "couple of"."""
    k = j + 1 if toks.low(j) == "a" else j
    if toks.low(k) not in VAGUE_COUNTS:
        return None
    return k + 2 if toks.low(k) == "couple" and toks.low(k + 1) == "of" else k + 1


def _vague(unit: timedelta, end: int) -> tuple[timedelta, timedelta | None, timedelta, int]:
    unit = _unit_of(unit)
    return timedelta(0), _VAGUE_REACH[unit], unit, end


def _single_unit(toks: Tokens, j: int) -> tuple[timedelta, timedelta, timedelta, int] | None:
    """"the past day", "the last week": one unit."""
    unit = UNITS.get(toks.low(j))
    return (unit, unit, _unit_of(unit), j + 1) if unit is not None else None


def _unit_of(span: timedelta) -> timedelta:
    return next((u for u in (timedelta(weeks=1), timedelta(days=1), HOUR) if span >= u), timedelta(minutes=1))


def _relation(toks: Tokens, j: int, within: bool) -> tuple[str | None, int]:
    low = toks.low(j)
    if within and low == "of":
        return "after", j + 1  # "within 10 minutes of the call"
    if (low, toks.low(j + 1)) in _TWO_WORD_RELATIONS:
        return _TWO_WORD_RELATIONS[(low, toks.low(j + 1))], j + 2
    if low == "in" and toks.low(j + 1) == "the" and toks.low(j + 2) == "wake" and toks.low(j + 3) == "of":
        return "after", j + 4
    return _RELATIONS.get(low), j + 1


def _offsets(relation: str, qual: str | None, amount, soon: bool) -> tuple[timedelta | None, timedelta | None]:
    if relation == "during":
        return timedelta(0), timedelta(0)
    if amount is None:
        if soon:
            return (timedelta(0), HOUR) if relation == "after" else (-HOUR, timedelta(0))
        return (timedelta(0), None) if relation == "after" else (None, timedelta(0))
    low, high = amount[0], amount[1]
    if qual == "more":
        high = None
    elif qual == "less":
        low = timedelta(0)
    elif qual == "approx" and high is not None and low == high:
        low, high = low * 0.75, high * 1.25
    if relation == "after":
        return low, high
    return (None if high is None else -high), -low


def _event_words(toks: Tokens, j: int) -> tuple[list[str], int]:
    """The words naming an event after "after"/"since"/...: "the call ended", "Putin's order"."""
    first = toks.low(j)
    if not (first in _DETERMINERS or (toks.kind(j) == "word" and toks.is_capitalised(j))):
        return [], j
    words: list[str] = []
    k = j
    while k < j + _NP_LIMIT and not toks.breaks_before(k):
        kind, low = toks.kind(k), toks.low(k)
        if kind == "word" and low not in _NP_STOPS:
            words.append(toks.word(k))
        elif kind == "number" and k > j:
            words.append(low)
        elif low in ("'", "’") and toks.low(k + 1) == "s" and toks.joined(k):
            k += 1  # a possessive: "Putin's order"
        elif not (low in ("-", "–") and toks.joined(k) and toks.joined(k + 1)):
            break
        k += 1
    while words and words[-1].lower() in _DETERMINERS:
        words.pop()
        k -= 1
    content = [w for w in words if w.lower() not in _DETERMINERS and len(w) >= 3]
    return (words, k) if content else ([], j)


def _check_day(toks: Tokens, j: int, end: int, event: Event, pub: Publication | None, note: str) -> tuple[str | None, str]:
    """"their Wednesday call" is not an event that happened on Tuesday: a day named in the
    words must meet the event's interval (give or take the zones' three hours)."""
    for k in range(j, end):
        piece = read_day(toks, k)
        if piece is None or piece.kind not in ("date", "weekday", "relative_day"):
            continue
        first, last, _ = piece_window(piece, frozenset(), pub)
        if first is None or event.interval.earliest is None or event.interval.latest is None:
            break
        tz = zone_info(pub.zone) if pub is not None else UTC
        day_start = datetime.combine(first, time(), tzinfo=tz).astimezone(UTC) - _ZONE_SLACK
        day_end = datetime.combine(last + timedelta(days=1), time(), tzinfo=tz).astimezone(UTC) + _ZONE_SLACK
        if event.interval.latest < day_start or event.interval.earliest > day_end:
            return None, f"{note}, but the words name {first} and the event is not on that day; left wide"
        break
    return event.name, note


def _names_a_day(toks: Tokens, j: int) -> bool:
    """True when the words after the relation start with a time ("after midnight", "since Tuesday")."""
    k = j + 1 if toks.low(j) in _DETERMINERS else j
    return read_piece(toks, k) is not None
