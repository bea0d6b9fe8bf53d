"""Name folding and word tokens: the one normal form that gazetteer names and texts share.

Two spellings match when they fold to the same key: case, diacritics, apostrophes and the
choice between a hyphen and a space do not count ("Kryvyi-Rih" = "kryvyi rih",
"Slov'yans'k" = "Slovyansk", "Orël" = "Orel").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from itertools import accumulate

# Apostrophes and quote marks that transliterations put inside names (soft sign, Ukrainian
# apostrophe): dropped.  Hyphens and dashes: a word break, like a space.
_APOSTROPHES = "'’ʼʹ`´‘\u02bb\u201d\""
_HYPHENS = "-‐‑‒–—"
_COMBINING_MARKS = re.compile("[\u0300-\u036f]")
_FOLD_TABLE = str.maketrans({**{c: "" for c in _APOSTROPHES}, **{c: " " for c in _HYPHENS}})

# A word: letters or digits, with apostrophes allowed inside (Kam'ianske) but not at its
# ends. An apostrophe not followed by a letter gives back one character: linear in the text.
_WORD_PATTERN = r"[^\W_]+(?:['’ʼ][^\W_]+)*"
WORD = re.compile(_WORD_PATTERN)
# (gap, word) pairs; "|$" lets a trailing run of punctuation match once, at the end, instead
# of failing at each of its characters (which would be quadratic in its length)
_GAP_AND_WORD = re.compile(r"([\W_]*)(" + _WORD_PATTERN + "|$)")

# What may stand between two words of one name: a few spaces or hyphens, a line break.
_JOINING_CHARS = " \t\n\u00a0" + _HYPHENS
_JOINABLE_GAP = re.compile("[" + re.escape(_JOINING_CHARS) + "]{1,3}")
_POSSESSIVE = ("'s", "’s", "'S", "’S", "ʼs")

# Words that stand in lower case inside a place name (Rostov-on-Don, Rostov-na-Donu,
# Komsomolsk-na-Amure): every other word of a name must be capitalised in the text.
PARTICLES = frozenset({
    "on", "na", "nad", "pod", "po", "pri", "upon", "am", "an", "der", "de", "del", "la", "le", "u", "v",
})


def fold(name: str) -> str:
    """The matching key of a name: lower case, no diacritics or apostrophes, single spaces."""
    if not name.isascii():
        name = _COMBINING_MARKS.sub("", unicodedata.normalize("NFKD", name))
    return " ".join(name.translate(_FOLD_TABLE).casefold().split())


def is_joinable_gap(gap: str) -> bool:
    """True when two words separated by `gap` may belong to one name."""
    return _JOINABLE_GAP.fullmatch(gap) is not None


@dataclass(frozen=True, slots=True)
class Words:
    """The words of a text as parallel lists (one entry per word: cheaper than an object each)."""

    starts: list[int]
    ends: list[int]  # "Sumy's": the end is before the 's
    keys: list[str]  # folded
    capitalised: list[bool]  # first letter upper case
    all_caps: list[bool]  # every letter upper case (headlines, acronyms)
    possessive: list[bool]
    joined: list[bool]  # may continue the name the previous word is part of

    def __len__(self) -> int:
        return len(self.keys)


def tokenize(text: str) -> Words:
    """Every word of `text`, in order, with the facts the matcher needs about each."""
    # findall hands back (gap, word) pairs in C; list comprehensions do the rest
    pairs = _GAP_AND_WORD.findall(text)
    while pairs and not pairs[-1][1]:
        pairs.pop()  # the trailing punctuation (and the empty match at the very end)
    words = [w for _, w in pairs]
    ends = list(accumulate(len(g) + len(w) for g, w in pairs))
    starts = [e - len(w) for e, w in zip(ends, words)]
    possessive = [len(w) > 2 and w.endswith(_POSSESSIVE) for w in words]
    if any(possessive):
        for i in (i for i, p in enumerate(possessive) if p):
            words[i], ends[i] = words[i][:-2], ends[i] - 2
    capitalised = [w[0].isupper() for w in words]
    return Words(
        starts=starts,
        ends=ends,
        keys=[w.lower() if w.isascii() and "'" not in w else fold(w) for w in words],
        capitalised=capitalised,
        all_caps=[c and len(w) > 1 and w.isupper() for c, w in zip(capitalised, words)],
        possessive=possessive,
        joined=[
            0 < len(g) <= 3 and not g.strip(_JOINING_CHARS) and not (i and possessive[i - 1])
            for i, (g, _) in enumerate(pairs)
        ],
    )
