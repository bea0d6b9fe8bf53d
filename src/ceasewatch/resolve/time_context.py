"""What a time of day takes from its sentence: a day named elsewhere in it ("On Tuesday, a
drone hit the substation at 11:40 p.m.", "late on March 20 ... at 11:22 p.m."), or an event
beside it ("at 8:50 p.m., more than two hours after the call ended").

A day named right after a verb of saying ("officials said on Wednesday") is when something was
said, not when it happened, and gives nothing; two different days in the sentence give
nothing either (never guessed).
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from .publication import Publication
from .time_readings import read_phrase_times
from .time_scan import Found
from .time_tokens import has_sentence_break

_BESIDE = re.compile(r"[\s,;:()\[\]–—-]{0,6}")


def take_days_from_sentences(text: str, found: list[Found], pub: Publication | None) -> None:
    """Give each time of day without a day the one day its sentence names, if exactly one."""
    for sentence in _sentences(text, found):
        days: dict[date, Found] = {}
        for item in sentence:
            day = _single_day(item)
            if day is not None:
                days.setdefault(day, item)
        if len(days) != 1:
            continue
        (day, donor), = days.items()
        how = f"day from '{donor.mention.text}' in the same sentence: {day}"
        for item in sentence:
            if item.phrase is not None and item.reading is not None and item.reading.undated:
                _give_day(item, day, how, pub)


def _give_day(item: Found, day: date, how: str, pub: Publication | None) -> None:
    reading = read_phrase_times(item.phrase, pub, day=(day, day, how))
    item.reading = reading
    item.mention = replace(
        item.mention, local_earliest=reading.local_earliest, local_latest=reading.local_latest,
        note=reading.note, until=item.mention.until if reading.to_publication else None,
    )


def anchor_clocks_to_events(text: str, found: list[Found]) -> None:
    """A clock time with no day, right beside a time relative to a linked event, takes its day
    from that event when the interval is computed (TimeMention.interval with events)."""
    for index, item in enumerate(found):
        mention = item.mention
        if mention.kind != "clock" or item.reading is None or not item.reading.undated:
            continue
        for other in (found[index - 1] if index else None, found[index + 1] if index + 1 < len(found) else None):
            if other is None:
                continue
            relative = other.mention
            if relative.kind != "relative" or relative.event is None or relative.offset_earliest is None:
                continue
            left, right = sorted((mention, relative), key=lambda m: m.start)
            if not _BESIDE.fullmatch(text, left.end, right.start):
                continue
            item.mention = replace(
                mention, event=relative.event, offset_earliest=relative.offset_earliest,
                offset_latest=relative.offset_latest, until=relative.until,
                note=f"{mention.note}; with the agreement's events: the first such time that '{relative.text}' allows",
            )
            break


def _sentences(text: str, found: list[Found]) -> list[list[Found]]:
    """The mentions grouped by sentence, in one pass (a sentence break between neighbours)."""
    groups: list[list[Found]] = []
    for item in found:
        if groups and not has_sentence_break(text, groups[-1][-1].mention.end, item.mention.start):
            groups[-1].append(item)
        else:
            groups.append([item])
    return groups


def _single_day(item: Found) -> date | None:
    """The day a date or weekday mention names, when it names exactly one whole day."""
    mention = item.mention
    if item.reading is None or item.reading.undated or item.after_speech_verb:
        return None
    if mention.kind not in ("date", "weekday", "part_of_day"):
        return None
    if mention.local_earliest is None or mention.local_latest is None:
        return None
    day = mention.local_earliest.date()
    return day if (mention.local_latest - timedelta(microseconds=1)).date() == day else None
