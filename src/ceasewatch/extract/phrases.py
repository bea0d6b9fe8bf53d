"""PhraseTable: fixed phrases found by walking a word trie, in time linear in the words of a text.

A regex alternation of hundreds of phrases is tried at every character; the trie looks each
word up once. Phrases are written compactly: `(thermal |hydro |)power (plant|station)` stands
for six phrases (an empty choice makes a group optional). Words are compared in a normal
form (lower case, no possessive, singular: "facilities" = "facility"), so plurals need not be
written; a word written `=TPP` must appear exactly so (case kept, a plural "s" allowed).
At each word the longest phrase wins; a phrase whose value is None matches and yields
nothing (a stop phrase: "White House" keeps "house" from counting).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Generic, Iterable, Iterator, TypeVar

V = TypeVar("V")

WORD = re.compile(r"[^\W_][\w'’]*(?:[-‐‑][\w'’]+)*")
_GROUP = re.compile(r"\(([^()]*)\)")
_END = "\x00end"
_IRREGULAR = {"buses": "bus", "gases": "gas", "children": "child", "people": "people", "media": "media"}
_KEEP = frozenset({"gas", "bus", "us", "news", "this", "his", "its", "has", "was", "is", "as", "lens", "series", "kyiv's"})


@lru_cache(maxsize=65536)
def normal(word: str) -> str:
    """The form words are compared in: lower case, no possessive, singular."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    if len(w) <= 3 or w in _KEEP or w.endswith(("ss", "us", "is")):
        return w
    if w.endswith("ies"):
        return w[:-3] + "y"
    if w.endswith(("sses", "ches", "shes", "xes")):
        return w[:-2]
    return w[:-1] if w.endswith("s") else w


@lru_cache(maxsize=65536)
def exact(word: str) -> str:
    """The form an `=`-word is compared in: as written, without a possessive or a plural "s"."""
    w = word.replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    return w[:-1] if len(w) > 2 and w.endswith("s") and w[:-1].isupper() else w


def expand(pattern: str) -> list[str]:
    """Every phrase a compact pattern stands for: "(a |b |)c" -> ["a c", "b c", "c"]."""
    m = _GROUP.search(pattern)
    if m is None:
        return [" ".join(pattern.split())]
    out = []
    for choice in m.group(1).split("|"):
        out.extend(expand(pattern[: m.start()] + choice + pattern[m.end():]))
    return out


class PhraseTable(Generic[V]):
    """Phrases and what each one means; `find` returns the longest match at each word."""

    def __init__(self, entries: Iterable[tuple[str, V | None]]):
        self._root: dict = {}
        for pattern, value in entries:
            for phrase in expand(pattern):
                node = self._root
                for word in phrase.split():
                    key = "=" + word[1:] if word.startswith("=") else normal(word)
                    node = node.setdefault(key, {})
                node.setdefault(_END, value)  # the first entry of a phrase wins

    def find(self, text: str, start: int, end: int) -> list[tuple[int, int, V]]:
        """(start, end, value) of every phrase in text[start:end], left to right, not overlapping."""
        words = list(WORD.finditer(text, start, end))
        keys = [normal(w.group()) for w in words]
        out: list[tuple[int, int, V]] = []
        i = 0
        while i < len(words):
            best, best_end = self._longest(text, words, keys, i)
            if best is None:
                i += 1
                continue
            value = best[_END]
            if value is not None:
                out.append((words[i].start(), words[best_end].end(), value))
            i = best_end + 1
        return out

    def _longest(self, text: str, words, keys, i: int):
        node, best, best_end = self._root, None, i
        for j in range(i, len(words)):
            if j > i and not text[words[j - 1].end():words[j].start()].isspace():
                break  # a phrase does not run over punctuation
            step = node.get(keys[j]) or node.get("=" + exact(words[j].group()))
            if step is None:
                break
            node = step
            if _END in node:
                best, best_end = node, j
        return best, best_end


def words_in(text: str, start: int, end: int) -> Iterator[re.Match]:
    """The words of text[start:end]."""
    return WORD.finditer(text, start, end)
