from datetime import timedelta

import pytest

from ceasewatch.ingest.durations import format_duration, parse_duration


@pytest.mark.parametrize(
    "text, expected",
    [
        ("10m", timedelta(minutes=10)),
        ("2h", timedelta(hours=2)),
        ("30d", timedelta(days=30)),
        ("90s", timedelta(seconds=90)),
        ("1h30m", timedelta(hours=1, minutes=30)),
        ("1h 30m", timedelta(hours=1, minutes=30)),
        ("1d12h", timedelta(days=1, hours=12)),
        ("2w", timedelta(days=14)),
        ("1.5h", timedelta(minutes=90)),
        ("0s", timedelta(0)),
        ("PT10M", timedelta(minutes=10)),
        ("P30D", timedelta(days=30)),
        ("P1DT2H", timedelta(days=1, hours=2)),
        ("PT1H30M15S", timedelta(hours=1, minutes=30, seconds=15)),
        ("P2W", timedelta(days=14)),
        ("pt10m", timedelta(minutes=10)),
    ],
)
def test_durations_people_write(text, expected):
    assert parse_duration(text) == expected


@pytest.mark.parametrize("text", ["P1M", "P1Y", "P1Y2M", "1M", "3mo", "2 months", "1y", "1 year"])
def test_months_and_years_are_refused_with_the_reason(text):
    with pytest.raises(ValueError) as e:
        parse_duration(text)
    message = str(e.value)
    assert repr(text) in message
    assert "ambiguous" in message
    assert "months" in message or "years" in message


def test_capital_m_hints_at_minutes():
    with pytest.raises(ValueError, match="lower-case m"):
        parse_duration("10M")


@pytest.mark.parametrize("text", ["", "10", "abc", "-5m", "5 minutes", "1h1h", "m", "P", "PT", "30D", "1m1h"])
def test_what_is_not_a_duration_is_refused_quoting_the_text(text):
    with pytest.raises(ValueError) as e:
        parse_duration(text)
    assert "duration" in str(e.value)


def test_minutes_in_iso_time_part_are_not_months():
    assert parse_duration("P1DT1M") == timedelta(days=1, minutes=1)


@pytest.mark.parametrize(
    "delta, text",
    [(timedelta(days=30), "30d"), (timedelta(hours=1, minutes=30), "1h30m"), (timedelta(seconds=90), "1m30s"),
     (timedelta(0), "0s"), (timedelta(days=1, hours=2), "1d2h")],
)
def test_format_duration_is_the_compact_form(delta, text):
    assert format_duration(delta) == text
    assert parse_duration(text) == delta
