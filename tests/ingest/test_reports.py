"""Reading reports: header lines, plain bodies, HTML pages, and hostile files."""

from __future__ import annotations

import codecs
import os
import time

import pytest

from ceasewatch.errors import InputError
from ceasewatch.ingest import reports as reports_module
from ceasewatch.ingest.reports import MAX_TEXT_CHARS, is_report, load_report, parse_report_bytes, read_report
from ceasewatch.model import report_id

HEADED = (
    "Title: Substation hit in Example Town\n"
    "source: Example Wire\n"
    "URL: https://example.org/a\n"
    "PUBLISHED: 2025-03-19\n"
    "\n"
    "A drone hit a substation at 8:50 p.m.\n\nNobody was hurt.\n"
)


def problems_of(data: bytes, name: str = "r.txt") -> list[str]:
    with pytest.raises(InputError) as caught:
        parse_report_bytes(data, name)
    return [str(p) for p in caught.value.problems]


# --- plain text ----------------------------------------------------------------------------


def test_header_lines_in_any_case_fill_the_fields_and_the_body_is_the_text():
    report = parse_report_bytes(HEADED.encode(), "r.txt").report
    assert (report.title, report.source, report.url, report.published) == (
        "Substation hit in Example Town", "Example Wire", "https://example.org/a", "2025-03-19",
    )
    assert report.text == "A drone hit a substation at 8:50 p.m.\n\nNobody was hurt.\n"
    assert report.id == report_id(report.text, report.title, report.source, report.url, report.published)


def test_offsets_index_the_body_exactly_even_with_windows_line_endings():
    report = parse_report_bytes(HEADED.replace("\n", "\r\n").encode(), "r.txt").report
    start = report.text.index("8:50")
    assert report.text[start:start + 9] == "8:50 p.m."
    assert "\r" not in report.text


def test_without_headers_the_first_line_is_the_title_and_nothing_is_published():
    report = parse_report_bytes(b"\nDrones over Example Town\nThey came at night.\n", "r.txt").report
    assert report.title == "Drones over Example Town"
    assert report.published is None
    assert report.text == "\nDrones over Example Town\nThey came at night.\n"


def test_a_month_or_a_full_time_is_a_valid_publication():
    for value in ("2025-04", "2025-03-19T14:05:00Z", "2025-03-19T14:05:00+02:00"):
        report = parse_report_bytes(f"Published: {value}\n\nText.".encode(), "r.txt").report
        assert report.published == value


def test_a_publication_that_is_not_a_date_is_a_problem_naming_the_line():
    assert problems_of(b"Title: x\nPublished: March 19th\n\nText.") == [
        "r.txt:2: Published: 'March 19th' is not a date: write 2025-03-19, 2025-03 or 2025-03-19T14:05:00Z"
    ]


def test_an_empty_header_is_still_a_header_line():
    report = parse_report_bytes(b"Title:\nSource: Example Wire\n\nText.", "r.txt").report
    assert (report.title, report.source, report.text) == (None, "Example Wire", "Text.")


def test_an_unknown_key_ends_the_headers_and_starts_the_body():
    report = parse_report_bytes(b"Title: x\nAuthor: Someone\n\nText.", "r.txt").report
    assert report.title == "x" and report.text.startswith("Author: Someone")


def test_language_header_is_read():
    assert parse_report_bytes(b"Language: EN\n\nText.", "r.txt").report.language == "en"


def test_report_files_are_txt_html_and_htm():
    assert all(is_report(n) for n in ("a.txt", "b.HTML", "c.htm"))
    assert not any(is_report(n) for n in ("a.jsonl", "b.csv", "c.yaml", "d.pdf"))


