"""Reading clock times, parts of the day and nights; zones and daylight saving.

Publication 2025-03-19 is a Wednesday. Kyiv: UTC+2 until 03:00 on 30 March 2025, UTC+3 after.
Moscow: UTC+3 all year.
"""

from datetime import UTC, datetime, timedelta

import pytest

from ceasewatch.resolve.times import Publication, TimeMention, find_times

KYIV, MOSCOW = "Europe/Kyiv", "Europe/Moscow"


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def read(text: str, published: str | None = "2025-03-19") -> list[TimeMention]:
    return find_times(text, Publication.parse(published))


def only(text: str, published: str | None = "2025-03-19") -> TimeMention:
    mentions = read(text, published)
    assert len(mentions) == 1, mentions
    return mentions[0]


def local(mention: TimeMention) -> tuple[datetime | None, datetime | None]:
    return mention.local_earliest, mention.local_latest


def bounds(mention: TimeMention, place_zone=KYIV) -> tuple[datetime | None, datetime | None]:
    interval = mention.interval(place_zone)
    return interval.earliest, interval.latest


def test_clock_time_without_a_day_is_on_the_publication_day_and_exact():
    mention = only("The blast came at 8:50 p.m., residents said.")
    assert (mention.kind, mention.text) == ("clock", "8:50 p.m.")
    assert local(mention) == (datetime(2025, 3, 19, 20, 50),) * 2
    assert bounds(mention) == (utc(2025, 3, 19, 18, 50),) * 2


def test_24_hour_clock_times():
    assert local(only("The blast came at 20:50.")) == (datetime(2025, 3, 19, 20, 50),) * 2
    assert local(only("Sirens at 07:05:30 woke the town.")) == (datetime(2025, 3, 19, 7, 5, 30),) * 2


def test_about_and_around_are_half_an_hour_either_side():
    assert local(only("Smoke rose around 5 p.m.")) == (datetime(2025, 3, 19, 16, 30), datetime(2025, 3, 19, 17, 30))
    assert local(only("Smoke rose at about 17:00.")) == (datetime(2025, 3, 19, 16, 30), datetime(2025, 3, 19, 17, 30))


def test_shortly_after_midnight_is_the_first_hour():
    assert local(only("Drones came shortly after midnight.")) == (datetime(2025, 3, 19), datetime(2025, 3, 19, 1))


def test_after_a_clock_time_runs_to_the_end_of_publication_and_before_is_open():
    after = only("Drones came after 10 p.m. on Monday.")
    assert bounds(after) == (utc(2025, 3, 17, 20), utc(2025, 3, 19, 22))
    before = only("Drones came before 6 a.m. on Monday.")
    assert bounds(before) == (None, utc(2025, 3, 17, 4))


def test_clock_time_and_weekday_in_one_phrase():
    mention = only("The strike came at 8:50 p.m. on Tuesday.")
    assert (mention.kind, mention.text) == ("clock", "8:50 p.m. on Tuesday")
    assert local(mention) == (datetime(2025, 3, 18, 20, 50),) * 2


def test_date_then_clock_time_in_one_phrase():
    mention = read("On March 11, at 10:08 a.m., the sirens went off.")[0]
    assert mention.text == "March 11, at 10:08 a.m."
    assert local(mention) == (datetime(2025, 3, 11, 10, 8),) * 2


def test_clock_time_takes_the_day_named_in_its_sentence():
    _, clock = read("On Monday a drone hit the boiler house at 4 a.m.")
    assert local(clock) == (datetime(2025, 3, 17, 4),) * 2
    assert "Monday" in clock.note


def test_day_after_a_verb_of_saying_is_when_it_was_said_not_when_it_happened():
    _, clock = read("Officials said on Monday that a drone hit the boiler house at 4 a.m.")
    assert local(clock) == (datetime(2025, 3, 19, 4),) * 2


def test_day_from_another_sentence_or_two_days_in_one_give_nothing():
    assert local(read("The report came on Monday. A drone hit at 4 a.m.")[1]) == (datetime(2025, 3, 19, 4),) * 2
    assert local(read("Between Monday and Tuesday a drone hit at 4 a.m.")[2]) == (datetime(2025, 3, 19, 4),) * 2


