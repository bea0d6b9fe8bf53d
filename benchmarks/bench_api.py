"""The API's list endpoint under 20 concurrent clients, and the map page's load time in Chromium.

    .venv/bin/python benchmarks/bench_api.py [--incidents 100000] [--clients 20] [--requests 4000]
                                             [--seconds 60] [--filter verdict|actor] [--seed 7] [--workers 2]

Generates (seeded) N strike records over Ukraine and western Russia (85% located to a point
or settlement, 10% to a region, 5% to a country only; actors RU, UA or unknown; targets
mixed; impact times over six weeks from 1 March 2025), stores them with the bundled
example's agreement in a temporary SQLite file and judges them under both versions. Then
starts `ceasewatch serve --db FILE --workers W` (a real uvicorn server on 127.0.0.1, W
processes) in a subprocess and:

- list: C client threads, each with its own keep-alive connection, ask for random pages of
  100 of GET /api/incidents with one filter (`verdict=violation` under `us-ua`, or
  `actor=RU`), sorted by start time, until R requests in all or S seconds have passed;
  median, p95 and p99 latency and requests per second;
- map: Chromium (Debian's, through Playwright) opens the map page five times, each in a new
  context, and the time from navigation to the first drawn incidents is taken.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).parent))
from common import machine

from ceasewatch import Ceasewatch
from ceasewatch.geodata import basemap
from ceasewatch.store import Store

ROOT = Path(__file__).resolve().parents[1]
AGREEMENT = ROOT / "examples" / "energy-moratorium-2025" / "agreement.yaml"
LAT, LON = (44.5, 52.5), (22.5, 40.5)
T0 = datetime(2025, 3, 1, tzinfo=UTC)
TARGETS = [["energy.grid"], ["energy.oil"], ["health"], ["residential"], ["energy.gas", "transport.rail"], ["military"], []]
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]
FILTERS = {"verdict": {"version": "us-ua", "verdict": "violation"}, "actor": {"actor": "RU"}}


def make_records(rng: random.Random, n: int) -> list[dict]:
    regions = [code for code in basemap().regions if code.startswith("UA-") or code in ("RU-KDA", "RU-BEL", "RU-KRS", "RU-BRY")]
    records = []
    for i in range(n):
        start = T0 + timedelta(minutes=rng.randrange(0, 42 * 24 * 60))
        width = timedelta(minutes=rng.choice([0, 0, 30, 9 * 60]))
        kind = rng.random()
        record = {
            "id": f"bench-{i:06d}", "kind": "strike", "actor": rng.choice(["RU", "RU", "UA", None]),
            "targets": rng.choice(TARGETS), "start": _iso(start), "end": _iso(start + width),
            "claimed_by": [rng.choice(["regional police", "Ministry of Defence", "governor"])],
        }
        if kind < 0.85:
            record.update(lat=round(rng.uniform(*LAT), 4), lon=round(rng.uniform(*LON), 4),
                          geo_precision=rng.choice(["point", "settlement"]), place=f"Place {i % 5000}", country="UA")
        elif kind < 0.95:
            code = rng.choice(regions)
            record.update(admin1_code=code, geo_precision="admin1", place=code, country=code[:2])
        else:
            record.update(country="UA", geo_precision="country", place="Ukraine")
        records.append(record)
    return records


def _iso(t: datetime) -> str:
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def build_database(path: Path, n: int, seed: int) -> float:
    started = time.perf_counter()
    with Ceasewatch(Store.open(str(path))) as cw:
        cw.ingest([AGREEMENT])
        cw.store.save_records(make_records(random.Random(seed), n))
        cw.judge_pending()
    return time.perf_counter() - started


def start_server(db: Path, workers: int) -> tuple[subprocess.Popen, str]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [str(Path(sys.executable).parent / "ceasewatch"), "serve", "--db", str(db), "--port", str(port),
               "--workers", str(workers)]
    server = subprocess.Popen(command, stderr=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx.get(url + "/api/sources", timeout=1).status_code == 200:
                return server, url
        except httpx.HTTPError:
            time.sleep(0.1)
    server.kill()
    raise RuntimeError("the server did not start")


def run_clients(url: str, params: dict, clients: int, requests: int, seconds: float, seed: int) -> dict:
    total = httpx.get(url + "/api/incidents", params={**params, "limit": 1}).json()["total"]
    pages = max(total // 100, 1)
    latencies: list[float] = []
    firsts: list[float] = []  # a page's first request: the server computes it
    repeats: list[float] = []  # asked before: the server may answer from its page cache
    seen: set[int] = set()
    errors = []
    lock = threading.Lock()
    budget = iter(range(requests))
    deadline = time.monotonic() + seconds

    def client(number: int) -> None:
        rng = random.Random(seed + number)
        with httpx.Client(base_url=url, timeout=30) as http:
            for _ in range(3):  # warm the connection and the server's caches
                http.get("/api/incidents", params={**params, "sort": "start", "limit": 100})
            while time.monotonic() < deadline:
                with lock:
                    if next(budget, None) is None:
                        return
                offset = rng.randrange(pages) * 100
                query = {**params, "sort": "start", "limit": 100, "offset": offset}
                began = time.perf_counter()
                response = http.get("/api/incidents", params=query)
                elapsed = time.perf_counter() - began
                # A cheap check that the page has items: parsing 100 records here would spend the
                # cores the servers need (the clients share the machine with them).
                empty = response.status_code != 200 or b'"items":[]' in response.content
                with lock:
                    latencies.append(elapsed)
                    (repeats if offset in seen else firsts).append(elapsed)
                    seen.add(offset)
                    if empty:
                        errors.append(response.status_code)

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    began = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - began
    ordered = sorted(latencies)
    return {
        "selected": total, "requests": len(ordered), "errors": len(errors), "seconds": round(wall, 1),
        "median_ms": round(statistics.median(ordered) * 1000, 1),
        "p95_ms": round(ordered[int(0.95 * (len(ordered) - 1))] * 1000, 1),
        "p99_ms": round(ordered[int(0.99 * (len(ordered) - 1))] * 1000, 1),
        "per_second": round(len(ordered) / wall, 1),
        "first_requests": len(firsts),
        "first_median_ms": round(statistics.median(firsts) * 1000, 1) if firsts else None,
        "first_p95_ms": round(sorted(firsts)[int(0.95 * (len(firsts) - 1))] * 1000, 1) if firsts else None,
    }


def map_load_times(url: str, runs: int = 5) -> list[float]:
    from playwright.sync_api import sync_playwright

    times = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_FLAGS)
        for _ in range(runs):
            context = browser.new_context(viewport={"width": 1400, "height": 950})
            page = context.new_page()
            began = time.perf_counter()
            page.goto(url + "/")
            page.wait_for_selector("#map[data-loaded='true']", timeout=30000)
            times.append(time.perf_counter() - began)
            context.close()
        browser.close()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--incidents", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=4000)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--filter", choices=sorted(FILTERS), default="verdict")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--workers", type=int, default=2, help="server processes (serve --workers)")
    parser.add_argument("--no-browser", action="store_true", help="skip the map page timing")
    args = parser.parse_args()
    print(machine())
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "bench.db"
        print(f"building {args.incidents:,} incidents, judged: {build_database(db, args.incidents, args.seed):.1f} s")
        server, url = start_server(db, args.workers)
        try:
            figures = run_clients(url, FILTERS[args.filter], args.clients, args.requests, args.seconds, args.seed)
            print(f"list, filter {args.filter} ({figures['selected']:,} selected), {args.clients} clients, "
                  f"{args.workers} server processes: "
                  + json.dumps(figures))
            if not args.no_browser:
                times = map_load_times(url)
                print(f"map page to first drawn incidents: median {statistics.median(times):.2f} s, "
                      f"max {max(times):.2f} s over {len(times)} loads")
        finally:
            server.terminate()
            server.wait(10)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    main()
