from click.testing import CliRunner
from worked_example import ROOT

from ceasewatch.cli.main import cli


def invoke(*args):
    return CliRunner().invoke(cli, list(args))


def test_report_on_a_folder_ingests_it_and_writes_html(example_dir, tmp_path):
    out = tmp_path / "r.html"
    result = invoke("report", str(example_dir), "-o", str(out), "--as-of", "2025-04-01T00:00:00Z")
    assert result.exit_code == 0, result.output
    assert "judged 4 incident(s)" in result.stderr and "report: drawing the charts" in result.stderr
    html = out.read_text()
    assert html.startswith("<!DOCTYPE html>") and "sumy-hospitals-2025-03-19" in html


def test_report_without_output_writes_compliance_report_in_the_current_folder(example_dir, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = invoke("report", str(example_dir), "--format", "md")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "compliance-report.md").read_text().startswith("# Compliance report:")
    assert (tmp_path / "compliance-report-figures" / "incident-map.png").exists()


def test_report_to_standard_output_with_a_dash(example_dir):
    result = invoke("report", str(example_dir), "--format", "md", "-o", "-", "--version", "kremlin")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# Compliance report:") and "### Version `kremlin`" in result.stdout


def test_a_pdf_cannot_go_to_standard_output(example_dir):
    result = invoke("report", str(example_dir), "--format", "pdf", "-o", "-")
    assert result.exit_code == 1 and "give -o FILE.pdf" in result.stderr


def test_report_period_keeps_incidents_whose_impact_interval_overlaps_it(example_dir):
    def incidents(start, end):
        result = invoke("report", str(example_dir), "--format", "md", "-o", "-", "--from", start, "--to", end)
        assert result.exit_code == 0, result.output
        return result.stdout.split("| Incidents | ")[1].split(" in the period")[0]

    # Krasnodar runs 18:00Z-03:00Z, Sloviansk is at 18:50Z, Sumy and Bucha start at 19:00Z.
    assert incidents("2025-03-18T18:00:00Z", "2025-03-18T18:50:00Z") == "2"
    assert incidents("2025-03-18T18:51:00Z", "2025-03-18T18:59:59Z") == "1"
    assert incidents("2025-03-18T19:00:00Z", "2025-03-18T19:00:00Z") == "3"


def test_a_date_alone_for_to_means_the_end_of_that_utc_day(example_dir):
    result = invoke("report", str(example_dir), "--format", "md", "-o", "-", "--from", "2025-03-19",
                    "--to", "2025-03-19")
    assert "2025-03-19T00:00:00Z to 2025-03-19T23:59:59Z" in result.stdout
    assert "| Incidents | 3 in the period" in result.stdout  # Sloviansk ended on the 18th


def test_a_bad_period_is_a_usage_error(example_dir):
    assert invoke("report", str(example_dir), "--from", "yesterday").exit_code == 2
    result = invoke("report", str(example_dir), "--from", "2025-03-20", "--to", "2025-03-19")
    assert result.exit_code == 2 and "--to" in result.output


def test_an_unknown_version_names_the_known_ones(example_dir):
    result = invoke("report", str(example_dir), "--version", "nato", "-o", "-")
    assert result.exit_code == 1 and "us-ua, kremlin" in result.stderr


def test_report_on_an_empty_database_says_to_ingest_an_agreement(tmp_path):
    result = invoke("report", "--db", str(tmp_path / "empty.db"), "-o", "-")
    assert result.exit_code == 1 and "no agreement is stored" in result.stderr


def test_with_several_agreements_stored_one_must_be_named(example_dir):
    other = ROOT / "tests" / "cases" / "agreements" / "full" / "agreement.yaml"
    db = str(example_dir / "ceasewatch.db")
    assert invoke("run", str(example_dir)).exit_code == 0
    assert invoke("ingest", str(other), "--db", db).exit_code == 0
    result = invoke("report", "--db", db, "-o", "-")
    assert result.exit_code == 1 and "several agreements are stored" in result.stderr
    assert invoke("report", "--db", db, "-o", "-", "--agreement", "energy-moratorium-2025").exit_code == 0
    assert invoke("export", "--db", db, "--format", "geojson").exit_code == 1
    assert invoke("export", "--db", db, "--format", "jsonl").exit_code == 0  # the exchange format needs none
