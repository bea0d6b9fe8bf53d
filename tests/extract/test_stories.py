"""How sentences combine: stories, fallbacks, lists, background, officials' seats; short texts written here."""

from __future__ import annotations

from pathlib import Path

from ceasewatch.evaluate import evaluate_set
from ceasewatch.extract.actors import find_actor

from .conftest import report

EVAL_SET = Path(__file__).resolve().parent.parent / "cases" / "extract_eval"


def extract(extractor, text: str, published: str = "2025-07-08"):
    return extractor.extract(report(text, published=published))


def test_the_side_the_whole_report_names_fills_a_sentence_that_names_none(extractor):
    found = extract(extractor, "Russian drones hit a school in Kharkiv overnight.\n"
                               "A guided bomb struck a factory in Zaporizhzhia on Monday.")
    zaporizhzhia = next(i for i in found.incidents if i.place == "Zaporizhzhia")
    assert zaporizhzhia.actor == "RU"
    assert [e.text for e in zaporizhzhia.evidence if e.field == "actor"] == ["Russian drones"]
    assert any("only side the report names" in n for n in found.notes)


def test_an_officials_region_is_the_place_when_the_sentence_names_no_other(extractor):
    (incident,) = extract(extractor, "Belgorod Governor Ivan Petrov said a drone damaged two houses in a village.").incidents
    assert (incident.place, incident.geo_precision, incident.targets) == ("Belgorod Oblast", "admin1", ("residential",))


def test_a_strike_told_as_history_is_not_an_incident(extractor):
    found = extract(extractor, "In 2023, Russian missiles destroyed grain terminals in Izmail.")
    assert found.incidents == ()
    assert any("background" in n for n in found.notes)


def test_habitual_words_make_background(extractor):
    assert extract(extractor, "Kharkiv has been shelled repeatedly since the start of the war.").incidents == ()


def test_a_district_of_a_city_is_the_city(extractor):
    found = extract(extractor, "Russian missiles hit Kyiv overnight, killing two people.\n"
                               "Debris fell in the Shevchenkivskyi district, damaging a kindergarten, the mayor said.",
                    published="2025-07-18")
    assert [i.place for i in found.incidents] == ["Kyiv"]
    assert "education" in found.incidents[0].targets


def test_each_place_of_a_clause_takes_the_targets_named_beside_it(extractor):
    found = extract(extractor, "Ukrainian drones hit a fuel depot in the Bryansk region and an ammunition depot in the Kursk region.")
    assert {i.place: i.targets for i in found.incidents} == {
        "Bryansk Oblast": ("energy.oil",), "Kursk Oblast": ("military",)}


def test_places_listed_together_share_the_target_before_them(extractor):
    found = extract(extractor, "Russia hit Ukraine with 300 drones overnight, targeting energy facilities in the Lviv, Volyn and Rivne regions.")
    assert [(i.place, i.targets, i.counts.launched) for i in found.incidents] == [
        ("Lviv Oblast", ("energy",), None), ("Volyn Oblast", ("energy",), None), ("Rivne Oblast", ("energy",), None)]
    assert [(c.kind, c.quantity) for c in found.claims if c.kind == "aggregate"] == [("aggregate", 300)]


def test_a_one_sentence_paragraph_after_the_strike_continues_it(extractor):
    text = ("Russian troops shelled Nikopol on Monday, killing two people, the governor said.\n"
            "Several private houses and a gas pipeline were damaged, he said.")
    (incident,) = extract(extractor, text).incidents
    assert set(incident.targets) == {"residential", "energy.gas"}


def test_a_tally_in_the_next_paragraph_does_not_continue_the_strike(extractor):
    text = ("Russian troops shelled Nikopol on Monday, the governor said.\n"
            "Russia launched 80 drones against Ukraine overnight, the air force said.")
    (incident,) = extract(extractor, text).incidents
    assert incident.counts.launched is None and incident.claimed_by == ("governor",)


def test_the_reports_lead_time_serves_a_strike_that_gives_none(extractor):
    text = ("Ukrainian drones attacked Russian regions overnight, the ministry said.\n"
            "Kursk Governor Ivan Petrov said debris damaged a house in a village.")
    (incident,) = extract(extractor, text, published="2025-07-09").incidents
    assert (incident.time.earliest.hour, incident.time.latest.hour) == (18, 3)  # 21:00-06:00 Moscow time


def test_killed_and_injured_in_two_places_are_two_incidents(extractor):
    found = extract(extractor, "Russian shelling killed two civilians in Kostiantynivka and injured three in Pokrovsk.")
    assert [(i.place, i.counts.killed, i.counts.injured) for i in found.incidents] == [
        ("Kostiantynivka", 2, None), ("Pokrovsk", None, 3)]


def test_a_speakers_own_forces_are_its_side():
    text = "Ukraine's General Staff said its forces had struck a refinery."
    assert find_actor(text, 0, len(text)).side == "UA"


def test_our_own_evaluation_set_meets_the_targets():
    tally = None
    for article in evaluate_set(EVAL_SET).articles:
        tally = article.tally if tally is None else tally + article.tally
    assert tally.f1 >= 0.8 and tally.actor >= 0.9 and tally.targets >= 0.85, tally
