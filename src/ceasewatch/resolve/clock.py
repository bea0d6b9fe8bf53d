"""Clock times in a text: "8:50 p.m.", "20:50", "1750 GMT", "17.00 Moscow time", "noon",
"between 2 and 4 a.m.", "8:50 p.m. (1850 GMT)".

A number is read as a clock time only when its shape or its neighbours say so: a colon
("20:50"), a.m./p.m., a zone word, or "o'clock"/"in the evening". So "145 drones", "7.5
magnitude", "the 2025 budget", "3-1", "24/7" and "9/11" stay numbers. "8:50" without a.m. or
p.m. is read on the 24-hour clock, as reports from Kyiv and Moscow write it.
"""

from __future__ import annotations

from dataclasses import dataclass

from .time_tokens import Tokens
from .time_words import ZONE_WORDS

DAY = 86_400
_RANGE_WORDS = frozenset({"-", "–", "—", "to", "until", "till", "and"})
_PART_HINTS = {"morning": "am", "afternoon": "pm", "evening": "pm"}


@dataclass(frozen=True)
class ClockPiece:
    """A clock time (or a range of two) read from tokens [start, end)."""

    start: int
    end: int
    seconds: int  # after midnight, 0..86400
    end_seconds: int | None = None  # a range's end; past 86400 when it crosses midnight
    zone: str | None = None  # an IANA zone the words name ("UTC", "Europe/Moscow", "Etc/GMT-2")
    local: bool = False  # "local time" was written
    meridiem: bool = False  # a.m./p.m. (or "in the evening") was written

    @property
    def label(self) -> str:
        """"20:50", or "22:00–02:00" for a range."""
        text = _hhmm(self.seconds)
        return text if self.end_seconds is None else f"{text}–{_hhmm(self.end_seconds % DAY)}"


@dataclass(frozen=True)
class _Time:
    seconds: int
    end: int  # token after it
    meridiem: bool
    bare_hour: int | None = None  # "2" in "between 2 and 4 a.m.": an hour still waiting for a.m./p.m.


def read_clock(toks: Tokens, i: int) -> ClockPiece | None:
    """The clock time (or range) starting at token i, with its zone words; None if there is none."""
    first = _time_at(toks, i, allow_bare=True)
    if first is None:
        return None
    end_seconds = None
    j = first.end
    connector = toks.low(j)
    if connector in _RANGE_WORDS and (connector != "and" or toks.low(i - 1) == "between"):
        second = _time_at(toks, j + 1, allow_bare=False)
        if second is not None:
            first, end_seconds = _join_range(first, second)
            j = second.end
    if first.bare_hour is not None:
        return None  # a lone "2" is a number, not a time
    zone, local, j = _zone_after(toks, j)
    piece = ClockPiece(i, j, first.seconds, end_seconds, zone, local, first.meridiem)
    return _with_alternative(toks, piece)


def _time_at(toks: Tokens, i: int, *, allow_bare: bool) -> _Time | None:
    low = toks.low(i)
    if low in ("noon", "midday"):
        return _Time(12 * 3600, i + 1, True)
    if low == "midnight":
        return _Time(0, i + 1, True)
    if toks.kind(i) != "number":
        return None
    text = low
    if ":" in text:
        return _colon_time(toks, i, text)
    if "." in text:
        return _dotted_time(toks, i, text)
    if not text.isdigit():
        return None
    if len(text) == 4:
        return _military_time(toks, i, int(text[:2]), int(text[2:]))
    hour = int(text)
    if not 0 < hour <= 12:
        return None
    marked = _meridiem(toks, i + 1, hour * 3600)
    if marked is not None:
        return marked
    j = i + 2 if toks.kind(i + 1) == "oclock" else i + 1
    hinted = _part_hint(toks, j, hour * 3600)
    if hinted is not None:
        return hinted
    return _Time(hour * 3600, i + 1, False, bare_hour=hour) if allow_bare else None


def _colon_time(toks: Tokens, i: int, text: str) -> _Time | None:
    parts = text.split(":")
    if len(parts) not in (2, 3) or any(len(p) != 2 for p in parts[1:]) or not all(p.isdigit() for p in parts):
        return None
    hour, minute = int(parts[0]), int(parts[1])
    second = int(parts[2]) if len(parts) == 3 else 0
    if minute > 59 or second > 59 or hour > 24 or (hour == 24 and (minute or second)):
        return None
    seconds = hour * 3600 + minute * 60 + second
    if 0 < hour <= 12:
        marked = _meridiem(toks, i + 1, seconds)
        if marked is not None:
            return marked
        hinted = _part_hint(toks, i + 1, seconds)
        if hinted is not None:
            return hinted
    return _Time(seconds, i + 1, False)


