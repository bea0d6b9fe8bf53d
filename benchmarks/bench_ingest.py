"""Ingest speed: N incidents from JSON Lines into SQLite, against bare json.loads + executemany.

    .venv/bin/python benchmarks/bench_ingest.py [--rows 1000000]

Both sides read the same file and write the same columns into a table with the same
indexes. ceasewatch also checks every field, normalises times to UTC, hashes each record's
canonical JSON and looks up existing ids. Consolidation and judging are excluded (`defer`;
no agreement is stored): benchmarks/bench_consolidate.py measures consolidation.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from common import machine, peak_rss_mb  # noqa: E402

from ceasewatch import Ceasewatch  # noqa: E402
from ceasewatch.store import Store  # noqa: E402

TARGETS = ["energy.grid", "energy.oil", "health", "residential", "transport.rail", "military", "energy.gas"]


def write_feed(path: Path, rows: int) -> None:
    """A seeded feed of point- and settlement-precision strikes over Ukraine and western Russia."""
    rnd = random.Random(20250318)
    with open(path, "w") as f:
        for i in range(rows):
            hour = rnd.randrange(24 * 60)
            start = f"2025-03-{1 + hour // 1440 % 28:02d}T{hour % 1440 // 60:02d}:{hour % 60:02d}:00+02:00"
            record = {
                "id": f"bench-{i}", "place": f"Place {i % 5000}", "country": rnd.choice(["UA", "RU"]),
                "lat": round(rnd.uniform(44.5, 56.0), 5), "lon": round(rnd.uniform(22.0, 45.0), 5),
                "geo_precision": rnd.choice(["point", "settlement"]),
                "start": start, "end": start, "actor": rnd.choice(["RU", "UA", None]),
                "targets": rnd.sample(TARGETS, rnd.randint(0, 2)), "weapon": rnd.choice(["drone", "missile", None]),
                "outcome": "hit", "claimed_by": ["regional administration"],
            }
            f.write(json.dumps(record) + "\n")


BASELINE_SCHEMA = """
CREATE TABLE incidents (id TEXT PRIMARY KEY, revision INTEGER, content_hash TEXT, kind TEXT, actor TEXT,
  start_utc TEXT, end_utc TEXT, country TEXT, admin1_code TEXT, place TEXT, lat REAL, lon REAL,
  geo_precision TEXT, targets TEXT, record TEXT, source_file TEXT, source_line INTEGER, stored_at TEXT);
CREATE INDEX ix_start ON incidents (start_utc);
CREATE INDEX ix_actor ON incidents (actor);
CREATE INDEX ix_kind ON incidents (kind);
"""


def bare_baseline(feed: Path, db: Path) -> float:
    """json.loads each line and executemany the same columns, in one transaction."""
    t0 = time.perf_counter()
    con = sqlite3.connect(db)
    con.execute("PRAGMA journal_mode=WAL")
    con.executescript(BASELINE_SCHEMA)
    with open(feed) as f, con:
        batch = []
        for n, line in enumerate(f, start=1):
            r = json.loads(line)
            batch.append((r["id"], 1, "", "strike", r["actor"], r["start"], r["end"], r["country"], None,
                          r["place"], r["lat"], r["lon"], r["geo_precision"], ";".join(r["targets"]),
                          line, str(feed), n, "2026-01-01T00:00:00Z"))
            if len(batch) == 10000:
                con.executemany("INSERT INTO incidents VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", batch)
                batch.clear()
        con.executemany("INSERT INTO incidents VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", batch)
    con.close()
    return time.perf_counter() - t0


def ceasewatch_ingest(feed: Path, db: Path) -> tuple[float, int]:
    t0 = time.perf_counter()
    with Ceasewatch(Store.open(f"sqlite:///{db}")) as cw:
        report = cw.ingest([feed], defer=True)  # storing only: bench_consolidate measures consolidation
    assert not report.problems, report.problems[:3]
    return time.perf_counter() - t0, report.files[0].added


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        feed = Path(tmp) / "feed.jsonl"
        write_feed(feed, args.rows)
        bare = bare_baseline(feed, Path(tmp) / "bare.db")
        ours, added = ceasewatch_ingest(feed, Path(tmp) / "ceasewatch.db")
        again, _ = ceasewatch_ingest(feed, Path(tmp) / "ceasewatch.db")
    assert added == args.rows
    print(f"machine: {machine()}")
    print(f"rows: {args.rows:,}  feed: {feed.name}")
    print(f"bare json.loads + sqlite3 executemany: {bare:8.2f} s  {args.rows / bare:>10,.0f} rows/s")
    print(f"ceasewatch ingest (empty database):     {ours:8.2f} s  {args.rows / ours:>10,.0f} rows/s  ratio {ours / bare:.2f}x")
    print(f"ceasewatch ingest again (all skipped):  {again:8.2f} s")
    print(f"peak memory (whole process): {peak_rss_mb():,.0f} MB")


if __name__ == "__main__":
    main()
