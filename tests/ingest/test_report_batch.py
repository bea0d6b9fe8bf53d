"""Report files through an extractor: notes carried, bad output dropped, crashes contained."""

from __future__ import annotations

from dataclasses import replace

from ceasewatch.ingest.report_batch import extract_file
from ceasewatch.model import Evidence, Extraction, Incident

from extraction_fakes import PhraseExtractor, day

STRIKE = dict(place="Example Town", country="UA", lat=50.0, lon=30.0, geo_precision="settlement",
              time=day("2025-03-18"), actor="RU", targets=("energy.grid",))


def write(tmp_path, text: str, name: str = "r.txt"):
    path = tmp_path / name
    path.write_bytes(text.encode("cp1251") if name.endswith(".cp1251.txt") else text.encode())
    return path


def test_a_report_file_gives_the_extractors_incidents_with_reading_notes(tmp_path):
    path = write(tmp_path, "Title: Удар\n\nДрони атакували Example Town.", "r.cp1251.txt")
    extractor = PhraseExtractor({"Example Town": STRIKE})
    found = extract_file(path, extract=extractor)
    assert isinstance(found, Extraction)
    [incident] = found.incidents
    assert found.report.text[incident.evidence[0].start:incident.evidence[0].end] == "Example Town"
    assert found.notes == ("not UTF-8: read as Windows-1251 (Cyrillic)",)


def test_the_agreement_reaches_the_extractor(tmp_path):
    extractor = PhraseExtractor()
    extract_file(write(tmp_path, "Title: x\n\nText."), agreement="the agreement", extract=extractor)
    assert extractor.seen[0][1] == "the agreement"


def test_an_unreadable_file_gives_its_problems(tmp_path):
    assert [str(p) for p in extract_file(write(tmp_path, ""), extract=PhraseExtractor())] == [
        f"{tmp_path / 'r.txt'}: text: empty report"
    ]


def test_a_crashing_extractor_is_one_problem_for_that_file(tmp_path):
    def crash(report, *, agreement=None):
        raise RuntimeError("boom")

    [problem] = extract_file(write(tmp_path, "Title: x\n\nText."), extract=crash)
    assert (problem.key, problem.message) == ("extraction", "failed: RuntimeError: boom")


def test_spans_that_do_not_quote_the_report_and_invalid_records_are_dropped_with_notes(tmp_path):
    def sloppy(report, *, agreement=None):
        good = Evidence(report.id, 0, 4, report.text[0:4])
        wrong = Evidence(report.id, 0, 4, "nope")
        elsewhere = replace(good, report="rep-other")
        kept = Incident(id="kept", evidence=(good, wrong, elsewhere), **STRIKE)
        invalid = Incident(id="bad", evidence=(good,), **{**STRIKE, "targets": ("not.a.code",)})
        return Extraction(report, (kept, invalid))

    found = extract_file(write(tmp_path, "Title: x\n\nText of the report."), extract=sloppy)
    assert [i.id for i in found.incidents] == ["kept"]
    assert found.incidents[0].evidence == (Evidence(found.report.id, 0, 4, "Text"),)
    assert len(found.notes) == 3 and all(n.startswith("dropped: ") for n in found.notes)
    assert "incident bad: targets" in found.notes[2]
