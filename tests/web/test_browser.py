"""The dashboard in Debian's Chromium, driven by Playwright, against one real server on 127.0.0.1.

Skipped when Chromium or Playwright is missing, except under CI=true, where that fails.
Screenshots go to $CEASEWATCH_ARTIFACTS (default: <tmp>/ceasewatch-artifacts), never the repo.
"""

from __future__ import annotations

import os
import socket
import tempfile
import threading
import time
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
ARTIFACTS = Path(os.environ.get("CEASEWATCH_ARTIFACTS", Path(tempfile.gettempdir()) / "ceasewatch-artifacts"))


def _require_browser():
    missing = None
    if not Path(CHROMIUM).exists():
        missing = f"{CHROMIUM} is missing (apt-get install chromium)"
    else:
        try:
            import playwright.sync_api
        except ImportError:
            missing = "playwright is not installed (pip install -e '.[test]')"
    if missing:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"CI=true but {missing}: CI must run the browser tests", pytrace=False)
        pytest.skip(missing)


@pytest.fixture(scope="session")
def server_url(web_service):
    """One uvicorn server on a free port of 127.0.0.1 for the whole session."""
    _require_browser()
    import uvicorn

    from ceasewatch.web import create_app

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(web_service), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)


@pytest.fixture(scope="session")
def browser(server_url):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser, server_url, request):
    """A fresh page that records every request and every console error, and checks both after the test."""
    context = browser.new_context(viewport={"width": 1400, "height": 950})
    opened = context.new_page()
    requests, problems = [], []
    opened.on("request", lambda r: requests.append(r.url))
    opened.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    opened.on("pageerror", lambda e: problems.append(str(e)))
    yield opened
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    opened.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)
    context.close()
    foreign = [u for u in requests if not (u.startswith((server_url + "/", "data:")))]
    assert foreign == [], f"requests left the machine: {foreign}"
    assert problems == [], f"console errors (a CSP violation shows here): {problems}"


def load_map(page, url):
    page.goto(url)
    page.wait_for_selector("#map[data-loaded='true']", timeout=15000)


def test_map_shows_markers_by_verdict_and_regions_as_regions(page, server_url):
    load_map(page, server_url + "/")
    assert "5 incidents selected" in page.inner_text("#map-status")
    assert page.locator(".leaflet-marker-icon .verdict-violation").count() == 2  # Sloviansk, Kharkiv
    assert page.locator(".leaflet-marker-icon .verdict-no_violation").count() == 1  # Bucha
    assert page.locator("path.region-incident.region-ua-59.verdict-violation").count() == 1  # Sumy
    assert page.locator("path.region-incident.region-ru-kda.verdict-no_violation").count() == 1  # Krasnodar
    assert page.locator("path.region").count() > 100  # the basemap, drawn from the package


def test_switching_the_version_recolours_the_map(page, server_url):
    load_map(page, server_url + "/")
    with page.expect_navigation():
        page.select_option("select[name=version]", "kremlin")
    page.wait_for_selector("#map[data-loaded='true']", timeout=15000)
    assert "version=kremlin" in page.url
    assert page.locator("path.region-incident.region-ua-59.verdict-no_violation").count() == 1
    assert page.locator("path.region-incident.region-ru-kda.verdict-violation").count() == 1


def test_a_marker_opens_a_popup_with_its_verdict_and_a_link(page, server_url):
    load_map(page, server_url + "/?place=sloviansk")
    page.locator(".leaflet-marker-icon").first.click()
    popup = page.locator(".leaflet-popup-content")
    assert "violation" in popup.inner_text() and "Sloviansk" in popup.inner_text()
    # only the other side says so: the popup says it, and the marker's shape is the alleged diamond
    assert "alleged violation" in popup.inner_text() and "alleged: only the other side says so" in popup.inner_text()
    assert page.locator(".leaflet-marker-icon .marker-shape.grade-alleged").count() == 1
    assert popup.locator("a").get_attribute("href").startswith("/incidents/sloviansk-grid-2025-03-18")


def test_filtering_the_list_keeps_the_filters_in_the_url(page, server_url):
    page.goto(server_url + "/incidents")
    page.check("input[name=actor][value=UA]")
    with page.expect_navigation():
        page.click("form.filters button[type=submit]")
    assert "actor=UA" in page.url
    rows = page.locator("table.incidents tbody tr")
    assert rows.count() == 1 and "krasnodar-oil-depot-2025-03-19" in rows.inner_text()
    assert "actor=UA" in page.get_attribute("a:text('CSV')", "href")


def test_an_incident_page_highlights_its_evidence_and_keeps_markup_as_text(page, server_url):
    page.goto(server_url + "/incidents?place=kharkiv")
    with page.expect_navigation():
        page.click("table.incidents tbody a")
    marks = page.locator("mark.evidence")
    assert [marks.nth(i).inner_text() for i in range(marks.count())] == ["A drone struck", "Kharkiv heat plant", "overnight"]
    text = page.inner_text(".report-text")
    assert "<script>alert('report')</script>" in text and "<img src=x onerror=alert(1)>" in text
    assert page.locator(".report-text img, .report-text script").count() == 0
    assert page.evaluate("() => document.title").startswith("kharkiv-heat")


def test_timeline_and_differences_render(page, server_url):
    page.goto(server_url + "/timeline?version=kremlin")
    assert page.locator("svg.timeline rect.start-band").count() == 4
    page.goto(server_url + "/differences")
    assert page.locator("table.differences tbody tr").count() == 2