def test_clock_range_with_shared_am_pm():
    assert local(only("Shelling went on between 2 and 4 a.m. on Monday.")) == (
        datetime(2025, 3, 17, 2), datetime(2025, 3, 17, 4))
    assert local(only("Shelling went on from 10 p.m. to 2 a.m. on Monday.")) == (
        datetime(2025, 3, 17, 22), datetime(2025, 3, 18, 2))


def test_part_of_day_settles_am_or_pm():
    assert local(only("It started at 8 in the evening.")) == (datetime(2025, 3, 19, 20),) * 2


def test_explicit_gmt_overrides_the_place_zone():
    mention = only("Radar lost it at 1750 GMT.")
    assert mention.zone == "UTC"
    assert bounds(mention, MOSCOW) == bounds(mention, KYIV) == (utc(2025, 3, 19, 17, 50),) * 2


def test_explicit_moscow_time_overrides_the_place_zone():
    mention = only("The fire started at 17.00 Moscow time.")
    assert mention.zone == MOSCOW
    assert bounds(mention, KYIV) == (utc(2025, 3, 19, 14),) * 2


def test_bracketed_gmt_time_span_leaves_the_brackets_out():
    text = "The drone fell [2:20 p.m. GMT] near the road."
    mention = only(text)
    assert mention.text == "2:20 p.m. GMT" == text[mention.start:mention.end]
    assert bounds(mention, None) == (utc(2025, 3, 19, 14, 20),) * 2


def test_utc_time_in_brackets_gives_the_local_offset():
    mention = only("The strike came at 8:50 p.m. (1850 GMT).")
    assert mention.zone == "Etc/GMT-2"
    assert bounds(mention, None) == (utc(2025, 3, 19, 18, 50),) * 2
    assert bounds(only("Struck at 17:00 GMT+3.")) == (utc(2025, 3, 19, 14),) * 2


def test_local_time_is_the_place_zone_kyiv_or_moscow():
    mention = only("The strike came at 8:50 p.m. local time.")
    assert mention.zone is None
    assert bounds(mention, KYIV) == (utc(2025, 3, 19, 18, 50),) * 2
    assert bounds(mention, MOSCOW) == (utc(2025, 3, 19, 17, 50),) * 2


def test_unknown_place_zone_widens_over_every_candidate_zone():
    mention = only("The strike came at 8:50 p.m.")
    # 20:50 at UTC+5 (Yekaterinburg) to 20:50 at UTC+2 (Kyiv in winter).
    assert bounds(mention, None) == (utc(2025, 3, 19, 15, 50), utc(2025, 3, 19, 18, 50))
    assert bounds(mention, (KYIV, MOSCOW)) == (utc(2025, 3, 19, 17, 50), utc(2025, 3, 19, 18, 50))


def test_kyiv_daylight_saving_as_it_stood_on_the_date():
    assert bounds(only("Hit at 8:50 p.m. on March 28.")) == (utc(2025, 3, 28, 18, 50),) * 2
    assert bounds(only("Hit at 8:50 p.m. on April 2.")) == (utc(2025, 4, 2, 17, 50),) * 2
    assert bounds(only("Hit at 8:50 p.m. on April 2."), MOSCOW) == (utc(2025, 4, 2, 17, 50),) * 2


def test_saturday_night_across_the_clock_change_in_kyiv():
    mention = only("Drones attacked the city on Saturday night.", "2025-03-31")
    assert local(mention) == (datetime(2025, 3, 29, 21), datetime(2025, 3, 30, 6))
    # 21:00 at UTC+2, then 06:00 at UTC+3: eight hours, not nine.
    assert bounds(mention) == (utc(2025, 3, 29, 19), utc(2025, 3, 30, 3))


def test_wall_time_skipped_by_the_clock_change_takes_both_offsets():
    assert bounds(only("A blast at 3:30 a.m. on March 30.")) == (utc(2025, 3, 30, 0, 30), utc(2025, 3, 30, 1, 30))


