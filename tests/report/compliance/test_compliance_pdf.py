"""The PDF: laid out by WeasyPrint from the HTML, read back with pypdf."""

import csv

import pytest
from click.testing import CliRunner
from worked_example import copy_example

from ceasewatch.cli.main import cli

pypdf = pytest.importorskip("pypdf")


def pdf_pages(path) -> list[str]:
    return [page.extract_text() for page in pypdf.PdfReader(path).pages]


def draws_an_image(page) -> bool:
    return b" Do" in page.get_contents().get_data()


@pytest.fixture(scope="module")
def example_pdf(tmp_path_factory):
    """The bundled example as shipped (report texts), reported as PDF once through the command line."""
    folder = copy_example(tmp_path_factory.mktemp("pdf") / "example", as_feeds=False)
    out = folder.parent / "report.pdf"
    result = CliRunner().invoke(cli, ["report", str(folder), "--format", "pdf", "-o", str(out),
                                      "--as-of", "2025-04-01T00:00:00Z"])
    assert result.exit_code == 0, result.output
    return out


def test_the_pdf_shows_the_summary_table(example_pdf):
    text = "\n".join(pdf_pages(example_pdf))
    assert "1. Summary" in text
    assert "RU (Russian Federation) all grades 2 0 1 0 3" in text  # us-ua: 2 violations, 1 no_violation


def test_the_pdf_shows_the_version_differences(example_pdf):
    text = "\n".join(pdf_pages(example_pdf))
    differences = " ".join(text.split("2. Differences between versions")[1].split("3. Time slices")[0].split())
    assert "2 incident(s) whose verdict depends on whose terms you read" in differences
    assert "Sumy Oblast" in differences and "Krasnodar Krai" in differences  # the hospitals, the depot
    assert "Sloviansk" not in differences and "Bucha" not in differences
    assert "out_of_scope" in differences and "before_start" in differences


def test_the_pdf_draws_both_charts_on_the_charts_page(example_pdf):
    reader = pypdf.PdfReader(example_pdf)
    charts = [page for page in reader.pages if "4. Charts" in page.extract_text()]
    assert len(charts) == 1
    assert charts[0].get_contents().get_data().count(b" Do") == 2
    text = charts[0].extract_text()
    assert "Figure 1." in text and "Figure 2." in text


def test_the_pdf_has_the_incident_and_method_annexes(example_pdf):
    text = "\n".join(pdf_pages(example_pdf))
    annex = " ".join(text.split("5. Incident annex")[1].split("6. Method")[0].split())
    assert all(place in annex for place in ("Sloviansk", "Bucha", "Sumy Oblast", "Krasnodar Krai"))
    assert "two hospitals" in annex and "Demo News Service" in annex  # quoted evidence, cited
    method = text.split("6. Method")[1]
    assert "Credibility grades" in method and "Database fingerprint" in method and "sha256:" in method


def test_a_capped_pdf_annex_writes_the_full_annex_beside_it(example_dir, monkeypatch, tmp_path):
    monkeypatch.setattr("ceasewatch.report.compliance.output.PDF_ANNEX_LIMIT", 2)
    out = tmp_path / "capped.pdf"
    result = CliRunner().invoke(cli, ["report", str(example_dir), "--format", "pdf", "-o", str(out)])
    assert result.exit_code == 0, result.output
    text = "\n".join(pdf_pages(out)).replace("\n", " ")
    assert "shows the first 2 of 4; the full annex is in capped-annex.csv" in text
    with open(tmp_path / "capped-annex.csv", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 4 and [r["rank"] for r in rows] == ["1", "2", "3", "4"]
    assert "capped-annex.csv" in result.stderr
