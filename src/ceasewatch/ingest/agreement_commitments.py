"""The `versions` of an agreement file and their commitments: refrain from an act, or perform one."""

from __future__ import annotations

import re
from datetime import timedelta

from ..model.agreement import Area, Commitment, Version
from ..model.interval import Interval, format_utc
from .agreement_categories import expand_targets
from .agreement_context import AgreementContext
from .agreement_times import read_deadline
from .geojson import read_area_file
from .yaml_lines import YamlList, YamlMap, describe, key_path

VERSION_KEYS = ("label", "stated_by", "commitments")
ACTS = {"refrain": ("strike",), "perform": ("prisoner-exchange",)}
REFRAIN_ONLY = ("targets", "sites", "from", "for", "until", "in_flight", "grace", "area")
PERFORM_ONLY = ("quantity", "by")
COMMITMENT_KEYS = ("id", "party", "refrain", "perform", *REFRAIN_ONLY, *PERFORM_ONLY, "note")
IN_FLIGHT = ("counts", "exempt")
_COUNTRY = re.compile(r"^[A-Z]{2}$")


def read_versions(ctx: AgreementContext, value, line: int) -> dict[str, Version]:
    """Every version in file order; problems into the reader."""
    reader = ctx.reader
    versions = reader.mapping(value, line, "versions")
    if versions is None:
        return {}
    if not versions:
        reader.problem(line, "versions", "an agreement needs at least one version")
    out: dict[str, Version] = {}
    for key, body in versions.items():
        path = key_path("versions", key)
        if not reader.name(key, versions.key_line(key), path):
            continue
        body = reader.mapping(body, versions.key_line(key), path)
        if body is None:
            continue
        reader.check_keys(body, path, VERSION_KEYS, required=("commitments",))
        label = reader.text(body, "label", path)
        stated_by = reader.text_list(body, "stated_by", path) or []
        commitments = _read_commitments(ctx, body, path)
        out[key] = Version(key, label, tuple(s.strip() for s, _, _ in stated_by), commitments)
    return out


def _read_commitments(ctx: AgreementContext, body: YamlMap, path: str) -> tuple[Commitment, ...]:
    items = body.get("commitments")
    child = key_path(path, "commitments")
    if "commitments" not in body:
        return ()
    if not isinstance(items, YamlList) or not items:
        ctx.reader.problem(body.key_line("commitments"), child,
                           f"expected a list of at least one commitment, got {describe(items)}")
        return ()
    out: list[Commitment] = []
    seen: dict[str, int] = {}
    for i, (item, line) in enumerate(zip(items, items.item_lines)):
        item_path = key_path(child, i)
        item = ctx.reader.mapping(item, line, item_path)
        if item is None:
            continue
        cid = item.get("id").strip() if isinstance(item.get("id"), str) else None
        if cid in seen:
            ctx.reader.problem(item.key_line("id"), key_path(item_path, "id"),
                               f"duplicate commitment id {cid!r} in this version (also on line {seen[cid]})")
        elif cid is not None:
            seen[cid] = line
        commitment = _read_commitment(ctx, item, item_path, line)
        if commitment is not None:
            out.append(commitment)
    return tuple(out)


def _read_commitment(ctx: AgreementContext, item: YamlMap, path: str, line: int) -> Commitment | None:
    reader = ctx.reader
    before = len(reader.problems)
    reader.check_keys(item, path, COMMITMENT_KEYS, required=("id", "party"))
    cid = reader.text(item, "id", path)
    if cid is not None:
        cid = cid.strip()
        reader.name(cid, item.key_line("id"), key_path(path, "id"))
    parties = _parties(ctx, item, path)
    note = reader.text(item, "note", path)
    mode = _mode(ctx, item, path, line)
    if mode is None:
        return None
    act = item[mode].strip()
    if mode == "refrain":
        fields = _refrain_fields(ctx, item, path)
    else:
        fields = _perform_fields(ctx, item, path)
    if len(reader.problems) > before or cid is None or parties is None:
        return None
    return Commitment(cid, parties, mode, act, note=note, line=line, **fields)


def _parties(ctx: AgreementContext, item: YamlMap, path: str) -> tuple[str, ...] | None:
    codes = ctx.reader.text_list(item, "party", path)
    if codes is None:
        return None
    out: list[str] = []
    for code, line, key in codes:
        code = code.strip()
        if not ctx.party(code, line, key):
            return None
        if code in out:
            ctx.reader.problem(line, key, f"party {code!r} is named twice")
            return None
        out.append(code)
    return tuple(out)


def _mode(ctx: AgreementContext, item: YamlMap, path: str, line: int) -> str | None:
    """'refrain' or 'perform', with the act checked; None after a problem."""
    modes = [m for m in ACTS if m in item]
    if len(modes) != 1:
        has = "both" if modes else "neither"
        ctx.reader.problem(line, path, f"a commitment needs exactly one of `refrain:` or `perform:`; it has {has}")
        return None
    mode = modes[0]
    act = ctx.reader.text(item, mode, path, required=True) or ""
    if act.strip() not in ACTS[mode]:  # reported, and the other fields are still checked
        ctx.reader.problem(item.key_line(mode), key_path(path, mode),
                           f"unknown act {act!r} for `{mode}:`; accepted: {', '.join(ACTS[mode])}")
    wrong = PERFORM_ONLY if mode == "refrain" else REFRAIN_ONLY
    other = "perform" if mode == "refrain" else "refrain"
    for key in wrong:
        if key in item:
            ctx.reader.problem(item.key_line(key), key_path(path, key),
                               f"`{key}:` applies to `{other}` commitments only")
    return mode


