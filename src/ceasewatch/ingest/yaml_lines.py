"""YAML as plain Python values that remember the line of every key and item.

Every scalar stays a string (`2025-03-20` and `1` are not converted: each field converts
its own value and can say what is wrong with it); a plain `null`, `~` or empty value is None.
Mappings come back as `YamlMap` (a dict) and sequences as `YamlList` (a list), each carrying
the 1-based line where it starts and the line of each key or item. Mistakes that PyYAML lets
through silently (a key written twice) and syntax errors become `Problem`s.
"""

from __future__ import annotations

from typing import Any, Union

import yaml

from ..errors import Problem

try:  # libyaml composes about ten times faster; the pure-Python loader gives the same nodes
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader

_NULLS = frozenset({"", "~", "null", "Null", "NULL"})


class YamlMap(dict):
    """A YAML mapping: a dict of its keys in file order, plus `line` and `key_lines`."""

    line: int
    key_lines: dict[str, int]

    def key_line(self, key: str) -> int:
        """The line of `key`, or of the mapping itself when the key is absent."""
        return self.key_lines.get(key, self.line)


class YamlList(list):
    """A YAML sequence: a list of its items, plus `line` and `item_lines`."""

    line: int
    item_lines: list[int]


Value = Union[YamlMap, YamlList, str, None]


def key_path(parent: str, key: str | int) -> str:
    """The dotted path of a child: `versions.us-ua` + 0 -> `versions.us-ua[0]`."""
    if isinstance(key, int):
        return f"{parent}[{key}]"
    return f"{parent}.{key}" if parent else key


def describe(value: Any) -> str:
    """How a value reads in a message: 'a mapping', 'a list', 'nothing', or the text."""
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    return repr(value)


def load_yaml(text: str, file: str) -> tuple[Value, list[Problem]]:
    """Read one YAML document; the value (None when unreadable) and every problem found."""
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line = mark.line + 1 if mark is not None else None
        message = " ".join(part for part in (e.context, e.problem) if part)
        return None, [Problem(file, line, "yaml", f"not valid YAML: {message}")]
    except yaml.YAMLError as e:  # a reader error (bad character) carries no mark
        return None, [Problem(file, None, "yaml", f"not valid YAML: {e}")]
    if node is None:
        return None, []
    walker = _Walker(file)
    return walker.value(node, ""), walker.problems


class _Walker:
    """Turns composed nodes into values; an alias yields the object of its anchor."""

    def __init__(self, file: str):
        self.file = file
        self.problems: list[Problem] = []
        self.done: dict[int, Value] = {}  # id(node) -> value, so aliases cost nothing
        self.open: set[int] = set()  # nodes being built: an alias to one is recursive

    def value(self, node: yaml.Node, path: str) -> Value:
        key = id(node)
        if key in self.done:
            return self.done[key]
        if key in self.open:
            self.problems.append(Problem(self.file, node.start_mark.line + 1, path or "yaml",
                                         "an alias refers to a value that contains it"))
            return None
        if isinstance(node, yaml.ScalarNode):
            return None if not node.style and node.value in _NULLS else node.value  # libyaml: style ""
        self.open.add(key)
        out = self._mapping(node, path) if isinstance(node, yaml.MappingNode) else self._sequence(node, path)
        self.open.discard(key)
        self.done[key] = out
        return out

    def _mapping(self, node: yaml.MappingNode, path: str) -> YamlMap:
        out = YamlMap()
        out.line = node.start_mark.line + 1
        out.key_lines = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1
            if not isinstance(key_node, yaml.ScalarNode):
                self.problems.append(Problem(self.file, line, path or "yaml",
                                             "a key must be a plain name, not a list or mapping"))
                continue
            name = key_node.value
            child = key_path(path, name)
            if name in out.key_lines:
                self.problems.append(Problem(self.file, line, child,
                                             f"duplicate key (first written on line {out.key_lines[name]})"))
                continue
            out.key_lines[name] = line
            out[name] = self.value(value_node, child)
        return out

    def _sequence(self, node: yaml.SequenceNode, path: str) -> YamlList:
        out = YamlList()
        out.line = node.start_mark.line + 1
        out.item_lines = []
        for i, item in enumerate(node.value):
            out.item_lines.append(item.start_mark.line + 1)
            out.append(self.value(item, key_path(path, i)))
        return out