@pytest.mark.parametrize("text,start,end", [
    ("Shelling resumed on Tuesday morning.", datetime(2025, 3, 18, 6), datetime(2025, 3, 18, 12)),
    ("Shelling resumed on Tuesday afternoon.", datetime(2025, 3, 18, 12), datetime(2025, 3, 18, 18)),
    ("Shelling resumed on Tuesday evening.", datetime(2025, 3, 18, 18), datetime(2025, 3, 19)),
    ("Shelling resumed early Wednesday.", datetime(2025, 3, 19), datetime(2025, 3, 19, 12)),
    ("Shelling resumed early on Wednesday.", datetime(2025, 3, 19), datetime(2025, 3, 19, 12)),
    ("Shelling resumed late Tuesday.", datetime(2025, 3, 18, 18), datetime(2025, 3, 19)),
    ("Shelling resumed late on March 18.", datetime(2025, 3, 18, 18), datetime(2025, 3, 19)),
    ("Shelling resumed early Wednesday morning.", datetime(2025, 3, 19), datetime(2025, 3, 19, 12)),
    ("Shelling resumed in the early hours of Monday.", datetime(2025, 3, 17), datetime(2025, 3, 17, 12)),
    ("Shelling resumed this morning.", datetime(2025, 3, 19, 6), datetime(2025, 3, 19, 12)),
    ("Shelling resumed in the morning.", datetime(2025, 3, 19, 6), datetime(2025, 3, 19, 12)),
])
def test_parts_of_the_day(text, start, end):
    assert local(only(text)) == (start, end)


def test_a_part_of_the_day_alone_is_not_a_time():
    assert read("The morning news led with the evening bulletin.") == []


@pytest.mark.parametrize("text,written,start,end", [
    ("Drones attacked overnight.", "overnight", datetime(2025, 3, 18, 21), datetime(2025, 3, 19, 6)),
    ("Drones attacked last night.", "last night", datetime(2025, 3, 18, 21), datetime(2025, 3, 19, 6)),
    ("Drones attacked during the night.", "night", datetime(2025, 3, 18, 21), datetime(2025, 3, 19, 6)),
    ("Drones attacked on the night of March 10.", "night of March 10", datetime(2025, 3, 10, 21), datetime(2025, 3, 11, 6)),
    ("Drones attacked on the night to March 11.", "night to March 11", datetime(2025, 3, 10, 21), datetime(2025, 3, 11, 6)),
    ("Drones attacked the night of March 10-11.", "night of March 10-11", datetime(2025, 3, 10, 21), datetime(2025, 3, 11, 6)),
    ("Drones attacked on Tuesday night.", "Tuesday night", datetime(2025, 3, 18, 21), datetime(2025, 3, 19, 6)),
    ("Drones attacked overnight into Wednesday.", "overnight into Wednesday", datetime(2025, 3, 18, 21), datetime(2025, 3, 19, 6)),
    ("Drones attacked overnight Tuesday into Wednesday.", "overnight Tuesday into Wednesday",
     datetime(2025, 3, 18, 21), datetime(2025, 3, 19, 6)),
    # "overnight Tuesday" could be the night before or after Tuesday: both, never guessed.
    ("Drones attacked overnight Tuesday.", "overnight Tuesday", datetime(2025, 3, 17, 21), datetime(2025, 3, 19, 6)),
])
def test_nights(text, written, start, end):
    mention = only(text)
    assert (mention.kind, mention.text) == ("overnight", written)
    assert local(mention) == (start, end)


def test_clock_time_on_a_night_falls_inside_that_night():
    assert local(only("It hit at 2 a.m. on the night of March 10.")) == (datetime(2025, 3, 11, 2),) * 2
    assert local(only("It hit at 11 p.m. on the night of March 10.")) == (datetime(2025, 3, 10, 23),) * 2


def test_exact_times_have_width_zero_and_approximate_ones_do_not():
    exact = only("It hit at 8:50 p.m.").interval(KYIV)
    rough = only("It hit around 8:50 p.m.").interval(KYIV)
    assert exact.latest - exact.earliest == timedelta(0)
    assert rough.latest - rough.earliest == timedelta(hours=1)
