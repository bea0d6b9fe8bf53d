"""The exchange format goes out and comes back: JSON Lines and CSV round trips."""

import csv
import io
import json

from click.testing import CliRunner

from ceasewatch import Ceasewatch
from ceasewatch.cli.main import cli
from ceasewatch.export import CSV_COLUMNS, ExportFilter, write_export
from ceasewatch.store import Store

EVIDENCE_RECORD = {
    "id": "kharkiv-substation", "place": "Kharkiv", "admin1": "Kharkiv Oblast", "admin1_code": "UA-63", "country": "UA",
    "lat": 49.9935, "lon": 36.2304, "geo_precision": "settlement", "start": "2025-03-19T01:10:00Z",
    "end": "2025-03-19T01:40:00Z", "actor": "RU", "targets": ["energy.grid"], "weapon": "drone",
    "weapon_model": "Shahed-136", "outcome": "intercepted", "counts": {"launched": 12, "killed": 0},
    "claimed_by": ["Kharkiv regional administration; governor"], "denied_by": ["Russian MoD"],
    "evidence": [{"report": "rep-abc", "start": 5, "end": 12, "text": "Kharkiv", "field": "place"}],
}


def stored(cw):
    """Every record and every verdict of a store, comparable across databases."""
    records = sorted((r for r in cw.store.records(None)), key=lambda r: r["id"])
    verdicts = sorted((a.id, v.incident_id, v.version, v.verdict, v.reason, v.unknown, v.commitment)
                      for a in cw.agreements() for v in cw.store.verdicts(a.id))
    return records, verdicts


def export_to(cw, fmt, path, selection=None):
    with open(path, "w", encoding="utf-8", newline="") as stream:
        return write_export(fmt, cw.export_selection(selection or ExportFilter()), stream)


def round_trip(example_cw, example_dir, tmp_path, fmt):
    feed = tmp_path / f"export.{fmt}"
    export_to(example_cw, fmt, feed)
    with Ceasewatch(Store.open(f"sqlite:///{tmp_path / 'empty.db'}")) as fresh:
        report = fresh.ingest([example_dir / "agreement.yaml", feed])
        assert not report.problems, report.problems
        return stored(fresh)


def test_jsonl_export_ingested_into_an_empty_database_gives_the_same_incidents_and_verdicts(
        example_cw, example_dir, tmp_path):
    assert not example_cw.ingest([_jsonl(tmp_path, EVIDENCE_RECORD)]).problems
    assert round_trip(example_cw, example_dir, tmp_path, "jsonl") == stored(example_cw)


def test_csv_export_ingested_into_an_empty_database_gives_the_same_incidents_and_verdicts(
        example_cw, example_dir, tmp_path):
    assert round_trip(example_cw, example_dir, tmp_path, "csv") == stored(example_cw)


def test_csv_leaves_evidence_out_and_keeps_every_other_field(example_cw, example_dir, tmp_path):
    fields = {k: v for k, v in EVIDENCE_RECORD.items() if k != "claimed_by"}  # a ';' inside a name would split
    example_cw.ingest([_jsonl(tmp_path, fields)])
    records, _ = round_trip(example_cw, example_dir, tmp_path, "csv")
    back = next(r for r in records if r["id"] == "kharkiv-substation")
    original = example_cw.store.record("kharkiv-substation")
    assert back == {**original, "evidence": []}
    assert original["evidence"]


def test_the_csv_header_is_the_exchange_format_s_columns(example_cw, tmp_path):
    export_to(example_cw, "csv", tmp_path / "out.csv")
    with open(tmp_path / "out.csv", newline="") as f:
        header = next(csv.reader(f))
    assert tuple(header) == CSV_COLUMNS
    assert "evidence" not in header and "counts.killed" in header and "quantity" in header


def test_jsonl_holds_records_as_stored_with_prisoner_exchanges_after_the_strikes(example_cw, tmp_path):
    export_to(example_cw, "jsonl", tmp_path / "out.jsonl")
    lines = (tmp_path / "out.jsonl").read_text().splitlines()
    records = [json.loads(line) for line in lines]
    assert [r["kind"] for r in records] == ["strike"] * 4 + ["prisoner-exchange"]
    assert records[0] == example_cw.store.record(records[0]["id"])
    assert lines[0] == json.dumps(records[0], ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def test_a_per_party_quantity_goes_to_csv_as_party_colon_number(tmp_path, cw):
    cw.store.save_records([{"id": "x", "kind": "prisoner-exchange", "parties": ["RU", "UA"],
                            "quantity": {"RU": 175, "UA": 197}, "start": None, "end": None, "claimed_by": [],
                            "evidence": []}])
    cw.consolidate()
    buffer = io.StringIO()
    write_export("csv", cw.export_selection(ExportFilter()), buffer)
    row = next(csv.DictReader(io.StringIO(buffer.getvalue())))
    assert row["quantity"] == "RU:175;UA:197" and row["parties"] == "RU;UA" and row["start"] == ""


def test_export_needs_no_agreement_for_the_exchange_formats(cw):
    cw.store.save_records([{**EVIDENCE_RECORD, "kind": "strike"}])
    cw.consolidate()
    buffer = io.StringIO()
    assert write_export("jsonl", cw.export_selection(ExportFilter()), buffer) == 1


def test_export_command_writes_a_file_and_counts_on_stderr(example_cw, example_dir, tmp_path):
    out = tmp_path / "all.jsonl"
    result = CliRunner().invoke(cli, ["export", "--db", str(example_dir / "ceasewatch.db"), "--format", "jsonl",
                                      "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert len(out.read_text().splitlines()) == 5 and "exported 5 record(s)" in result.stderr


def _jsonl(tmp_path, record):
    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps(record) + "\n")
    return path
