"""CSV and GeoJSON of exactly the incidents a query selects, written as a stream."""

from __future__ import annotations

import csv
import io
import json
from typing import Any, Iterable, Iterator

from ..geodata import region_geometry
from ..model.incident import COUNT_FIELDS
from ..store import IncidentRow
from .schemas import incident_json

RECORD_COLUMNS = (
    "id", "place", "admin1", "admin1_code", "country", "lat", "lon", "geo_precision", "start", "end",
    "launch_start", "launch_end", "actor", "targets", *(f"counts.{name}" for name in COUNT_FIELDS),
    "site", "weapon", "weapon_model", "outcome", "intent", "claimed_by", "denied_by", "grade",
)
VERDICT_FIELDS = ("verdict", "reason", "unknown", "commitment")
POINT_PRECISIONS = ("point", "settlement", "district")
# A spreadsheet runs a cell that starts with one of these as a formula.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_ROWS_PER_CHUNK = 500


def csv_chunks(rows: Iterable[IncidentRow], versions: list[str]) -> Iterator[str]:
    """The CSV text: the exchange format flattened (lists joined with ';', no evidence), the
    grade, then `verdicts.V.verdict|reason|unknown|commitment` for each version V."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([*RECORD_COLUMNS, *(f"verdicts.{v}.{f}" for v in versions for f in VERDICT_FIELDS)])
    for n, row in enumerate(rows, 1):
        flat = _flat(incident_json(row, versions))
        verdicts = row.verdicts
        writer.writerow([
            *(_cell(flat.get(c)) for c in RECORD_COLUMNS),
            *(_cell(_verdict_field(verdicts.get(v), f)) for v in versions for f in VERDICT_FIELDS),
        ])
        if n % _ROWS_PER_CHUNK == 0:
            yield _drain(buffer)
    yield _drain(buffer)


def geojson_chunks(rows: Iterable[IncidentRow], versions: list[str]) -> Iterator[str]:
    """A FeatureCollection: a Point for point, settlement and district precision; the region's
    polygon for admin1 where the basemap has it (else its centre, `precision` says which);
    a null geometry where nothing is located. Properties: the IncidentOut fields."""
    yield '{"type":"FeatureCollection","features":['
    first = True
    for row in rows:
        props = incident_json(row, versions)
        feature = {"type": "Feature", "id": props["id"], "geometry": _geometry(props), "properties": props}
        yield ("" if first else ",") + json.dumps(feature, ensure_ascii=False, separators=(",", ":"))
        first = False
    yield "]}\n"


def _geometry(props: dict[str, Any]) -> dict[str, Any] | None:
    precision = props["geo_precision"]
    if precision == "admin1":
        shape = region_geometry(props.get("admin1_code"))
        if shape is not None:
            return dict(shape)
    if props.get("lat") is None or props.get("lon") is None or precision == "unknown":
        return None
    return {"type": "Point", "coordinates": [props["lon"], props["lat"]]}


def _flat(obj: dict[str, Any]) -> dict[str, Any]:
    out = {k: v for k, v in obj.items() if k not in ("counts", "evidence", "verdicts")}
    out.update({f"counts.{k}": v for k, v in obj["counts"].items()})
    return out


def _verdict_field(verdict, name: str) -> Any:
    if verdict is None:
        return None
    return getattr(verdict, name)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        value = ";".join(str(v) for v in value)
    if isinstance(value, str):
        return "'" + value if value.startswith(_FORMULA_START) else value
    return str(value)


def _drain(buffer: io.StringIO) -> str:
    text = buffer.getvalue()
    buffer.seek(0)
    buffer.truncate()
    return text
