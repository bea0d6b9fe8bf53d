"""Time phrases: the pieces of one expression read together.

"at 8:50 p.m. on Tuesday", "On May 2, at 09:40 a.m.", "early Wednesday", "the night of
March 10", "overnight into Thursday", "shortly after midnight". A phrase is qualifiers
(around, shortly after, since, early, late, ...) followed by pieces (a clock time, a day, a
part of the day) joined only by small words ("on", "at", "of", a comma): each piece fills
one slot, and a piece whose slot is taken starts a phrase of its own.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from .clock import ClockPiece, read_clock
from .dates import DayPiece, read_day
from .time_tokens import Tokens
from .time_words import APPROXIMATE, GLUE, MONTHS, PARTS_OF_DAY, RELATIVE_DAYS, WEEKDAYS

_SIMPLE_QUALIFIERS = {
    "after": "after", "since": "since", "from": "from", "before": "before", "by": "before",
    "until": "before", "till": "before", "between": "between", "early": "early", "late": "late",
}
_SOON = frozenset({"shortly", "just", "soon", "right", "immediately"})
# The words a phrase can begin with (besides numbers and dates): qualifiers and pieces.
PHRASE_STARTS = frozenset(
    set(_SIMPLE_QUALIFIERS) | _SOON | APPROXIMATE | set(MONTHS) | set(WEEKDAYS) | set(RELATIVE_DAYS)
    | set(PARTS_OF_DAY) | {"night", "overnight", "tonight", "noon", "midday", "midnight", "in", "the", "mid",
                           "this", "last", "next", "earlier", "weekend"}
)
_SINGLE_DAYS = frozenset({"date", "weekday", "relative_day"})
# A part of the day standing alone ("morning") is a time only after one of these.
_LONE_PART_CONTEXT = frozenset({"in", "during", "at", "through", "throughout", "overnight"})


@dataclass(frozen=True)
class PartPiece:
    """A part of the day: morning, afternoon, evening, night, overnight or tonight."""

    start: int
    end: int
    name: str
    day_shift: int | None = None  # "this morning" 0, "last evening" -1; None: no day given

    @property
    def is_night(self) -> bool:
        return self.name in ("night", "overnight", "tonight")


@dataclass(frozen=True)
class Phrase:
    """One time expression: its tokens [start, end), qualifiers and pieces."""

    start: int
    end: int
    quals: frozenset[str] = frozenset()
    clock: ClockPiece | None = None
    day: DayPiece | None = None
    last_day: DayPiece | None = None  # "overnight Tuesday into Wednesday": the second day
    named_weekday: int | None = None  # "Tuesday, March 18": the weekday written beside the date
    part: PartPiece | None = None
    night: str | None = None  # how a night meets its day: of | to | both | span


def read_phrase(toks: Tokens, i: int) -> Phrase | None:
    """The time phrase starting at token i; None if no time expression starts there."""
    quals, j = _read_qualifiers(toks, i)
    if quals:
        j = _read_glue(toks, j)[1]  # "late in the evening", "since the morning"
    piece = read_piece(toks, j)
    if piece is None:
        return None
    phrase = _add(Phrase(i, piece.end, frozenset(quals)), piece, ())
    while True:
        glue, k = _read_glue(toks, phrase.end)
        piece = read_piece(toks, k)
        if piece is None or not _accepts(phrase, piece, glue) or _starts_next_phrase(toks, phrase, piece, glue):
            break
        phrase = replace(_add(phrase, piece, glue), end=piece.end)
    if _only_a_lone_part(phrase) and not _lone_part_context(toks, i):
        return None
    return phrase


def read_piece(toks: Tokens, j: int) -> ClockPiece | DayPiece | PartPiece | None:
    """A clock time, a day or a part of the day starting at token j."""
    return read_clock(toks, j) or read_day(toks, j) or read_part(toks, j)


def read_part(toks: Tokens, i: int) -> PartPiece | None:
    """"morning", "this morning", "last evening", "night", "last night", "overnight", "tonight"."""
    low, following = toks.low(i), toks.low(i + 1)
    if low in PARTS_OF_DAY or low in ("night", "overnight", "tonight"):
        return PartPiece(i, i + 1, low)
    if low == "this" and following in PARTS_OF_DAY:
        return PartPiece(i, i + 2, following, day_shift=0)
    if low == "last" and following == "night":
        return PartPiece(i, i + 2, "overnight")  # the night before the report, as "overnight"
    if low == "last" and following == "evening":
        return PartPiece(i, i + 2, "evening", day_shift=-1)
    return None


def _read_qualifiers(toks: Tokens, i: int) -> tuple[list[str], int]:
    quals: list[str] = []
    j = i
    while True:
        low = toks.low(j)
        after_early_hours = _early_hours(toks, j) if low in ("in", "the", "early", "small") else j
        if low in APPROXIMATE:
            quals.append("approx")
            j += 1
        elif low in _SOON and toks.low(j + 1) in ("after", "before"):
            quals.append("shortly_" + toks.low(j + 1))
            j += 2
        elif after_early_hours > j:  # "in the early hours of", "the small hours of"
            quals.append("early")
            j = after_early_hours
        elif low in ("early", "late") and toks.low(j + 1) in ("on", "in"):
            quals.append(low)
            j += 1 if toks.low(j + 1) == "in" else 2  # "late in the evening": keep "in the" as glue
        elif low == "mid":
            quals.append("mid")
            j += 2 if toks.word(j + 1) == "-" else 1
        elif low in _SIMPLE_QUALIFIERS:
            quals.append(_SIMPLE_QUALIFIERS[low])
            j += 1
        else:
            return quals, j


def _early_hours(toks: Tokens, j: int) -> int:
    """The token after "in the early hours of" / "the small hours of"; j when not there."""
    k = j
    if toks.low(k) == "in":
        k += 1
    if toks.low(k) == "the":
        k += 1
    if toks.low(k) in ("early", "small") and toks.low(k + 1) == "hours" and toks.low(k + 2) == "of":
        return k + 3
    return j


def _read_glue(toks: Tokens, j: int) -> tuple[tuple[str, ...], int]:
    words: list[str] = []
    # A capitalised "On" or "At" opens a new sentence ("... at 3 a.m. On Monday, ...").
    while len(words) < 3 and toks.low(j) in GLUE and not toks.breaks_before(j) and not toks.is_capitalised(j):
        words.append(toks.low(j))
        j += 1
    return tuple(words), j


def _accepts(phrase: Phrase, piece: ClockPiece | DayPiece | PartPiece, glue: tuple[str, ...]) -> bool:
    """A clock time or a part of the day joins only a single day ("Tuesday", "March 18"), not
    a week, month or year; each slot takes one piece."""
    single_day = phrase.day is None or phrase.day.kind in _SINGLE_DAYS
    if isinstance(piece, ClockPiece):
        return phrase.clock is None and single_day
    if isinstance(piece, PartPiece):
        return phrase.part is None and piece.day_shift is None and single_day
    day = phrase.day
    if day is None:
        return piece.kind in _SINGLE_DAYS or (phrase.clock is None and phrase.part is None)
    if phrase.last_day is not None or day.is_range or piece.is_range:
        return False
    kinds = {day.kind, piece.kind}
    if kinds == {"weekday", "date"} and phrase.named_weekday is None:
        return True  # "Tuesday, March 18"
    joined_night = phrase.part is not None and phrase.part.is_night and ("to" in glue or "into" in glue)
    return joined_night and day.kind in ("date", "weekday") and piece.kind in ("date", "weekday")


def _starts_next_phrase(toks: Tokens, phrase: Phrase, piece, glue: tuple[str, ...]) -> bool:
    """"March 20, the night of March 10": after a comma, or when its own "of"/"to" + day
    follows, a part of the day belongs to the next phrase."""
    if not isinstance(piece, PartPiece) or phrase.day is None:
        return False
    if "," in glue:
        return True
    after, k = _read_glue(toks, piece.end)
    return bool({"of", "to", "into"} & set(after)) and read_day(toks, k) is not None


def _add(phrase: Phrase, piece: ClockPiece | DayPiece | PartPiece, glue: tuple[str, ...]) -> Phrase:
    if isinstance(piece, ClockPiece):
        return replace(phrase, clock=piece)
    if isinstance(piece, PartPiece):
        night = None
        if piece.is_night and phrase.day is not None:
            night = "span" if phrase.day.is_range else ("of" if piece.name == "night" else "both")
        return replace(phrase, part=piece, night=night)
    if phrase.day is None:
        night = phrase.night
        if phrase.part is not None and phrase.part.is_night:
            night = "span" if piece.is_range else _night_relation(glue)
        return replace(phrase, day=piece, night=night)
    if {phrase.day.kind, piece.kind} == {"weekday", "date"}:
        date_piece, weekday_piece = (piece, phrase.day) if piece.kind == "date" else (phrase.day, piece)
        return replace(phrase, day=date_piece, named_weekday=weekday_piece.weekday)
    return replace(phrase, last_day=piece, night="span")


def _night_relation(glue: tuple[str, ...]) -> str:
    """"the night of March 10" (of), "overnight into Thursday" (to), "overnight Tuesday" (both)."""
    if "of" in glue:
        return "of"
    if "to" in glue or "into" in glue:
        return "to"
    return "both"


def _only_a_lone_part(phrase: Phrase) -> bool:
    part = phrase.part
    return (
        part is not None and phrase.day is None and phrase.clock is None and part.day_shift is None
        and part.name in ("morning", "afternoon", "evening", "night") and not phrase.quals & {"early", "late"}
    )


def _lone_part_context(toks: Tokens, i: int) -> bool:
    """"in the morning", "during the night", "at night": a lone part of the day is a time here."""
    before = i - 1 if toks.low(i - 1) != "the" else i - 2
    return toks.low(before) in _LONE_PART_CONTEXT