def _refrain_fields(ctx: AgreementContext, item: YamlMap, path: str) -> dict:
    reader = ctx.reader
    fields: dict = {}
    targets = reader.text_list(item, "targets", path)
    if targets is not None:
        fields["targets"] = tuple(t.strip() for t, _, _ in targets)
        fields["target_codes"] = expand_targets(ctx, targets)
    sites = reader.text_list(item, "sites", path)
    if sites is not None:
        for key, line, key_at in sites:
            if key.strip() not in ctx.site_lists and key.strip() not in ctx.broken_site_lists:
                reader.unknown(line, key_at, "site list", key.strip(), [*ctx.site_lists, *ctx.broken_site_lists])
        fields["sites"] = tuple(s.strip() for s, _, _ in sites)
    start_ref = reader.text(item, "from", path, required=True)
    start = ctx.moment(start_ref, item.key_line("from"), key_path(path, "from")) if start_ref else None
    fields.update(start=start, start_ref=start_ref and start_ref.strip())
    if "for" in item and "until" in item:
        reader.problem(item.key_line("until"), key_path(path, "until"),
                       "write `for:` (a duration) or `until:` (an event or a time), not both")
        ctx.duration(item, "for", path)  # for its own problem, if any
    elif "for" in item:
        length = ctx.duration(item, "for", path)
        if start is not None and length is not None:
            fields.update(end=start.shift(length), end_ref=item["for"].strip())
    elif "until" in item:
        end_ref = reader.text(item, "until", path, required=True)
        end = ctx.moment(end_ref, item.key_line("until"), key_path(path, "until")) if end_ref else None
        if start is not None and end is not None and end.latest < start.earliest:
            reader.problem(item.key_line("until"), key_path(path, "until"),
                           f"the end {_when(end)} comes before the start {_when(start)}")
        fields.update(end=end, end_ref=end_ref and end_ref.strip())
    if "grace" in item:
        fields["grace"] = ctx.duration(item, "grace", path) or timedelta(0)
    in_flight = reader.text(item, "in_flight", path)
    if in_flight is not None:
        if in_flight.strip() not in IN_FLIGHT:
            reader.problem(item.key_line("in_flight"), key_path(path, "in_flight"),
                           f"expected one of: {', '.join(IN_FLIGHT)}; got {in_flight!r}")
        fields["in_flight"] = in_flight.strip()
    if "area" in item:
        fields["area"] = _area(ctx, item, path)
    return fields


def _when(interval: Interval) -> str:
    """An exact interval as its one time, a wider one as [earliest, latest]."""
    return format_utc(interval.earliest) if interval.earliest == interval.latest else str(interval)


def _area(ctx: AgreementContext, item: YamlMap, path: str) -> Area | None:
    """`area: [UA, RU]` (ISO 3166-1 alpha-2 codes) or `area: FILE.geojson` (polygons)."""
    value, line, child = item["area"], item.key_line("area"), key_path(path, "area")
    if isinstance(value, str):
        file = value.strip()
        if not file.lower().endswith((".geojson", ".json")):
            ctx.reader.problem(line, child, f"an area file is GeoJSON (.geojson or .json), got {value!r}; "
                               "for countries write a list, e.g. [UA]")
            return None
        data = ctx.read(file, line, child)
        if data is None:
            return None
        geometry, problems = read_area_file(data, ctx.display_path(file))
        ctx.reader.problems.extend(problems)
        return Area(file=file, geometry=geometry) if geometry is not None else None
    codes = ctx.reader.text_list(item, "area", path)
    if codes is None:
        return None
    for code, code_line, key in codes:
        if not _COUNTRY.match(code.strip()):
            ctx.reader.problem(code_line, key, f"{code!r} is not an ISO 3166-1 alpha-2 country code (e.g. UA, RU)")
    return Area(countries=tuple(c.strip() for c, _, _ in codes))


def _perform_fields(ctx: AgreementContext, item: YamlMap, path: str) -> dict:
    reader = ctx.reader
    fields: dict = {}
    quantity = reader.text(item, "quantity", path, required=True)
    if quantity is not None:
        if re.fullmatch(r"\s*\d+\s*", quantity) and int(quantity) > 0:
            fields["quantity"] = int(quantity)
        else:
            reader.problem(item.key_line("quantity"), key_path(path, "quantity"),
                           f"expected a positive whole number, got {quantity!r}")
    by = reader.text(item, "by", path, required=True)
    if by is not None:
        try:
            fields["by"] = read_deadline(by, ctx.tz)
        except ValueError as e:
            reader.problem(item.key_line("by"), key_path(path, "by"), str(e))
    return fields
