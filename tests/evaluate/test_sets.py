"""A whole evaluation set (tests/cases/eval_set: our own texts) through a stand-in extractor."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ceasewatch.errors import InputError
from ceasewatch.evaluate import evaluate_set, read_gold
from ceasewatch.model import Interval

from extraction_fakes import PhraseExtractor, day, utc

SET = Path(__file__).resolve().parents[1] / "cases" / "eval_set"
CODES = {"Belgorod Oblast": "RU-BEL", "Zaporizhzhia Oblast": "UA-23"}


def set_extractor() -> PhraseExtractor:
    return PhraseExtractor({
        "Kharkiv at 3:15 a.m.": dict(
            place="Kharkiv", admin1="Kharkiv Oblast", admin1_code="UA-63", country="UA", lat=49.99, lon=36.23,
            geo_precision="settlement", time=Interval.exact(utc("2025-04-02 00:15")), actor="RU",
            targets=("energy.grid",), weapon="drone",
        ),
        "Belgorod region": dict(
            place="Belgorod Oblast", admin1="Belgorod Oblast", admin1_code="RU-BEL", country="RU", lat=50.6, lon=36.6,
            geo_precision="admin1", time=Interval(utc("2025-03-31 18:00"), utc("2025-04-01 03:00")), actor="UA",
            targets=("energy.oil",), weapon="drone",
        ),
        "over several regions": dict(country="RU", geo_precision="country", time=day("2025-03-31", 3), actor="UA"),
        "village in the Zaporizhzhia region": dict(
            place="Zaporizhzhia Oblast", admin1="Zaporizhzhia Oblast", admin1_code="UA-23", country="UA",
            lat=47.8, lon=35.2, geo_precision="admin1", time=day("2025-04-04", 3), actor="RU",
            targets=("education",), weapon="artillery",
        ),
        "the navy said": dict(
            place="Mykolaiv", country="UA", lat=46.97, lon=32.0, geo_precision="settlement",
            time=day("2025-04-05", 3), actor="RU", targets=("transport.port",),
        ),
    })


def test_the_set_is_scored_article_by_article_and_overall():
    score = evaluate_set(SET, extract=set_extractor(), admin1_codes=lambda name, country: CODES.get(name))
    by_name = {a.article: a for a in score.articles}
    assert sorted(by_name) == ["belgorod-depot.txt", "kharkiv-substation.txt", "south-strikes.txt"]
    kharkiv = by_name["kharkiv-substation.txt"].tally
    assert (kharkiv.f1, kharkiv.actor, kharkiv.weapon, kharkiv.time) == (1.0, 1.0, 1.0, 1.0)
    belgorod = by_name["belgorod-depot.txt"]
    assert len(belgorod.matching.dropped) == 1 and belgorod.tally.precision == 1.0
    south = by_name["south-strikes.txt"].matching
    assert [g.id for g in south.misses] == ["odesa-port"] and [p.place for p in south.extras] == ["Mykolaiv"]
    total = score.tally
    assert (total.predicted, total.gold, total.matched) == (4, 4, 3)
    assert (total.precision, total.recall, total.f1) == (0.75, 0.75, 0.75)
    assert (total.actor, total.targets, total.weapon) == (1.0, 1.0, 1.0)
    assert score.problems == ()


def test_regions_fall_back_to_names_without_a_code_lookup():
    score = evaluate_set(SET, extract=set_extractor(), admin1_codes=lambda name, country: None)
    assert score.tally.matched == 3


def test_a_bad_gold_file_or_a_missing_article_is_a_problem_and_the_rest_is_scored(tmp_path):
    copy = tmp_path / "set"
    shutil.copytree(SET, copy)
    (copy / "gold" / "broken.json").write_text('{"incidents": [{"date": "yesterday", "time": "8pm"}]}')
    (copy / "articles" / "kharkiv-substation.txt").unlink()
    score = evaluate_set(copy, extract=set_extractor(), admin1_codes=lambda name, country: CODES.get(name))
    assert [p.key for p in score.problems] == ["incidents[0].date"]
    kharkiv = next(a for a in score.articles if a.article == "kharkiv-substation.txt")
    assert kharkiv.problems and kharkiv.tally.gold == 1 and kharkiv.tally.matched == 0


def test_a_folder_without_the_layout_is_refused(tmp_path):
    with pytest.raises(InputError, match="expected articles"):
        evaluate_set(tmp_path, extract=set_extractor())


def test_gold_files_are_read_with_every_field():
    gold = read_gold(SET / "gold" / "belgorod-depot.json")
    assert gold.article == "belgorod-depot.txt" and gold.published == "2025-04"
    region, country = gold.incidents
    assert (region.geo_precision, region.admin1, region.weapon, region.scored) == ("admin1", "Belgorod Oblast", "drone", True)
    assert (country.lat, country.scored, str(country.first_date)) == (None, False, "2025-03-31")


def test_gold_mistakes_are_all_listed(tmp_path):
    path = tmp_path / "g.json"
    path.write_text('{"incidents": [{"date": ["2025-03-19", "2025-03-18"]}, {"lat": 50}, {"geo_precision": "town"}]}')
    with pytest.raises(InputError) as caught:
        read_gold(path)
    assert [p.key for p in caught.value.problems] == ["incidents[0].date", "incidents[1].lat", "incidents[2].geo_precision"]
