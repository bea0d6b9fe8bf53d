"""Longest-match scan of a text's words against the gazetteer's name keys.

One left-to-right pass: at each capitalised word, the longest run of joined words whose
folded form is a key wins, and the scan resumes after it ("Kryvyi Rih", never "Rih";
"Sumy region", not "Sumy"). A run grows only while it is the prefix of some key, so the
work per word is bounded by the longest name (a few words): linear in the text.
"""

from __future__ import annotations

from dataclasses import dataclass

from .index import LOWERCASE_WORDS, MAX_NAME_WORDS, GazetteerIndex
from .names import PARTICLES, Words

_SHORT_ACRONYM = 3  # an all-caps word this short (UN, TPP, SBU) never starts a name
_LOWERCASE_OK = PARTICLES | LOWERCASE_WORDS


@dataclass(frozen=True)
class RawMatch:
    """Words first..last (inclusive) of a text form the key `key`, with these entries."""

    first: int
    last: int
    key: str
    entries: tuple[tuple[int, int], ...]  # (place number, how the name belongs to it)


def scan(words: Words, index: GazetteerIndex) -> list[RawMatch]:
    """Every longest name match among `words`, in text order, none overlapping."""
    matches: list[RawMatch] = []
    latin, prefixes = index.latin, index.prefixes
    keys, capitalised, all_caps, joined, possessive = (
        words.keys, words.capitalised, words.all_caps, words.joined, words.possessive)
    count = len(keys)
    for i in range(count):
        if not capitalised[i] or (all_caps[i] and len(keys[i]) <= _SHORT_ACRONYM):
            continue
        if matches and matches[-1].last >= i:
            continue  # inside the previous match
        best: RawMatch | None = None
        key, last = keys[i], i
        while True:
            entries = latin.get(key)
            if entries is not None:
                best = RawMatch(i, last, key, tuple(entries))
            nxt = last + 1
            # a longer name is possible only while `key` begins one and the next word joins it,
            # written as a name's word is: capitalised, a particle or region word, or a
            # lower-case word that a (local) name holds as written
            if key not in prefixes or nxt >= count or nxt - i >= MAX_NAME_WORDS or possessive[last] or not joined[nxt]:
                break
            longer = f"{key} {keys[nxt]}"
            if not (capitalised[nxt] or keys[nxt] in _LOWERCASE_OK or longer in latin or longer in prefixes):
                break
            last, key = nxt, longer
        if best is not None:
            matches.append(best)
    return matches
