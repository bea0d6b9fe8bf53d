"""The readable text of a saved HTML article page, and what its head says about it.

Built on the standard library's html.parser, which never recurses and never raises on bad
markup, so deeply nested or broken pages cost time in proportion to their size and nothing
else. Scripts, styles, navigation, footers, forms and the like are dropped with everything
inside them; paragraphs, headings and list items become paragraphs of text separated by a
blank line; entities are decoded; runs of whitespace become one space.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

# Elements whose whole content is never article text (or is code).
SKIPPED = frozenset({
    "script", "style", "noscript", "template", "iframe", "svg", "math", "head", "nav", "footer",
    "aside", "form", "button", "select", "textarea", "object", "embed", "canvas", "dialog",
})
# Elements that end one paragraph of text and start another.
BLOCKS = frozenset({
    "p", "div", "section", "article", "main", "header", "h1", "h2", "h3", "h4", "h5", "h6",
    "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "figure", "figcaption", "table", "tr",
    "caption", "pre", "address", "hr", "body", "html", "details", "summary", "center",
})
# Elements that never have an end tag, so they must never be waited for.
VOID = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
})
# A body element seen inside an unclosed <head> ends the head, as browsers do.
_ENDS_HEAD = BLOCKS | {"a", "span", "img", "b", "i", "em", "strong", "table", "br"}
# Markup that survived as text (escaped twice by a careless CMS): never part of a report.
_TAG_LIKE = re.compile(r"</?[A-Za-z][A-Za-z0-9:-]*(?:\s[^<>]*)?/?>")
_INVISIBLE = str.maketrans("", "", "\u200b\ufeff\u00ad\x00")
_LINE_BREAK = "\x00"  # stands for <br> until a paragraph's whitespace is collapsed
_META_FIELDS = {
    "og:title": "title", "twitter:title": "title", "og:url": "url", "og:site_name": "source",
    "article:published_time": "published", "datepublished": "published", "og:locale": "language",
}


@dataclass(frozen=True)
class HtmlText:
    """What a page gives: its readable text and the metadata found in its markup."""

    text: str
    title: str | None = None
    url: str | None = None
    published: str | None = None
    source: str | None = None
    language: str | None = None
    truncated: bool = False  # the text reached `max_chars` and the rest was dropped


def html_text(markup: str, *, max_chars: int) -> HtmlText:
    """The readable text of `markup` (at most `max_chars` characters) and its metadata."""
    parser = _ArticleParser(max_chars)
    parser.feed(markup)
    parser.close()
    return parser.result()


class _ArticleParser(HTMLParser):
    """Collects paragraphs of visible text, and metadata from <head> and <meta> tags."""

    def __init__(self, max_chars: int):
        super().__init__(convert_charrefs=True)
        self._max_chars = max_chars
        self._skipping: list[str] = []  # open skipped elements, innermost last
        self._paragraphs: list[str] = []
        self._current: list[str] = []
        self._length = 0
        self._truncated = False
        self._meta: dict[str, str] = {}
        self._title_parts: list[str] | None = None  # collecting <title> while not None
        self._first_h1: list[str] | None = None
        self._in_h1 = False

    # --- html.parser callbacks -----------------------------------------------------------

    def close(self) -> None:
        # At the end html.parser hands whatever it could not parse ("<!-- never closed …",
        # "<div class=") to handle_data as text: an unfinished construct is markup, drop it.
        unfinished = self.rawdata.find("<")
        if unfinished >= 0 and not self.cdata_elem:
            self.rawdata = self.rawdata[:unfinished]
        super().close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: (value or "") for name, value in attrs}
        self._read_metadata(tag, values)
        if "head" in self._skipping and tag in _ENDS_HEAD:
            self._close_skipped("head")
        if tag in SKIPPED and tag not in VOID:
            self._skipping.append(tag)
            return
        if tag == "title" and "title" not in self._meta and "svg" not in self._skipping:
            self._title_parts = []
        if self._skipping:
            return
        if tag == "br":
            self._current.append(_LINE_BREAK)
        elif tag in BLOCKS:
            self._end_paragraph()
        if tag == "h1" and self._first_h1 is None:
            self._first_h1, self._in_h1 = [], True

    def handle_endtag(self, tag: str) -> None:
        if tag == "title" and self._title_parts is not None:
            self._meta.setdefault("page_title", _one_line("".join(self._title_parts)))
            self._title_parts = None
        if tag in self._skipping:
            self._close_skipped(tag)
            return
        if self._skipping:
            return
        if tag in BLOCKS:
            self._end_paragraph()
        if tag == "h1":
            self._in_h1 = False

    def handle_data(self, data: str) -> None:
        if self._title_parts is not None:
            self._title_parts.append(data)
        if self._skipping or self._truncated:
            return
        self._current.append(data.replace(_LINE_BREAK, ""))
        if self._in_h1 and self._first_h1 is not None:
            self._first_h1.append(data)

    # --- collecting ----------------------------------------------------------------------

    def _close_skipped(self, tag: str) -> None:
        """Close `tag` and anything opened inside it that was left open."""
        while self._skipping:
            if self._skipping.pop() == tag:
                return

    def _end_paragraph(self) -> None:
        if not self._current:
            return
        lines = "".join(self._current).split(_LINE_BREAK)
        lines = [line.translate(_INVISIBLE) for line in lines]
        self._current = []
        text = "\n".join(line for line in (" ".join(part.split()) for part in lines) if line)
        text = _TAG_LIKE.sub("", text).strip()
        if not text or self._truncated:
            return
        room = self._max_chars - self._length
        if len(text) + 2 > room:
            self._truncated = True
            text = text[: max(room - 2, 0)].rstrip()
            if not text:
                return
        self._paragraphs.append(text)
        self._length += len(text) + 2

    def _read_metadata(self, tag: str, values: dict[str, str]) -> None:
        if tag == "meta":
            key = (values.get("property") or values.get("name") or values.get("itemprop") or "").lower()
            field = _META_FIELDS.get(key)
            if field and values.get("content", "").strip():
                self._meta.setdefault(field, _one_line(values["content"]))
        elif tag == "link" and "canonical" in values.get("rel", "").lower().split():
            if values.get("href", "").strip():
                self._meta.setdefault("canonical", values["href"].strip())
        elif tag == "time" and values.get("datetime", "").strip():
            self._meta.setdefault("time", values["datetime"].strip())
        elif tag == "html" and values.get("lang", "").strip():
            self._meta.setdefault("lang", values["lang"].strip())

    def result(self) -> HtmlText:
        self._end_paragraph()
        meta = self._meta
        h1 = _one_line("".join(self._first_h1)) if self._first_h1 else None
        language = meta.get("lang") or meta.get("language")
        return HtmlText(
            text="\n\n".join(self._paragraphs),
            title=meta.get("title") or meta.get("page_title") or h1 or None,
            url=meta.get("url") or meta.get("canonical"),
            published=meta.get("published") or meta.get("time"),
            source=meta.get("source"),
            language=language.replace("_", "-").split("-")[0].lower() if language else None,
            truncated=self._truncated,
        )


def _one_line(text: str) -> str:
    return " ".join(_TAG_LIKE.sub("", text.translate(_INVISIBLE)).split())
