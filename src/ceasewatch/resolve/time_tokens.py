"""Tokens for reading times: words, numbers, a.m./p.m. marks, zone words and punctuation.

Every token keeps its character span, so a time read from tokens points back at the exact
words. The scan is one regular expression with no nested repetition (linear in the text),
run over chunks so that a 10 MB text never holds millions of tokens at once.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

_TOKEN = re.compile(
    r"(?P<zone>(?:moscow|kyiv|kiev|ukrainian|ukraine|local|eastern|washington)[ \t\u00a0]+time\b)"
    r"|(?P<iso>\d{4}-\d{2}-\d{2}(?![\d-]))"
    r"|(?P<meridiem>[ap]\.[ \t]?m\.?|[ap]m\b)"
    r"|(?P<number>\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:[:.]\d+)*(?:(?:st|nd|rd|th)(?![^\W\d_]))?)"
    r"|(?P<oclock>o['’]clock\b)"
    r"|(?P<word>[^\W\d_]+)"
    r"|(?P<mark>[,.;:!?'’\"“”()\[\]/+\-–—])",  # other symbols are not tokens: they never shape a time
    re.IGNORECASE,
)
CHUNK_CHARS = 20_000
_PAD = 16  # more than any reader looks ahead or behind
# A sentence end: . ! ? then a capital (quotes and brackets allowed between), or ; or a line break.
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+[\"“‘(\[]?[A-Z]|;\s|\n")


@dataclass(frozen=True)
class Tokens:
    """The tokens of text[start:end], as parallel lists (character offsets into the whole text)."""

    text: str
    starts: list[int]
    ends: list[int]
    words: list[str]  # as written
    lower: list[str]
    kinds: list[str]  # zone, iso, meridiem, number, oclock, word, mark

    def __len__(self) -> int:
        return len(self.starts)

    # words, lower and kinds end with _PAD empty strings, so that looking a few tokens past
    # either end (index -1 wraps round to the padding) needs no bounds checks.
    def low(self, i: int) -> str:
        """The token in lower case; "" just past either end."""
        return self.lower[i]

    def kind(self, i: int) -> str:
        """The token's kind; "" just past either end."""
        return self.kinds[i]

    def word(self, i: int) -> str:
        """The token as written; "" just past either end."""
        return self.words[i]

    def is_capitalised(self, i: int) -> bool:
        """True when the token starts with a capital letter ("March", not "march")."""
        return self.word(i)[:1].isupper()

    def joined(self, i: int) -> bool:
        """True when token i follows token i-1 with no space ("5pm", "mid-March")."""
        return 0 < i < len(self.starts) and self.starts[i] == self.ends[i - 1]

    def breaks_before(self, i: int) -> bool:
        """True when a line break stands between token i-1 and token i."""
        return 0 < i < len(self.starts) and self.text.find("\n", self.ends[i - 1], self.starts[i]) >= 0

    def char_span(self, first: int, stop: int) -> tuple[int, int]:
        """Character offsets [start, end) of tokens first..stop-1."""
        return self.starts[first], self.ends[stop - 1]


def tokenize(text: str, start: int = 0, end: int | None = None) -> Tokens:
    """Tokens of text[start:end], with offsets into the whole `text`."""
    starts: list[int] = []
    ends: list[int] = []
    words: list[str] = []
    kinds: list[str] = []
    for match in _TOKEN.finditer(text, start, len(text) if end is None else end):
        starts.append(match.start())
        ends.append(match.end())
        words.append(match.group())
        kinds.append(match.lastgroup or "mark")
    lower = [w.lower() for w in words]
    padding = [""] * _PAD
    return Tokens(text, starts, ends, words + padding, lower + padding, kinds + padding)


def chunk_bounds(text: str, size: int = CHUNK_CHARS) -> Iterator[tuple[int, int]]:
    """[start, end) pieces of at most `size` characters, cut at a line break or sentence end
    where one is near, so that no time phrase is split in ordinary text."""
    start = 0
    n = len(text)
    while start < n:
        end = min(start + size, n)
        if end < n:
            cut = text.rfind("\n", start + size // 2, end)
            if cut < 0:
                cut = text.rfind(". ", start + size // 2, end)
            if cut < 0:
                cut = text.rfind(" ", start + size // 2, end)
            end = cut + 1 if cut >= 0 else end
        yield start, end
        start = end


def has_sentence_break(text: str, start: int, end: int) -> bool:
    """True when a sentence or line ends between `start` and `end`; the character before
    `start` counts too, since a time may end with the sentence's dot ("at 3 a.m. On Monday")."""
    begin = start - 1 if start > 0 and text[start - 1] in ".!?" else start
    return begin < end and _SENTENCE_END.search(text, begin, min(end + 1, len(text))) is not None
