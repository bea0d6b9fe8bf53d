"""Who is speaking: the words a report attributes a claim to, resolved against the registry.

Four steps, the first that applies (docs/sources.md): (a) a registry name or alias in the
words; (b) a party word, with or without an official body; (c) an official body with no
party, tied to the party governing the incident's country; (d) unknown. Each result carries
a rule naming the step and the words that decided it, so nothing is guessed silently.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from .registry_merge import RegistryContent
from .source import UNATTRIBUTED, Attester, Source

# Official bodies, by the kind of speaker they make. A longer phrase wins over a shorter one
# inside it, which is how "military administration" (a civil authority in Ukraine) stays government.
MILITARY_WORDS = (
    "military", "army", "armed forces", "air force", "navy", "fleet", "general staff",
    "defence ministry", "defense ministry", "ministry of defence", "ministry of defense",
    "troops", "forces", "command", "commander", "commanders", "air defence", "air defense",
    "border guard", "border guards", "border service", "national guard", "brigade",
)
GOVERNMENT_WORDS = (
    "ministry", "minister", "government", "governor", "administration", "military administration",
    "official", "officials", "authorities", "authority", "police", "prosecutor", "prosecutors",
    "prosecutor general", "president", "presidential", "presidency", "mayor", "emergency service",
    "emergency services", "emergencies ministry", "rescue service", "rescuers", "spokesman",
    "spokeswoman", "spokesperson", "council", "ombudsman", "security service", "parliament",
    "lawmaker", "lawmakers", "embassy", "ambassador", "envoy", "diplomat", "diplomats", "cabinet",
    "prime minister",
)
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})
_CACHE_LIMIT = 200_000  # distinct (words, country) pairs kept; a benchmark repeats far fewer


def fold(words: str) -> str:
    """Words as they are compared: case folded, one kind of apostrophe, single spaces."""
    return " ".join(words.translate(_APOSTROPHES).casefold().split())


class _PhraseFinder:
    """One compiled pattern for many phrases, matched case-insensitively on whole words."""

    def __init__(self, phrases: Iterable[str]):
        folded = sorted({fold(p) for p in phrases if fold(p)}, key=lambda p: (-len(p), p))
        # Longest first, so at any position the longest phrase that fits is the one matched.
        alternatives = "|".join(r"\s+".join(re.escape(w) for w in p.split(" ")) for p in folded)
        self.pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE) if folded else None

    def all(self, words: str) -> list[tuple[str, str]]:
        """Every phrase found in `words`, in order: (folded, as written)."""
        if self.pattern is None:
            return []
        return [(fold(m.group(0)), m.group(0)) for m in self.pattern.finditer(words)]

    def longest(self, words: str) -> tuple[str, str] | None:
        """The longest phrase found in `words` (the first of equals): (folded, as written); None if none."""
        found = self.all(words)
        return max(found, key=lambda pair: len(pair[0])) if found else None


class SpeakerResolver:
    """Resolves speakers and outlets to attesters; precompiled, with a cache by (words, country)."""

    def __init__(self, content: RegistryContent):
        self._sources: dict[str, Source] = {fold(n): s for s in content.sources for n in s.names}
        self._parties: dict[str, str] = {fold(w): code for code, words in content.parties.items() for w in words}
        self._countries: Mapping[str, str] = content.countries
        self._body_kind = {fold(w): "government" for w in GOVERNMENT_WORDS}
        self._body_kind.update({fold(w): "military" for w in MILITARY_WORDS})
        self._body_kind["military administration"] = "government"
        self._source_finder = _PhraseFinder(self._sources)
        self._party_finder = _PhraseFinder(self._parties)
        self._body_finder = _PhraseFinder(self._body_kind)
        self._cache: dict[tuple[str | None, str | None], Attester] = {}

    def resolve(self, words: str | None, country: str | None = None) -> Attester:
        """The attester behind `words`, for an incident in `country` (ISO code) when known."""
        key = (words, country)
        found = self._cache.get(key)
        if found is None:
            if len(self._cache) >= _CACHE_LIMIT:
                self._cache.clear()
            found = self._cache[key] = self._resolve(words, country)
        return found

    def _resolve(self, words: str | None, country: str | None) -> Attester:
        label = (words or "").strip()
        if not label:
            return Attester(UNATTRIBUTED, rule="unknown: no speaker or outlet is named")
        text = label.translate(_APOSTROPHES)
        named = self._source_finder.longest(text)
        if named is not None:
            source = self._sources[named[0]]
            return Attester(label, source, source.kind, source.affiliation, source.reliability,
                            f"registry source {source.name}, named as {named[1]!r}")
        bodies = self._body_finder.all(text)
        kind = _kind_of(self._body_kind[folded] for folded, _ in bodies)
        body = max(bodies, key=lambda pair: len(pair[0]))[1] if bodies else None
        party_words = self._party_finder.all(text)
        codes = sorted({self._parties[folded] for folded, _ in party_words})
        if len(codes) > 1:
            return Attester(label, None, kind, None, None,
                            f"unknown affiliation: the words name more than one party ({', '.join(codes)})")
        if codes:
            return self._party_attester(label, codes[0], party_words[0][1], kind, body)
        if body is not None:
            return self._place_attester(label, kind, body, country)
        return Attester(label, rule="unknown: no registry source, party or official body in the words")

    def _party_attester(self, label: str, code: str, word: str, kind: str | None, body: str | None) -> Attester:
        if body is None:
            return Attester(label, None, None, code, None,
                            f"{code} by the party word {word!r}; no official body named, so the kind is unknown")
        return Attester(label, None, kind, code, None,
                        f"{code} {kind}: the party word {word!r} with the official body {body!r}")

    def _place_attester(self, label: str, kind: str | None, body: str, country: str | None) -> Attester:
        if country is None:
            return Attester(label, None, kind, None, None,
                            f"{kind} of unknown affiliation: the official body {body!r} names no party "
                            "and the incident's country is unknown")
        party = self._countries.get(country.upper())
        if party is None:
            return Attester(label, None, kind, None, None,
                            f"{kind} of unknown affiliation: the official body {body!r} names no party "
                            f"and the registry names no party governing {country}")
        return Attester(label, None, kind, party, None,
                        f"{party} {kind}, inferred from the place: the official body {body!r} names no party, "
                        f"and {party} governs {country}, the incident's country")


def _kind_of(kinds: Iterable[str]) -> str | None:
    """Military when any military body is named (a defence ministry's officials), else government."""
    kinds = set(kinds)
    if not kinds:
        return None
    return "military" if "military" in kinds else "government"
