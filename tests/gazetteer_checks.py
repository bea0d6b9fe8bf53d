"""Helpers for the gazetteer tests (tests/resolve/): the shipped gazetteer and checked finds."""

from ceasewatch.model.place import PlaceMention
from ceasewatch.resolve import Gazetteer


def gazetteer() -> Gazetteer:
    """The shipped gazetteer (loaded once per process)."""
    return Gazetteer.default()


def found(text: str) -> list[PlaceMention]:
    """gazetteer().find(text), with every span checked against the text."""
    mentions = gazetteer().find(text)
    for m in mentions:
        assert text[m.start:m.end] == m.text
    for a, b in zip(mentions, mentions[1:]):
        assert a.end <= b.start, f"overlap: {a.text!r} and {b.text!r}"
    return mentions


def names(text: str) -> list[tuple[str, str]]:
    """(span, chosen place's name) of every mention in `text`."""
    return [(m.text, m.place.name) for m in found(text)]


def only(text: str) -> PlaceMention:
    """The one mention in `text` (fails when there are none or several)."""
    mentions = found(text)
    assert len(mentions) == 1, [(m.text, m.place.name) for m in mentions]
    return mentions[0]
