from pathlib import Path

from ceasewatch.ingest import derived_id, read_feed, validate_record

CASES = Path(__file__).parent.parent / "cases" / "feeds"


def problems_by_line(feed):
    return {(p.line, p.key) for p in feed.problems}


def test_jsonl_keeps_good_rows_and_names_each_bad_one():
    feed = read_feed(CASES / "mixed_good_and_bad.jsonl")
    assert [row.record["id"] for row in feed.rows] == ["a-1", "a-3"]
    assert [row.line for row in feed.rows] == [1, 5]
    found = problems_by_line(feed)
    assert (2, "start") in found  # no UTC offset
    assert (4, "json") in found
    assert (6, "json") in found  # an array, not an object
    assert (7, "targets") in found
    assert (7, "lon") in found  # lat without lon


def test_problem_prints_file_line_field_message():
    feed = read_feed(CASES / "mixed_good_and_bad.jsonl")
    text = str(next(p for p in feed.problems if p.line == 2))
    assert text.startswith(f"{CASES / 'mixed_good_and_bad.jsonl'}:2: start: ")
    assert "no UTC offset" in text


def test_csv_reads_lists_numbers_nested_counts_and_exchanges():
    feed = read_feed(CASES / "small.csv")
    strike, exchange = (row.record for row in feed.rows)
    assert strike["targets"] == ["energy.grid", "energy.gas"]
    assert strike["counts"]["launched"] == 12
    assert strike["claimed_by"] == ["regional governor", "police"]
    assert strike["start"] == "2025-04-01T07:00:00Z"
    assert exchange["kind"] == "prisoner-exchange"
    assert exchange["quantity"] == {"RU": 100, "UA": 120}
    assert [(p.line, p.key) for p in feed.problems] == [(4, "lat")]


def test_csv_with_an_unknown_column_is_refused_at_the_header(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("id,actor,colour\nx,RU,red\n")
    feed = read_feed(path)
    assert feed.rows == []
    assert [(p.line, p.key) for p in feed.problems] == [(1, "colour")]


def test_csv_row_with_wrong_number_of_cells(tmp_path):
    path = tmp_path / "short.csv"
    path.write_text("id,actor\nx,RU,extra\ny,UA\n")
    feed = read_feed(path)
    assert [r.record["id"] for r in feed.rows] == ["y"]
    assert feed.problems[0].line == 2


def test_a_line_of_binary_garbage_is_a_problem_and_the_rest_is_kept(tmp_path):
    path = tmp_path / "garbage.jsonl"
    path.write_bytes(b'{"id": "ok"}\n\xff\xfe\x00\x81\n{"id": "also-ok"}\n')
    feed = read_feed(path)
    assert [r.record["id"] for r in feed.rows] == ["ok", "also-ok"]
    assert [(p.line, p.key) for p in feed.problems] == [(2, "encoding")]


def test_a_whole_file_of_random_bytes_gives_problems_not_a_crash(tmp_path):
    import random

    path = tmp_path / "random.csv"
    path.write_bytes(bytes(random.Random(7).randrange(256) for _ in range(5000)))
    feed = read_feed(path)
    assert feed.rows == [] and feed.problems


def test_missing_file_is_a_problem_not_a_crash(tmp_path):
    feed = read_feed(tmp_path / "absent.jsonl")
    assert feed.problems[0].message.startswith("cannot read")


def test_same_content_gives_the_same_derived_id_whatever_the_key_order():
    a, _ = validate_record({"actor": "RU", "targets": ["health"], "start": "2025-04-01T10:00:00Z", "end": "2025-04-01T10:00:00Z"})
    b, _ = validate_record({"end": "2025-04-01T13:00:00+03:00", "start": "2025-04-01T13:00:00+03:00", "targets": ["health"], "actor": "RU"})
    assert a["id"] == b["id"] == derived_id(a)
    c, _ = validate_record({"actor": "UA", "targets": ["health"]})
    assert c["id"] != a["id"]


def test_times_are_normalised_to_utc():
    record, _ = validate_record({"id": "t", "start": "2025-03-18T20:50:00+02:00", "end": "2025-03-18T21:50:00+02:00"})
    assert (record["start"], record["end"]) == ("2025-03-18T18:50:00Z", "2025-03-18T19:50:00Z")


def test_end_before_start_is_refused():
    _, errors = validate_record({"id": "t", "start": "2025-03-18T20:00:00Z", "end": "2025-03-18T19:00:00Z"})
    assert [e.field for e in errors] == ["end"]


def test_only_one_side_of_an_interval_is_refused():
    _, errors = validate_record({"id": "t", "start": "2025-03-18T20:00:00Z"})
    assert [e.field for e in errors] == ["end"]


def test_precise_location_needs_coordinates():
    _, errors = validate_record({"id": "t", "geo_precision": "point"})
    assert [e.field for e in errors] == ["lat"]


def test_coordinates_need_a_precision():
    _, errors = validate_record({"id": "t", "lat": 48.0, "lon": 35.0})
    assert [e.field for e in errors] == ["geo_precision"]


def test_codes_are_upper_cased_and_checked():
    record, _ = validate_record({"id": "t", "country": "ua", "admin1_code": "ua-14"})
    assert (record["country"], record["admin1_code"]) == ("UA", "UA-14")
    _, errors = validate_record({"id": "t", "country": "Ukraine"})
    assert [e.field for e in errors] == ["country"]


def test_counts_must_be_whole_numbers_with_known_names():
    _, errors = validate_record({"id": "t", "counts": {"launched": -1, "drones": 3}})
    assert {e.field for e in errors} == {"counts.drones"}
    _, errors = validate_record({"id": "t", "counts": {"launched": -1}})
    assert {e.field for e in errors} == {"counts.launched"}


def test_exchange_quantity_per_party_must_name_its_parties():
    _, errors = validate_record({"id": "x", "kind": "prisoner-exchange", "parties": ["RU", "UA"], "quantity": {"BY": 3}})
    assert [e.field for e in errors] == ["quantity.BY"]


def test_exchange_fields_are_not_strike_fields():
    _, errors = validate_record({"id": "x", "kind": "prisoner-exchange", "parties": ["RU"], "quantity": 5, "targets": ["health"]})
    assert [e.field for e in errors] == ["targets"]


def test_evidence_span_length_must_match_its_text():
    span = {"report": "r1", "start": 10, "end": 15, "text": "abcd"}
    _, errors = validate_record({"id": "t", "evidence": [span]})
    assert errors[0].field == "evidence[0]"
    record, _ = validate_record({"id": "t", "evidence": [{**span, "text": "abcde", "field": "place"}]})
    assert record["evidence"][0]["field"] == "place"


def test_unknown_kind_is_refused():
    _, errors = validate_record({"id": "t", "kind": "ceasefire-party"})
    assert [e.field for e in errors] == ["kind"]