def _dotted_time(toks: Tokens, i: int, text: str) -> _Time | None:
    """"17.00" is a time only beside a.m./p.m., a zone word or a preceding "at"."""
    hour_text, _, minute_text = text.partition(".")
    if len(minute_text) != 2 or not (hour_text.isdigit() and minute_text.isdigit()):
        return None
    hour, minute = int(hour_text), int(minute_text)
    if hour > 23 or minute > 59:
        return None
    seconds = hour * 3600 + minute * 60
    if 0 < hour <= 12:
        marked = _meridiem(toks, i + 1, seconds)
        if marked is not None:
            return marked
    if _zone_word(toks, i + 1) is not None or toks.low(i - 1) == "at":
        return _Time(seconds, i + 1, False)
    return None


def _military_time(toks: Tokens, i: int, hour: int, minute: int) -> _Time | None:
    """"1750 GMT", "at 2100 hours": four digits are a time only with a zone word or "hours"."""
    if hour > 23 or minute > 59:
        return None
    if _zone_word(toks, i + 1) is not None:
        return _Time(hour * 3600 + minute * 60, i + 1, False)
    if toks.low(i + 1) in ("hrs", "hours") and toks.low(i - 1) == "at":
        return _Time(hour * 3600 + minute * 60, i + 2, False)
    return None


def _meridiem(toks: Tokens, j: int, seconds: int) -> _Time | None:
    if toks.kind(j) != "meridiem":
        return None
    return _Time(_apply_meridiem(seconds, toks.low(j)[0] == "p"), j + 1, True)


def _apply_meridiem(seconds: int, pm: bool) -> int:
    hour = seconds // 3600
    if hour == 12:
        return seconds - 12 * 3600 if not pm else seconds
    return seconds + 12 * 3600 if pm and hour < 12 else seconds


def _part_hint(toks: Tokens, j: int, seconds: int) -> _Time | None:
    """"8 in the evening", "2 at night": the part of the day settles a.m. or p.m."""
    if toks.low(j) == "in" and toks.low(j + 1) == "the" and toks.low(j + 2) in _PART_HINTS:
        return _Time(_apply_meridiem(seconds, _PART_HINTS[toks.low(j + 2)] == "pm"), j + 3, True)
    if toks.low(j) == "at" and toks.low(j + 1) == "night":
        return _Time(_apply_meridiem(seconds, seconds >= 6 * 3600), j + 2, True)
    return None


def _join_range(first: _Time, second: _Time) -> tuple[_Time, int]:
    """"between 2 and 4 a.m.": the second time's a.m./p.m. holds for the first too."""
    start = first.seconds
    if first.bare_hour is not None:
        hour_seconds = first.bare_hour * 3600
        pm = second.seconds >= 12 * 3600
        start = _apply_meridiem(hour_seconds, pm)
        if start > second.seconds:  # "from 10 to 2 a.m." crosses midnight: 10 p.m.
            start = _apply_meridiem(hour_seconds, not pm)
    end = second.seconds if second.seconds >= start else second.seconds + DAY
    return _Time(start, second.end, first.meridiem or second.meridiem), end


def _zone_word(toks: Tokens, j: int) -> str | None:
    low = toks.low(j)
    if toks.kind(j) == "zone":
        return " ".join(low.split())
    return low if low in ZONE_WORDS and toks.kind(j) == "word" else None


def _zone_after(toks: Tokens, j: int) -> tuple[str | None, bool, int]:
    """The zone named after a time: (IANA name or None, whether "local time", next token)."""
    word = _zone_word(toks, j)
    if word is None:
        return None, False, j
    zone = ZONE_WORDS[word]
    if zone == "UTC" and toks.word(j + 1) in ("+", "-") and toks.joined(j + 1) and toks.low(j + 2).isdigit():
        hours = int(toks.low(j + 2)) * (1 if toks.word(j + 1) == "+" else -1)
        if -12 <= hours <= 14 and toks.joined(j + 2):
            return fixed_offset_zone(hours), False, j + 3
    return zone, zone is None, j + 1


def fixed_offset_zone(hours: int) -> str:
    """The IANA name of a fixed offset: UTC+2 is "Etc/GMT-2" (the Etc names invert the sign)."""
    return "UTC" if hours == 0 else f"Etc/GMT{-hours:+d}"


def _with_alternative(toks: Tokens, piece: ClockPiece) -> ClockPiece:
    """"8:50 p.m. (1850 GMT)": the time in brackets gives the local time's UTC offset."""
    opening = toks.word(piece.end)
    if opening not in ("(", "["):
        return piece
    inner = read_clock(toks, piece.end + 1)
    closing = ")" if opening == "(" else "]"
    if inner is None or toks.word(inner.end) != closing:
        return piece
    zone, local = piece.zone, piece.local
    if zone is None and inner.zone == "UTC" and inner.end_seconds is None and piece.end_seconds is None:
        offset = (piece.seconds - inner.seconds) % DAY
        if offset % 3600 == 0:
            hours = offset // 3600
            zone, local = fixed_offset_zone(hours if hours <= 14 else hours - 24), False
    return ClockPiece(piece.start, inner.end + 1, piece.seconds, piece.end_seconds, zone, local, piece.meridiem)


def _hhmm(seconds: int) -> str:
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours:02d}:{minutes:02d}" + (f":{secs:02d}" if secs else "")
