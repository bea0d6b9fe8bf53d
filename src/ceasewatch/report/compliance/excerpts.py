"""Quoted evidence: the sentences of a report that hold an incident's evidence spans.

Extraction ties each field to a short span ("oil depot", "overnight"); a reader needs the
sentence it stands in. Only the sentences that some span cites are kept, so a report over
many thousand reports holds a few sentences of each, not their whole texts.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

# A sentence ends at . ! ? (and any closing quote or bracket) before white space and a word
# that does not begin in lower case ("8:50 p.m. local time" goes on), or at a blank line.
# A rare abbreviation before a capital ("Gen. Syrskyi") still splits: both halves are quoted.
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*(?=\s+[^\sa-z0-9,;:])|\n\s*\n")
MAX_PASSAGE = 600  # characters: a longer "sentence" (a list, a table) is cut around the span


@dataclass(frozen=True)
class Passage:
    """A quoted stretch of a report: its offsets, and its text in pieces, cited pieces marked."""

    start: int
    end: int
    pieces: tuple[tuple[str, bool], ...]  # (text, cited)

    @property
    def text(self) -> str:
        return "".join(text for text, _ in self.pieces)


@dataclass(frozen=True)
class CitedSentences:
    """The sentences of one report that hold cited spans, by their start offset."""

    starts: tuple[int, ...]
    ends: tuple[int, ...]
    texts: tuple[str, ...]

    def passages(self, spans: Iterable[tuple[int, int]]) -> tuple[Passage, ...]:
        """The sentences holding `spans`, in text order, each with its cited pieces marked."""
        chosen: dict[int, list[tuple[int, int]]] = {}
        for start, end in spans:
            i = max(bisect_right(self.starts, start) - 1, 0)
            while i < len(self.starts) and self.starts[i] < max(end, start + 1):
                if self.ends[i] > start:
                    chosen.setdefault(i, []).append((start, end))
                i += 1
        return tuple(self._passage(i, chosen[i]) for i in sorted(chosen))

    def _passage(self, i: int, spans: list[tuple[int, int]]) -> Passage:
        base, text = self.starts[i], self.texts[i]
        marks = sorted({(max(s - base, 0), min(e - base, len(text))) for s, e in spans})
        pieces: list[tuple[str, bool]] = []
        at = 0
        for s, e in marks:
            s = max(s, at)  # overlapping spans: mark the rest of the later one
            if e <= s:
                continue
            if s > at:
                pieces.append((text[at:s], False))
            if s == at and pieces and pieces[-1][1]:  # touching spans: one marked piece
                pieces[-1] = (pieces[-1][0] + text[s:e], True)
            else:
                pieces.append((text[s:e], True))
            at = e
        if at < len(text):
            pieces.append((text[at:], False))
        return Passage(base, base + len(text), tuple(pieces))


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of `text`, surrounding white space left out."""
    bounds = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        bounds.append((start, match.end()))
        start = match.end()
    bounds.append((start, len(text)))
    out = []
    for s, e in bounds:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def cited_sentences(text: str, spans: Iterable[tuple[int, int]]) -> CitedSentences:
    """Keep the sentences of `text` that some span overlaps (long ones cut around the span)."""
    bounds = sentence_bounds(text)
    starts = [s for s, _ in bounds]
    kept: dict[int, tuple[int, int]] = {}
    for start, end in spans:
        i = max(bisect_right(starts, start) - 1, 0)
        while i < len(bounds) and bounds[i][0] < max(end, start + 1):
            s, e = bounds[i]
            if e > start:
                if e - s > MAX_PASSAGE:  # keep the stretch around the span only
                    s, e = max(s, start - MAX_PASSAGE // 2), min(e, end + MAX_PASSAGE // 2)
                old = kept.get(i)
                kept[i] = (min(s, old[0]), max(e, old[1])) if old else (s, e)
            i += 1
    ordered = [kept[i] for i in sorted(kept)]
    return CitedSentences(tuple(s for s, _ in ordered), tuple(e for _, e in ordered),
                          tuple(text[s:e] for s, e in ordered))


def report_excerpts(
    texts: Iterable[tuple[str, str]], spans: Mapping[str, set[tuple[int, int]]]
) -> dict[str, CitedSentences]:
    """For each (report id, text), the sentences its cited `spans` fall in."""
    return {report_id: cited_sentences(text, spans.get(report_id, ())) for report_id, text in texts}
