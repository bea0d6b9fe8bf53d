"""What is not a time stays out; hostile texts end cleanly and in linear time; spans are exact."""

import random
import time

import pytest

from ceasewatch.resolve.times import MAX_MENTIONS, Publication, find_times

PUB = Publication.parse("2025-03-19")

# Written for these tests: a paragraph dense with times of every kind.
PARAGRAPH = (
    "Drones struck a substation near the river at 11:40 p.m. on Tuesday, the regional governor said. "
    "Air defences downed 40 of the 90 drones launched overnight, the air force reported on Wednesday. "
    "Three people were hurt in the early hours of Monday, and crews restored power by 6 a.m., "
    "about four hours after the attack began. The ministry said a fuel depot burned more than two "
    "hours after the call ended; firefighters worked until late on March 18. Over the past 24 hours "
    "the army counted 145 drones, 7 missiles and 1750 GMT launches, since March 12 in all.\n"
)


@pytest.mark.parametrize("text", [
    "Air defence shot down 145 drones.",
    "The 2025 budget was passed.",
    "A 7.5 magnitude quake struck.",
    "The home side won 3-1.",
    "Monitors keep 24/7 watch.",
    "Memorials for 9/11 were held.",
    "Some 1,500 homes lost power.",
    "Version 2.30 of the report is out.",
    "Troops march on while Russia may strike again.",
    "The morning news and the evening bulletin disagreed.",
    "Russia Today said nothing new.",
])
def test_numbers_and_words_that_are_not_times_are_left_out(text):
    assert find_times(text, PUB) == []


def test_empty_and_blank_texts_give_nothing():
    assert find_times("", PUB) == []
    assert find_times(" \n\t ", None) == []


def test_garbage_and_binary_never_crash_and_keep_spans_exact():
    rng = random.Random(7)
    garbage = rng.randbytes(200_000).decode("latin-1") + "\x00\ufffd<script>12:</script>"
    for mention in find_times(garbage, PUB):
        assert garbage[mention.start:mention.end] == mention.text


def test_spans_are_exact_ordered_and_never_overlap():
    mentions = find_times(PARAGRAPH * 3, PUB)
    assert len(mentions) >= 30
    previous_end = 0
    for mention in mentions:
        assert (PARAGRAPH * 3)[mention.start:mention.end] == mention.text
        assert mention.start >= previous_end
        previous_end = mention.end


def test_every_mention_of_a_dense_paragraph_reads_to_an_interval():
    for mention in find_times(PARAGRAPH, PUB):
        interval = mention.interval(None)
        assert interval.earliest is not None or interval.latest is not None, mention


def test_ten_megabytes_finish_in_seconds():
    rng = random.Random(11)
    hostile = rng.randbytes(5_000_000).decode("latin-1")
    text = hostile + PARAGRAPH * (5_000_000 // len(PARAGRAPH))
    started = time.perf_counter()
    mentions = find_times(text, PUB)
    elapsed = time.perf_counter() - started
    assert len(text) >= 9_900_000 and mentions
    assert elapsed < 30, f"{elapsed:.1f} s"  # about 3 s on two idle cores


def test_megabytes_of_clock_times_stop_at_the_mention_limit():
    mentions = find_times("12:30 " * 500_000, PUB)
    assert len(mentions) == MAX_MENTIONS
