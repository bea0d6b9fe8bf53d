"""The `site_lists` of an agreement file: registries of protected sites read from GeoJSON or CSV."""

from __future__ import annotations

import re

from ..model.agreement import SiteList
from ..model.taxonomy import is_code
from .agreement_context import AgreementContext
from .site_files import COLUMN_FIELDS, REQUIRED_COLUMNS, read_site_file, site_file_format
from .yaml_lines import YamlMap, describe, key_path

SITE_LIST_KEYS = ("file", "listed_by", "tolerance", "columns", "where", "category")
DEFAULT_TOLERANCE_M = 1000.0
_DISTANCE = re.compile(r"^(\d+(?:\.\d+)?)\s*(m|km)$")


def parse_distance(text: str) -> float:
    """Metres in `1km`, `500m`, `2.5km`; ValueError quoting `text` otherwise."""
    match = _DISTANCE.match(text.strip())
    if match is None:
        raise ValueError(f"not a distance: {text!r} (write e.g. 500m, 1km, 2.5km)")
    value = float(match.group(1))
    return value * 1000 if match.group(2) == "km" else value


def read_site_lists(ctx: AgreementContext, value, line: int) -> None:
    """Fill `ctx.site_lists` from the `site_lists` mapping, reading each file it names."""
    if value is None:
        return
    lists = ctx.reader.mapping(value, line, "site_lists")
    if lists is None:
        return
    for key, body in lists.items():
        path = key_path("site_lists", key)
        ctx.broken_site_lists.add(key)
        if not ctx.reader.name(key, lists.key_line(key), path):
            continue
        body = ctx.reader.mapping(body, lists.key_line(key), path)
        if body is not None:
            site_list = _read_site_list(ctx, key, body, path)
            if site_list is not None:
                ctx.site_lists[key] = site_list
                ctx.broken_site_lists.discard(key)


def _read_site_list(ctx: AgreementContext, key: str, body: YamlMap, path: str) -> SiteList | None:
    reader = ctx.reader
    before = len(reader.problems)
    reader.check_keys(body, path, SITE_LIST_KEYS, required=("file",))
    file = reader.text(body, "file", path)
    fmt = None
    if file is not None:
        file = file.strip()
        fmt = site_file_format(file)
        if fmt is None:
            reader.problem(body.key_line("file"), key_path(path, "file"),
                           f"cannot tell the format of {file!r}: a site list is .geojson, .json or .csv")
    listed_by = reader.text(body, "listed_by", path)
    if listed_by is not None:
        ctx.party(listed_by.strip(), body.key_line("listed_by"), key_path(path, "listed_by"))
    tolerance = DEFAULT_TOLERANCE_M
    text = reader.text(body, "tolerance", path)
    if text is not None:
        try:
            tolerance = parse_distance(text)
        except ValueError as e:
            reader.problem(body.key_line("tolerance"), key_path(path, "tolerance"), str(e))
    category = reader.text(body, "category", path)
    if category is not None and not is_code(category.strip()):
        reader.problem(body.key_line("category"), key_path(path, "category"), f"unknown taxonomy code {category!r}")
    columns = _string_mapping(ctx, body, "columns", path)
    where = _string_mapping(ctx, body, "where", path)
    if columns is not None:
        reader.check_keys(body["columns"], key_path(path, "columns"), COLUMN_FIELDS, required=REQUIRED_COLUMNS)
    for extra in ("columns", "where"):
        if fmt == "geojson" and extra in body:
            reader.problem(body.key_line(extra), key_path(path, extra), f"`{extra}:` applies to CSV site lists only")
    if file is None or fmt is None:
        return None
    data = ctx.read(file, body.key_line("file"), key_path(path, "file"))  # even after a problem: say if it is missing
    if data is None or len(reader.problems) > before:
        return None
    category = category.strip() if category else None
    sites, problems = read_site_file(data, ctx.display_path(file), columns=columns, where=where, category=category)
    if problems:
        reader.problems.extend(problems)
        return None
    return SiteList(key, file, sites, tolerance, listed_by.strip() if listed_by else None, category)


def _string_mapping(ctx: AgreementContext, body: YamlMap, key: str, path: str) -> dict[str, str] | None:
    """A mapping of text to text (`columns`, `where`); None when absent or wrong."""
    if key not in body:
        return None
    child = key_path(path, key)
    m = ctx.reader.mapping(body[key], body.key_line(key), child)
    if m is None:
        return None
    out = {}
    for name, value in m.items():
        if isinstance(value, str):
            out[name] = value
        elif value is None and key == "where":
            out[name] = ""  # `country:` with nothing keeps the rows where the cell is empty
        else:
            ctx.reader.problem(m.key_line(name), key_path(child, name), f"expected a column name, got {describe(value)}"
                               if key == "columns" else f"expected a value, got {describe(value)}")
    return out
