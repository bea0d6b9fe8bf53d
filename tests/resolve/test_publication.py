"""Publication dates: how precise they are, in the reader's zone."""

from datetime import UTC, datetime

import pytest

from ceasewatch.resolve.times import Publication, default_interval


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def test_day_only_date_is_that_day_in_kyiv():
    pub = Publication.parse("2025-03-19")
    assert (pub.earliest, pub.latest) == (utc(2025, 3, 18, 22), utc(2025, 3, 19, 22))
    assert pub.text == "2025-03-19"


def test_day_only_date_follows_kyiv_summer_time():
    pub = Publication.parse("2025-04-02")
    assert (pub.earliest, pub.latest) == (utc(2025, 4, 1, 21), utc(2025, 4, 2, 21))


def test_day_only_date_in_another_reader_zone():
    pub = Publication.parse("2025-03-19", zone="Europe/Moscow")
    assert (pub.earliest, pub.latest) == (utc(2025, 3, 18, 21), utc(2025, 3, 19, 21))


def test_month_only_date_is_the_whole_month():
    pub = Publication.parse("2025-04")
    assert (pub.earliest, pub.latest) == (utc(2025, 3, 31, 21), utc(2025, 4, 30, 21))
    assert not pub.within_a_day


def test_exact_time_with_offset_is_an_instant():
    pub = Publication.parse("2025-03-19T16:05:00+02:00")
    assert pub.earliest == pub.latest == utc(2025, 3, 19, 14, 5)
    assert Publication.parse("2025-03-19T14:05:00Z").earliest == utc(2025, 3, 19, 14, 5)


def test_time_without_offset_is_read_in_reader_zone():
    assert Publication.parse("2025-03-19T16:05").earliest == utc(2025, 3, 19, 14, 5)


def test_feed_dates_and_written_dates_are_read():
    assert Publication.parse("Wed, 19 Mar 2025 14:05:00 +0000").earliest == utc(2025, 3, 19, 14, 5)
    assert Publication.parse("19 March 2025").earliest == utc(2025, 3, 18, 22)
    assert Publication.parse("March 19, 2025").latest == utc(2025, 3, 19, 22)


@pytest.mark.parametrize("text", [None, "", "   ", "unknown", "N/A"])
def test_no_date_gives_none(text):
    assert Publication.parse(text) is None


@pytest.mark.parametrize("text", ["soon", "2025-13-01", "2025-02-30", "19/03/2025", "March 45, 2025"])
def test_nonsense_is_an_error_naming_the_text(text):
    with pytest.raises(ValueError, match="2025|soon"):
        Publication.parse(text)


def test_unknown_reader_zone_is_an_error():
    with pytest.raises(ValueError, match="Mars/Olympus"):
        Publication.parse("2025-03-19", zone="Mars/Olympus")


def test_bounds_must_be_utc():
    with pytest.raises(ValueError):
        Publication(datetime(2025, 3, 19), utc(2025, 3, 19))


def test_default_interval_is_three_days_before_to_end_of_publication():
    pub = Publication.parse("2025-03-19")
    interval = default_interval(pub)
    assert (interval.earliest, interval.latest) == (utc(2025, 3, 15, 22), utc(2025, 3, 19, 22))
    assert not default_interval(None).is_known
