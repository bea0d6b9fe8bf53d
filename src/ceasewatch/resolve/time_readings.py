"""From a time phrase to local wall times, by the conventions of spec/incidents.md ("Reading
times"), resolved against the publication P.

A reading is a window of days [first, last] and a time of day [start, end] laid over it:
earliest = first + start, latest = last + end. "The night of March 10" is the day March 10
and the hours 21:00 to 30:00 (06:00 the next morning); "8:50 p.m. on Tuesday" is Tuesday at
20:50 to 20:50. A side that the words leave open stays open (None), and "after ..." runs to
the end of P.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from .calendar_windows import day_window
from .publication import Publication
from .time_phrases import Phrase
from .time_words import PARTS_OF_DAY

HOUR = timedelta(hours=1)
_NIGHTS = {  # the hours of a night, from the midnight of its day, by how the words tie them
    "of": (21 * HOUR, 30 * HOUR),  # the night of D: 21:00 of D to 06:00 of D+1
    "to": (-3 * HOUR, 6 * HOUR),  # the night to D (overnight into D): 21:00 of D-1 to 06:00 of D
    "both": (-3 * HOUR, 30 * HOUR),  # "overnight Tuesday": either night, never guessed
    "span": (21 * HOUR, 6 * HOUR),  # "the night of March 10-11": 21:00 of the first, 06:00 of the last
}
_TONIGHT = (18 * HOUR, 30 * HOUR)  # the evening and night that follow P's day
_APPROX = 30 * timedelta(minutes=1)
_SOON = HOUR


@dataclass(frozen=True)
class Reading:
    """A phrase read as local wall times, with how it was read."""

    kind: str
    local_earliest: datetime | None  # naive; None: open
    local_latest: datetime | None  # naive; None: open (to the end of P when `to_publication`)
    zone: str | None
    note: str
    to_publication: bool = False  # the latest side runs to the end of P ("since March 18")
    undated: bool = False  # a time of day whose day came from P alone


@dataclass(frozen=True)
class _TimeOfDay:
    start: timedelta | None  # None: open
    end: timedelta | None  # None: open, to the end of P
    nominal: timedelta  # the wall time whose most recent day is sought when no day is given
    label: str


def read_phrase_times(phrase: Phrase, pub: Publication | None, day: tuple[date, date, str] | None = None) -> Reading:
    """The local interval of a phrase; `day` overrides the phrase's own day (a day from its sentence)."""
    tod = _time_of_day(phrase)
    part = phrase.part
    undated = day is None and phrase.day is None and (part is None or not (part.is_night or part.day_shift is not None))
    first, last, how = day if day is not None else day_window(phrase, pub, tod.nominal)
    zone = phrase.clock.zone if phrase.clock is not None else None
    note = f"{tod.label}; {how}" if tod.label else how
    if first is None or last is None:
        return Reading(_kind(phrase), None, None, zone, note, undated=undated)
    earliest = None if tod.start is None else datetime.combine(first, time()) + tod.start
    latest = None if tod.end is None else datetime.combine(last, time()) + tod.end
    return Reading(_kind(phrase), earliest, latest, zone, note, to_publication=tod.end is None, undated=undated)


def _kind(phrase: Phrase) -> str:
    if phrase.clock is not None:
        return "clock"
    if phrase.part is not None:
        return "overnight" if phrase.part.is_night else "part_of_day"
    day = phrase.day
    if phrase.quals & {"since", "after", "from", "before"} and not day.is_range:
        return "period"  # "since March 12", "until Wednesday": open on one side
    if phrase.quals & {"early", "late"} and day.kind in ("date", "weekday", "relative_day"):
        return "part_of_day"
    if day.kind == "weekday":
        return "weekday"
    return "date" if day.kind in ("date", "relative_day") else "period"


def _time_of_day(phrase: Phrase) -> _TimeOfDay:
    if phrase.clock is not None:
        return _clock_time(phrase)
    if phrase.part is not None:
        return _part_time(phrase)
    return _whole_day(phrase)


