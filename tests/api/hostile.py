"""A report and a record carrying markup and script, with evidence spans: what must render as text."""

from __future__ import annotations

from pathlib import Path

from worked_example import copy_example

from ceasewatch import Ceasewatch
from ceasewatch.model import Report, report_id
from ceasewatch.store import Store

HOSTILE_TEXT = (
    "Kharkiv, 19 March. <script>alert('report')</script> A drone struck the "
    "<img src=x onerror=alert(1)> Kharkiv heat plant overnight, the regional governor said."
)
HOSTILE_ID = "kharkiv-heat-2025-03-19"


def hostile_report() -> Report:
    title = "<b onmouseover=alert(3)>Strike</b>"
    return Report(id=report_id(HOSTILE_TEXT, title, "Example Wire", None, "2025-03-19"), text=HOSTILE_TEXT,
                  title=title, source="Example Wire", published="2025-03-19", language="en")


def span(report: Report, words: str, field: str | None) -> dict:
    start = report.text.index(words)
    out = {"report": report.id, "start": start, "end": start + len(words), "text": words}
    if field:
        out["field"] = field
    return out


def hostile_record(report: Report) -> dict:
    """A strike whose text fields and evidence carry markup that must render as text."""
    return {
        "id": HOSTILE_ID, "kind": "strike", "place": "Kharkiv <script>alert('place')</script>",
        "admin1": "Kharkiv Oblast", "admin1_code": "UA-63", "country": "UA", "lat": 49.9935, "lon": 36.2304,
        "geo_precision": "settlement", "start": "2025-03-18T19:00:00Z", "end": "2025-03-19T04:00:00Z",
        "launch_start": None, "launch_end": None, "actor": "RU", "targets": ["energy.heat"], "site": None,
        "weapon": "drone", "weapon_model": None, "outcome": "hit",
        "counts": {"launched": None, "intercepted": None, "killed": None, "injured": None, "buildings": None},
        "intent": None, "claimed_by": ["<img src=x onerror=alert(2)>"], "denied_by": [],
        "evidence": [span(report, "A drone struck", "weapon"), span(report, "Kharkiv heat plant", "targets"),
                     span(report, "overnight", "start")],
    }


def build_service(folder: Path) -> Ceasewatch:
    """The example run into FOLDER/ceasewatch.db, with the hostile report and record added and judged."""
    copy_example(folder, as_feeds=True)
    cw = Ceasewatch(Store.open(str(folder / "ceasewatch.db")))
    cw.run(folder)
    report = hostile_report()
    cw.store.save_report(report)
    cw.store.save_records([hostile_record(report)])
    cw.judge_pending()
    return cw
