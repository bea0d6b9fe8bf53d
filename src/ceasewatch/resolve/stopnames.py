"""The stop list: names that are never places, and names that are places only with a cue."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .names import fold

SHIPPED = Path(__file__).resolve().parent / "data" / "stopnames.txt"


@dataclass(frozen=True)
class StopNames:
    """Folded names in two classes (data/stopnames.txt explains them)."""

    never: frozenset[str] = frozenset()
    need_cue: frozenset[str] = frozenset()  # [cue] and [given] names
    given: frozenset[str] = frozenset()  # a capitalised word after one of these is a surname

    @classmethod
    def read(cls, path: Path = SHIPPED) -> StopNames:
        """Read a stop-list file: `[never]`, `[cue]`, `[given]` sections, one name a line, # comments."""
        sections: dict[str, set[str]] = {"never": set(), "cue": set(), "given": set()}
        current: set[str] | None = None
        for number, raw in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
            line = raw.split("#", 1)[0].strip()
            if not line:
                continue
            if line.startswith("[") and line.endswith("]"):
                current = sections.get(line[1:-1].strip())
                if current is None:
                    raise ValueError(f"{path}:{number}: unknown section {line} (use [never], [cue] or [given])")
                continue
            if current is None:
                raise ValueError(f"{path}:{number}: name before any section")
            current.add(fold(line))
        given = frozenset(sections["given"])
        return cls(frozenset(sections["never"]), frozenset(sections["cue"]) | given, given)
