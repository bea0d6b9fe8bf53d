import json
from datetime import datetime, timezone

import pytest

from ceasewatch.errors import ConfigError, NotFound

# The worked example of the spec (agreements.md): incident -> (us-ua, kremlin)
WORKED_EXAMPLE = {
    "sloviansk-grid-2025-03-18": (("violation", None), ("violation", None)),
    "sumy-hospitals-2025-03-19": (("violation", None), ("no_violation", "out_of_scope")),
    "bucha-homes-2025-03-19": (("no_violation", "out_of_scope"), ("no_violation", "out_of_scope")),
    "krasnodar-oil-depot-2025-03-19": (("no_violation", "before_start"), ("violation", None)),
}


def verdict_map(table):
    return {
        line.record["id"]: tuple((line.verdicts[v].verdict, line.verdicts[v].reason) for v in table.versions)
        for line in table.lines
    }


def test_run_on_the_example_gives_the_worked_example(cw, example_dir):
    report = cw.run(example_dir)
    assert report.problems == []
    [table] = cw.verdict_tables()
    assert table.versions == ("us-ua", "kremlin")
    assert verdict_map(table) == WORKED_EXAMPLE
    statuses = {(s.version, s.commitment): s.status for s in table.commitments}
    assert statuses == {("us-ua", "exchange"): "fulfilled", ("kremlin", "exchange"): "fulfilled"}


def test_what_if_timed_only_after_the_call_is_undetermined_under_both(cw, example_dir):
    (example_dir / "feeds" / "incidents.jsonl").write_text(json.dumps({
        "id": "krasnodar-what-if", "place": "Krasnodar Krai", "admin1_code": "RU-KDA", "country": "RU",
        "lat": 45.35, "lon": 39.05, "geo_precision": "admin1", "actor": "UA", "targets": ["energy.oil"],
        # from the earliest end of the call to the latest Ukrainian acceptance
        "start": "2025-03-18T17:30:00+02:00", "end": "2025-03-19T20:00:00+02:00",
    }) + "\n")
    cw.run(example_dir)
    [table] = cw.verdict_tables()
    [line] = table.lines
    for version in ("us-ua", "kremlin"):
        row = line.verdicts[version]
        assert (row.verdict, row.reason, row.unknown) == ("undetermined", None, ("time",))


def test_running_twice_stores_nothing_new(cw, example_dir):
    cw.run(example_dir)
    again = cw.run(example_dir)
    assert all(f.added == 0 and f.revised == 0 for f in again.files)
    assert again.judged == 0


def test_the_same_rows_in_another_file_are_unchanged(cw, example_dir, tmp_path):
    cw.run(example_dir)
    copy = tmp_path / "copy.jsonl"
    copy.write_text((example_dir / "feeds" / "incidents.jsonl").read_text())
    [outcome] = cw.ingest([copy]).files
    assert (outcome.added, outcome.revised, outcome.unchanged) == (0, 0, 4)


def test_a_changed_record_is_a_new_revision_and_is_judged_again(cw, example_dir, tmp_path):
    cw.run(example_dir)
    changed = tmp_path / "correction.jsonl"
    # Bucha corrected: the strike hit a substation, not only homes
    record = json.loads((example_dir / "feeds" / "incidents.jsonl").read_text().splitlines()[2])
    record["targets"] = ["residential", "energy.grid"]
    changed.write_text(json.dumps(record) + "\n")
    report = cw.ingest([changed])
    assert report.files[0].revised == 1 and report.judged == 1
    assert len(cw.store.record_history("bucha-homes-2025-03-19")) == 2
    [table] = cw.verdict_tables()
    assert verdict_map(table)["bucha-homes-2025-03-19"] == (("violation", None), ("violation", None))


def test_a_revised_agreement_rejudges_every_incident(cw, example_dir):
    cw.run(example_dir)
    agreement = example_dir / "agreement.yaml"
    text = agreement.read_text().replace('"2025-03-19T12:00", "2025-03-19T20:00"', '"2025-03-18T12:00", "2025-03-18T13:00"')
    agreement.write_text(text)
    report = cw.run(example_dir)
    assert report.files[0].revised == 1 and report.judged == 4
    [table] = cw.verdict_tables()
    assert verdict_map(table)["krasnodar-oil-depot-2025-03-19"][0] == ("violation", None)


def test_bad_rows_are_reported_and_good_rows_stored(cw, tmp_path, example_dir):
    cw.ingest([example_dir / "agreement.yaml"])
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"id": "ok", "actor": "RU", "targets": ["energy"]}\n{"id": "bad", "targets": ["rockets"]}\n')
    [outcome] = cw.ingest([feed]).files
    assert outcome.added == 1
    assert [(p.line, p.key) for p in outcome.problems] == [(2, "targets")]
    assert cw.store.count_records() == 1


