"""Reading days: dates, weekdays, months and relative days against the publication P.

Publication 2025-03-19 is a Wednesday; Kyiv is UTC+2 until 30 March 2025, UTC+3 after.
"""

from datetime import UTC, datetime

from ceasewatch.resolve.times import Publication, TimeMention, find_times

KYIV = "Europe/Kyiv"


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def read(text: str, published: str | None = "2025-03-19", **kwargs) -> list[TimeMention]:
    return find_times(text, Publication.parse(published), **kwargs)


def only(text: str, published: str | None = "2025-03-19", **kwargs) -> TimeMention:
    mentions = read(text, published, **kwargs)
    assert len(mentions) == 1, mentions
    return mentions[0]


def local(mention: TimeMention) -> tuple[datetime | None, datetime | None]:
    return mention.local_earliest, mention.local_latest


def test_date_alone_is_that_local_day():
    mention = only("The depot burned on March 12.")
    assert (mention.kind, mention.text) == ("date", "March 12")
    assert local(mention) == (datetime(2025, 3, 12), datetime(2025, 3, 13))
    interval = mention.interval(KYIV)
    assert (interval.earliest, interval.latest) == (utc(2025, 3, 11, 22), utc(2025, 3, 12, 22))


def test_date_written_day_first_or_with_ordinal_is_the_same_day():
    for text, written in [("Sirens sounded on 12 March.", "12 March"), ("It was the 12th of March.", "12th of March"),
                          ("Filed 2025-03-12 by the mission.", "2025-03-12"), ("Logged 12.03.2025.", "12.03.2025")]:
        mention = only(text)
        assert mention.text == written
        assert local(mention) == (datetime(2025, 3, 12), datetime(2025, 3, 13))


def test_weekday_beside_date_is_one_mention_of_the_date():
    mention = only("On Tuesday, March 11, a shell hit the school.")
    assert (mention.kind, mention.text) == ("date", "Tuesday, March 11")
    assert local(mention) == (datetime(2025, 3, 11), datetime(2025, 3, 12))


def test_weekday_contradicting_its_date_keeps_the_date_and_says_so():
    mention = only("On Monday, March 11, a shell hit the school.")
    assert local(mention) == (datetime(2025, 3, 11), datetime(2025, 3, 12))
    assert "Monday" in mention.note and "Tuesday" in mention.note


def test_date_ranges_cover_every_day():
    assert local(only("Strikes went on March 10-12.")) == (datetime(2025, 3, 10), datetime(2025, 3, 13))
    assert local(only("Talks ran 31 March - 2 April 2025.")) == (datetime(2025, 3, 31), datetime(2025, 4, 3))
    assert local(only("Talks ran March 31 to April 2.")) == (datetime(2025, 3, 31), datetime(2025, 4, 3))


def test_weekday_is_most_recent_on_or_before_publication():
    assert local(only("The plant was hit on Monday.")) == (datetime(2025, 3, 17), datetime(2025, 3, 18))
    assert local(only("The plant was hit on Thursday.")) == (datetime(2025, 3, 13), datetime(2025, 3, 14))


def test_weekday_of_the_publication_day_is_that_day():
    mention = only("The plant was hit on Wednesday.")
    assert mention.kind == "weekday"
    assert local(mention) == (datetime(2025, 3, 19), datetime(2025, 3, 20))
    assert "2025-03-19" in mention.note


def test_last_weekday_is_strictly_before_publication_day():
    assert local(only("It happened last Wednesday.")) == (datetime(2025, 3, 12), datetime(2025, 3, 13))


def test_yesterday_and_today_count_from_publication_day():
    yesterday, today = read("Yesterday the grid failed and today it is back.")
    assert local(yesterday) == (datetime(2025, 3, 18), datetime(2025, 3, 19))
    assert local(today) == (datetime(2025, 3, 19), datetime(2025, 3, 20))


def test_date_without_year_takes_publication_year():
    assert only("Fires broke out on March 12.").local_earliest.year == 2025


def test_date_without_year_takes_the_year_nearest_publication():
    assert only("Shelling on December 30 was heavy.", "2025-01-02").local_earliest == datetime(2024, 12, 30)
    assert only("Talks are set for January 3.", "2024-12-30").local_earliest == datetime(2025, 1, 3)


def test_month_alone_is_the_whole_month():
    mention = only("Repairs began in April.")
    assert (mention.kind, local(mention)) == ("period", (datetime(2025, 4, 1), datetime(2025, 5, 1)))


def test_early_mid_and_late_month_are_thirds():
    assert local(only("It was calm in early March.")) == (datetime(2025, 3, 1), datetime(2025, 3, 11))
    assert local(only("It was calm in mid-March.")) == (datetime(2025, 3, 11), datetime(2025, 3, 21))
    assert local(only("It was calm in late February.")) == (datetime(2025, 2, 21), datetime(2025, 3, 1))


def test_since_a_date_runs_to_the_end_of_publication():
    mention = only("Power has been cut since March 12.")
    assert mention.kind == "period"
    interval = mention.interval(KYIV)
    assert (interval.earliest, interval.latest) == (utc(2025, 3, 11, 22), utc(2025, 3, 19, 22))


def test_weeks_are_monday_to_sunday():
    assert local(only("Crews worked all last week.")) == (datetime(2025, 3, 10), datetime(2025, 3, 17))
    assert local(only("Crews worked this week.")) == (datetime(2025, 3, 17), datetime(2025, 3, 20))


def test_month_only_publication_leaves_a_weekday_as_wide_as_the_month():
    mention = only("The bridge was struck on Tuesday.", "2025-04")
    # Tuesdays on or before any day of April 2025: from 1 April (a Tuesday) to 29 April.
    assert local(mention) == (datetime(2025, 4, 1), datetime(2025, 4, 30))
    assert "2025-04" in mention.note and "wide" in mention.note


def test_month_only_publication_leaves_a_clock_time_as_wide_as_the_month():
    mention = only("The bridge was struck at 8:50 p.m.", "2025-04")
    assert local(mention) == (datetime(2025, 3, 31, 20, 50), datetime(2025, 4, 30, 20, 50))


def test_without_publication_a_weekday_stays_open():
    mention = only("The bridge was struck on Tuesday.", None)
    assert not mention.interval(KYIV).is_known
    assert "unknown" in mention.note


def test_without_publication_a_full_date_is_still_known_but_a_yearless_one_is_not():
    assert only("Struck on March 12, 2025.", None).interval(KYIV).is_known
    assert not only("Struck on March 12.", None).interval(KYIV).is_known


def test_exact_publication_time_decides_which_day_a_clock_time_is():
    # Published 16:05 Kyiv on 19 March: 8:50 p.m. has not come yet that day, 3 p.m. has.
    late, early = read("One blast at 8:50 p.m. and another at 3 p.m.", "2025-03-19T14:05:00Z")
    assert local(late) == (datetime(2025, 3, 18, 20, 50),) * 2
    assert local(early) == (datetime(2025, 3, 19, 15, 0),) * 2


def test_capitalised_month_names_only():
    assert read("Troops march on and Russia may strike again.") == []
    assert only("It happened in May.").local_earliest == datetime(2025, 5, 1)
