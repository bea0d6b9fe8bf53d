"""Which days a phrase means: its written date, or a weekday, "yesterday", "last week" or a
bare clock time resolved against the publication P.

Conventions (spec/incidents.md, "Reading times"): a weekday is the most recent such day on or
before P; a time of day with no day is the most recent at or before the end of P. A date
without a year takes the year that puts it nearest to P. When P is known only to the month,
each relative word is resolved at P's first and last day and covers everything between.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from .dates import DayPiece
from .publication import Publication
from .time_phrases import Phrase
from .time_words import MONTH_NAMES, WEEKDAY_NAMES

Window = tuple[date | None, date | None, str]
_THIRDS = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}


def day_window(phrase: Phrase, pub: Publication | None, nominal: timedelta) -> Window:
    """The first and last day the phrase can fall on (None, None when P is needed and unknown)."""
    if phrase.day is None:
        return _undated(phrase, pub, nominal)
    first, last, how = piece_window(phrase.day, phrase.quals, pub)
    if first is None:
        return first, last, how
    if phrase.last_day is not None:
        last = _day_after(first, phrase.last_day, pub)
        how += f" to {last}"
    if phrase.named_weekday is not None and first.weekday() != phrase.named_weekday:
        how += f"; the text also says {WEEKDAY_NAMES[phrase.named_weekday]}, but {first} is a {WEEKDAY_NAMES[first.weekday()]}: the date is kept"
    return first, last, how


def piece_window(day: DayPiece, quals: frozenset[str], pub: Publication | None) -> Window:
    """The days one day piece covers."""
    if day.kind == "date":
        return _date_window(day, pub)
    if day.kind == "month" and day.month is not None:
        return _month_window(day, quals, pub)
    if day.kind == "year" and day.year is not None:
        return date(day.year, 1, 1), date(day.year, 12, 31), f"the year {day.year}"
    if pub is None:
        return None, None, "publication date unknown: a relative day stays open"
    lo, hi = pub.anchor_days()
    first, last, how = _RELATIVE[day.kind](day, lo, hi)
    if not pub.within_a_day:
        how += f"; publication known only as {pub.describe()}, so this stays that wide"
    return first, last, how


def _date_window(day: DayPiece, pub: Publication | None) -> Window:
    year, how = day.year, ""
    if year is None:
        if pub is None:
            return None, None, "no year written and publication date unknown: the date stays open"
        year, how = _nearest_year(day.month, day.day, pub), " (year: nearest to publication)"
    first = date(year, day.month, day.day)
    if not day.is_range:
        return first, first, f"{first}{how}"
    last_year = day.last_year or year + (1 if day.last_month < day.month else 0)
    last = date(last_year, day.last_month, day.last_day)
    return first, last, f"{first} to {last}{how}"


def _month_window(day: DayPiece, quals: frozenset[str], pub: Publication | None) -> Window:
    year, how = day.year, ""
    if year is None:
        if pub is None:
            return None, None, "no year written and publication date unknown: the month stays open"
        year, how = _nearest_year(day.month, 15, pub), " (year: nearest to publication)"
    length = calendar.monthrange(year, day.month)[1]
    low, high = 1, length
    third = next((q for q in ("early", "mid", "late") if q in quals), None)
    if third is not None:
        low, high = _THIRDS[third][0], min(_THIRDS[third][1], length)
    name = f"{MONTH_NAMES[day.month - 1]} {year}"
    label = f"{third} {name} (days {low}-{high})" if third else name
    return date(year, day.month, low), date(year, day.month, high), label + how


def _nearest_year(month: int, day: int, pub: Publication) -> int:
    lo, hi = pub.days()
    best: tuple[int, int] | None = None
    for year in (hi.year - 1, hi.year, hi.year + 1):
        try:
            candidate = date(year, month, day)
        except ValueError:  # 29 February outside a leap year
            continue
        distance = 0 if lo <= candidate <= hi else min(abs((candidate - lo).days), abs((candidate - hi).days))
        if best is None or distance < best[0]:
            best = (distance, year)
    return best[1] if best else hi.year


def _weekday(day: DayPiece, lo: date, hi: date) -> Window:
    target = day.weekday

    def resolve(anchor: date) -> date:
        if day.shift < 0:  # "last Tuesday": strictly before P's day
            return anchor - timedelta(days=(anchor.weekday() - target - 1) % 7 + 1)
        if day.shift > 0:  # "next Tuesday": strictly after
            return anchor + timedelta(days=(target - anchor.weekday() - 1) % 7 + 1)
        return anchor - timedelta(days=(anchor.weekday() - target) % 7)

    first, last = resolve(lo), resolve(hi)
    which = {-1: "the last", 0: "the most recent", 1: "the next"}[max(-1, min(1, day.shift))]
    where = "before" if day.shift < 0 else "after" if day.shift > 0 else "on or before"
    span = f"{first}" if first == last else f"any from {first} to {last}"
    return first, last, f"{WEEKDAY_NAMES[target]}: {which} {WEEKDAY_NAMES[target]} {where} publication: {span}"


def _relative_day(day: DayPiece, lo: date, hi: date) -> Window:
    first, last = lo + timedelta(days=day.shift), hi + timedelta(days=day.shift)
    word = {-1: "yesterday", 0: "today", 1: "tomorrow"}.get(day.shift, f"{day.shift:+d} days")
    return first, last, f"{word}: publication day {day.shift:+d}: " + (f"{first}" if first == last else f"{first} to {last}")


def _week(day: DayPiece, lo: date, hi: date) -> Window:
    monday_lo, monday_hi = lo - timedelta(days=lo.weekday()), hi - timedelta(days=hi.weekday())
    if day.shift == 0:
        first, last = monday_lo, hi
    else:
        first, last = monday_lo + timedelta(weeks=day.shift), monday_hi + timedelta(weeks=day.shift, days=6)
    return first, last, f"{_shift_word(day.shift)} week (Monday to Sunday): {first} to {last}"


def _weekend(day: DayPiece, lo: date, hi: date) -> Window:
    def saturday(anchor: date) -> date:
        recent = anchor - timedelta(days=(anchor.weekday() - 5) % 7)
        if day.shift < 0 and anchor.weekday() >= 5:
            recent -= timedelta(weeks=1)  # "last weekend" said during a weekend: the one before
        return recent + timedelta(weeks=max(day.shift, 0))

    first, last = saturday(lo), saturday(hi) + timedelta(days=1)
    return first, last, f"{_shift_word(day.shift)} weekend: {first} to {last}"


def _month(day: DayPiece, lo: date, hi: date) -> Window:
    first = _add_months(lo.replace(day=1), day.shift)
    last_start = _add_months(hi.replace(day=1), day.shift)
    last = hi if day.shift == 0 else last_start.replace(day=calendar.monthrange(last_start.year, last_start.month)[1])
    return first, last, f"{_shift_word(day.shift)} month: {first} to {last}"


def _year(day: DayPiece, lo: date, hi: date) -> Window:
    first = date(lo.year + day.shift, 1, 1)
    last = hi if day.shift == 0 else date(hi.year + day.shift, 12, 31)
    return first, last, f"{_shift_word(day.shift)} year: {first} to {last}"


_RELATIVE = {"weekday": _weekday, "relative_day": _relative_day, "week": _week, "weekend": _weekend,
             "month": _month, "year": _year}


def _undated(phrase: Phrase, pub: Publication | None, nominal: timedelta) -> Window:
    if pub is None:
        return None, None, "publication date unknown: the day stays open"
    part = phrase.part
    wide = "" if pub.within_a_day else f"; publication known only as {pub.describe()}, so this stays that wide"
    if part is not None and (part.is_night or part.day_shift is not None):
        lo, hi = pub.anchor_days()
        shift = timedelta(days=part.day_shift or 0)
        first, last = lo + shift, hi + shift
        return first, last, f"day: publication day{'' if not part.day_shift else f' {part.day_shift:+d}'}, {_days(first, last)}" + wide
    first, last = pub.most_recent_days(nominal)
    return first, last, f"no day written: the most recent at or before the end of publication, {_days(first, last)}" + wide


def _day_after(first: date, second: DayPiece, pub: Publication | None) -> date:
    """"overnight Tuesday into Wednesday": the Wednesday after that Tuesday."""
    if second.kind == "weekday":
        return first + timedelta(days=(second.weekday - first.weekday() - 1) % 7 + 1)
    _, last, _ = piece_window(second, frozenset(), pub)
    return last if last is not None and last >= first else first + timedelta(days=1)


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _shift_word(shift: int) -> str:
    return {-1: "last", 0: "this", 1: "next"}.get(shift, f"{shift:+d}")


def _days(first: date, last: date) -> str:
    return f"{first}" if first == last else f"{first} to {last}"
