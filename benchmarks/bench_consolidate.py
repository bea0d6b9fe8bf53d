"""Consolidation speed: 300,000 accounts into about 100,000 incidents, beside the bare I/O floor.

    .venv/bin/python benchmarks/bench_consolidate.py [--strikes 100000] [--seed S]

Generates (seeded) STRIKES strikes over Ukraine and western Russia, spread over a year, and
three accounts of each as different reports would give them: the place jittered within its
precision's tolerance (point 0.5 km, settlement 3 km, district 8 km; one account in ten
region-level only), an instant within ten minutes of the strike, an hour around it or the
whole night, the actor unknown in one account in ten; one account in fifty is noise (a time
five days wide, which never merges). They are stored with Store.save_records in a SQLite
file; then:

- bare (in the parent): sqlite3 reads the columns consolidation groups by and every account's record, then
  writes one row per expected incident (a record's size) and one link row per account with
  executemany, in one transaction: the I/O floor of the same work;

and in a fresh child process (so that its peak memory is consolidation's alone):

- from scratch: Ceasewatch.consolidate() on the fresh store;
- again: consolidate() with nothing changed (every basis equal: nothing written);
- one new report: one account added that joins an existing incident, then consolidate().

The incident count is checked against the generated strikes (within 1%, noise included).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from common import machine, peak_rss_mb  # noqa: E402

from ceasewatch import Ceasewatch  # noqa: E402
from ceasewatch.store import Store  # noqa: E402

LAT, LON = (44.0, 52.0), (22.0, 45.0)
T0 = datetime(2025, 1, 1, tzinfo=timezone.utc).timestamp()
YEAR_S = 365 * 86400
TARGETS = [["energy.grid"], ["energy.oil"], ["energy.gas"], ["health"], ["residential"], ["transport.rail"], ["military"]]
JITTER_KM = {"point": 0.5, "settlement": 3.0, "district": 8.0}
KM_PER_DEG = 111.195


def utc(seconds: float) -> str:
    return datetime.fromtimestamp(round(seconds), timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def region_of(lat: float, lon: float) -> str:
    """A made-up region code: one-by-two degree cells."""
    return f"XX-{int(lat)}-{int(lon // 2)}"


def account_record(rng: random.Random, account_id: str, strike: tuple, noise: bool) -> dict:
    lat, lon, t, actor, targets = strike
    precision = "admin1" if rng.random() < 0.1 else rng.choice(["point", "settlement", "settlement", "district"])
    shape = rng.randrange(3)
    if noise:
        start, end = t - 3 * 86400, t + 2 * 86400
    elif shape == 0:
        start = end = t + rng.uniform(-600, 600)
    elif shape == 1:
        start = t - rng.uniform(0, 3000)
        end = start + 3600
    else:
        start, end = t - rng.uniform(3, 8) * 3600, t + rng.uniform(1, 4) * 3600
    record = {
        "id": account_id, "kind": "strike", "place": f"Place {int(lat * 10)}-{int(lon * 10)}",
        "admin1": "Region", "admin1_code": region_of(lat, lon), "country": "UA",
        "lat": None, "lon": None, "geo_precision": precision, "start": utc(start), "end": utc(end),
        "actor": None if rng.random() < 0.1 else actor, "targets": targets, "weapon": "drone",
        "counts": {"launched": None, "intercepted": None, "killed": None, "injured": rng.choice([None, 1, 2]),
                   "buildings": None},
        "claimed_by": [rng.choice(["regional governor", "Reuters", "city council", "Russian Defence Ministry"])],
        "denied_by": [], "evidence": [],
    }
    if precision != "admin1":
        km, bearing = rng.uniform(0, JITTER_KM[precision]), rng.uniform(0, 2 * math.pi)
        record["lat"] = round(lat + km * math.cos(bearing) / KM_PER_DEG, 6)
        record["lon"] = round(lon + km * math.sin(bearing) / (KM_PER_DEG * math.cos(math.radians(lat))), 6)
    return record


def generate(db: Path, strikes: int, seed: int) -> tuple[int, int]:
    """Store three accounts per strike; returns (accounts, noise accounts)."""
    rng = random.Random(seed)
    noise = 0

    def accounts():
        nonlocal noise
        for s in range(strikes):
            strike = (rng.uniform(*LAT), rng.uniform(*LON), T0 + rng.uniform(0, YEAR_S), rng.choice(["RU", "UA"]),
                      rng.choice(TARGETS))
            for k in range(3):
                is_noise = rng.random() < 0.02
                noise += is_noise
                yield account_record(rng, f"acc-{s:06d}-{k}", strike, is_noise)

    with Store.open(f"sqlite:///{db}") as store:
        counts = store.save_records(accounts(), source_file="bench")
    return counts.added, noise


def bare_floor(db: Path, incidents: int) -> float:
    """Read the grouping columns and every record (streamed), write `incidents` rows and a link per account."""
    con = sqlite3.connect(db)
    started = time.perf_counter()
    columns = con.execute(
        "SELECT id, content_hash, kind, actor, start_utc, end_utc, lat, lon, geo_precision, admin1_code, country,"
        " targets, report, outlet, source_file, source_line FROM accounts").fetchall()
    con.executescript("CREATE TEMP TABLE floor_incidents (id TEXT PRIMARY KEY, content_hash TEXT, kind TEXT, actor TEXT,"
                      " start_utc TEXT, end_utc TEXT, lat REAL, lon REAL, targets TEXT, record TEXT, grade TEXT,"
                      " basis TEXT, consolidation TEXT);"
                      " CREATE TEMP TABLE floor_links (account_id TEXT PRIMARY KEY, incident_id TEXT);")
    with con:
        written = 0
        for chunk in iter(lambda cursor=con.execute("SELECT record FROM accounts"): cursor.fetchmany(2000), []):
            records = [json.loads(text) for (text,) in chunk]
            rows = [(r["id"], "h" * 64, "strike", r["actor"], r["start"], r["end"], r["lat"], r["lon"],
                     ";".join(r["targets"]), json.dumps(r), "reported", "b" * 64, "{}") for r in records]
            con.executemany("INSERT INTO floor_incidents VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", rows[:incidents - written])
            written = min(incidents, written + len(rows))
        con.executemany("INSERT INTO floor_links VALUES (?,?)", ((row[0], row[0]) for row in columns))
    elapsed = time.perf_counter() - started
    con.close()
    return elapsed


def measure(db: Path, strikes: int, noise: int) -> None:
    """The timed steps, in this (child) process."""
    accounts = strikes * 3
    bare = float(os.environ["BENCH_FLOOR_S"])
    with Ceasewatch(Store.open(f"sqlite:///{db}")) as cw:
        started = time.perf_counter()
        first = cw.consolidate()
        scratch = time.perf_counter() - started
        print(f"consolidate from scratch:             {scratch:8.2f} s  {accounts / scratch:>9,.0f} accounts/s  "
              f"ratio {scratch / bare:.2f}x  ({first.incidents:,} incidents; peak {peak_rss_mb():,.0f} MB)")
        started = time.perf_counter()
        again = cw.consolidate()
        print(f"consolidate again, nothing changed:   {time.perf_counter() - started:8.2f} s  "
              f"(rebuilt {again.rebuilt}, removed {again.removed})")
        # A copy of an account of a merged incident, under an id smaller than any: the incident's id changes.
        base = next(a for s in range(strikes) for a in [f"acc-{s:06d}-0"] if len(cw.store.accounts_of(cw.resolve_id(a))) > 1)
        joining = cw.store.account(base) | {"id": "acc-0-late", "claimed_by": ["Associated Press"]}
        cw.store.save_records([joining], source_file="late")
        started = time.perf_counter()
        late = cw.consolidate()
        print(f"consolidate after one new report:     {time.perf_counter() - started:8.2f} s  "
              f"(rebuilt {late.rebuilt}, removed {late.removed}, {late.incidents:,} incidents)")
    expected = strikes + noise
    print(f"incidents: {first.incidents:,} (strikes + noise accounts = {expected:,}; "
          f"{100 * (first.incidents - expected) / expected:+.2f}%)")
    print(f"peak memory (max RSS, child process): {peak_rss_mb():,.0f} MB")
    assert abs(first.incidents - expected) <= 0.01 * expected, "incident count out of the expected range"
    assert again.rebuilt == 0 and late.rebuilt == 1 and late.removed == 1 and late.incidents == first.incidents


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--strikes", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument("--measure", nargs=3, metavar=("DB", "STRIKES", "NOISE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        measure(Path(args.measure[0]), int(args.measure[1]), int(args.measure[2]))
        return
    print(f"machine: {machine()}")
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "accounts.db"
        started = time.perf_counter()
        stored, noise = generate(db, args.strikes, args.seed)
        print(f"generated and stored {stored:,} accounts of {args.strikes:,} strikes ({noise:,} noise) "
              f"in {time.perf_counter() - started:.1f} s; {db.stat().st_size / 2**20:,.0f} MB file")
        bare = bare_floor(db, args.strikes)
        print(f"bare read + executemany floor:        {bare:8.2f} s  (in the parent process)")
        subprocess.run([sys.executable, __file__, "--measure", str(db), str(args.strikes), str(noise)], check=True,
                       env={**os.environ, "BENCH_FLOOR_S": repr(bare)})


if __name__ == "__main__":
    main()
