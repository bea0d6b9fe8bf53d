"""One pass over a text's tokens: at each token that can start a time expression, try the
readers (times back from the publication, times relative to an event, time phrases) and keep
the first that reads; the scan then resumes after it, so mentions never overlap.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from ..model.agreement import Event
from .publication import Publication
from .relative_times import (
    PAST_STARTS,
    RELATIVE_STARTS,
    PastHit,
    RelativeHit,
    read_past,
    read_relative,
)
from .time_mention import TimeMention
from .time_phrases import PHRASE_STARTS, Phrase, read_phrase
from .time_readings import Reading, read_phrase_times
from .time_tokens import Tokens
from .time_words import (
    MONTHS,
    NUMBER_WORDS,
    PARTS_OF_DAY,
    RELATIVE_DAYS,
    SPEECH_VERBS,
    UNITS,
    WEEKDAYS,
)

# Every word a time expression can begin with; any other word is skipped at once.
STARTERS = PAST_STARTS | RELATIVE_STARTS | PHRASE_STARTS
# Every time expression holds one of these (or a number) within its first few tokens:
# "no more than two hours after" reaches "hours" at the fifth token. A starter word with no
# anchor that close is skipped without trying the readers.
ANCHORS = frozenset(
    set(MONTHS) | set(WEEKDAYS) | set(RELATIVE_DAYS) | set(PARTS_OF_DAY) | set(UNITS)
    | {"night", "overnight", "tonight", "noon", "midday", "midnight", "weekend", "month", "year", "moments",
       "ago", "recent", "after", "following", "since", "before", "until", "till", "during", "prior",
       "ahead", "within", "wake"}
)
_ANCHOR_REACH = 6
_CALENDAR = frozenset(set(WEEKDAYS) | set(PARTS_OF_DAY) | {"week", "weekend", "month", "year", "night", "evening"})
_SOON_AFTER = frozenset({"after", "before"})
# What must follow a common starter word for any reader to succeed (words not listed: anything).
_NEXT_WORDS: dict[str, frozenset[str]] = {
    "the": frozenset({"past", "last", "early", "small"}), "a": frozenset(set(UNITS) | {"few", "couple"}),
    "an": frozenset(UNITS), "in": frozenset({"the", "recent"}), "at": frozenset({"least"}),
    "for": frozenset({"the"}), "throughout": frozenset({"the"}), "this": _CALENDAR, "last": _CALENDAR,
    "next": _CALENDAR, "earlier": frozenset({"this"}), "no": frozenset({"more"}), "up": frozenset({"to"}),
    "well": frozenset({"over"}), "prior": frozenset({"to"}), "ahead": frozenset({"of"}),
    "right": _SOON_AFTER, "soon": _SOON_AFTER, "shortly": _SOON_AFTER, "immediately": _SOON_AFTER,
    "just": frozenset({"after", "before", "over", "under"}),
    **{word: frozenset(set(UNITS) | {"-"}) for word in NUMBER_WORDS if word not in ("a", "an")},
}
_AFTER_NUMBER = frozenset(set(UNITS) | set(MONTHS) | {"-", "–", "—", "to", "and", "of", "through", "until", "till",
                                                      "in", "at", "hrs", "hours", "(", "[", "ago"})
_LOOKBACK = 4


@dataclass
class Found:
    """A mention with what produced it, kept while sentence context is applied."""

    mention: TimeMention
    phrase: Phrase | None = None
    reading: Reading | None = None
    after_speech_verb: bool = False  # "said on Tuesday": the day of the saying


def scan(toks: Tokens, pub: Publication | None, events: Mapping[str, Event] | None) -> list[Found]:
    """Every time expression in the tokens, in order, not overlapping."""
    found: list[Found] = []
    kinds, lower = toks.kinds, toks.lower
    n = len(toks)
    next_anchor = _next_anchors(kinds, lower)
    i = 0
    while i < n:
        kind = kinds[i]
        if (kind == "word" and lower[i] not in STARTERS) or kind not in ("word", "number", "iso") \
                or next_anchor[i] - i > _ANCHOR_REACH or not _worth_trying(toks, i):
            i += 1
            continue
        hit, stop = _read_at(toks, i, pub, events)
        if hit is None:
            i += 1
            continue
        found.append(hit)
        i = stop
    return found


def _worth_trying(toks: Tokens, i: int) -> bool:
    """A cheap look at the next token: "the" starts a time only as "the past ..." or "the early
    hours of ...", a bare number only before a unit, a month, a.m./p.m., a zone or a dash."""
    low = toks.lower[i]
    if toks.kinds[i] == "number":
        if ":" in low or "." in low or len(low) == 4:
            return True
        return toks.kinds[i + 1] in ("meridiem", "zone", "oclock") or toks.lower[i + 1] in _AFTER_NUMBER
    allowed = _NEXT_WORDS.get(low)
    return allowed is None or toks.lower[i + 1] in allowed


