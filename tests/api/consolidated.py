"""One strike told five ways (the Pavlohrad reports), one of them by an outlet whose name
carries markup, joined by a feed row quoting a hostile speaker, then corrected by an analyst."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from worked_example import EXAMPLE, ROOT

from ceasewatch import Ceasewatch
from ceasewatch.store import Store

PAVLOHRAD = ROOT / "tests" / "cases" / "consolidation" / "pavlohrad"
HOSTILE_OUTLET = "Example Wire <script>alert('outlet')</script>"
HOSTILE_SPEAKER = "<img src=x onerror=alert('speaker')>"
HOSTILE_ANALYST = "<b onmouseover=alert('by')>analyst-7</b>"
FEED_ROW_ID = "pavlohrad-feed-row"
CORRECTION_REASON = "<script>alert('why')</script> the governor's later figure"


def feed_row() -> dict:
    """A structured account of the same strike, said by someone whose name is markup."""
    return {
        "id": FEED_ROW_ID, "kind": "strike", "place": "Pavlohrad", "admin1": "Dnipropetrovsk Oblast",
        "admin1_code": "UA-12", "country": "UA", "lat": 48.5321, "lon": 35.8688, "geo_precision": "settlement",
        "start": "2025-04-02T23:00:00Z", "end": "2025-04-03T01:00:00Z", "actor": "RU", "targets": ["energy.grid"],
        "weapon": "drone", "outcome": "hit", "counts": {"injured": 5}, "claimed_by": [HOSTILE_SPEAKER],
    }


def build_consolidated(folder: Path) -> Ceasewatch:
    """The example agreement, the Pavlohrad reports (the wire's outlet renamed), the feed row, a correction."""
    reports = folder / "reports"
    shutil.copytree(PAVLOHRAD, reports)
    wire = reports / "wire-substation.txt"
    wire.write_text(wire.read_text().replace("Source: Example Wire (fictional outlet)", f"Source: {HOSTILE_OUTLET}"))
    feed = folder / "pavlohrad.jsonl"
    feed.write_text(json.dumps(feed_row()) + "\n")
    cw = Ceasewatch(Store.open(str(folder / "ceasewatch.db")))
    cw.ingest([EXAMPLE / "agreement.yaml", *sorted(reports.glob("*.txt")), feed])
    cw.correct(FEED_ROW_ID, "counts.injured", "3", by=HOSTILE_ANALYST, reason=CORRECTION_REASON)
    return cw
