"""Copies of the bundled example for tests: as shipped (report texts), or as structured feeds.

The feed variant states the same four strikes and the exchange in the exchange format with
readable ids (sloviansk-grid-2025-03-18, …), so tests can name incidents; the shipped
example reads them from text. Both give the spec's worked example.
"""

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "energy-moratorium-2025"
FEEDS = ROOT / "tests" / "cases" / "worked_example_feeds"


def copy_example(target: Path, *, as_feeds: bool = True) -> Path:
    """Copy the example to `target`; with `as_feeds`, its reports replaced by the feeds."""
    shutil.copytree(EXAMPLE, target, ignore=shutil.ignore_patterns("ceasewatch.db*"))
    if as_feeds:
        shutil.rmtree(target / "reports")
        shutil.copytree(FEEDS, target / "feeds", dirs_exist_ok=True)
    return target
