"""Photograph the dashboard on the bundled example for docs/screenshots/ (run once, commit the PNGs).

    .venv/bin/python scripts/screenshots.py [--out docs/screenshots]

Copies examples/energy-moratorium-2025 to a temporary folder, runs it, serves it on a free
port of 127.0.0.1 and opens each view in Debian's Chromium (/usr/bin/chromium) through
Playwright. The incident page shown is the first incident with evidence spans, if any.
"""

from __future__ import annotations

import argparse
import shutil
import socket
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "energy-moratorium-2025"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
VIEWS = {
    "map": "/?version=us-ua",
    "map-kremlin": "/?version=kremlin",
    "timeline": "/timeline?version=kremlin",
    "differences": "/differences",
    "incidents": "/incidents",
}


def serve(folder: Path):
    """The example's app on a uvicorn server in a thread; returns (server, base URL)."""
    import uvicorn

    from ceasewatch import Ceasewatch
    from ceasewatch.store import Store
    from ceasewatch.web import create_app

    cw = Ceasewatch(Store.open(str(folder / "ceasewatch.db")))
    cw.run(folder)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(cw), host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    return server, cw, f"http://127.0.0.1:{port}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    from ceasewatch.store import IncidentQuery

    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp) / "example"
        shutil.copytree(EXAMPLE, folder, ignore=shutil.ignore_patterns("ceasewatch.db*"))
        server, cw, url = serve(folder)
        rows = cw.incident_page(IncidentQuery(limit=1000)).rows
        with_evidence = [r.record["id"] for r in rows if r.record.get("evidence")]
        incident = (with_evidence or ["krasnodar-oil-depot-2025-03-19"])[0]
        views = {**VIEWS, "incident": f"/incidents/{incident}"}
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=FLAGS)
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            for name, path in views.items():
                page.goto(url + path)
                if name.startswith("map"):
                    page.wait_for_selector("#map[data-loaded='true']")
                page.wait_for_load_state("networkidle")
                page.screenshot(path=str(args.out / f"{name}.png"), full_page=not name.startswith("map"))
                print(args.out / f"{name}.png", file=sys.stderr)
            browser.close()
        server.should_exit = True
        cw.close()


if __name__ == "__main__":
    main()
