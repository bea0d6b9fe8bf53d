"""Reports through the core service: extracted without storing, or ingested, stored and judged."""

from __future__ import annotations


import pytest

from ceasewatch.ingest import report_batch
from ceasewatch.model import Agreement, Extraction, Interval

from extraction_fakes import PhraseExtractor, utc

GRID = dict(
    place="Sloviansk", admin1="Donetsk Oblast", admin1_code="UA-14", country="UA", lat=48.85, lon=37.6,
    geo_precision="settlement", time=Interval.exact(utc("2025-03-18 18:50")), actor="RU",
    targets=("energy.grid",), outcome="hit",
)
TALLY = dict(kind="aggregate", speaker="Ukrainian authorities", quantity=145, unit="drones", weapon="drone")
REPORT = "Title: Grid hit\nSource: Example Wire\nPublished: 2025-03-19\n\nA strike hit the grid in Sloviansk. Officials counted 145 drones.\n"


@pytest.fixture
def extractor(monkeypatch) -> PhraseExtractor:
    fake = PhraseExtractor({"grid in Sloviansk": GRID}, {"145 drones": TALLY})
    monkeypatch.setattr(report_batch, "default_extract", lambda: fake)
    return fake


def test_extract_paths_reads_each_file_and_stores_nothing(cw, extractor, tmp_path):
    good, empty = tmp_path / "a.txt", tmp_path / "b.txt"
    good.write_text(REPORT)
    empty.write_text("")
    results = dict(cw.extract_paths([good, empty]))
    assert isinstance(results[str(good)], Extraction) and len(results[str(good)].incidents) == 1
    assert [p.message for p in results[str(empty)]] == ["empty report"]
    assert cw.store.reports() == [] and cw.store.count_records() == 0


def test_extract_paths_hands_the_agreement_file_to_the_extractor(cw, extractor, tmp_path, example_dir):
    (tmp_path / "a.txt").write_text(REPORT)
    list(cw.extract_paths([tmp_path / "a.txt"], example_dir / "agreement.yaml"))
    assert isinstance(extractor.seen[0][1], Agreement)


def test_ingesting_a_report_stores_it_with_claims_and_judges_its_incidents(cw, extractor, tmp_path, example_dir):
    (tmp_path / "a.txt").write_text(REPORT)
    report = cw.ingest([example_dir / "agreement.yaml", tmp_path / "a.txt"])
    outcome = report.files[1]
    assert (outcome.kind, outcome.added, outcome.problems) == ("report", 1, ())
    assert isinstance(extractor.seen[0][1], Agreement)  # the one stored agreement was used
    [stored] = cw.store.reports()
    [claim] = cw.store.claims(stored.id)
    assert claim.quantity == 145 and claim.report == stored.id
    [record] = cw.store.records()
    assert cw.store.report_ids_for(record["id"]) == [stored.id]
    assert report.judged == 1


def test_a_report_ingested_again_is_skipped(cw, extractor, tmp_path):
    (tmp_path / "a.txt").write_text(REPORT)
    cw.ingest([tmp_path / "a.txt"])
    [outcome] = cw.ingest([tmp_path / "a.txt"]).files
    assert outcome.skipped and len(extractor.seen) == 1
    assert extractor.seen[0][1] is None  # no agreement stored: none given


def test_a_bad_report_is_a_problem_and_the_batch_goes_on(cw, extractor, tmp_path):
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "good.txt").write_text(REPORT)
    report = cw.ingest([tmp_path / "bad.txt", tmp_path / "good.txt"])
    assert [p.message for p in report.problems] == ["not a text file (binary data)"]
    assert report.files[1].added == 1


def test_run_reads_the_folders_reports_too(cw, extractor, example_dir):
    (example_dir / "reports").mkdir()
    (example_dir / "reports" / "a.txt").write_text(REPORT)
    (example_dir / "reports" / "page.html").write_text("<html><body><p>The grid in Sloviansk again.</p></body></html>")
    (example_dir / "reports" / "ignored.md").write_text("not a report")
    report = cw.run(example_dir)
    assert [f.kind for f in report.files][-2:] == ["report", "report"]
    assert len(cw.store.reports()) == 2


def test_the_example_reports_give_the_worked_examples_strikes_and_exchange(example_text_dir):
    from ceasewatch import Ceasewatch

    example_dir = example_text_dir
    texts = sorted((example_dir / "reports").glob("*.txt"))
    results = dict(Ceasewatch.extract_paths(texts, example_dir / "agreement.yaml"))
    extractions = [found for found in results.values() if isinstance(found, Extraction)]
    assert len(extractions) == 4
    incidents = {i.place: i for e in extractions for i in e.incidents}
    assert set(incidents) == {"Sloviansk", "Sumy Oblast", "Bucha", "Krasnodar Krai"}
    assert incidents["Sloviansk"].time == Interval.exact(utc("2025-03-18 18:50"))
    assert {i.actor for i in incidents.values()} == {"RU", "UA"} and incidents["Krasnodar Krai"].actor == "UA"
    [exchange] = [f for e in extractions for f in e.fulfilments]
    assert exchange.quantity == 175
