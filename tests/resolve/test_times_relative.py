"""Times relative to an agreement's events, and times measured back from the publication."""

from datetime import UTC, datetime, timedelta

import pytest

from ceasewatch.model.agreement import Event
from ceasewatch.model.interval import Interval
from ceasewatch.resolve.times import Publication, TimeMention, find_times

KYIV = "Europe/Kyiv"
END_OF_P = datetime(2025, 3, 19, 22, tzinfo=UTC)  # 2025-03-19 ends at 24:00 Kyiv


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def event(name: str, earliest: datetime, latest: datetime) -> Event:
    return Event(name, Interval(earliest, latest))


# The call ended between 17:30 and 18:45 Kyiv (UTC+2) on 18 March; the order within 10 minutes.
EVENTS = {
    "us-ru-call-end": event("us-ru-call-end", utc(2025, 3, 18, 15, 30), utc(2025, 3, 18, 16, 45)),
    "ru-order": event("ru-order", utc(2025, 3, 18, 15, 30), utc(2025, 3, 18, 16, 55)),
    "ua-acceptance": event("ua-acceptance", utc(2025, 3, 19, 10), utc(2025, 3, 19, 18)),
}


def only(text: str, published: str | None = "2025-03-19", events=EVENTS) -> TimeMention:
    mentions = find_times(text, Publication.parse(published), events=events)
    assert len(mentions) == 1, mentions
    return mentions[0]


def bounds(mention: TimeMention, events=EVENTS, place_zone=KYIV):
    interval = mention.interval(place_zone, events)
    return interval.earliest, interval.latest


@pytest.mark.parametrize("text,event_name,earliest,latest", [
    ("The plant was hit two hours after the call ended.", "us-ru-call-end", utc(2025, 3, 18, 17, 30), utc(2025, 3, 18, 18, 45)),
    ("The plant was hit more than two hours after the call ended.", "us-ru-call-end", utc(2025, 3, 18, 17, 30), END_OF_P),
    ("The plant was hit within 10 minutes of the call.", "us-ru-call-end", utc(2025, 3, 18, 15, 30), utc(2025, 3, 18, 16, 55)),
    ("A substation went dark in the hours after the telephone call.", "us-ru-call-end", utc(2025, 3, 18, 15, 30), utc(2025, 3, 19, 4, 45)),
    ("The plant was hit after the order.", "ru-order", utc(2025, 3, 18, 15, 30), END_OF_P),
    ("The plant was hit since Putin's order.", "ru-order", utc(2025, 3, 18, 15, 30), END_OF_P),
    ("The plant was hit shortly after the call.", "us-ru-call-end", utc(2025, 3, 18, 15, 30), utc(2025, 3, 18, 17, 45)),
    ("The plant was hit about two hours after the call.", "us-ru-call-end", utc(2025, 3, 18, 17), utc(2025, 3, 18, 19, 15)),
    ("The plant was hit less than an hour after Kyiv accepted.", "ua-acceptance", utc(2025, 3, 19, 10), utc(2025, 3, 19, 19)),
    ("The plant was hit before the order was given.", "ru-order", None, utc(2025, 3, 18, 16, 55)),
])
def test_times_relative_to_named_events(text, event_name, earliest, latest):
    mention = only(text)
    assert (mention.kind, mention.event) == ("relative", event_name)
    assert bounds(mention) == (earliest, latest)
    assert event_name in mention.note


def test_relative_span_covers_the_words_and_the_event_phrase():
    text = "It struck more than two hours after the call ended, officials said."
    mention = only(text)
    assert mention.text == "more than two hours after the call ended" == text[mention.start:mention.end]


def test_ambiguous_event_is_not_linked_and_stays_wide():
    events = {
        "call-start": event("call-start", utc(2025, 3, 18, 14), utc(2025, 3, 18, 14)),
        "call-end": event("call-end", utc(2025, 3, 18, 16), utc(2025, 3, 18, 16)),
    }
    mention = only("The depot burned after the call.", events=events)
    assert mention.event is None
    assert "call-end" in mention.note and "call-start" in mention.note
    assert bounds(mention, events) == (None, END_OF_P)
    assert only("The depot burned after the call ended.", events=events).event == "call-end"


def test_unmatched_event_words_are_noted_and_stay_wide():
    mention = only("The depot burned after the parade.")
    assert mention.event is None and "'the parade'" in mention.note
    assert bounds(mention) == (None, END_OF_P)


def test_without_agreement_events_relative_times_stay_wide():
    mention = only("The depot burned two hours after the call ended.", events=None)
    assert mention.event is None
    assert bounds(mention, None) == (None, END_OF_P)


def test_a_call_named_for_another_day_is_not_the_event():
    mention = only("The depot burned during their Wednesday call.")
    assert mention.kind == "weekday"


def test_an_indefinite_call_is_not_an_agreement_event():
    assert [m.kind for m in find_times("It burned after a call with the mayor.", Publication.parse("2025-03-19"),
                                       events=EVENTS)] == []


def test_clock_time_beside_an_event_takes_the_events_day():
    text = "The shell hit at 8:50 p.m. local time, more than two hours after the call ended."
    clock, _ = find_times(text, Publication.parse("2025-03-19"), events=EVENTS)
    assert (clock.kind, clock.event) == ("clock", "us-ru-call-end")
    assert bounds(clock) == (utc(2025, 3, 18, 18, 50),) * 2
    # Without the events there is only the convention: the most recent 20:50 by the end of P.
    assert bounds(clock, events=None) == (utc(2025, 3, 19, 18, 50),) * 2


def test_clock_time_beside_an_event_widens_over_zones_when_the_place_has_none():
    text = "The shell hit at 8:50 p.m., more than two hours after the call ended."
    clock = find_times(text, Publication.parse("2025-03-19"), events=EVENTS)[0]
    # Kyiv and Moscow: 18 March; at UTC+4 and UTC+5, 20:50 on the 18th is before call end + 2 h.
    assert bounds(clock, place_zone=None) == (utc(2025, 3, 18, 17, 50), utc(2025, 3, 19, 16, 50))


def test_over_the_past_24_hours_ends_at_the_end_of_publication():
    mention = only("Air defence downed 40 drones over the past 24 hours.")
    assert (mention.kind, mention.text) == ("duration_ago", "over the past 24 hours")
    assert bounds(mention) == (END_OF_P - timedelta(hours=24), END_OF_P)
    assert bounds(only("Air defence downed 40 drones in the past day.")) == (END_OF_P - timedelta(hours=24), END_OF_P)


def test_past_hours_from_an_exact_publication_time():
    mention = only("Air defence downed 40 drones over the past 24 hours.", "2025-03-19T14:05:00Z")
    assert bounds(mention) == (utc(2025, 3, 18, 14, 5), utc(2025, 3, 19, 14, 5))
    assert bounds(only("A blast three hours ago.", "2025-03-19T14:05:00Z")) == (utc(2025, 3, 19, 11, 5),) * 2


def test_days_ago_is_a_whole_local_day():
    mention = only("A blast two days ago.")
    assert (mention.local_earliest, mention.local_latest) == (datetime(2025, 3, 17), datetime(2025, 3, 18))
