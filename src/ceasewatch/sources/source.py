"""The records of the source registry: a known source, and who stands behind one account's words."""

from __future__ import annotations

from dataclasses import dataclass

KINDS = ("government", "military", "media", "monitor", "ngo")
INDEPENDENT = "independent"  # the affiliation of a source that speaks for no party
# The Admiralty (NATO) source-reliability scale; F is the honest default for "not assessed".
RELIABILITY = {
    "A": "completely reliable",
    "B": "usually reliable",
    "C": "fairly reliable",
    "D": "not usually reliable",
    "E": "unreliable",
    "F": "reliability cannot be judged",
}
UNATTRIBUTED = "unattributed"  # the label of an account that names neither speaker nor outlet


@dataclass(frozen=True)
class Source:
    """A known outlet or body: its names, what it is and whose side it speaks for."""

    name: str
    aliases: tuple[str, ...] = ()
    kind: str = "media"  # one of KINDS
    affiliation: str = INDEPENDENT  # a party code, or INDEPENDENT
    reliability: str = "F"  # a letter of RELIABILITY

    @property
    def names(self) -> tuple[str, ...]:
        """The name followed by every alias."""
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Attester:
    """A speaker or outlet as a report gives it, with what the registry could tell about it."""

    label: str  # the words as given: "the Russian Defence Ministry", "local officials"
    source: Source | None = None  # the registry entry the words named, if any
    kind: str | None = None  # one of KINDS, or None when not known
    affiliation: str | None = None  # a party code, INDEPENDENT, or None when not known
    reliability: str | None = None  # a letter of RELIABILITY, only for a registry source
    rule: str = ""  # one sentence: which resolution step decided, and on what words

    @property
    def display_name(self) -> str:
        """The registry name when known, else the words as given."""
        return self.source.name if self.source is not None else self.label

    @property
    def identity(self) -> str:
        """What makes two attesters the same: the registry name, else the words folded."""
        if self.source is not None:
            return "source:" + self.source.name.casefold()
        return "label:" + " ".join(self.label.casefold().split())

    @property
    def is_independent(self) -> bool:
        """True when the attester speaks for no party."""
        return self.affiliation == INDEPENDENT

    def describe(self) -> str:
        """The name with its affiliation, as grade rules quote it: 'Reuters (independent)'."""
        return f"{self.display_name} ({self.affiliation or 'affiliation unknown'})"
