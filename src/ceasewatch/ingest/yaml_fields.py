"""Strict reading of the fields of a YAML file loaded by yaml_lines: one Problem per mistake.

Readers of agreement, feed or config files call these to check types and keys without
stopping at the first mistake: each method records what is wrong and returns None.
"""

from __future__ import annotations

import difflib
import re
from typing import Iterable

from ..errors import Problem
from .yaml_lines import Value, YamlList, YamlMap, describe, key_path

NAME = re.compile(r"^[A-Za-z][A-Za-z0-9._-]*$")
NAME_RULE = "use letters, digits, '.', '-' or '_', starting with a letter"


class FieldReader:
    """Checks values of one file and collects the problems found in it."""

    def __init__(self, file: str):
        self.file = file
        self.problems: list[Problem] = []

    def problem(self, line: int | None, key: str, message: str) -> None:
        """Record one mistake at `line` under the key path `key`."""
        self.problems.append(Problem(self.file, line, key, message))

    def mapping(self, value: Value, line: int, key: str, what: str = "a mapping (key: value)") -> YamlMap | None:
        """`value` when it is a mapping; else a problem and None."""
        if isinstance(value, YamlMap):
            return value
        self.problem(line, key, f"expected {what}, got {describe(value)}")
        return None

    def check_keys(self, m: YamlMap, path: str, allowed: Iterable[str], required: Iterable[str] = ()) -> None:
        """A problem for each key of `m` not in `allowed` and each `required` key missing."""
        allowed = tuple(allowed)
        for key in m:
            if key not in allowed:
                self.problem(m.key_line(key), key_path(path, key),
                             f"unknown key {key!r}; expected one of: {', '.join(allowed)}")
        for key in required:
            if key not in m:
                where = path or "the file"
                self.problem(m.line, key_path(path, key), f"required key {key!r} is missing from {where}")

    def text(self, m: YamlMap, key: str, path: str, required: bool = False) -> str | None:
        """The string at `m[key]`; None (with a problem if required or not text) otherwise."""
        value = m.get(key)
        child = key_path(path, key)
        if value is None:
            if required and key in m:
                self.problem(m.key_line(key), child, "needs a value")
            elif required:
                self.problem(m.line, child, f"required key {key!r} is missing from {path or 'the file'}")
            return None
        if not isinstance(value, str):
            self.problem(m.key_line(key), child, f"expected text, got {describe(value)}")
            return None
        return value

    def text_list(self, m: YamlMap, key: str, path: str) -> list[tuple[str, int, str]] | None:
        """[(text, line, key path)] of a string or a list of strings; None when absent or wrong."""
        value = m.get(key)
        child = key_path(path, key)
        if value is None:
            if key in m:
                self.problem(m.key_line(key), child, "needs a value")
            return None
        if isinstance(value, str):
            return [(value, m.key_line(key), child)]
        if not isinstance(value, YamlList):
            self.problem(m.key_line(key), child, f"expected text or a list of text, got {describe(value)}")
            return None
        if not value:
            self.problem(m.key_line(key), child, "the list is empty")
            return None
        out = []
        for i, (item, line) in enumerate(zip(value, value.item_lines)):
            if isinstance(item, str) and item.strip():
                out.append((item, line, key_path(child, i)))
            else:
                self.problem(line, key_path(child, i), f"expected text, got {describe(item)}")
        return out if len(out) == len(value) else None

    def name(self, text: str, line: int, key: str) -> bool:
        """True when `text` is a valid name; else a problem."""
        if NAME.match(text):
            return True
        self.problem(line, key, f"{text!r} is not a valid name: {NAME_RULE}")
        return False

    def unknown(self, line: int, key: str, what: str, name: str, known: Iterable[str]) -> None:
        """A problem for a reference to nothing, with the closest known name when there is one."""
        known = list(known)
        close = difflib.get_close_matches(name, known, n=1)
        if close:
            hint = f"; did you mean {close[0]!r}?"
        elif known and len(known) <= 12:
            hint = f" (known: {', '.join(known)})"
        elif not known:
            hint = " (none are defined)"
        else:
            hint = ""
        self.problem(line, key, f"unknown {what} {name!r}{hint}")
