"""The report's counts side by side: every source's tally with the range, never an average."""

from __future__ import annotations

from datetime import datetime, timezone

from compliance_samples import AS_OF

from ceasewatch import Ceasewatch
from ceasewatch.report.compliance import build_sections, render_html, render_markdown
from ceasewatch.store import Store


def sections_of(folder, **period):
    with Ceasewatch(Store.open(f"sqlite:///{folder / 'ceasewatch.db'}")) as cw:
        assert not cw.run(folder).problems
        return build_sections(cw.compliance_data(as_of=AS_OF, **period))


def test_the_tally_of_the_example_shows_its_source_window_and_range(example_text_dir):
    sections = sections_of(example_text_dir)
    [row] = sections.counts
    assert (row.window, row.actor, row.unit) == ("2025-03-18 15:30 – 2025-03-19 04:45 UTC", "RU", "drones launched")
    assert [(f.figure, f.who) for f in row.figures] == [("145", "Ukrainian authorities, Sample Gazette (fictional outlet)")]
    for text in (render_html(sections), render_markdown(sections, {})):
        assert "Counts side by side" in text and "145 drones (1 figure)" in text and "average" in text


def test_a_period_that_misses_the_window_shows_no_counts(example_text_dir):
    later = sections_of(example_text_dir, time_from=datetime(2025, 3, 25, tzinfo=timezone.utc))
    assert later.counts == () and "Counts side by side" not in render_markdown(later, {})


def test_a_store_without_claims_shows_no_counts(example_dir):
    assert sections_of(example_dir).counts == ()  # the feed version of the example has no claims
