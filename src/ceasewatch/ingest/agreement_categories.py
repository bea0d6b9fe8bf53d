"""The `categories` of an agreement file: named groups of taxonomy codes, and names in targets.

A group names codes and other groups; a name inside its own group (`energy: [energy]`) is the
taxonomy code. Groups expand to the codes as named: a code covers the codes below it, but
that is decided when an incident is judged (taxonomy.is_at_or_below), not by adding children.
"""

from __future__ import annotations

from ..model.taxonomy import CODES, is_code
from .agreement_context import AgreementContext
from .yaml_lines import key_path


def read_categories(ctx: AgreementContext, value, line: int) -> None:
    """Fill `ctx.categories` (group -> frozenset of codes); problems into the reader."""
    if value is None:
        return
    groups = ctx.reader.mapping(value, line, "categories")
    if groups is None:
        return
    members: dict[str, list[tuple[str, int, str]]] = {}
    for group in groups:
        path = key_path("categories", group)
        ctx.broken_groups.add(group)
        if not ctx.reader.name(group, groups.key_line(group), path):
            continue
        names = ctx.reader.text_list(groups, group, "categories")
        if names is not None:
            members[group] = names
    order = list(groups)
    reported: set[frozenset[str]] = set()
    failed: set[str] = set()  # expanded once with a problem: not again, or it is reported twice

    def expand(group: str, chain: list[str]) -> frozenset[str] | None:
        if group in ctx.categories:
            return ctx.categories[group]
        if group in chain:
            cycle = chain[chain.index(group):]
            if frozenset(cycle) not in reported:
                reported.add(frozenset(cycle))
                first = min(cycle, key=order.index)
                i = cycle.index(first)
                named = " -> ".join(cycle[i:] + cycle[:i] + [first])
                ctx.reader.problem(groups.key_line(first), key_path("categories", first),
                                   f"groups form a cycle: {named}")
            return None
        if group not in members or group in failed:
            return None  # broken: its own problem was reported
        codes: set[str] = set()
        ok = True
        for name, name_line, name_path in members[group]:
            name = name.strip()
            if name == group:
                if is_code(name):
                    codes.add(name)
                else:
                    ctx.reader.problem(name_line, name_path, f"{name!r} inside its own group means the "
                                       "taxonomy code, and there is no such code")
                    ok = False
            elif name in groups:
                found = expand(name, chain + [group])
                ok = ok and found is not None
                codes |= found or set()
            elif is_code(name):
                codes.add(name)
            else:
                ctx.reader.unknown(name_line, name_path, "group or taxonomy code", name, [*groups, *CODES])
                ok = False
        if not ok:
            failed.add(group)
            return None
        ctx.categories[group] = frozenset(codes)
        ctx.broken_groups.discard(group)
        return ctx.categories[group]

    for group in members:
        expand(group, [])
    ctx.categories = {g: ctx.categories[g] for g in groups if g in ctx.categories}


def expand_targets(ctx: AgreementContext, names: list[tuple[str, int, str]]) -> frozenset[str] | None:
    """The codes that target names (groups or codes) stand for; None after any problem."""
    codes: set[str] = set()
    ok = True
    for name, line, path in names:
        name = name.strip()
        if name in ctx.categories:
            codes |= ctx.categories[name]
        elif name in ctx.broken_groups:
            ok = False
        elif is_code(name):
            codes.add(name)
        else:
            ctx.reader.unknown(line, path, "group or taxonomy code", name, [*ctx.categories, *CODES])
            ok = False
    return frozenset(codes) if ok else None
