"""Judging throughput against a large site registry, beside the bare STRtree query it rests on.

    .venv/bin/python benchmarks/bench_judge.py [--incidents N] [--sites M] [--seed S]

Generates (seeded) M point sites and N point-precision strikes over a box around Ukraine
and western Russia, and an agreement with 2 versions of 2 refrain commitments each (one
with targets and the site list at 2 km, one with targets only). Times, in one process:

- bare: project sites and points to Web Mercator, build an STRtree over the sites and
  query every point with predicate "dwithin" at 2,000 m: the library doing the core work.
  Run twice: as plain code would, and with the garbage collector paused as the engine
  pauses it (with a million Incident objects alive, the collections that a million new
  geometries trigger cost more than the query). The ratio is taken against the faster;
- loading: IncidentBatch.from_incidents on the N Incident objects;
- judging: judge_batch, both versions, all commitments.

Peak memory is the process's maximum resident set (getrusage), read after each step:
tracemalloc would slow a million-row run several-fold. Baseline and engine share the
process, so the peak is for the whole run, generated incidents included.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import numpy as np
import shapely

sys.path.insert(0, str(Path(__file__).parent))
from common import machine, peak_rss_mb  # noqa: E402

from ceasewatch.adjudicate import IncidentBatch, judge_batch  # noqa: E402
from ceasewatch.model import Agreement, Commitment, Incident, Interval, Site, SiteList, Version  # noqa: E402

LAT, LON = (44.0, 56.0), (22.0, 45.0)  # Ukraine and western Russia
T0 = datetime(2025, 3, 18, 15, 30, tzinfo=timezone.utc)
TARGET_LISTS = [("energy.grid",), ("energy.oil",), ("health",), ("residential",), ("energy.gas", "transport.rail"),
                ("military",), ()]


def make_sites(rng: np.random.Generator, m: int) -> SiteList:
    lat, lon = rng.uniform(*LAT, m), rng.uniform(*LON, m)
    sites = tuple(Site(id=f"s{i}", name=None, lat=a, lon=o) for i, (a, o) in enumerate(zip(lat.tolist(), lon.tolist())))
    return SiteList(key="registry", file="registry.csv", sites=sites, tolerance_m=2000.0)


def make_agreement(sites: SiteList) -> Agreement:
    def halt(id, party, targets, start, with_sites, in_flight="counts"):
        s = Interval(start, start + timedelta(hours=1, minutes=25))
        return Commitment(id=id, parties=(party,), mode="refrain", act="strike", start=s, end=s.shift(timedelta(days=30)),
                          in_flight=in_flight, targets=tuple(targets), target_codes=frozenset(targets),
                          sites=("registry",) if with_sites else ())

    civilian = {"energy", "transport.rail", "transport.port", "health", "water"}
    versions = {
        "broad": Version("broad", None, (), (halt("ru-halt", "RU", civilian, T0, True),
                                             halt("ua-halt", "UA", civilian, T0 + timedelta(hours=18), False))),
        "narrow": Version("narrow", None, (), (halt("ru-halt", "RU", {"energy"}, T0, True, "exempt"),
                                               halt("ua-halt", "UA", {"energy"}, T0, False))),
    }
    return Agreement(id="bench", title=None, parties={"RU": "", "UA": ""}, timezone="Europe/Kyiv", events={},
                     categories={}, site_lists={"registry": sites}, versions=versions)


def make_incidents(rng: np.random.Generator, n: int) -> list[Incident]:
    lat, lon = rng.uniform(*LAT, n).tolist(), rng.uniform(*LON, n).tolist()
    actor = rng.choice(np.array(["RU", "UA", None], dtype=object), n, p=[0.6, 0.3, 0.1]).tolist()
    targets = rng.integers(0, len(TARGET_LISTS), n).tolist()
    start = rng.integers(-3 * 86400, 35 * 86400, n).tolist()
    width = rng.choice([0, 600, 9 * 3600], n).tolist()
    has_launch = (rng.random(n) < 0.3).tolist()
    out = []
    for i in range(n):
        a = T0 + timedelta(seconds=start[i])
        impact = Interval(a, a + timedelta(seconds=width[i]))
        launch = Interval(a - timedelta(hours=2), a - timedelta(hours=1)) if has_launch[i] else Interval(None, None)
        out.append(Incident(id=f"i{i}", time=impact, launch=launch, lat=lat[i], lon=lon[i], geo_precision="point",
                            actor=actor[i], targets=TARGET_LISTS[targets[i]], country="UA"))
    return out


def web_mercator(lat: np.ndarray, lon: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """EPSG:3857 on the sphere, in numpy (pyproj is not needed for this one projection)."""
    r = 6378137.0
    return r * np.radians(lon), r * np.log(np.tan(np.pi / 4 + np.radians(lat) / 2))


def bare_query(site_lat, site_lon, lat, lon) -> int:
    """The library alone: projected sites in an STRtree, every point queried at 2,000 m."""
    tree = shapely.STRtree(shapely.points(*web_mercator(site_lat, site_lon)))
    return tree.query(shapely.points(*web_mercator(lat, lon)), predicate="dwithin", distance=2000.0).shape[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--incidents", type=int, default=1_000_000)
    parser.add_argument("--sites", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=2025)
    args = parser.parse_args()

    print(f"machine: {machine()}")
    rng = np.random.default_rng(args.seed)
    sites = make_sites(rng, args.sites)
    agreement = make_agreement(sites)
    incidents = make_incidents(rng, args.incidents)
    print(f"generated {args.incidents:,} incidents and {args.sites:,} sites (peak {peak_rss_mb():,.0f} MB)")

    coordinates = (np.array([s.lat for s in sites.sites]), np.array([s.lon for s in sites.sites]),
                   np.array([i.lat for i in incidents]), np.array([i.lon for i in incidents]))
    started = time.perf_counter()
    pairs = bare_query(*coordinates)
    plain_s = time.perf_counter() - started
    started = time.perf_counter()
    gc.disable()
    bare_query(*coordinates)
    gc.enable()
    paused_s = time.perf_counter() - started
    bare_s = min(plain_s, paused_s)
    print(f"bare STRtree dwithin query: {plain_s:.2f} s plain, {paused_s:.2f} s with the collector paused "
          f"({pairs:,} pairs; peak {peak_rss_mb():,.0f} MB)")

    started = time.perf_counter()
    batch = IncidentBatch.from_incidents(incidents)
    loading_s = time.perf_counter() - started
    print(f"loading (IncidentBatch):   {loading_s:.2f} s ({args.incidents / loading_s:,.0f} incidents/s; "
          f"peak {peak_rss_mb():,.0f} MB)")

    started = time.perf_counter()
    verdicts = judge_batch(agreement, batch)
    judging_s = time.perf_counter() - started
    n_verdicts = args.incidents * len(verdicts)
    print(f"judging (judge_batch):     {judging_s:.2f} s ({n_verdicts / judging_s:,.0f} incident-verdicts/s; "
          f"peak {peak_rss_mb():,.0f} MB)")
    print(f"ratio judging / bare:      {judging_s / bare_s:.2f}x (against the faster bare run)")
    for key, v in verdicts.items():
        counts = np.bincount(v.verdict, minlength=4).tolist()
        print(f"  {key}: violation {counts[0]:,}, undetermined {counts[1]:,}, no_violation {counts[2]:,}, "
              f"not_applicable {counts[3]:,}")
    print(f"peak memory (max RSS, whole process): {peak_rss_mb():,.0f} MB")


if __name__ == "__main__":
    main()
