"""The `events` of an agreement file: named moments, exact, known as an interval, or relative."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from ..model.agreement import Event
from ..model.interval import Interval
from .agreement_context import AgreementContext
from .agreement_times import read_time
from .yaml_lines import YamlList, YamlMap, describe, key_path

EVENT_KEYS = ("at", "after", "within", "source")


@dataclass
class _Relative:
    """An event written as `after: OTHER`, waiting for OTHER to be resolved."""

    name: str
    after: str
    within: timedelta | None
    source: str | None
    line: int
    path: str


def read_events(ctx: AgreementContext, value, line: int) -> None:
    """Fill `ctx.events` (file order) from the `events` mapping; problems into the reader."""
    if value is None:
        return
    events = ctx.reader.mapping(value, line, "events")
    if events is None:
        return
    relative: dict[str, _Relative] = {}
    ctx.event_names = list(events)
    for name, body in events.items():
        ctx.broken_events.add(name)  # until it is read without a problem
        path = key_path("events", name)
        name_line = events.key_line(name)
        if not ctx.reader.name(name, name_line, path):
            continue
        body = ctx.reader.mapping(body, name_line, path)
        if body is None:
            continue
        found = _read_event(ctx, name, body, path, name_line)
        if isinstance(found, _Relative):
            relative[name] = found
        elif found is not None:
            ctx.events[name] = found
            ctx.broken_events.discard(name)
    _resolve_relative(ctx, relative, ctx.event_names)
    ctx.events = {name: ctx.events[name] for name in events if name in ctx.events}  # file order


def _read_event(ctx: AgreementContext, name: str, body: YamlMap, path: str, line: int) -> Event | _Relative | None:
    reader = ctx.reader
    problems_before = len(reader.problems)
    reader.check_keys(body, path, EVENT_KEYS)
    source = reader.text(body, "source", path)
    has_at, has_after = body.get("at") is not None, body.get("after") is not None
    if has_at == has_after:
        what = "both `at:` and `after:`" if has_at else "neither `at:` nor `after:`"
        reader.problem(line, path, "an event needs exactly one of `at:` (a time or [earliest, latest]) "
                       f"or `after:` (an event); it has {what}")
        return None
    within = None
    if "within" in body:
        if has_at:
            reader.problem(body.key_line("within"), key_path(path, "within"), "`within:` goes with `after:`, not `at:`")
        within = ctx.duration(body, "within", path)
    if has_at:
        interval = _read_at(ctx, body["at"], body.key_line("at"), key_path(path, "at"))
        if interval is None or len(reader.problems) > problems_before:
            return None
        return Event(name, interval, source, line=line)
    after = reader.text(body, "after", path)
    if after is None or len(reader.problems) > problems_before:
        return None
    return _Relative(name, after.strip(), within, source, line, path)


def _read_at(ctx: AgreementContext, value, line: int, path: str) -> Interval | None:
    """`at: TIME` or `at: [EARLIEST, LATEST]`."""
    reader = ctx.reader
    if isinstance(value, str):
        return _time(ctx, value, line, path)
    if not isinstance(value, YamlList) or len(value) != 2:
        reader.problem(line, path, f"expected a time or a list [earliest, latest], got {describe(value)}"
                       + (f" of {len(value)} items" if isinstance(value, YamlList) else ""))
        return None
    bounds = []
    for i, (item, item_line) in enumerate(zip(value, value.item_lines)):
        if not isinstance(item, str):
            reader.problem(item_line, key_path(path, i), f"expected a time, got {describe(item)}")
            return None
        bounds.append(_time(ctx, item, item_line, key_path(path, i)))
    if None in bounds:
        return None
    earliest, latest = bounds[0].earliest, bounds[1].latest
    if earliest > latest:
        reader.problem(line, path, f"the earliest time {value[0]} is after the latest {value[1]}")
        return None
    return Interval(earliest, latest)


def _time(ctx: AgreementContext, text: str, line: int, path: str) -> Interval | None:
    try:
        return read_time(text, ctx.tz)
    except ValueError as e:
        ctx.reader.problem(line, path, str(e))
        return None


def _resolve_relative(ctx: AgreementContext, relative: dict[str, _Relative], declared: list[str]) -> None:
    """Give each `after:` event its interval, in dependency order; report unknown names and cycles."""
    reported: set[frozenset[str]] = set()
    order = list(relative)  # file order of the relative events, for naming a cycle's first event

    def resolve(name: str, chain: list[str]) -> Interval | None:
        if name in ctx.events:
            return ctx.events[name].interval
        if name not in relative:
            return None  # broken: its own problem was reported
        if name in chain:
            cycle = chain[chain.index(name):]
            if frozenset(cycle) not in reported:
                reported.add(frozenset(cycle))
                first = min(cycle, key=order.index)
                start = cycle.index(first)
                named = cycle[start:] + cycle[:start] + [first]
                rel = relative[first]
                ctx.reader.problem(rel.line, key_path(rel.path, "after"), f"events form a cycle: {' -> '.join(named)}")
            return None
        rel = relative[name]
        if rel.after not in ctx.events and rel.after not in relative and rel.after not in ctx.broken_events:
            ctx.reader.unknown(rel.line, key_path(rel.path, "after"), "event", rel.after,
                               [n for n in declared if n != name])
            del relative[name]
            return None
        base = resolve(rel.after, chain + [name])
        if base is None or name in ctx.events:
            return ctx.events[name].interval if name in ctx.events else None
        interval = Interval(base.earliest, base.latest + (rel.within or timedelta(0)))
        ctx.events[name] = Event(name, interval, rel.source, after=rel.after, within=rel.within, line=rel.line)
        ctx.broken_events.discard(name)
        return interval

    for name in list(relative):
        if name in relative:
            resolve(name, [])
