"""The source registry: built-in defaults, a user's file laid over them, and speaker resolution."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from functools import cache
from importlib import resources

import yaml

from ..errors import InputError, Problem
from .registry_file import FORMAT_VERSION, MARKER, RegistryParts, read_registry_file
from .registry_merge import RegistryContent, merge_layers
from .source import Attester, Source
from .speakers import SpeakerResolver

BUILT_IN_NAME = "sources.yaml (built-in)"  # how messages name the file shipped in sources/data
_FIRST_KEY = re.compile(rf"^(?:---\s+)?[\"']?{re.escape(MARKER)}[\"']?\s*:")


class SourcesError(InputError):
    """A source-registry file is wrong; `problems` lists every mistake found."""


class SourceRegistry:
    """The sources, party words and governing parties in effect, and who a speaker is."""

    def __init__(self, content: RegistryContent, text: str | None = None):
        self.content = content
        self.text = text  # the user's file as given; None for the built-in defaults alone
        self._resolver = SpeakerResolver(content)
        self._yaml: str | None = None

    @property
    def sources(self) -> tuple[Source, ...]:
        """Every source, sorted by name."""
        return self.content.sources

    @property
    def parties(self) -> Mapping[str, tuple[str, ...]]:
        """Party code -> the words that tie a speaker to it."""
        return self.content.parties

    @property
    def countries(self) -> Mapping[str, str]:
        """ISO country code -> the party that governs it."""
        return self.content.countries

    def resolve(self, name: str | None, *, country: str | None = None) -> Attester:
        """The attester behind a speaker's or outlet's words, for an incident in `country` when known."""
        return self._resolver.resolve(name, country)

    def to_yaml(self) -> str:
        """The registry in effect as one self-contained file (`defaults: false`): what to store."""
        if self._yaml is None:
            self._yaml = _render(self.content)
        return self._yaml

    @property
    def content_hash(self) -> str:
        """A hash of the registry in effect: equal registries hash alike, however they were written."""
        return hashlib.sha256(self.to_yaml().encode()).hexdigest()

    def __eq__(self, other: object) -> bool:
        return isinstance(other, SourceRegistry) and self.content == other.content

    def __hash__(self) -> int:
        return hash(self.content_hash)

    def __repr__(self) -> str:
        return f"SourceRegistry({len(self.sources)} sources, parties {', '.join(self.parties)})"


def load_registry(text: str | None = None, name: str = "<sources>") -> SourceRegistry:
    """The built-in registry with `text` (a registry file called `name` in messages) laid over it.

    With `text` None, the built-in defaults alone. Raises SourcesError listing every problem.
    """
    if text is None:
        return _built_in()
    parts, problems = read_registry_file(text, name)
    layers = [_built_in_parts(), parts] if parts.use_defaults else [parts]
    content, cross_problems = merge_layers(layers)
    problems = problems + cross_problems
    if problems:
        raise SourcesError(_in_reading_order(problems, name))
    return SourceRegistry(content, text)


def is_registry_text(text: str) -> bool:
    """True when the first key of `text` (after comments and blank lines) is `ceasewatch-sources`."""
    for line in text.lstrip("\ufeff").splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("#") or stripped == "---":
            continue
        return bool(_FIRST_KEY.match(stripped))
    return False


def built_in_text() -> str:
    """The text of the built-in registry file shipped with ceasewatch."""
    return resources.files(__package__).joinpath("data", "sources.yaml").read_text(encoding="utf-8")


@cache
def _built_in_parts() -> RegistryParts:
    parts, problems = read_registry_file(built_in_text(), BUILT_IN_NAME)
    if problems:  # a packaging mistake, caught by the tests: say exactly what
        raise SourcesError(problems)
    return parts


@cache
def _built_in() -> SourceRegistry:
    content, problems = merge_layers([_built_in_parts()])
    if problems:
        raise SourcesError(problems)
    return SourceRegistry(content)


def _render(content: RegistryContent) -> str:
    doc = {
        MARKER: int(FORMAT_VERSION),
        "defaults": False,
        "parties": {code: list(words) for code, words in content.parties.items()},
        "countries": dict(content.countries),
        "sources": [_source_record(s) for s in content.sources],
    }
    return yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, default_flow_style=None, width=100)


def _source_record(source: Source) -> dict:
    record: dict = {"name": source.name}
    if source.aliases:
        record["aliases"] = list(source.aliases)
    record.update(kind=source.kind, affiliation=source.affiliation, reliability=source.reliability)
    return record


def _in_reading_order(problems: list[Problem], name: str) -> list[Problem]:
    """The user's file by line first, then the built-in file's: the order a reader fixes them in."""
    return sorted(problems, key=lambda p: (p.file != name, p.line is None, p.line or 0))
