"""Days in a text: "March 18", "18 March 2025", "March 18-19", "2025-03-18", "Tuesday",
"yesterday", "in April", "since 2022", "last week", "the weekend".

A month name must be capitalised ("march" and "may" are verbs), and a month or year with no
day counts only after a word that makes it a time ("in April", "since 2022", "early March"),
so "the 2025 budget" is not a year.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .time_tokens import Tokens
from .time_words import MONTHS, RELATIVE_DAYS, WEEKDAYS

_RANGE_WORDS = frozenset({"-", "–", "—", "to", "through", "until", "till"})
_BEFORE_BARE_MONTH = frozenset({"in", "since", "during", "throughout", "until", "till", "by", "of",
                                "from", "through", "early", "late", "mid", "before", "after", "last",
                                "this", "next", "between", "and", "to"})
_BEFORE_BARE_YEAR = frozenset({"in", "since", "during", "throughout", "until", "till", "by",
                               "from", "through", "early", "late", "mid", "before", "after", "between"})
_CALENDAR_NOUNS = frozenset({"week", "weekend", "month", "year"})
_MODIFIERS = {"last": -1, "this": 0, "next": 1, "earlier": 0}
_ABBREVIATIONS = frozenset({"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"})


@dataclass(frozen=True)
class DayPiece:
    """A day or a run of days read from tokens [start, end)."""

    start: int
    end: int
    kind: str  # date | weekday | relative_day | month | year | week | weekend
    year: int | None = None  # None: not written (taken from the publication)
    month: int | None = None
    day: int | None = None
    last_year: int | None = None  # the end of a range ("March 18-19", "March 31 to April 2")
    last_month: int | None = None
    last_day: int | None = None
    weekday: int | None = None  # 0 = Monday
    shift: int = 0  # relative days (yesterday -1); last/next (-1/+1) for weekdays and periods

    @property
    def is_range(self) -> bool:
        return self.last_day is not None


def read_day(toks: Tokens, i: int) -> DayPiece | None:
    """The day (or days) starting at token i; None if there is none."""
    kind, low = toks.kind(i), toks.low(i)
    if kind == "iso":
        return _iso_date(i, low)
    if kind == "number":
        return _dotted_date(i, low) if low.count(".") == 2 else _day_first(toks, i) or _bare_year(toks, i)
    if kind != "word":
        return None
    if low in MONTHS and toks.is_capitalised(i):
        return _month_first(toks, i)
    if low in WEEKDAYS:
        return DayPiece(i, i + 1, "weekday", weekday=WEEKDAYS[low])
    if low in RELATIVE_DAYS:
        if toks.word(i) == "Today" and i > 0 and toks.is_capitalised(i - 1) and toks.kind(i - 1) == "word":
            return None  # a title such as "Russia Today", not a day
        return DayPiece(i, i + 1, "relative_day", shift=RELATIVE_DAYS[low])
    if low in _MODIFIERS:
        return _modified(toks, i)
    if low == "weekend" and toks.low(i - 1) == "the":
        return DayPiece(i, i + 1, "weekend")
    return None


def _iso_date(i: int, text: str) -> DayPiece | None:
    year, month, day = (int(p) for p in text.split("-"))
    return DayPiece(i, i + 1, "date", year, month, day) if _valid(year, month, day) else None


def _dotted_date(i: int, text: str) -> DayPiece | None:
    """"18.03.2025": day.month.year, and only with a four-digit year (never "7.5")."""
    parts = text.split(".")
    if len(parts[2]) != 4 or not all(p.isdigit() for p in parts):
        return None
    day, month, year = (int(p) for p in parts)
    return DayPiece(i, i + 1, "date", year, month, day) if _valid(year, month, day) else None


def _month_first(toks: Tokens, i: int) -> DayPiece | None:
    month = MONTHS[toks.low(i)]
    j = _skip_abbreviation_dot(toks, i)
    day = _day_number(toks, j)
    if day is None or not _valid(None, month, day):
        return _month_alone(toks, i, j, month)
    j += 1
    last_month, last_day = month, None
    if toks.low(j) in _RANGE_WORDS or (toks.low(j) == "and" and toks.low(i - 1) == "between"):
        if toks.low(j + 1) in MONTHS and toks.is_capitalised(j + 1):  # "March 31-April 2"
            k = _skip_abbreviation_dot(toks, j + 1)
            other = _day_number(toks, k)
            if other is not None and _valid(None, MONTHS[toks.low(j + 1)], other):
                last_month, last_day, j = MONTHS[toks.low(j + 1)], other, k + 1
        else:
            other = _day_number(toks, j + 1)
            if other is not None and other > day and _valid(None, month, other):
                last_day, j = other, j + 2
    year, j = _year_after(toks, j)
    return _dated(i, j, year, month, day, last_month, last_day)


def _day_first(toks: Tokens, i: int) -> DayPiece | None:
    day = _day_number(toks, i)
    if day is None:
        return None
    j = i + 1
    last_day = None
    if toks.low(j) in _RANGE_WORDS | {"and"}:
        other = _day_number(toks, j + 1)
        if other is not None and other > day:
            last_day, j = other, j + 2
    if toks.low(j) == "of":
        j += 1
    if not (toks.low(j) in MONTHS and toks.is_capitalised(j)):
        return None
    month = MONTHS[toks.low(j)]
    j = _skip_abbreviation_dot(toks, j)
    if not _valid(None, month, last_day or day):
        return None
    last_month = month
    if last_day is None and toks.low(j) in _RANGE_WORDS:  # "31 March - 2 April"
        other = _day_number(toks, j + 1)
        other_month = MONTHS.get(toks.low(j + 2)) if toks.is_capitalised(j + 2) else None
        if other is not None and other_month is not None and _valid(None, other_month, other):
            last_month, last_day = other_month, other
            j = _skip_abbreviation_dot(toks, j + 2)
    year, j = _year_after(toks, j)
    return _dated(i, j, year, month, day, last_month, last_day)


def _dated(i: int, j: int, year: int | None, month: int, day: int, last_month: int, last_day: int | None) -> DayPiece | None:
    if year is not None and not _valid(year, month, day):
        return None
    if last_day is None:
        return DayPiece(i, j, "date", year, month, day)
    last_year = None if year is None else year + (1 if last_month < month else 0)
    return DayPiece(i, j, "date", year, month, day, last_year, last_month, last_day)


def _month_alone(toks: Tokens, i: int, j: int, month: int) -> DayPiece | None:
    """"in April", "April 2025", "mid-March": a whole month."""
    year, k = _year_after(toks, j, comma=False)
    if year is not None:
        return DayPiece(i, k, "month", year, month)
    before = toks.low(i - 1)
    if before in _BEFORE_BARE_MONTH or (before == "-" and toks.low(i - 2) == "mid"):
        return DayPiece(i, j, "month", None, month)
    return None


def _modified(toks: Tokens, i: int) -> DayPiece | None:
    """"last Tuesday", "this week", "next month", "earlier this week", "last weekend"."""
    low = toks.low(i)
    j = i + 1
    if low == "earlier":
        if toks.low(j) != "this":
            return None
        j += 1
    word = toks.low(j)
    shift = _MODIFIERS[low]
    if word in WEEKDAYS:
        return DayPiece(i, j + 1, "weekday", weekday=WEEKDAYS[word], shift=shift)
    if word in _CALENDAR_NOUNS:
        return DayPiece(i, j + 1, word, shift=shift)
    return None


def _year_after(toks: Tokens, j: int, *, comma: bool = True) -> tuple[int | None, int]:
    k = j + 1 if comma and toks.low(j) == "," else j
    text = toks.low(k)
    if toks.kind(k) == "number" and len(text) == 4 and text.isdigit() and 1900 <= int(text) <= 2099:
        return int(text), k + 1
    return None, j


def _bare_year(toks: Tokens, i: int) -> DayPiece | None:
    """"in 2022", "since 2014": a year alone, only after a word that makes it a time."""
    text = toks.low(i)
    if toks.kind(i) != "number" or len(text) != 4 or not text.isdigit() or not 1900 <= int(text) <= 2099:
        return None
    if toks.low(i - 1) in _BEFORE_BARE_YEAR or (toks.low(i - 1) == "-" and toks.low(i - 2) == "mid"):
        return DayPiece(i, i + 1, "year", int(text))
    return None


def _day_number(toks: Tokens, j: int) -> int | None:
    if toks.kind(j) != "number":
        return None
    text = toks.low(j)
    digits = text[:-2] if text[-2:] in ("st", "nd", "rd", "th") else text
    if not digits.isdigit() or len(digits) > 2:
        return None
    value = int(digits)
    return value if 1 <= value <= 31 else None


def _skip_abbreviation_dot(toks: Tokens, j: int) -> int:
    """The token after a month name, past the dot of "Mar." or "Sept."."""
    return j + 2 if toks.word(j + 1) == "." and toks.low(j) in _ABBREVIATIONS and toks.joined(j + 1) else j + 1


def _valid(year: int | None, month: int, day: int) -> bool:
    try:
        date(year if year is not None else 2024, month, day)  # 2024: a leap year, so 29 February passes
    except ValueError:
        return False
    return True