def test_strict_stores_nothing_from_a_file_with_a_bad_row(cw, tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"id": "ok", "actor": "RU"}\n{"id": "bad", "lat": 500}\n')
    [outcome] = cw.ingest([feed], strict=True).files
    assert outcome.added == 0 and len(outcome.problems) == 1
    assert cw.store.count_records() == 0


def test_a_file_with_problems_is_not_skipped_next_time(cw, tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"id": "ok", "actor": "RU"}\n{"id": "bad", "lat": 500}\n')
    cw.ingest([feed])
    [again] = cw.ingest([feed]).files
    assert not again.skipped and len(again.problems) == 1


def test_a_bad_agreement_stores_nothing(cw, tmp_path):
    bad = tmp_path / "agreement.yaml"
    bad.write_text("ceasewatch: 1\nid: x\nparties: {RU: Russia}\nversions: {}\nbogus: 1\n")
    [outcome] = cw.ingest([bad]).files
    assert outcome.problems and outcome.added == 0
    assert cw.store.agreements() == []


def test_unknown_file_types_and_folders_are_problems(cw, tmp_path):
    (tmp_path / "notes.pdf").write_text("hello")
    report = cw.ingest([tmp_path / "notes.pdf", tmp_path])
    assert [p.key for p in report.problems] == ["path", "path"]


def test_perform_commitment_pending_then_breached_without_records(cw, example_dir):
    (example_dir / "feeds" / "exchanges.csv").unlink()
    cw.run(example_dir)
    before = datetime(2025, 3, 19, 12, tzinfo=timezone.utc)
    after = datetime(2025, 3, 21, tzinfo=timezone.utc)
    [early] = cw.verdict_tables(as_of=before)
    [late] = cw.verdict_tables(as_of=after)
    assert {s.status for s in early.commitments} == {"pending"}
    assert {s.status for s in late.commitments} == {"breached"}


def test_diff_keeps_only_incidents_whose_verdicts_differ(cw, example_dir):
    cw.run(example_dir)
    [table] = cw.verdict_tables(diff=True)
    assert {line.record["id"] for line in table.lines} == {"sumy-hospitals-2025-03-19", "krasnodar-oil-depot-2025-03-19"}


def test_one_version_only(cw, example_dir):
    cw.run(example_dir)
    [table] = cw.verdict_tables(version="kremlin")
    assert table.versions == ("kremlin",)
    with pytest.raises(KeyError, match="us-ua"):
        cw.verdict_tables(version="white-house")


def test_explain_gives_every_test_with_figures(cw, example_dir):
    cw.run(example_dir)
    verdicts = cw.explain("krasnodar-oil-depot-2025-03-19")
    by_version = {v.version: v for v in verdicts}
    us_ua = by_version["us-ua"]
    assert us_ua.verdict == "no_violation" and us_ua.reason == "before_start"
    [ua_halt] = [cv for cv in us_ua.trace if cv.commitment == "ua-halt"]
    time_test = next(t for t in ua_halt.tests if t.name == "time")
    assert time_test.answer == "no" and time_test.reason == "before_start"
    assert time_test.figures  # the times compared are shown


def test_explain_unknown_incident_is_not_found(cw, example_dir):
    cw.run(example_dir)
    with pytest.raises(NotFound):
        cw.explain("no-such-incident")


def test_questions_without_an_agreement_say_what_to_do(cw):
    with pytest.raises(NotFound, match="ingest an agreement"):
        cw.verdict_tables()


def test_run_needs_an_agreement_file(cw, tmp_path):
    with pytest.raises(ConfigError, match="agreement.yaml"):
        cw.run(tmp_path)


def test_the_shipped_example_goes_from_report_texts_to_the_worked_example(cw, example_text_dir):
    report = cw.run(example_text_dir)
    assert report.problems == []
    [table] = cw.verdict_tables(as_of=datetime(2025, 4, 1, tzinfo=timezone.utc))
    by_place = {
        line.record["place"]: tuple((line.verdicts[v].verdict, line.verdicts[v].reason) for v in table.versions)
        for line in table.lines
    }
    assert by_place == {
        "Sloviansk": WORKED_EXAMPLE["sloviansk-grid-2025-03-18"],
        "Sumy Oblast": WORKED_EXAMPLE["sumy-hospitals-2025-03-19"],
        "Bucha": WORKED_EXAMPLE["bucha-homes-2025-03-19"],
        "Krasnodar Krai": WORKED_EXAMPLE["krasnodar-oil-depot-2025-03-19"],
    }
    assert {(s.version, s.status) for s in table.commitments} == {("us-ua", "fulfilled"), ("kremlin", "fulfilled")}
    # the ids the README and docs use in their examples
    assert {line.record["id"] for line in table.lines} >= {"inc-08106bca68d7c8a9", "inc-dec818dfae3b989f", "inc-31ed4a04ba1cef0f"}
    # every field read from the text points at the words it came from
    for line in table.lines:
        assert {e["field"] for e in line.record["evidence"]} >= {"place", "time", "targets", "actor"}
