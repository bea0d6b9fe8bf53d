"""What the parts of an agreement file share while it is read: names defined so far, files read."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Callable
from zoneinfo import ZoneInfo

from ..model.agreement import Event, SiteList
from ..model.interval import Interval
from .agreement_times import read_time
from .durations import parse_duration
from .yaml_fields import FieldReader
from .yaml_lines import YamlMap, key_path


@dataclass
class AgreementContext:
    """The reader of one agreement file and every name it defines.

    `broken_*` hold names that are defined but could not be read: a reference to one gets
    no second problem, since the definition already has its own.
    """

    reader: FieldReader
    read_file: Callable[[str], bytes]
    tz: ZoneInfo | None = None
    parties: dict[str, str] = field(default_factory=dict)
    events: dict[str, Event] = field(default_factory=dict)
    broken_events: set[str] = field(default_factory=set)
    event_names: list[str] = field(default_factory=list)  # every event declared, in file order
    categories: dict[str, frozenset[str]] = field(default_factory=dict)
    broken_groups: set[str] = field(default_factory=set)
    site_lists: dict[str, SiteList] = field(default_factory=dict)
    broken_site_lists: set[str] = field(default_factory=set)
    files: dict[str, bytes] = field(default_factory=dict)  # relative path as written -> bytes
    _unreadable: dict[str, str] = field(default_factory=dict)  # relative path -> why

    @property
    def name(self) -> str:
        return self.reader.file

    def display_path(self, relative: str) -> str:
        """A named file as problems call it: joined with the agreement's folder, as run from."""
        return posixpath.normpath(posixpath.join(posixpath.dirname(self.name), relative))

    def read(self, relative: str, line: int, key: str) -> bytes | None:
        """The bytes of a file the agreement names (read once); None with a problem if unreadable."""
        if relative not in self.files and relative not in self._unreadable:
            why = self._try_read(relative)
            if why is not None:
                self._unreadable[relative] = why
        if relative in self.files:
            return self.files[relative]
        self.reader.problem(line, key, self._unreadable[relative])
        return None

    def _try_read(self, relative: str) -> str | None:
        """Read `relative` into `files`; None, or the message saying why it cannot be read."""
        if posixpath.isabs(relative) or relative.startswith("\\") or ":" in relative[:3]:
            return f"{relative!r} is absolute: write the path relative to the agreement file"
        try:
            self.files[relative] = self.read_file(relative)
        except (FileNotFoundError, KeyError):
            return f"file not found: {relative}"
        except OSError as e:
            return f"cannot read {relative}: {e.strerror or e}"
        return None

    def duration(self, m: YamlMap, key: str, path: str) -> timedelta | None:
        """The duration at `m[key]`; None with a problem when it is not one."""
        text = self.reader.text(m, key, path, required=True)
        if text is None:
            return None
        try:
            return parse_duration(text)
        except ValueError as e:
            self.reader.problem(m.key_line(key), key_path(path, key), str(e))
            return None

    def party(self, code: str, line: int, key: str) -> bool:
        """True when `code` is a declared party; else a problem."""
        if code in self.parties:
            return True
        self.reader.unknown(line, key, "party", code, self.parties)
        return False

    def moment(self, text: str, line: int, key: str) -> Interval | None:
        """The interval of an event name or a time (a value starting with a digit is a time)."""
        text = text.strip()
        if text[:1].isdigit():
            try:
                return read_time(text, self.tz)
            except ValueError as e:
                self.reader.problem(line, key, str(e))
                return None
        if text in self.events:
            return self.events[text].interval
        if text not in self.broken_events:
            self.reader.unknown(line, key, "event", text, self.event_names)
        return None
