"""The pages as HTML: every view renders, hostile text stays text, CSP on every response."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from api.hostile import HOSTILE_ID, hostile_report

from ceasewatch.api.security import CONTENT_SECURITY_POLICY

PAGES = ["/", "/timeline", "/incidents", "/differences", "/terms", f"/incidents/{HOSTILE_ID}",
         "/incidents/sumy-hospitals-2025-03-19"]


class Elements(HTMLParser):
    """Collects every start tag with its attributes, and the inline script bodies."""

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.inline_scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script and data.strip():
            self.inline_scripts.append(data)


def parse(html: str) -> Elements:
    parser = Elements()
    parser.feed(html)
    return parser


@pytest.mark.parametrize("path", [*PAGES, f"/reports/{hostile_report().id}", "/static/css/ceasewatch.css",
                                  "/static/leaflet/leaflet.js", "/api/incidents", "/api/openapi.json",
                                  "/no-such-page", "/api/no-such-endpoint", "/incidents?verdict=guilty"])
def test_every_response_carries_the_content_security_policy(pages, path):
    response = pages.get(path)
    assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "script-src 'self'" in CONTENT_SECURITY_POLICY and "default-src 'self'" in CONTENT_SECURITY_POLICY


@pytest.mark.parametrize("path", PAGES)
def test_pages_load_nothing_foreign_and_have_no_inline_script_or_style(pages, path):
    response = pages.get(path)
    assert response.status_code == 200, response.text
    doc = parse(response.text)
    assert doc.inline_scripts == []
    for tag, attrs in doc.tags:
        assert "style" not in attrs, (tag, attrs)
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        if tag == "script":
            assert attrs["src"].startswith("/static/")
        if tag == "link" and attrs.get("rel") == "stylesheet":
            assert attrs["href"].startswith("/static/")
    assert not any(tag == "style" for tag, _ in doc.tags)


@pytest.mark.parametrize("path", ["/incidents", f"/incidents/{HOSTILE_ID}", "/timeline", "/differences?differ=kremlin,us-ua",
                                  f"/reports/{hostile_report().id}", "/incidents?place=<script>alert(9)</script>"])
def test_markup_in_reports_and_records_renders_as_text(pages, path):
    html = pages.get(path).text
    doc = parse(html)
    assert not any(tag == "script" and "src" not in attrs for tag, attrs in doc.tags)
    assert not any(tag == "img" for tag, _ in doc.tags)
    assert not any(tag == "b" and "onmouseover" in attrs for tag, attrs in doc.tags)
    assert "<script>alert" not in html and "<img src=x" not in html
    if path != "/differences?differ=kremlin,us-ua":
        assert "&lt;script&gt;alert(" in html or "&lt;img src=x onerror=alert" in html


def test_incident_page_highlights_each_evidence_span_in_the_report_text(pages):
    html = pages.get(f"/incidents/{HOSTILE_ID}").text
    marks = re.findall(r'<mark class="evidence" data-fields="([^"]*)"[^>]*>([^<]*)</mark>', html)
    assert marks == [("weapon", "A drone struck"), ("targets", "Kharkiv heat plant"), ("start", "overnight")]
    # the text around the marks is the report's, escaped
    assert "&lt;img src=x onerror=alert(1)&gt; <mark" in html


def test_incident_page_shows_every_field_the_trace_per_version_and_the_history(pages):
    html = pages.get("/incidents/krasnodar-oil-depot-2025-03-19").text
    for field in ("admin1_code", "geo_precision", "launch_start", "claimed_by", "weapon_model", "intent"):
        assert f"<th>{field}</th>" in html
    assert "us-ua: Energy and other civilian infrastructure: no_violation (before_start)" in html
    assert "kremlin: Energy infrastructure only: alleged violation" in html  # only the other side says so
    assert "before the commitment could have started" in html
    assert "History of this record" in html and "first version" in html
    assert "alleged" in html


def test_differences_list_the_incidents_that_differ_with_the_reason_each_way(pages):
    html = pages.get("/differences").text
    assert "krasnodar-oil-depot-2025-03-19" in html and "sumy-hospitals-2025-03-19" in html
    assert "sloviansk-grid-2025-03-18" not in html and "bucha-homes" not in html
    assert "targets health are outside its scope (energy)" in html
    assert "no_violation (before_start)" in html


def test_lists_carry_their_filters_into_paging_version_and_export_links(pages):
    html = pages.get("/incidents", params={"version": "kremlin", "verdict": "violation", "limit": 1}).text
    # the links name the agreement too: a shared link keeps meaning the same once a second one is stored
    shared = "agreement=energy-moratorium-2025&amp;version=kremlin&amp;verdict=violation"
    assert f'href="/api/export.csv?{shared}"' in html and f'href="/api/export.geojson?{shared}"' in html
    assert f'href="?{shared}&amp;limit=1&amp;offset=1"' in html
    assert '<option value="kremlin" selected>' in html
    assert re.search(r'<input type="checkbox" name="verdict" value="violation" checked>', html)


def test_map_page_hands_the_filters_to_its_script(pages):
    html = pages.get("/", params={"version": "kremlin", "actor": "UA"}).text
    assert 'data-query="agreement=energy-moratorium-2025&amp;version=kremlin&amp;actor=UA"' in html
    assert 'src="/static/js/map.js"' in html and 'src="/static/leaflet/leaflet.js"' in html


def test_timeline_draws_start_bands_windows_and_bars_per_party(pages):
    html = pages.get("/timeline", params={"version": "kremlin"}).text
    assert html.count('class="start-band"') == 4  # ru-halt and ua-halt, under each of the two versions
    assert "RU · Russian Federation" in html and "UA · Ukraine" in html
    assert re.search(r'class="bar verdict-violation"[^>]*><title>krasnodar-oil-depot', html)


def test_bad_filters_on_pages_are_html_error_pages(pages):
    response = pages.get("/incidents", params={"version": "nope"})
    assert response.status_code == 400 and response.headers["content-type"].startswith("text/html")
    assert "us-ua, kremlin" in response.text
    missing = pages.get("/incidents/nope")
    assert missing.status_code == 404 and "no incident or account &#39;nope&#39;" in missing.text
