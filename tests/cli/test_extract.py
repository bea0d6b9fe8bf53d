"""The extract and eval commands, through the CLI runner, with a stand-in extractor."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from ceasewatch.cli.main import cli
from ceasewatch.ingest import report_batch
from ceasewatch.model import Interval

from extraction_fakes import PhraseExtractor, utc

SET = Path(__file__).resolve().parents[1] / "cases" / "eval_set"
REPORT = "Title: Grid hit\nSource: Example Wire\nPublished: 2025-03-19\n\nA strike hit the grid in Sloviansk at 8:50 p.m.\n"
GRID = dict(
    place="Sloviansk", admin1="Donetsk Oblast", admin1_code="UA-14", country="UA", lat=48.85, lon=37.6,
    geo_precision="settlement", time=Interval.exact(utc("2025-03-18 18:50")), actor="RU",
    targets=("energy.grid", "energy.gas"), claimed_by=("regional prosecutor's office",),
)


@pytest.fixture
def runner(monkeypatch) -> CliRunner:
    fake = PhraseExtractor({"grid in Sloviansk": GRID}, {"8:50 p.m.": dict(kind="other")})
    monkeypatch.setattr(report_batch, "default_extract", lambda: fake)
    return CliRunner()


def test_extract_prints_one_json_line_per_report(runner, tmp_path):
    (tmp_path / "a.txt").write_text(REPORT)
    result = runner.invoke(cli, ["extract", str(tmp_path / "a.txt")])
    assert result.exit_code == 0, result.output
    [line] = result.stdout.splitlines()
    out = json.loads(line)
    assert set(out) == {"report", "incidents", "claims", "fulfilments", "notes"}
    assert out["report"]["title"] == "Grid hit" and out["report"]["path"] == str(tmp_path / "a.txt")
    assert set(out["report"]) == {"id", "path", "title", "source", "url", "published", "language"}
    [incident] = out["incidents"]
    assert incident["start"] == "2025-03-18T18:50:00Z" and incident["evidence"][0]["text"] == "grid in Sloviansk"
    assert out["claims"][0]["kind"] == "other"


def test_extract_reports_bad_files_and_goes_on(runner, tmp_path):
    (tmp_path / "a.txt").write_text(REPORT)
    (tmp_path / "empty.html").write_text("")
    result = runner.invoke(cli, ["extract", str(tmp_path / "empty.html"), str(tmp_path / "a.txt")])
    assert result.exit_code == 1
    assert len(result.stdout.splitlines()) == 1
    assert f"{tmp_path / 'empty.html'}: text: empty report" in result.stderr
    assert "read 1 of 2 report(s)" in result.stderr


def test_extract_table_is_a_readable_summary(runner, tmp_path):
    (tmp_path / "a.txt").write_text(REPORT)
    result = runner.invoke(cli, ["extract", str(tmp_path / "a.txt"), "--format", "table"])
    assert result.exit_code == 0, result.output
    assert "Grid hit (Example Wire, 2025-03-19)" in result.stdout
    assert "Sloviansk (Donetsk Oblast, UA) · 2025-03-18 18:50 UTC · actor RU · targets energy.grid, energy.gas" in result.stdout
    assert "claimed by regional prosecutor's office" in result.stdout and "claims: 1" in result.stdout


def test_extract_with_a_bad_agreement_lists_its_problems(runner, tmp_path):
    (tmp_path / "a.txt").write_text(REPORT)
    (tmp_path / "agreement.yaml").write_text("ceasewatch: 1\nid: x\n")
    result = runner.invoke(cli, ["extract", str(tmp_path / "a.txt"), "--agreement", str(tmp_path / "agreement.yaml")])
    assert result.exit_code == 1 and "agreement.yaml" in result.stderr and result.stdout == ""


def test_eval_prints_a_table_with_an_overall_row(runner):
    result = runner.invoke(cli, ["eval", str(SET)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split()[:4] == ["article", "pred", "gold", "match"]
    assert lines[-1].startswith("overall")


def test_eval_verbose_lists_misses_and_extras(runner):
    result = runner.invoke(cli, ["eval", str(SET), "--verbose"])
    assert "kharkiv-substation.txt: miss  kharkiv-substation: Kharkiv (settlement) 2025-04-02..2025-04-02 03:15 local" in result.stdout


def test_eval_json_gives_every_figure_per_article_and_overall(runner):
    result = runner.invoke(cli, ["eval", str(SET), "--format", "json"])
    out = json.loads(result.stdout)
    assert set(out["overall"]) >= {"precision", "recall", "f1", "actor", "targets", "weapon", "time", "counts"}
    assert out["overall"]["counts"]["gold"] == 4 and len(out["articles"]) == 3
    assert out["articles"][0]["misses"][0]["id"] == "belgorod-fuel-depot"


def test_eval_of_a_folder_without_the_layout_fails_cleanly(runner, tmp_path):
    result = runner.invoke(cli, ["eval", str(tmp_path)])
    assert result.exit_code == 1 and "expected articles" in result.stderr