def _clock_time(phrase: Phrase) -> _TimeOfDay:
    clock, quals = phrase.clock, phrase.quals
    start = timedelta(seconds=clock.seconds)
    width = timedelta(seconds=(clock.end_seconds or clock.seconds) - clock.seconds)
    part = phrase.part
    if part is not None and part.name in ("afternoon", "evening") and not clock.meridiem and start < 12 * HOUR:
        start += 12 * HOUR  # "8:30 on Tuesday evening"
    label = clock.label
    if part is not None and part.is_night:
        window = _TONIGHT if part.name == "tonight" else _NIGHTS["of" if phrase.night == "span" else phrase.night or "to"]
        start, width = _within_night(start, width, window)
    end = start + width
    ranged = clock.end_seconds is not None
    if "approx" in quals:
        return _TimeOfDay(start - _APPROX, end + _APPROX, start, f"about {label} (±30 min)")
    if "shortly_after" in quals:
        return _TimeOfDay(start, end + _SOON, start, f"shortly after {label} (within an hour)")
    if "shortly_before" in quals:
        return _TimeOfDay(start - _SOON, end, start, f"shortly before {label} (within an hour)")
    if not ranged and quals & {"after", "since", "from"}:
        return _TimeOfDay(start, None, start, f"after {label}, to the end of publication")
    if not ranged and "before" in quals:
        return _TimeOfDay(None, end, start, f"before {label}, open before")
    return _TimeOfDay(start, end, start, label + (" (range)" if ranged else " exact"))


def _within_night(start: timedelta, width: timedelta, window: tuple[timedelta, timedelta]) -> tuple[timedelta, timedelta]:
    """"at 2 a.m. on the night of March 10": the clock time inside that night (March 11, 02:00)."""
    low, high = window
    fits = [start + k * 24 * HOUR for k in (-1, 0, 1) if low <= start + k * 24 * HOUR <= high]
    if not fits:
        return start, width
    return min(fits), max(fits) - min(fits) + width


def _part_time(phrase: Phrase) -> _TimeOfDay:
    part, quals = phrase.part, phrase.quals
    if part.name == "tonight":
        (start, end), label = _TONIGHT, "tonight: 18:00 to 06:00"
    elif part.is_night:
        relation = phrase.night or "to"
        start, end = _NIGHTS[relation]
        if "late" in quals and relation == "of":
            start = 18 * HOUR  # "late Tuesday night": late Tuesday and the night after
        label = _night_label(relation, part.name)
    else:
        start, end = PARTS_OF_DAY[part.name]
        if "early" in quals and part.name == "morning":
            start = timedelta(0)  # "early Wednesday morning" often means before dawn: 00:00-12:00
        label = f"{part.name} {_hhmm(start)}-{_hhmm(end)}"
    if quals & {"after", "since", "from"}:
        return _TimeOfDay(start, None, start, label + ", to the end of publication")
    if "before" in quals:
        return _TimeOfDay(None, start, start, label + ", open before")
    return _TimeOfDay(start, end, start, label)


def _night_label(relation: str, word: str) -> str:
    return {
        "of": "night of the day: 21:00 to 06:00 the next morning",
        "to": "night to the day: 21:00 the evening before to 06:00",
        "both": f"{word} next to the day, either night: 21:00 the evening before to 06:00 the morning after",
        "span": "night between the days: 21:00 of the first to 06:00 of the last",
    }[relation]


def _whole_day(phrase: Phrase) -> _TimeOfDay:
    quals, day = phrase.quals, phrase.day
    single = day.kind in ("date", "weekday", "relative_day")
    if day.is_range or phrase.last_day is not None:
        return _TimeOfDay(timedelta(0), 24 * HOUR, timedelta(0), "")
    if quals & {"after", "since", "from"}:
        return _TimeOfDay(timedelta(0), None, timedelta(0), "from that day to the end of publication")
    if "before" in quals:
        return _TimeOfDay(None, 24 * HOUR, timedelta(0), "up to the end of that day, open before")
    if "approx" in quals and single:
        return _TimeOfDay(-24 * HOUR, 48 * HOUR, timedelta(0), "around that day: a day either side")
    if "early" in quals and single:
        return _TimeOfDay(timedelta(0), 12 * HOUR, timedelta(0), "early: 00:00-12:00")
    if "late" in quals and single:
        return _TimeOfDay(18 * HOUR, 24 * HOUR, timedelta(0), "late: 18:00-24:00")
    return _TimeOfDay(timedelta(0), 24 * HOUR, timedelta(0), "")


def _hhmm(offset: timedelta) -> str:
    minutes = int(offset.total_seconds() // 60)
    return f"{minutes // 60:02d}:{minutes % 60:02d}"

