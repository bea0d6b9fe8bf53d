"""Grades, accounts, disagreements and the analyst's hand on the pages; an alleged violation says so."""

from __future__ import annotations

import re

import pytest
from api.consolidated import FEED_ROW_ID

from .test_pages import parse


@pytest.fixture(scope="module")
def incident_html(consolidated_pages) -> str:
    response = consolidated_pages.get(f"/incidents/{FEED_ROW_ID}")
    assert response.status_code == 200, response.text
    return response.text


def test_an_account_id_redirects_to_its_incidents_page_keeping_the_query(consolidated_pages):
    response = consolidated_pages.get(f"/incidents/{FEED_ROW_ID}", params={"version": "kremlin"}, follow_redirects=False)
    assert response.status_code == 307
    target = response.headers["location"]
    assert re.fullmatch(r"/incidents/inc-[0-9a-f]{16}\?version=kremlin", target)
    assert consolidated_pages.get(target, follow_redirects=False).status_code == 200


def test_incident_page_shows_the_grade_with_its_rule(incident_html):
    assert '<span class="grade grade-contested"' in incident_html
    assert "by the rule: <q>contested: denied by Russian Defence Ministry (RU), the actor&#39;s side</q>" in incident_html


def test_incident_page_lists_each_account_with_report_outlet_and_graded_speakers(incident_html):
    accounts = re.findall(r'<tr id="account-([^"]+)">', incident_html)
    assert len(accounts) == 6 and FEED_ROW_ID in accounts
    assert len(re.findall(r'<a href="/reports/rep-[0-9a-f]+">', incident_html)) >= 5
    assert "Night without light in Pavlohrad after substation is hit" in incident_html
    assert "media · independent · reliability F · registry: Sample Gazette" in incident_html
    assert "military · RU · reliability F" in incident_html  # the ministry that denies it
    assert "government · UA · reliability not graded" in incident_html
    feed_row = incident_html.split(f'<tr id="account-{FEED_ROW_ID}">')[1].split("</tr>")[0]
    assert "feed row" in feed_row and "2025-04-02T23:00:00Z<br>– 2025-04-03T01:00:00Z" in feed_row


def test_incident_page_shows_each_disagreement_what_was_chosen_and_why(incident_html):
    table = incident_html.split('<table class="disagreements">')[1].split("</table>")[0]
    assert "<td>counts.injured</td>" in table and "<td>time</td>" in table
    assert f"<li><strong>5</strong>: {FEED_ROW_ID}</li>" in table
    assert "3 <small>(corrected)</small>" in table
    assert "left unknown: the accounts disagree" in table and "then corrected by" in table
    assert "the intervals share no time: the span of the most specific ones" in table


def test_incident_page_shows_the_analysts_history_who_when_what_before_after_why(incident_html):
    log = incident_html.split('<table class="analyst-log">')[1].split("</table>")[0]
    assert "corrected counts.injured" in log and "(unknown) → 3" in log
    assert "&lt;b onmouseover=alert(&#39;by&#39;)&gt;analyst-7&lt;/b&gt;" in log
    assert "&lt;script&gt;alert(&#39;why&#39;)&lt;/script&gt; the governor&#39;s later figure" in log
    assert re.search(r'<td class="time">\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ</td>', log)


def test_hostile_outlet_speaker_and_analyst_names_render_as_text(incident_html):
    doc = parse(incident_html)
    assert doc.inline_scripts == []
    assert not any(tag == "img" for tag, _ in doc.tags)
    assert not any(tag == "b" for tag, _ in doc.tags)
    assert not any(name.startswith("on") for _, attrs in doc.tags for name in attrs)
    assert "<script>alert" not in incident_html and "<img src=x" not in incident_html
    assert "Example Wire &lt;script&gt;alert(&#39;outlet&#39;)&lt;/script&gt;" in incident_html
    assert "&lt;img src=x onerror=alert(&#39;speaker&#39;)&gt;" in incident_html


def test_an_alleged_violation_says_so_on_the_list_differences_timeline_and_incident_page(pages):
    listed = pages.get("/incidents").text
    row = listed.split('href="/incidents/sloviansk-grid-2025-03-18')[1].split("</tr>")[0]
    assert row.count(">alleged violation</td>") == 2 and 'class="grade grade-alleged"' in row
    assert ">violation</td>" not in listed  # every violation of the example is alleged
    differences = pages.get("/differences").text
    assert "alleged violation" in differences and 'class="grade grade-alleged"' in differences
    assert ">violation</strong>" not in differences
    timeline = pages.get("/timeline", params={"version": "kremlin"}).text
    assert re.search(r"<title>krasnodar-oil-depot[^<]*kremlin: alleged violation</title>", timeline)
    incident = pages.get("/incidents/krasnodar-oil-depot-2025-03-19").text
    assert "kremlin: alleged violation" in incident and "Alleged: only the other side says so." in incident


def test_a_violation_that_is_not_alleged_is_not_called_alleged(consolidated_pages, incident_html):
    assert "alleged violation" not in incident_html  # contested, not alleged
    assert ">violation</td>" in consolidated_pages.get("/incidents").text


def test_map_legend_explains_each_grade_shape(pages):
    html = pages.get("/").text
    legend = html.split('<div class="legend legend-grades">')[1].split("</div>")[0]
    for grade, shape in [("confirmed", "circle, thick ring"), ("corroborated", "circle"), ("reported", "square"),
                         ("alleged", "diamond"), ("contested", "triangle"), ("discounted", "hollow circle"),
                         ("ungraded", "circle, dashed outline")]:
        assert f'<span class="marker-shape grade-{grade} ' in legend
        assert f"<strong>{grade}</strong> ({shape}):" in legend
    assert "only the other side says so" in legend and "alleged violation" in legend
