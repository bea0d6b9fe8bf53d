"""Paragraphs, sentences and clauses of a report, as character spans of its text.

Every later rule works on spans of the stored text, never on copies, so that each
extracted field can point back at the exact words behind it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

# A sentence ends at . ! or ? (perhaps followed by closing quotes or brackets), then
# whitespace, then something that can start a sentence. Linear: no nested quantifiers.
_END = re.compile(r"[.!?][\"'”’)\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9])")
_PARAGRAPH = re.compile(r"\n\s*")
# Words whose trailing dot is not a sentence end ("U.S. President", "Gen. Smith", "8 a.m. Monday").
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr gen lt col maj capt sgt st prof rev sen rep gov pres jr sr vs etc no nos "
    "jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n e.u a.m p.m approx est inc "
    "co corp ltd dept fig km".split()
)
# Where a sentence breaks into clauses that can carry their own place and target.
_CLAUSE_BREAK = re.compile(
    r";|:\s|\s[–—]\s|,\s(?:while|whereas|but)\s|\sbut\s"
    r"|,?\sand\s(?=(?:also\s|later\s)?(?:hit|struck|destroyed|damaged|attacked|shelled|targeted|killed|injured)\b)"
)


@dataclass(frozen=True)
class Sentence:
    """One sentence: its span, its paragraph's number, and its clauses' spans."""

    start: int
    end: int
    paragraph: int
    index: int  # position among all sentences of the report
    clauses: tuple[tuple[int, int], ...]

    def contains(self, start: int, end: int) -> bool:
        """True when the span [start, end) lies inside this sentence."""
        return self.start <= start and end <= self.end

    def clause_of(self, position: int) -> tuple[int, int]:
        """The clause span holding `position` (the whole sentence if none does)."""
        for clause in self.clauses:
            if clause[0] <= position < clause[1]:
                return clause
        return (self.start, self.end)


def split_sentences(text: str) -> list[Sentence]:
    """The report's sentences in order, each knowing its paragraph and clauses."""
    sentences: list[Sentence] = []
    paragraph_start = 0
    paragraph = 0
    for boundary in _paragraph_ends(text):
        for start, end in _sentence_spans(text, paragraph_start, boundary):
            sentences.append(Sentence(start, end, paragraph, len(sentences), _clause_spans(text, start, end)))
        paragraph += 1
        paragraph_start = boundary
    return sentences


class SentenceIndex:
    """Finds the sentence that holds a character position, by binary search."""

    def __init__(self, sentences: list[Sentence]):
        self.sentences = sentences
        self._starts = [s.start for s in sentences]

    def at(self, position: int) -> Sentence | None:
        """The sentence holding `position`, or None between sentences."""
        i = bisect_right(self._starts, position) - 1
        if i >= 0 and position < self.sentences[i].end:
            return self.sentences[i]
        return None


def _paragraph_ends(text: str) -> list[int]:
    ends = [m.start() for m in _PARAGRAPH.finditer(text)]
    ends.append(len(text))
    return ends


def _sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    begin = start
    for m in _END.finditer(text, start, end):
        if _is_abbreviation(text, m.start()):
            continue
        spans.append((begin, m.end()))
        begin = m.end()
    spans.append((begin, end))
    return [_trimmed(text, a, b) for a, b in spans if text[a:b].strip()]


def _is_abbreviation(text: str, dot: int) -> bool:
    """True when the dot at `dot` closes an abbreviation or an initial, not a sentence."""
    if text[dot] != ".":
        return False
    word_start = dot
    while word_start > 0 and (text[word_start - 1].isalpha() or text[word_start - 1] == "."):
        word_start -= 1
    word = text[word_start:dot].lower()
    if len(word) == 1 and text[word_start].isupper():
        return _capitalised_word_before(text, word_start)  # an initial: "Donald J. Trump", not "on X."
    return word in _ABBREVIATIONS


def _capitalised_word_before(text: str, i: int) -> bool:
    j = i - 1
    while j >= 0 and text[j] == " ":
        j -= 1
    k = j
    while k >= 0 and (text[k].isalpha() or text[k] == "."):
        k -= 1
    return j >= 0 and text[k + 1].isupper()


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _clause_spans(text: str, start: int, end: int) -> tuple[tuple[int, int], ...]:
    spans = []
    begin = start
    for m in _CLAUSE_BREAK.finditer(text, start, end):
        if m.start() > begin:
            spans.append((begin, m.start()))
        begin = m.end()
    spans.append((begin, end))
    return tuple(s for s in spans if s[1] > s[0])