def _next_anchors(kinds: list[str], lower: list[str]) -> list[int]:
    """For each token, the index of the nearest anchor at or after it (len when none)."""
    n = len(kinds)
    nearest = [n] * (n + 1)
    for i in range(n - 1, -1, -1):
        nearest[i] = i if kinds[i] in ("number", "iso") or lower[i] in ANCHORS else nearest[i + 1]
    return nearest


def _read_at(toks: Tokens, i: int, pub: Publication | None, events) -> tuple[Found | None, int]:
    word = toks.kinds[i] == "word"
    low = toks.lower[i]
    past = None if word and low not in PAST_STARTS else read_past(toks, i)
    if past is not None:
        return _from_past(toks, past, pub), past.end
    relative = None if word and low not in RELATIVE_STARTS else read_relative(toks, i, events, pub)
    if relative is not None:
        return _from_relative(toks, relative, pub), relative.end
    phrase = None if word and low not in PHRASE_STARTS else read_phrase(toks, i)
    if phrase is not None:
        reading = read_phrase_times(phrase, pub)
        found = Found(mention_from_reading(toks, phrase, reading, pub), phrase, reading, _after_speech_verb(toks, i))
        return found, phrase.end
    return None, i


def mention_from_reading(toks: Tokens, phrase: Phrase, reading: Reading, pub: Publication | None) -> TimeMention:
    """The mention of a phrase read as `reading`."""
    start, end = toks.char_span(phrase.start, phrase.end)
    return TimeMention(
        start, end, toks.text[start:end], reading.kind, reading.local_earliest, reading.local_latest,
        reading.zone, note=reading.note, until=pub.latest if pub is not None and reading.to_publication else None,
    )


def _from_relative(toks: Tokens, hit: RelativeHit, pub: Publication | None) -> Found:
    start, end = toks.char_span(hit.start, hit.end)
    mention = TimeMention(
        start, end, toks.text[start:end], "relative", None, None, None, hit.event,
        hit.offset_earliest, hit.offset_latest, hit.note, until=pub.latest if pub is not None else None,
    )
    return Found(mention)


def _from_past(toks: Tokens, hit: PastHit, pub: Publication | None) -> Found:
    start, end = toks.char_span(hit.start, hit.end)
    text = toks.text[start:end]
    if pub is None:
        return Found(TimeMention(start, end, text, "duration_ago", None, None, None,
                                 note=hit.note + "; publication date unknown: stays open"))
    if hit.calendar_days:  # "two days ago": whole local days
        lo, hi = pub.anchor_days()
        first = datetime.combine(lo - timedelta(days=hit.back_high.days), time())
        last = datetime.combine(hi - timedelta(days=hit.back_low.days) + timedelta(days=1), time())
        return Found(TimeMention(start, end, text, "duration_ago", first, last, None, note=hit.note + " (whole days)"))
    reference = pub.earliest if hit.ago else pub.latest
    return Found(TimeMention(start, end, text, "duration_ago", None, None, "UTC", note=hit.note,
                             utc_earliest=reference - hit.back_high, utc_latest=pub.latest - hit.back_low))


def _after_speech_verb(toks: Tokens, i: int) -> bool:
    for k in range(i - 1, max(i - 1 - _LOOKBACK, -1), -1):
        low = toks.low(k)
        if low in SPEECH_VERBS:
            return True
        if low in (".", ";", "!", "?"):
            return False
    return False