def test_read_report_reads_a_file_and_keeps_its_path(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text(HEADED)
    report = read_report(path)
    assert report.path == str(path) and report.title == "Substation hit in Example Town"


# --- hostile files -------------------------------------------------------------------------


@pytest.mark.parametrize("data", [b"", b"   \n\t\n", b"\xef\xbb\xbf\n"])
def test_an_empty_file_is_an_empty_report(data):
    assert problems_of(data) == ["r.txt: text: empty report"]


def test_headers_without_a_body_are_an_empty_report():
    assert problems_of(b"Title: x\nPublished: 2025-03-19\n\n  \n") == [
        "r.txt: text: empty report: no text after the header lines"
    ]


def test_binary_garbage_is_refused_cleanly():
    assert problems_of(os.urandom(20_000)) == ["r.txt: file: not a text file (binary data)"]
    assert problems_of(bytes(range(1, 32)) * 100) == ["r.txt: file: not a text file (binary data)"]


def test_a_missing_file_is_a_problem(tmp_path):
    with pytest.raises(InputError, match="cannot read"):
        read_report(tmp_path / "absent.txt")


def test_windows_1251_text_is_read_with_a_note():
    loaded = parse_report_bytes("Title: Удар\n\nДрони атакували Суми вночі.".encode("cp1251"), "r.txt")
    assert loaded.report.text == "Дрони атакували Суми вночі."
    assert loaded.notes == ("not UTF-8: read as Windows-1251 (Cyrillic)",)


def test_latin_1_text_is_read_with_a_note():
    loaded = parse_report_bytes("Title: Café\n\nLe café près de la gare a été touché.".encode("latin-1"), "r.txt")
    assert loaded.report.text == "Le café près de la gare a été touché."
    assert loaded.notes == ("not UTF-8: read as Latin-1",)


def test_utf16_with_a_byte_order_mark_is_read():
    data = codecs.BOM_UTF16_LE + "Title: x\n\nТекст.".encode("utf-16-le")
    assert parse_report_bytes(data, "r.txt").report.text == "Текст."


def test_a_huge_text_is_cut_at_the_limit_with_a_note_and_quickly(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_bytes(b"Title: big\n\n" + b"A drone hit a substation in Example Town.\n" * 250_000)  # 10.5 MB
    started = time.perf_counter()
    loaded = load_report(path)
    assert time.perf_counter() - started < 5
    assert len(loaded.report.text) <= MAX_TEXT_CHARS
    assert loaded.report.text.endswith("Example Town.")  # cut at a line end
    assert any("were read" in n for n in loaded.notes) and any("were kept" in n for n in loaded.notes)


def test_a_capped_read_that_splits_a_character_is_still_utf8(tmp_path, monkeypatch):
    monkeypatch.setattr(reports_module, "MAX_FILE_BYTES", 24)
    path = tmp_path / "r.txt"
    path.write_bytes("Title: x\n\nДрони Дрони Дрони".encode())  # byte 24 is inside a letter
    loaded = load_report(path)
    assert loaded.report.text.startswith("Дро") and "not UTF-8" not in " ".join(loaded.notes)


# --- HTML pages ----------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html lang="en-GB"><head>
<title>Substation hit | Example Wire</title>
<meta property="og:title" content="Substation hit in Example&nbsp;Town">
<meta property="og:site_name" content="Example Wire">
<meta property="article:published_time" content="2025-03-19T07:30:00+02:00">
<link rel="canonical" href="https://example.org/a">
<style>p { color: red }</style>
<script>var text = "<p>not article text</p>";</script>
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Substation hit</h1>
<p>A drone hit a   substation
in Example Town at 8:50&nbsp;p.m. &amp; cut power.</p>
<p>Officials <b>said</b> <a href="#">repairs</a> would take days.<br>More later.</p>
<aside>Read also: something else</aside>
<form><input name="q"><button>Search</button></form>
</article>
<footer>© Example Wire</footer>
<script>document.write("<p>injected</p>")</script>
</body></html>"""


def test_html_page_gives_readable_paragraphs_and_its_metadata():
    report = parse_report_bytes(PAGE.encode(), "page.html").report
    assert report.text == (
        "Substation hit\n\n"
        "A drone hit a substation in Example Town at 8:50 p.m. & cut power.\n\n"
        "Officials said repairs would take days.\nMore later."
    )
    assert (report.title, report.source, report.url, report.published, report.language) == (
        "Substation hit in Example Town", "Example Wire", "https://example.org/a", "2025-03-19T07:30:00+02:00", "en",
    )


def test_html_without_og_tags_falls_back_to_title_and_time():
    page = b"<html><head><title>Plain title</title></head><body><p>Text <time datetime='2025-03-19'>Wed</time>.</p></body></html>"
    report = parse_report_bytes(page, "p.htm").report
    assert (report.title, report.published, report.text) == ("Plain title", "2025-03-19", "Text Wed.")


@pytest.mark.parametrize("markup", [
    "<p>Hello <script>alert('x')</script>world</p>",
    "<p>Hello <SCRIPT type='text/javascript'>var a = '</p><p>';</SCRIPT>world</p>",
    "<p>Hello <svg><script>alert(1)</script><title>icon</title></svg>world</p>",
    "<p>Hello <iframe src='x'>frame</iframe><noscript>enable js</noscript><template><p>t</p></template>world</p>",
])
def test_script_and_markup_never_reach_the_text(markup):
    assert parse_report_bytes(markup.encode(), "p.html").report.text == "Hello world"


def test_markup_escaped_into_the_text_is_dropped_as_well():
    markup = b"<p>Hello &lt;script src='x.js'&gt;&lt;/script&gt;world &lt; 5 km away</p>"
    assert parse_report_bytes(markup, "p.html").report.text == "Hello world < 5 km away"


def test_an_unclosed_head_ends_where_the_body_starts():
    report = parse_report_bytes(b"<html><head><title>T</title><p>Body text.</p></html>", "p.html").report
    assert report.text == "Body text."


def test_deeply_nested_and_broken_html_is_read_in_bounded_time():
    started = time.perf_counter()
    nested = b"<div><span><p>" * 100_000 + b"Deep text" + b"</b></i></td>" * 1000
    assert parse_report_bytes(nested, "p.html").report.text == "Deep text"
    broken = b"<p>Start <b>bold <i>both</p> after</b> <!-- never closed <p>hidden"
    assert parse_report_bytes(broken, "p.html").report.text == "Start bold both\n\nafter"
    assert time.perf_counter() - started < 10


def test_a_page_without_readable_text_is_an_empty_report():
    assert problems_of(b"<html><head><script>x()</script></head><body><nav>menu</nav></body></html>", "p.html") == [
        "p.html: text: empty report: the page has no readable text"
    ]


def test_a_txt_file_holding_a_page_is_read_as_html():
    report = parse_report_bytes(b"  <!doctype html><html><body><p>Text.</p></body></html>", "saved.txt").report
    assert report.text == "Text."


def test_a_page_declaring_windows_1251_is_decoded_by_its_charset():
    page = "<html><head><meta charset='windows-1251'></head><body><p>Удар по Харкову.</p></body></html>"
    loaded = parse_report_bytes(page.encode("cp1251"), "p.html")
    assert loaded.report.text == "Удар по Харкову." and loaded.notes == ()


def test_a_page_publication_that_is_not_iso_is_left_unknown_with_a_note():
    page = b"<html><head><meta property='article:published_time' content='yesterday'></head><body><p>T.</p></body></html>"
    loaded = parse_report_bytes(page, "p.html")
    assert loaded.report.published is None and "not ISO 8601" in loaded.notes[0]


def test_page_text_is_capped_with_a_note(monkeypatch):
    monkeypatch.setattr(reports_module, "MAX_TEXT_CHARS", 50)
    loaded = parse_report_bytes(b"<p>" + b"word " * 100 + b"</p><p>second</p>", "p.html")
    assert len(loaded.report.text) <= 50 and "second" not in loaded.report.text
    assert "over 50 characters" in loaded.notes[0]
