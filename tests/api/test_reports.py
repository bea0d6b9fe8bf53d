"""GET /api/reports/{id} (text and spans) and /api/sources."""

from __future__ import annotations

from .hostile import HOSTILE_ID, HOSTILE_TEXT, hostile_report


def test_report_has_its_text_and_every_cited_span_in_order(client):
    report = hostile_report()
    body = client.get(f"/api/reports/{report.id}").json()
    assert body["text"] == HOSTILE_TEXT and body["title"] == report.title
    assert [(s["record"], s["field"]) for s in body["spans"]] == [
        (HOSTILE_ID, "weapon"), (HOSTILE_ID, "targets"), (HOSTILE_ID, "start")]
    for span in body["spans"]:
        assert HOSTILE_TEXT[span["start"]:span["end"]] == span["text"]


def test_unknown_report_is_404(client):
    assert client.get("/api/reports/rep-0000").status_code == 404

