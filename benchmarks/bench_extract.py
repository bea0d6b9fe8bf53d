"""Extraction speed: reports per second through extract (places, times, rules), and a cold start.

    .venv/bin/python benchmarks/bench_extract.py [--reports 2000] [--chars 2000] [--cold-runs 5]

The reports are made from the example's own texts (examples/energy-moratorium-2025/
reports), never from evaluation texts: their paragraphs shuffled, with place names,
numbers and clock times swapped, until each is about --chars characters long. Each worker
process builds its extractor (and loads the gazetteer) before the clock starts; the reports
go to the pool in chunks, as a batch would. Then `ceasewatch extract` is run on one report
in a new process --cold-runs times, and the median wall time is printed.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from common import machine, peak_rss_mb

from ceasewatch.ingest.reports import read_report
from ceasewatch.model import Report, report_id

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "energy-moratorium-2025"
TEXTS = EXAMPLE / "reports"
PLACES = [
    "Sloviansk", "Kramatorsk", "Kharkiv", "Sumy", "Odesa", "Dnipro", "Zaporizhzhia", "Kherson", "Poltava",
    "Bucha", "Chernihiv", "Kryvyi Rih", "Belgorod", "Kursk", "Bryansk", "Krasnodar", "Novorossiysk", "Voronezh",
]
CHUNK = 50


def make_reports(count: int, chars: int, seed: int = 20250319) -> list[Report]:
    """`count` reports of about `chars` characters, mutated from the example's texts."""
    rnd = random.Random(seed)
    paragraphs = [p.strip() for path in sorted(TEXTS.glob("*.txt")) for p in read_report(path).text.split("\n\n") if p.strip()]
    reports = []
    for n in range(count):
        parts, length = [], 0
        while length < chars + 400:
            paragraph = _mutated(rnd.choice(paragraphs), rnd)
            parts.append(paragraph)
            length += len(paragraph) + 2
        text = _cut_at_sentence("\n\n".join(parts), chars)
        title = f"Bench report {n}"
        reports.append(Report(report_id(text, title, "Bench Wire", None, "2025-03-19"), text, title, "Bench Wire",
                              None, "2025-03-19"))
    return reports


def _cut_at_sentence(text: str, chars: int) -> str:
    """`text` cut at the sentence end nearest to `chars` characters."""
    before, after = text.rfind(". ", 0, chars), text.find(". ", chars)
    ends = [end + 1 for end in (before, after) if end > 0]
    return text[: min(ends, key=lambda end: abs(end - chars))] if ends else text[:chars]


def _mutated(paragraph: str, rnd: random.Random) -> str:
    for place in ("Sloviansk", "Bucha", "Sumy"):
        paragraph = paragraph.replace(place, rnd.choice(PLACES))
    paragraph = paragraph.replace("8:50 p.m.", f"{rnd.randint(1, 11)}:{rnd.choice(['05', '20', '45'])} p.m.")
    paragraph = paragraph.replace("145", str(rnd.randint(20, 300))).replace("nine", rnd.choice(["three", "twelve"]))
    return paragraph


def _warm(_: int = 0) -> None:
    """Build this process's extractor (and its gazetteer) before any report is timed."""
    from ceasewatch.extract import extract_report

    extract_report(make_reports(1, 400)[0])


def _extract_chunk(chunk: list[Report]) -> tuple[int, float]:
    """(incidents found, CPU seconds this process spent) for one chunk."""
    from ceasewatch.extract import extract_report

    started = time.process_time()
    incidents = sum(len(extract_report(report).incidents) for report in chunk)
    return incidents, time.process_time() - started


def throughput(reports: list[Report], workers: int) -> tuple[float, float, int]:
    """(reports per wall second, reports per CPU second, incidents) with `workers` processes.

    CPU seconds are the workers' own: on a machine busy with other work the wall-clock rate
    drops, while the rate per CPU second says what an idle core would do.
    """
    chunks = [reports[i:i + CHUNK] for i in range(0, len(reports), CHUNK)]
    with ProcessPoolExecutor(workers, initializer=_warm) as pool:
        list(pool.map(_warm, range(workers)))  # every worker up before the clock starts
        started = time.perf_counter()
        results = list(pool.map(_extract_chunk, chunks))
        elapsed = time.perf_counter() - started
    cpu = sum(seconds for _, seconds in results)
    return len(reports) / elapsed, len(reports) / cpu, sum(found for found, _ in results)


def cold_extract(runs: int) -> list[tuple[float, float]]:
    """(wall seconds, CPU seconds) of `ceasewatch extract` on one report, each in a new process."""
    command = Path(sys.executable).parent / "ceasewatch"
    report = TEXTS / "sloviansk-grid.txt"
    times = []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run(
            [str(command), "extract", str(report), "--agreement", str(EXAMPLE / "agreement.yaml")],
            check=True, capture_output=True, cwd=tempfile.gettempdir(),
        )
        wall = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        times.append((wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime))
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reports", type=int, default=2000)
    parser.add_argument("--chars", type=int, default=2000)
    parser.add_argument("--cold-runs", type=int, default=5)
    args = parser.parse_args()
    print(machine())
    print("load average before: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    reports = make_reports(args.reports, args.chars)
    mean_chars = statistics.mean(len(r.text) for r in reports)
    print(f"{len(reports)} reports, {mean_chars:,.0f} characters on average")
    for workers in (1, 2):
        rate, per_cpu, incidents = throughput(reports, workers)
        print(f"extract, {workers} worker(s): {rate:,.1f} reports/s wall clock, {per_cpu:,.1f} reports"
              f" per CPU second ({incidents} incidents found)")
    runs = cold_extract(args.cold_runs)
    walls, cpus = [w for w, _ in runs], [c for _, c in runs]
    print(f"cold `ceasewatch extract` of one report: median {statistics.median(walls):.2f} s wall clock,"
          f" {statistics.median(cpus):.2f} s CPU (wall runs: {', '.join(f'{t:.2f}' for t in walls)})")
    print(f"peak memory of this process: {peak_rss_mb():,.0f} MB")
    print("load average after: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))


if __name__ == "__main__":
    main()
