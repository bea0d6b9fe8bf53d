"""Evidence spans in a report's text as segments a template can mark, escaping every piece."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Iterable


@dataclass(frozen=True)
class Segment:
    """A run of report text and the fields of the spans that cover it (none: plain text)."""

    text: str
    fields: tuple[str, ...] = ()
    start: int = 0

    @property
    def marked(self) -> bool:
        return bool(self.fields)


def segments(text: str, spans: Iterable[dict]) -> list[Segment]:
    """Cut `text` at every span boundary; each piece lists the fields of the spans over it.

    Spans outside the text, or whose quoted `text` no longer matches the report, are left
    out: a highlight must show exactly the words the evidence quotes.
    """
    valid = [
        s for s in spans
        if 0 <= s["start"] < s["end"] <= len(text) and text[s["start"]:s["end"]] == s.get("text", text[s["start"]:s["end"]])
    ]
    cuts = sorted({0, len(text), *(s["start"] for s in valid), *(s["end"] for s in valid)})
    out = []
    for start, end in itertools.pairwise(cuts):
        covering = tuple(dict.fromkeys(s.get("field") or "evidence" for s in valid if s["start"] <= start and end <= s["end"]))
        out.append(Segment(text[start:end], covering, start))
    return out
