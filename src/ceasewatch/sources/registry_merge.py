"""Laying a user's registry file over the built-in one, and the checks that need both."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ..errors import Problem
from ..ingest.yaml_fields import FieldReader
from .registry_file import RegistryParts, SourceEntry, Where
from .source import INDEPENDENT, Source


@dataclass(frozen=True)
class RegistryContent:
    """The registry in effect: party words, governing parties, and sources sorted by name."""

    parties: Mapping[str, tuple[str, ...]]
    countries: Mapping[str, str]
    sources: tuple[Source, ...]


def merge_layers(layers: list[RegistryParts]) -> tuple[RegistryContent, list[Problem]]:
    """Each layer over the one before (same source name or code: replaced); with every cross-file problem."""
    parties: dict[str, tuple[tuple[str, ...], Where]] = {}
    countries: dict[str, tuple[str, Where]] = {}
    by_name: dict[str, tuple[int, SourceEntry]] = {}  # folded name -> (layer, entry)
    for depth, layer in enumerate(layers):
        parties.update(layer.parties)
        countries.update(layer.countries)
        for entry in layer.sources:
            by_name[entry.source.name.casefold()] = (depth, entry)
    # Defaults first, then the user's entries in file order: a conflict is reported on the later line.
    entries = [entry for _, entry in sorted(by_name.values(), key=lambda pair: pair[0])]
    problems: list[Problem] = []
    problems += _check_party_words(parties)
    problems += _check_references(parties, countries, entries)
    problems += _check_names(entries)
    content = RegistryContent(
        parties={code: words for code, (words, _) in sorted(parties.items())},
        countries={country: party for country, (party, _) in sorted(countries.items())},
        sources=tuple(sorted((e.source for e in entries), key=lambda s: (s.name.casefold(), s.name))),
    )
    return content, problems


def _check_party_words(parties: dict[str, tuple[tuple[str, ...], Where]]) -> list[Problem]:
    problems = []
    claimed: dict[str, tuple[str, Where]] = {}
    for code, (words, where) in parties.items():
        for word in words:
            folded = word.casefold()
            if folded in claimed and claimed[folded][0] != code:
                other, other_at = claimed[folded]
                problems.append(where.problem(f"the word {word!r} already names party {other} ({_at(other_at, where)})"))
            claimed.setdefault(folded, (code, where))
    return problems


def _check_references(parties: Mapping[str, object], countries: dict[str, tuple[str, Where]],
                      entries: list[SourceEntry]) -> list[Problem]:
    problems = []
    for party, where in countries.values():
        if party not in parties:
            problems += _unknown(where, "party", party, parties)
    affiliations = [*parties, INDEPENDENT]
    for entry in entries:
        if entry.source.affiliation not in affiliations:
            problems += _unknown(entry.affiliation_at, "affiliation", entry.source.affiliation, affiliations)
    return problems


def _check_names(entries: list[SourceEntry]) -> list[Problem]:
    """A name or alias may point to one source only, whatever its case."""
    problems = []
    owner: dict[str, tuple[str, Where]] = {}  # folded name or alias -> (source name, where written)
    for entry in entries:
        source = entry.source
        for name, where in ((source.name, entry.at), *zip(source.aliases, entry.alias_at)):
            folded = name.casefold()
            if folded in owner and owner[folded][0] != source.name:
                other, other_at = owner[folded]
                problems.append(where.problem(
                    f"{name!r} is also a name of the source {other!r} ({_at(other_at, where)}): "
                    "a name or alias must point to one source"))
                continue
            owner.setdefault(folded, (source.name, where))
    return problems


def _unknown(where: Where, what: str, name: str, known: Iterable[str]) -> list[Problem]:
    reader = FieldReader(where.file)
    reader.unknown(where.line, where.key, what, name, known)
    return reader.problems


def _at(other: Where, here: Where) -> str:
    """Where the other claim was written, as short as it can be said from here."""
    if other.file == here.file:
        return f"line {other.line}"
    return f"{other.file}:{other.line}"
