import re

from compliance_samples import AS_OF, data, entry, record

from ceasewatch import Ceasewatch
from ceasewatch.model import parse_instant
from ceasewatch.report.compliance import build_sections, render_html, render_markdown, write_report
from ceasewatch.report.compliance.charts import daily_chart, map_chart
from ceasewatch.store import Store


def report_texts(db_url: str) -> tuple[str, str]:
    """HTML and Markdown of one report, gathered afresh from the store."""
    with Ceasewatch(Store.open(db_url)) as cw:
        sections = build_sections(cw.compliance_data(as_of=AS_OF))
    return render_html(sections), render_markdown(sections, {"daily-incidents": "f/d.png", "incident-map": "f/m.png"})


def test_the_same_inputs_give_byte_identical_html_and_markdown(example_db):
    first, second = report_texts(example_db), report_texts(example_db)
    assert first[0] == second[0] and first[1] == second[1]


def test_a_second_database_from_the_same_inputs_gives_the_same_report(example_dir, example_db, tmp_path):
    other = f"sqlite:///{tmp_path / 'other.db'}"
    with Ceasewatch(Store.open(other)) as cw:
        cw.run(example_dir)
    assert report_texts(other) == report_texts(example_db)


def test_charts_are_the_same_png_bytes_every_time(example_data):
    assert daily_chart(example_data).png == daily_chart(example_data).png
    assert map_chart(example_data).png == map_chart(example_data).png
    assert daily_chart(example_data).png.startswith(b"\x89PNG")


def test_the_only_time_in_the_body_besides_the_data_is_the_stated_generation_time(example_db):
    html, markdown = report_texts(example_db)
    assert "2025-04-01T00:00:00Z" in html and "2025-04-01T00:00:00Z" in markdown
    years = set(re.findall(r"\b(20\d\d)-\d\d-\d\d", html + markdown))
    assert years == {"2025"}  # nothing from the day the test runs


def test_html_and_markdown_give_the_same_summary_counts(example_data):
    sections = build_sections(example_data)
    html, markdown = render_html(sections), render_markdown(sections, {})
    for table in sections.summary:
        for row in table.rows:
            cells = [str(n) for n in (*row.counts, row.total)]
            assert ("".join(f'<td class="n">{c}</td>' for c in cells)) in html
            md_cells = " |".join(f" **{c}**" if row.is_total else f" {c}" for c in cells)
            assert md_cells + " |" in markdown


def test_both_formats_show_every_section_and_the_differing_incidents(example_data):
    sections = build_sections(example_data)
    html, markdown = render_html(sections), render_markdown(sections, {})
    for text in (html, markdown):
        for heading in ("1. Summary", "2. Differences between versions", "3. Time slices around each start",
                        "4. Charts", "5. Incident annex", "6. Method"):
            assert heading in text
        differences = text.split("Differences between versions")[2].split("Time slices around")[0]
        assert "sumy-hospitals-2025-03-19" in differences and "krasnodar-oil-depot-2025-03-19" in differences
        assert "bucha-homes" not in differences
        assert example_data.fingerprint in text


def test_html_inlines_both_charts_as_png_data_uris(example_data):
    html = render_html(build_sections(example_data))
    assert html.count('src="data:image/png;base64,') == 2


def test_hostile_text_is_escaped_in_html_and_made_inert_in_markdown():
    hostile = '<script>alert(1)</script> | **bold** [x](javascript:y)'
    d = data([entry(record("a", place=hostile, claimed_by=[hostile]), **{"us-ua": ("violation",)})],
             versions=("us-ua",))
    sections = build_sections(d)
    html, markdown = render_html(sections), render_markdown(sections, {})
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<script>" not in markdown and "\\<script\\>" in markdown
    assert "\\| \\*\\*bold\\*\\* \\[x\\](javascript:y)" in markdown


def test_markdown_written_to_a_file_puts_its_figures_beside_it(example_data, tmp_path):
    written = write_report(example_data, "md", str(tmp_path / "report.md"))
    assert [p.name for p in written.paths] == ["report.md", "daily-incidents.png", "incident-map.png"]
    text = (tmp_path / "report.md").read_text()
    assert "![Bar charts of incidents per day by party and verdict](report-figures/daily-incidents.png)" in text
    assert (tmp_path / "report-figures" / "incident-map.png").read_bytes().startswith(b"\x89PNG")


def test_markdown_on_standard_output_says_where_the_figures_would_be(example_data, capsys):
    write_report(example_data, "md", "-")
    out = capsys.readouterr().out
    assert "![" not in out and "only when the report is written to a file with `-o`" in out


def test_one_version_report_shows_only_that_version(example_db):
    with Ceasewatch(Store.open(example_db)) as cw:
        sections = build_sections(cw.compliance_data(version="kremlin", as_of=AS_OF))
    markdown = render_markdown(sections, {})
    assert "`kremlin`" in markdown and "`us-ua`" not in markdown.split("## 6. Method")[0]
    assert "One version is shown: there is nothing to compare." in markdown


def test_a_period_without_incidents_still_gives_every_section(example_db):
    with Ceasewatch(Store.open(example_db)) as cw:
        data = cw.compliance_data(time_from=parse_instant("2024-01-01T00:00:00Z"),
                                  time_to=parse_instant("2024-01-02T00:00:00Z"), as_of=AS_OF)
    assert data.entries == ()
    sections = build_sections(data)
    markdown = render_markdown(sections, {})
    assert "| Incidents | 0 in the period, of 4 stored strikes |" in markdown
    assert "Every incident of the period gets the same verdict" in markdown
    assert len(sections.charts) == 2 and all(chart.png.startswith(b"\x89PNG") for chart in sections.charts)
