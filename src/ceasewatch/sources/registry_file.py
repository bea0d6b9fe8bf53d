"""Reading one source-registry file (docs/sources.md): its parts with the line of each, and every problem.

Checks that need the other file too (a party named in an affiliation, an alias two sources
claim) are made after the user's file is laid over the built-in one, in registry_merge.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..errors import Problem
from ..ingest.yaml_fields import FieldReader
from ..ingest.yaml_lines import YamlList, YamlMap, describe, key_path, load_yaml
from .source import INDEPENDENT, KINDS, RELIABILITY, Source

MARKER = "ceasewatch-sources"  # the first key of every registry file
FORMAT_VERSION = "1"
TOP_KEYS = (MARKER, "defaults", "parties", "countries", "sources")
SOURCE_KEYS = ("name", "aliases", "kind", "affiliation", "reliability")
DEFAULT_RELIABILITY = "F"  # "cannot be judged": nothing is claimed about a source nobody rated
_COUNTRY = re.compile(r"^[A-Z]{2}$")
_WORDY = re.compile(r"\w")
_BOOLEANS = {"true": True, "yes": True, "false": False, "no": False}


@dataclass(frozen=True)
class Where:
    """The file, line and key path a value was written at."""

    file: str
    line: int | None
    key: str

    def problem(self, message: str) -> Problem:
        """A problem reported at this place."""
        return Problem(self.file, self.line, self.key, message)


@dataclass(frozen=True)
class SourceEntry:
    """A source as read, with where its name, affiliation and each alias were written."""

    source: Source
    at: Where
    affiliation_at: Where
    alias_at: tuple[Where, ...]


@dataclass
class RegistryParts:
    """What one file says, before it is laid over another."""

    use_defaults: bool = True
    parties: dict[str, tuple[tuple[str, ...], Where]] = field(default_factory=dict)
    countries: dict[str, tuple[str, Where]] = field(default_factory=dict)
    sources: list[SourceEntry] = field(default_factory=list)


def read_registry_file(text: str, file: str) -> tuple[RegistryParts, list[Problem]]:
    """The parts of the registry in `text` (called `file` in messages) and every problem found."""
    reader = FieldReader(file)
    parts = RegistryParts()
    doc, problems = load_yaml(text, file)
    reader.problems.extend(problems)
    if doc is None and problems:
        return parts, reader.problems
    if not isinstance(doc, YamlMap) or not doc:
        reader.problem(getattr(doc, "line", 1), MARKER,
                       f"a source registry is a mapping that starts with `{MARKER}: 1`, got {describe(doc)}")
        return parts, reader.problems
    marked = _check_marker(reader, doc)
    reader.check_keys(doc, "", TOP_KEYS if marked else (*TOP_KEYS, next(iter(doc))))  # one problem, not two
    parts.use_defaults = _read_defaults(reader, doc)
    _read_parties(reader, doc, parts)
    _read_countries(reader, doc, parts)
    _read_sources(reader, doc, parts)
    return parts, reader.problems


def _check_marker(reader: FieldReader, doc: YamlMap) -> bool:
    """False (with a problem) when the first key is not the registry marker."""
    first = next(iter(doc))
    if first != MARKER:
        hint = " (that marks an agreement file)" if first == "ceasewatch" else ""
        reader.problem(doc.key_line(first), first,
                       f"a source registry starts with `{MARKER}: 1`; the first key here is {first!r}{hint}")
        return False
    version = reader.text(doc, MARKER, "", required=True)
    if version is not None and version.strip() != FORMAT_VERSION:
        reader.problem(doc.key_line(MARKER), MARKER,
                       f"unsupported format version {version!r}: this ceasewatch reads version {FORMAT_VERSION}")
    return True


def _read_defaults(reader: FieldReader, doc: YamlMap) -> bool:
    value = reader.text(doc, "defaults", "")
    if value is None:
        return True
    if value.strip().lower() not in _BOOLEANS:
        reader.problem(doc.key_line("defaults"), "defaults", f"expected true or false, got {value!r}")
        return True
    return _BOOLEANS[value.strip().lower()]


def _read_parties(reader: FieldReader, doc: YamlMap, parts: RegistryParts) -> None:
    if doc.get("parties") is None:
        return
    parties = reader.mapping(doc["parties"], doc.key_line("parties"), "parties",
                             "a mapping of party codes to the words that name them")
    for code in parties or ():
        line, path = parties.key_line(code), key_path("parties", code)
        valid_code = reader.name(code, line, path)
        if code.casefold() == INDEPENDENT:
            reader.problem(line, path, f"{INDEPENDENT!r} is the affiliation of sources that speak for no party; "
                                       "it cannot be a party code")
            valid_code = False
        words = reader.text_list(parties, code, "parties")  # None after a problem (empty, not text)
        if valid_code and words is not None and _all_wordy(reader, words):
            parts.parties[code] = (tuple(w.strip() for w, _, _ in words), Where(reader.file, line, path))


def _read_countries(reader: FieldReader, doc: YamlMap, parts: RegistryParts) -> None:
    if doc.get("countries") is None:
        return
    countries = reader.mapping(doc["countries"], doc.key_line("countries"), "countries",
                               "a mapping of ISO country codes to the party that governs each")
    for country in countries or ():
        line, path = countries.key_line(country), key_path("countries", country)
        party = reader.text(countries, country, "countries", required=True)
        if not _COUNTRY.match(country):
            reader.problem(line, path, f"{country!r} is not an ISO 3166-1 alpha-2 code (two capital letters)")
        elif party is not None:
            parts.countries[country] = (party.strip(), Where(reader.file, line, path))


def _read_sources(reader: FieldReader, doc: YamlMap, parts: RegistryParts) -> None:
    if doc.get("sources") is None:
        return
    items = doc["sources"]
    if not isinstance(items, YamlList):
        reader.problem(doc.key_line("sources"), "sources", f"expected a list of sources, got {describe(items)}")
        return
    first_line: dict[str, int] = {}  # folded name -> line of its first entry in this file
    for i, (item, line) in enumerate(zip(items, items.item_lines)):
        path = key_path("sources", i)
        m = reader.mapping(item, line, path, "a source (name: …, kind: …, affiliation: …)")
        if m is None:
            continue
        reader.check_keys(m, path, SOURCE_KEYS, required=("name", "kind", "affiliation"))
        name = reader.text(m, "name", path)
        if name is not None:
            folded = name.strip().casefold()
            if folded in first_line:
                reader.problem(m.key_line("name"), key_path(path, "name"),
                               f"duplicate source name {name.strip()!r} (first written on line {first_line[folded]})")
                continue
            first_line[folded] = m.key_line("name")
        entry = _read_source(reader, m, path, name)
        if entry is not None:
            parts.sources.append(entry)


def _read_source(reader: FieldReader, m: YamlMap, path: str, name: str | None) -> SourceEntry | None:
    if name is not None and not _WORDY.search(name):
        reader.problem(m.key_line("name"), key_path(path, "name"), f"{name!r} has no letters or digits to match")
    aliases = reader.text_list(m, "aliases", path) or []
    _all_wordy(reader, aliases)
    kind = reader.text(m, "kind", path)
    if kind is not None and kind.strip() not in KINDS:
        reader.unknown(m.key_line("kind"), key_path(path, "kind"), "kind", kind.strip(), KINDS)
    affiliation = reader.text(m, "affiliation", path)
    reliability = reader.text(m, "reliability", path) or DEFAULT_RELIABILITY
    if reliability.strip().upper() not in RELIABILITY:
        reader.problem(m.key_line("reliability"), key_path(path, "reliability"),
                       f"{reliability!r} is not a grade of the Admiralty scale: use one letter, A to F")
    if name is None or affiliation is None or not _WORDY.search(name):
        return None
    # An entry with other mistakes is still kept, so checks across entries (an unknown
    # affiliation, a clashing alias) report on it too: the file is refused anyway.
    source = Source(
        name=name.strip(),
        aliases=tuple(dict.fromkeys(a.strip() for a, _, _ in aliases if a.strip() != name.strip())),
        kind=(kind or "").strip(),
        affiliation=affiliation.strip(),
        reliability=reliability.strip().upper(),
    )
    alias_at = {a.strip(): Where(reader.file, line, key) for a, line, key in reversed(aliases)}
    return SourceEntry(
        source=source,
        at=Where(reader.file, m.key_line("name"), key_path(path, "name")),
        affiliation_at=Where(reader.file, m.key_line("affiliation"), key_path(path, "affiliation")),
        alias_at=tuple(alias_at[a] for a in source.aliases),
    )


def _all_wordy(reader: FieldReader, words: list[tuple[str, int, str]]) -> bool:
    """True when every word has a letter or digit to match on; else a problem for each that has none."""
    ok = True
    for word, line, key in words:
        if not _WORDY.search(word):
            reader.problem(line, key, f"{word!r} has no letters or digits to match")
            ok = False
    return ok
