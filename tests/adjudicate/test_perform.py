"""Perform commitments: fulfilled, pending or breached as of T, at the exact deadline."""

from datetime import datetime, timedelta

import pytest

from ceasewatch.adjudicate import perform_status

from .conftest import agreement, at, exchange, perform, refrain

BY = "2025-03-19T22:00"
AG = agreement({"v": [refrain(), perform(by=BY)]})


def status(records, as_of=BY, ag=AG):
    (s,) = perform_status(ag, records, at(as_of))
    return s


def test_records_adding_up_by_the_deadline_fulfil():
    s = status([exchange(end="2025-03-19T12:00")], as_of="2025-03-25T00:00")
    assert (s.status, dict(s.done), s.records) == ("fulfilled", {"RU": 175, "UA": 175}, ("x1",))
    assert (s.version, s.commitment, s.quantity, s.by) == ("v", "exchange", 175, at(BY))


def test_record_ending_exactly_at_the_deadline_counts():
    assert status([exchange(end=BY)], as_of="2025-03-25T00:00").status == "fulfilled"


def test_record_ending_after_the_deadline_does_not_count():
    s = status([exchange(end="2025-03-19T22:00:01")], as_of="2025-03-25T00:00")
    assert (s.status, s.records, dict(s.done)) == ("breached", (), {"RU": 0, "UA": 0})


def test_at_the_exact_deadline_without_records_is_pending_not_breached():
    assert status([], as_of=BY).status == "pending"


def test_just_after_the_deadline_without_records_is_breached():
    assert status([], as_of="2025-03-19T22:00:01").status == "breached"


def test_record_after_as_of_is_not_counted_yet():
    assert status([exchange(end="2025-03-19T12:00")], as_of="2025-03-19T11:00").status == "pending"


def test_quantities_add_up_per_party_across_records():
    records = [exchange("a", quantity={"RU": 100, "UA": 175}), exchange("b", quantity={"RU": 75})]
    s = status(records, as_of="2025-03-25T00:00")
    assert (s.status, dict(s.done), s.records) == ("fulfilled", {"RU": 175, "UA": 175}, ("a", "b"))


def test_one_party_short_is_breached_after_the_deadline():
    s = status([exchange(quantity={"RU": 175, "UA": 174})], as_of="2025-03-25T00:00")
    assert (s.status, dict(s.done)) == ("breached", {"RU": 175, "UA": 174})


def test_records_of_another_kind_or_with_unknown_end_do_not_count():
    records = [exchange("other", kind="hostage-release"), exchange("open", end=None)]
    assert status(records, as_of="2025-03-25T00:00").records == ()


def test_every_version_reports_its_perform_commitments_in_file_order():
    ag = agreement({"a": [perform("x1"), perform("x2")], "b": [refrain()], "c": [perform("x3", by=None)]})
    got = [(s.version, s.commitment, s.status) for s in perform_status(ag, [], at("2025-04-01T00:00"))]
    assert got == [("a", "x1", "breached"), ("a", "x2", "breached"), ("c", "x3", "pending")]


def test_as_of_defaults_to_now_and_must_be_utc():
    (s,) = perform_status(agreement([perform()]), [])
    assert s.as_of.tzinfo is not None and s.status == "breached"
    with pytest.raises(ValueError, match="as_of"):
        perform_status(AG, [], datetime(2025, 3, 19))
    assert timedelta(0) == s.as_of.utcoffset()
