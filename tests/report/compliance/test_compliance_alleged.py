"""A violation that is only alleged says so everywhere the report names it (HTML, Markdown, PDF's source)."""

from __future__ import annotations

import re

from compliance_samples import data, entry, record

from ceasewatch.report.compliance import build_sections, render_html, render_markdown
from ceasewatch.report.compliance.charts import daily_chart
from ceasewatch.report.compliance.differences import readings

FIGURES = {"daily-incidents": "f/d.png", "incident-map": "f/m.png"}


def sample():
    """One alleged violation under us-ua only, one corroborated violation under both."""
    return data([
        entry(record("alleged-strike", place="Sloviansk"), "alleged",
              **{"us-ua": ("violation",), "kremlin": ("no_violation", "out_of_scope")}),
        entry(record("attested-strike", place="Sumy"), "corroborated", **{"us-ua": ("violation",), "kremlin": ("violation",)}),
    ])


def test_a_reading_of_an_alleged_violation_is_labelled_alleged_and_others_are_not():
    d = sample()
    alleged, attested = d.entries
    assert [(r.verdict, r.label) for r in readings(d, alleged)] == [
        ("violation", "alleged violation"), ("no_violation", "no_violation")]
    assert [r.label for r in readings(d, attested)] == ["violation", "violation"]


def test_markdown_names_every_violation_of_an_alleged_incident_as_alleged():
    markdown = render_markdown(build_sections(sample()), FIGURES)
    annex = markdown.split("## 5. Incident annex")[1].split("## 6. Method")[0]
    alleged = annex.split("### `alleged-strike`")[1].split("### ")[0]
    assert "- `us-ua`: `alleged violation`" in alleged and "`violation`" not in alleged
    assert "Actor, grade: RU (Russian Federation); alleged (only the other side says so)" in alleged
    attested = annex.split("### `attested-strike`")[1].split("### ")[0]
    assert "`violation`" in attested and "alleged" not in attested
    differences = markdown.split("## 2. Differences")[1].split("## 3.")[0]
    row = next(line for line in differences.splitlines() if "`alleged-strike`" in line)
    assert "`alleged violation`" in row and ", alleged |" in row
    assert "1 of the 2 violation(s) under `us-ua` are alleged" in markdown


def test_html_names_every_violation_of_an_alleged_incident_as_alleged():
    html = render_html(build_sections(sample()))
    annex = html.split("5. Incident annex")[1]
    alleged = annex.split('id="incident-alleged-strike"')[1].split("</article>")[0]
    assert '<span class="v v-violation">alleged violation</span>' in alleged
    assert not re.search(r'<span class="v v-violation">violation</span>', alleged)
    assert "alleged (only the other side says so)" in alleged
    assert "1 of the 2 violation(s) under <code>us-ua</code> are alleged" in html


def test_no_sentence_about_alleged_violations_when_there_are_none():
    attested = entry(record("attested-strike", place="Sumy"), "corroborated", **{"us-ua": ("violation",)})
    plain = data([attested], versions=("us-ua",))
    assert "are alleged" not in render_markdown(build_sections(plain), FIGURES)
    assert "alleged:" not in daily_chart(plain).caption


def test_the_daily_chart_caption_counts_alleged_violations_per_version():
    caption = daily_chart(sample()).caption
    assert "Of the violations drawn, 1 under us-ua are alleged" in caption and "under kremlin" not in caption


def test_the_worked_example_violations_are_all_alleged_in_the_report(example_data):
    markdown = render_markdown(build_sections(example_data), FIGURES)
    named = re.findall(r"`((?:alleged )?violation)`", markdown)
    assert named and set(named) == {"alleged violation"}
