"""Evidence spans, stable ids, agreements and hostile input."""

from __future__ import annotations

import time

import pytest

from ceasewatch.extract import RuleExtractor, extract_report
from ceasewatch.model import Report

from .conftest import CASES, extracted, read_case, report

CASE_NAMES = sorted(p.stem for p in CASES.glob("*.txt"))


@pytest.mark.parametrize("name", CASE_NAMES)
def test_every_evidence_span_is_the_text_it_quotes(name):
    found = extracted(name)
    text = found.report.text
    evidence = [e for i in found.incidents for e in i.evidence]
    evidence += [e for c in found.claims for e in c.evidence] + [e for f in found.fulfilments for e in f.evidence]
    assert evidence or not (found.incidents or found.claims)
    for e in evidence:
        assert e.report == found.report.id
        assert e.text == text[e.start:e.end] and e.end > e.start


@pytest.mark.parametrize("name", CASE_NAMES)
def test_every_field_read_from_the_text_has_evidence(name):
    for incident in extracted(name).incidents:
        fields = {e.field for e in incident.evidence}
        assert "place" in fields
        for field, present in (("actor", incident.actor), ("targets", incident.targets), ("weapon", incident.weapon),
                               ("intent", incident.intent), ("denied_by", incident.denied_by)):
            assert not present or field in fields, field
        assert not any(incident.counts.to_record().values()) or "counts" in fields
        # claimed_by comes from the text, or is the report's source when no speaker is named
        assert "claimed_by" in fields or incident.claimed_by == (extracted(name).report.source,)


def test_the_same_report_always_gives_the_same_ids():
    first = RuleExtractor().extract(read_case("several_regions_one_sentence"))
    again = RuleExtractor().extract(read_case("several_regions_one_sentence"))
    assert [i.id for i in first.incidents] == [i.id for i in again.incidents]
    assert [c.id for c in first.claims] == [c.id for c in again.claims]
    assert all(i.id.startswith("inc-") for i in first.incidents) and all(c.id.startswith("clm-") for c in first.claims)


def test_another_report_gives_other_ids(extractor):
    text = "Russian drones hit a substation in the Sumy region overnight."
    one = extractor.extract(report(text, source="Desk A")).incidents[0]
    two = extractor.extract(report(text, source="Desk B")).incidents[0]
    assert one.id != two.id


def test_repeated_strikes_on_one_place_on_one_day_by_one_side_are_one_incident(extractor):
    text = ("Russian drones hit a school in Sumy on Monday morning, the mayor said.\n"
            "Later on Monday, Russian missiles struck a hospital in Sumy.")
    (incident,) = extractor.extract(report(text, published="2025-06-17")).incidents
    assert set(incident.targets) == {"education", "health"} and incident.weapon == "mixed"


def test_strikes_on_one_place_on_different_days_stay_apart(extractor):
    text = ("Russian drones hit a school in Sumy on Monday.\n"
            "On Friday, Russian missiles struck a hospital in Sumy.")
    assert len(extractor.extract(report(text, published="2025-06-21")).incidents) == 2


def test_unknown_time_is_the_default_window_and_says_so(extractor):
    found = extractor.extract(report("Ukrainian drones struck a fuel depot in the Kursk region.", published="2025-06-20"))
    (incident,) = found.incidents
    assert (incident.time.earliest.isoformat(), incident.time.latest.isoformat()) == (
        "2025-06-16T21:00:00+00:00", "2025-06-20T21:00:00+00:00")
    assert any("time unknown" in note for note in found.notes)


def test_actor_from_the_side_of_the_front_is_marked(extractor):
    found = extractor.extract(report("A drone hit a substation in Poltava on Monday.", published="2025-06-17"))
    (incident,) = found.incidents
    assert incident.actor == "RU"
    assert [e.text for e in incident.evidence if e.field == "actor"] == ["Poltava"]
    assert any("side of the front" in note for note in found.notes)
    assert RuleExtractor(actor_fallback=False).extract(found.report).incidents[0].actor is None


def test_an_agreement_maps_sides_to_its_parties(extractor, tiny_agreement):
    found = extractor.extract(read_case("oil_depot_ministry_accusation"), agreement=tiny_agreement)
    assert found.incidents[0].actor == "U"
    (record,) = extractor.extract(read_case("prisoner_exchange"), agreement=tiny_agreement).fulfilments
    assert record.parties == ("R", "U")


def test_extract_report_uses_one_cached_extractor():
    found = extract_report(read_case("denial"))
    assert [i.place for i in found.incidents] == ["Novorossiysk"]


@pytest.mark.parametrize("text", [
    "",
    "   \n\n  ",
    "\x00\x01\x02\xff" * 5000,
    "<html><script>var strike = 'hit Kyiv';</script><p>Drones hit a depot in the Sumy region.</p></html>",
    "Drones hit " * 3000,
    "\ufffd" * 10000,
])
def test_hostile_text_gives_a_clean_result(extractor, text):
    found = extractor.extract(report(text))
    assert all(e.text == text[e.start:e.end] for i in found.incidents for e in i.evidence)


def test_a_ten_megabyte_text_neither_crashes_nor_hangs(extractor):
    paragraph = "Russian drones hit a substation in the Sumy region on Monday, officials said. " * 20 + "\n"
    text = paragraph * (10_000_000 // len(paragraph))
    started = time.perf_counter()
    found = extractor.extract(report(text))
    assert time.perf_counter() - started < 30
    assert any("only the first" in note for note in found.notes)


def test_a_report_without_a_publication_date_keeps_times_open(extractor):
    found = extractor.extract(Report("rep-x", "Russian drones hit a depot in the Sumy region on Tuesday.", published=None))
    assert found.incidents[0].time.earliest is None
    assert any("publication date unknown" in n for n in found.notes)
