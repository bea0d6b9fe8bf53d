"""Compliance reports over many incidents: HTML, Markdown and PDF, wall time and peak memory.

    .venv/bin/python benchmarks/bench_report.py [--incidents 100000] [--seed 2025]

Generates (seeded) N strikes over Ukraine and western Russia under the bundled example's
agreement (settlement, district and region precision; RU, UA and unknown actors; times
from 10 March to 20 April 2025; a quarter with a quoted evidence span from one of 1,000
stored reports), ingests and judges them into a temporary SQLite database, then writes the
report once per format, each in a fresh child process so that each peak memory figure
(maximum resident set, getrusage) is that format's alone: HTML and Markdown with the full
annex, the PDF with its annex capped at 1,000 incidents plus the full annex as CSV. Then
each export format over every record, the same way.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from common import machine, peak_rss_mb

ROOT = Path(__file__).resolve().parents[1]
AGREEMENT = ROOT / "examples" / "energy-moratorium-2025" / "agreement.yaml"
AS_OF = "2025-05-01T00:00:00Z"
T0 = datetime(2025, 3, 10, tzinfo=UTC)
REGIONS = [("UA-59", "Sumy Oblast", "UA", 51.0, 34.2), ("UA-63", "Kharkiv Oblast", "UA", 49.6, 36.5),
           ("UA-14", "Donetsk Oblast", "UA", 48.2, 37.7), ("UA-46", "Lviv Oblast", "UA", 49.8, 24.0),
           ("UA-51", "Odessa Oblast", "UA", 46.7, 30.0), ("RU-KDA", "Krasnodar Krai", "RU", 45.4, 39.1),
           ("RU-BEL", "Belgorod Oblast", "RU", 50.7, 37.3), ("RU-KRS", "Kursk Oblast", "RU", 51.6, 36.1)]
TARGETS = [["energy.grid"], ["energy.oil"], ["energy.gas", "transport.rail"], ["health"], ["residential"],
           ["transport.port"], ["military"], []]
REPORTS = 1000
EXPORTS = ("jsonl", "csv", "geojson", "acled-csv")


def write_inputs(folder: Path, n: int, seed: int) -> tuple[Path, list[dict]]:
    """A feed of N strikes and the reports their evidence quotes."""
    rnd = random.Random(seed)
    reports = []
    for i in range(REPORTS):
        text = f"Report {i}: overnight strikes hit energy facilities in several regions, officials said."
        reports.append({"id": f"rep-bench-{i:04d}", "text": text, "source": rnd.choice(["AP", "Reuters", "Ukrinform"]),
                        "url": f"https://example.org/news/{i}", "published": "2025-03-20", "title": f"Report {i}"})
    feed = folder / "incidents.jsonl"
    with open(feed, "w") as f:
        for i in range(n):
            iso, admin1, country, lat, lon = rnd.choice(REGIONS)
            precision = rnd.choices(["settlement", "district", "admin1"], [6, 2, 2])[0]
            start = T0 + timedelta(minutes=rnd.randrange(41 * 24 * 60))
            end = start + timedelta(hours=rnd.choice([0, 0, 9, 24]))
            record = {
                "id": f"bench-{i:06d}", "place": f"Place {i % 3000}" if precision != "admin1" else admin1,
                "admin1": admin1, "admin1_code": iso, "country": country,
                "lat": round(lat + rnd.uniform(-0.8, 0.8), 4), "lon": round(lon + rnd.uniform(-1.2, 1.2), 4),
                "geo_precision": precision, "start": _utc(start), "end": _utc(end),
                "actor": rnd.choices(["RU", "UA", None], [6, 3, 1])[0], "targets": rnd.choice(TARGETS),
                "weapon": rnd.choice(["drone", "missile", None]), "outcome": rnd.choice(["hit", "hit", "intercepted"]),
                "counts": {"killed": rnd.choice([None, None, 0, 1, 3])},
                "claimed_by": [rnd.choice(["regional administration", "Ministry of Defence", "State Emergency Service"])],
            }
            if rnd.random() < 0.25:
                report = reports[rnd.randrange(REPORTS)]
                record["evidence"] = [{"report": report["id"], "start": 10, "end": 26, "text": report["text"][10:26]}]
            f.write(json.dumps(record) + "\n")
    return feed, reports


def build_database(folder: Path, n: int, seed: int) -> tuple[str, float]:
    """Ingest the agreement, the reports and the feed, and judge: the database URL and the seconds taken."""
    from ceasewatch import Ceasewatch
    from ceasewatch.model import Report
    from ceasewatch.store import Store

    feed, reports = write_inputs(folder, n, seed)
    url = f"sqlite:///{folder / 'bench.db'}"
    started = time.perf_counter()
    with Ceasewatch(Store.open(url)) as cw:
        for r in reports:
            cw.store.save_report(Report(**r))
        outcome = cw.ingest([AGREEMENT, feed])
        assert not outcome.problems, outcome.problems[:3]
    return url, time.perf_counter() - started


def run_step(fmt: str, url: str, out: Path) -> None:
    """In a child process: write one report, print its figures as JSON."""
    from ceasewatch import Ceasewatch
    from ceasewatch.model import parse_instant
    from ceasewatch.report.compliance import write_report
    from ceasewatch.store import Store

    started = time.perf_counter()
    with Ceasewatch(Store.open(url)) as cw:
        data = cw.compliance_data(as_of=parse_instant(AS_OF))
        gathered = time.perf_counter() - started
        written = write_report(data, fmt, str(out))
    total = time.perf_counter() - started
    sizes = {p.name: p.stat().st_size for p in written.paths}
    print(json.dumps({"format": fmt, "seconds": total, "gather_seconds": gathered, "peak_mb": peak_rss_mb(),
                      "incidents": written.incidents, "annex": written.annex_shown, "pages": written.pages,
                      "sizes": sizes}))


def run_export(fmt: str, url: str, out: Path) -> None:
    """In a child process: export every record in one format, print its figures as JSON."""
    from ceasewatch import Ceasewatch
    from ceasewatch.export import VERDICT_FORMATS, ExportFilter, write_export
    from ceasewatch.store import Store

    started = time.perf_counter()
    with Ceasewatch(Store.open(url)) as cw, open(out, "w", encoding="utf-8", newline="") as stream:
        written = write_export(fmt, cw.export_selection(ExportFilter(), needs_agreement=fmt in VERDICT_FORMATS), stream)
    print(json.dumps({"format": fmt, "seconds": time.perf_counter() - started, "peak_mb": peak_rss_mb(),
                      "records": written, "size": out.stat().st_size}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--incidents", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument("--step", help=argparse.SUPPRESS)
    parser.add_argument("--db", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.step in EXPORTS:
        run_export(args.step, args.db, Path(args.out))
        return
    if args.step:
        run_step(args.step, args.db, Path(args.out))
        return
    print(f"machine: {machine()}", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        url, built = build_database(folder, args.incidents, args.seed)
        print(f"ingested and judged {args.incidents:,} incidents in {built:.1f} s", flush=True)
        for fmt in ("html", "md", "pdf"):
            out = folder / f"report.{fmt}"
            child = subprocess.run([sys.executable, __file__, "--step", fmt, "--db", url, "--out", str(out)],
                                   capture_output=True, text=True, check=True)
            r = json.loads(child.stdout.strip().splitlines()[-1])
            pages = f", {r['pages']:,} pages" if r["pages"] else ""
            sizes = ", ".join(f"{name} {size / 1e6:,.1f} MB" for name, size in r["sizes"].items())
            print(f"{fmt:>4}: {r['seconds']:6.1f} s (reading {r['gather_seconds']:.1f} s), peak {r['peak_mb']:,.0f} MB, "
                  f"annex {r['annex']:,} of {r['incidents']:,}{pages}; {sizes}", flush=True)
        for fmt in EXPORTS:
            out = folder / f"export.{fmt}"
            child = subprocess.run([sys.executable, __file__, "--step", fmt, "--db", url, "--out", str(out)],
                                   capture_output=True, text=True, check=True)
            r = json.loads(child.stdout.strip().splitlines()[-1])
            print(f"export {fmt:>9}: {r['seconds']:6.1f} s, {r['records'] / r['seconds']:>8,.0f} records/s, "
                  f"peak {r['peak_mb']:,.0f} MB, {r['size'] / 1e6:,.1f} MB", flush=True)


def _utc(t: datetime) -> str:
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


if __name__ == "__main__":
    main()
