from datetime import datetime, timedelta, timezone
from pathlib import Path
from textwrap import dedent

import pytest

from ceasewatch.errors import AgreementError
from ceasewatch.ingest import load_agreement, parse_agreement
from ceasewatch.model import Interval

CASES = Path(__file__).resolve().parent.parent / "cases" / "agreements"
UTC = timezone.utc

# Six lines, so the first line a test adds is line 7.
HEAD = """\
ceasewatch: 1
id: test
parties:
  RU: Russia
  UA: Ukraine
timezone: Europe/Kyiv
"""
ONE_VERSION = """\
versions:
  v:
    commitments:
      - {id: c, party: RU, refrain: strike, from: "2025-03-18T12:00Z"}
"""


def utc(*args) -> datetime:
    return datetime(*args, tzinfo=UTC)


def reader(files: dict[str, bytes] | None = None):
    files = files or {}

    def read_file(path: str) -> bytes:
        if path not in files:
            raise FileNotFoundError(path)
        return files[path]

    return read_file


def parse(text: str, files: dict[str, bytes] | None = None):
    return parse_agreement(dedent(text), "a.yaml", reader(files))


def problems(text: str, files: dict[str, bytes] | None = None) -> list[str]:
    with pytest.raises(AgreementError) as e:
        parse(text, files)
    return [str(p) for p in e.value.problems]


# --- the spec's example, verbatim ---------------------------------------------------------

@pytest.fixture(scope="module")
def spec_example():
    return load_agreement(CASES / "spec_example" / "agreement.yaml")


def test_the_spec_example_parses(spec_example):
    a = spec_example
    assert a.id == "energy-moratorium-2025"
    assert a.parties == {"RU": "Russian Federation", "UA": "Ukraine"}
    assert a.timezone == "Europe/Kyiv"
    assert list(a.versions) == ["us-ua", "kremlin"]
    assert [c.id for c in a.versions["kremlin"].commitments] == ["ru-halt", "ua-halt", "exchange"]


def test_ru_order_is_the_call_end_plus_ten_minutes_in_utc(spec_example):
    call = spec_example.events["us-ru-call-end"]
    order = spec_example.events["ru-order"]
    assert call.interval == Interval(utc(2025, 3, 18, 15, 30), utc(2025, 3, 18, 16, 45))  # Kyiv is UTC+2
    assert order.interval == Interval(utc(2025, 3, 18, 15, 30), utc(2025, 3, 18, 16, 55))
    assert (order.after, order.within) == ("us-ru-call-end", timedelta(minutes=10))
    assert order.source == "US envoy, Bloomberg TV, 2025-03-19"
    assert order.line == 13


def test_the_power_plant_list_keeps_only_ukrainian_rows(spec_example):
    plants = spec_example.site_lists["power-plants"]
    csv_rows = (CASES / "spec_example" / "sites" / "global_power_plant_database.csv").read_text().splitlines()[1:]
    ukr = {row.split(",")[3] for row in csv_rows if row.startswith("UKR,")}
    assert len(ukr) == 15 and len(csv_rows) == 20
    assert {s.id for s in plants.sites} == ukr
    assert all(s.category == "energy.generation" for s in plants.sites)
    assert plants.listed_by == "UA" and plants.tolerance_m == 1000.0
    slavyansk = next(s for s in plants.sites if s.id == "WRI1005109")
    assert (slavyansk.name, slavyansk.lat, slavyansk.lon) == ("Slavyansk power station", 48.872, 37.7657)


def test_the_spec_example_commitments(spec_example):
    ru_halt, ua_halt, exchange = spec_example.versions["us-ua"].commitments
    assert ru_halt.parties == ("RU",) and ru_halt.mode == "refrain" and ru_halt.act == "strike"
    assert ru_halt.target_codes == frozenset({"energy", "transport.rail", "transport.port", "health", "water"})
    assert ru_halt.sites == ("ua-list",)
    assert ru_halt.start == spec_example.events["ru-order"].interval and ru_halt.start_ref == "ru-order"
    assert ru_halt.end == ru_halt.start.shift(timedelta(days=30)) and ru_halt.end_ref == "30d"
    assert ru_halt.in_flight == "counts" and ru_halt.grace == timedelta(0) and ru_halt.area is None
    assert ru_halt.line == 41
    assert ua_halt.start == Interval(utc(2025, 3, 19, 10), utc(2025, 3, 19, 18))
    assert exchange.mode == "perform" and exchange.parties == ("RU", "UA")
    assert exchange.quantity == 175 and exchange.by == utc(2025, 3, 19, 22)
    kremlin_ru = spec_example.versions["kremlin"].commitments[0]
    assert kremlin_ru.in_flight == "exempt" and kremlin_ru.target_codes == frozenset({"energy"})
    assert spec_example.categories["energy"] == frozenset({"energy"})


def test_the_spec_example_site_list_from_geojson(spec_example):
    ua_list = spec_example.site_lists["ua-list"]
    assert [s.id for s in ua_list.sites] == ["ua-port-odesa", "ua-port-izmail", "ua-rail-fastiv", "ua-substation-example"]
    assert ua_list.sites[0].geometry["type"] == "Polygon" and ua_list.sites[1].geometry is None


def test_the_store_can_parse_again_from_the_kept_text_and_bytes(spec_example):
    a = spec_example
    assert a.source_name.endswith("spec_example/agreement.yaml")
    assert a.source_text == (CASES / "spec_example" / "agreement.yaml").read_text()
    assert set(a.source_files) == {"sites/ua-list.geojson", "sites/global_power_plant_database.csv"}
    again = parse_agreement(a.source_text, a.source_name, reader(dict(a.source_files)))
    assert again == a


# --- a file that uses every key -------------------------------------------------------------

@pytest.fixture(scope="module")
def full():
    return load_agreement(CASES / "full" / "agreement.yaml")


def test_every_kind_of_event(full):
    ev = full.events
    assert ev["talks-end"].interval == Interval.exact(utc(2025, 3, 25, 11))  # its own +03:00 offset
    assert ev["truce-order"].interval == ev["talks-end"].interval and ev["truce-order"].within is None
    assert ev["truce-start"].interval == Interval(utc(2025, 3, 25, 22), utc(2025, 3, 26, 4))
    assert ev["review"].interval == Interval(utc(2025, 3, 25, 22), utc(2025, 3, 27, 6))  # + P1DT2H
    # a bare date is the whole local day; Kyiv moved to UTC+3 on 30 March
    assert ev["expiry"].interval == Interval(utc(2025, 4, 24, 21), utc(2025, 4, 25, 21))
    assert list(ev) == ["talks-end", "truce-order", "truce-start", "review", "expiry"]


def test_groups_expand_to_the_codes_as_named(full):
    assert full.categories["maritime"] == frozenset({"transport.port", "energy.oil"})
    assert full.categories["everything-civil"] == frozenset({"transport.port", "energy.oil", "energy", "health"})


def test_csv_columns_where_and_categories(full):
    depots = full.site_lists["depots"]
    assert [s.id for s in depots.sites] == ["d1", "d2", "d4"]  # d3 is closed (and its bad latitude unread)
    assert [s.category for s in depots.sites] == ["energy.oil", "energy.gas", "energy.oil"]
    assert depots.sites[1].name == "Depot two, north\nshore"
    assert depots.tolerance_m == 500 and depots.listed_by == "UA"
    harbours = full.site_lists["harbours"]
    assert harbours.tolerance_m == 2500 and harbours.listed_by is None and harbours.category is None
    assert [s.id for s in harbours.sites] == ["7", "h-bay", "h-crescent"]


def test_refrain_commitment_with_every_option(full):
    c = full.versions["ua"].commitments[0]
    assert c.sites == ("harbours", "depots") and c.targets == ("everything-civil",)
    assert c.start == Interval.exact(utc(2025, 3, 25, 11)) and c.start_ref == "truce-order"
    assert c.end == full.events["expiry"].interval and c.end_ref == "expiry"
    assert c.grace == timedelta(hours=2) and c.in_flight == "exempt"
    assert c.area.file == "sea.geojson" and c.area.countries == ()
    assert c.area.geometry["type"] == "Polygon"  # two overlapping polygons merged into one
    assert c.note == "covers the Black Sea coast only"
    assert full.source_files.keys() == {"sites/depots.csv", "sites/harbours.geojson", "sea.geojson"}


def test_until_a_time_countries_and_a_single_name_as_targets(full):
    c = full.versions["ua"].commitments[1]
    assert c.targets == ("ports",) and c.target_codes == frozenset({"transport.port"})
    assert c.end == Interval.exact(utc(2025, 4, 25, 21)) and c.end_ref == "2025-04-26T00:00"
    assert c.area.countries == ("RU", "UA") and c.area.file is None


def test_no_targets_no_end_and_a_perform_commitment(full):
    version = full.versions["ru"]
    assert version.label is None and version.stated_by == ("Kremlin",)
    both, swap = version.commitments
    assert both.target_codes is None and both.targets == () and both.end is None and both.end_ref is None
    assert both.parties == ("RU", "UA")
    assert swap.quantity == 12 and swap.by == utc(2025, 3, 30, 9) and swap.start is None
    assert full.versions["ua"].stated_by == ("Office of the President of Ukraine",)


def test_the_timezone_may_be_left_out_when_every_time_has_an_offset():
    a = parse("""\
        ceasewatch: 1
        id: no-zone
        parties: {RU: Russia}
        versions:
          v:
            commitments:
              - {id: c, party: RU, refrain: strike, from: "2025-03-18T12:00+03:00", for: 1h}
        """)
    assert a.timezone == "UTC" and a.events == {} and a.categories == {} and a.site_lists == {}
    assert a.versions["v"].commitments[0].end == Interval.exact(utc(2025, 3, 18, 10))


# --- daylight saving ------------------------------------------------------------------------

def test_local_times_use_the_offset_in_force_on_their_date():
    a = parse(HEAD + """\
events:
  winter: {at: "2025-03-29T12:00"}
  summer: {at: "2025-03-30T12:00"}
""" + ONE_VERSION)
    assert a.events["winter"].interval.earliest == utc(2025, 3, 29, 10)
    assert a.events["summer"].interval.earliest == utc(2025, 3, 30, 9)


def test_a_wall_time_lived_twice_is_an_interval_and_one_never_lived_is_refused():
    a = parse(HEAD + 'events:\n  back: {at: "2025-10-26T03:30"}\n' + ONE_VERSION)
    assert a.events["back"].interval == Interval(utc(2025, 10, 26, 0, 30), utc(2025, 10, 26, 1, 30))
    assert problems(HEAD + 'events:\n  gap: {at: "2025-03-30T03:30"}\n' + ONE_VERSION) == [
        "a.yaml:8: events.gap.at: '2025-03-30T03:30' never happened in Europe/Kyiv (the clocks went forward); check the time",
    ]


def test_thirty_days_across_a_clock_change_end_at_the_same_utc_hour():
    a = parse(HEAD + """\
versions:
  v:
    commitments:
      - {id: c, party: RU, refrain: strike, from: "2025-03-20T12:00", for: 30d}
""")
    c = a.versions["v"].commitments[0]
    assert c.start.earliest == utc(2025, 3, 20, 10) and c.end.earliest == utc(2025, 4, 19, 10)


# --- every problem, with its line and key ---------------------------------------------------

def test_unknown_keys_at_every_level():
    text = HEAD + """\
fro: x
events:
  e: {at: "2025-03-18T12:00", sorce: x}
site_lists:
  s:
    file: s.csv
    colums: {}
    columns: {id: id, lat: lat, lon: lon, lng: x}
versions:
  v:
    lable: x
    commitments:
      - id: c
        party: RU
        refrain: strike
        fro: e
        from: e
"""
    assert problems(text, {"s.csv": b"id,lat,lon\n"}) == [
        "a.yaml:7: fro: unknown key 'fro'; expected one of: ceasewatch, id, title, parties, timezone, events, categories, site_lists, versions",
        "a.yaml:9: events.e.sorce: unknown key 'sorce'; expected one of: at, after, within, source",
        "a.yaml:13: site_lists.s.colums: unknown key 'colums'; expected one of: file, listed_by, tolerance, columns, where, category",
        "a.yaml:14: site_lists.s.columns.lng: unknown key 'lng'; expected one of: id, name, lat, lon, category",
        "a.yaml:17: versions.v.lable: unknown key 'lable'; expected one of: label, stated_by, commitments",
        "a.yaml:22: versions.v.commitments[0].fro: unknown key 'fro'; expected one of: id, party, refrain, perform, "
        "targets, sites, from, for, until, in_flight, grace, area, quantity, by, note",
    ]


def test_unknown_events():
    text = HEAD + """\
events:
  order: {after: cal-end, within: 10m}
  call-end: {at: "2025-03-18T17:30"}
versions:
  v:
    commitments:
      - {id: c, party: RU, refrain: strike, from: ru-ordr, until: truce-end}
"""
    assert problems(text) == [
        "a.yaml:8: events.order.after: unknown event 'cal-end'; did you mean 'call-end'?",
        "a.yaml:13: versions.v.commitments[0].from: unknown event 'ru-ordr'; did you mean 'order'?",
        "a.yaml:13: versions.v.commitments[0].until: unknown event 'truce-end' (known: order, call-end)",
    ]


def test_an_event_in_a_cycle_is_one_problem_on_the_first_events_line():
    text = HEAD + """\
events:
  a: {after: b}
  b: {after: c, within: 1h}
  c: {after: a}
  d: {after: c}
  self: {after: self}
versions:
  v:
    commitments:
      - {id: c, party: RU, refrain: strike, from: d}
"""
    assert problems(text) == [
        "a.yaml:8: events.a.after: events form a cycle: a -> b -> c -> a",
        "a.yaml:12: events.self.after: events form a cycle: self -> self",
    ]


def test_event_shapes():
    text = HEAD + """\
events:
  both: {at: "2025-03-18T12:00", after: x}
  neither: {source: x}
  three: {at: [2025-03-18T12:00, 2025-03-18T13:00, 2025-03-18T14:00]}
  reversed: {at: [2025-03-18T13:00, 2025-03-18T12:00]}
  badtime: {at: "18 March 2025"}
  stray: {at: "2025-03-18T12:00", within: 1h}
""" + ONE_VERSION
    assert problems(text) == [
        "a.yaml:8: events.both: an event needs exactly one of `at:` (a time or [earliest, latest]) or `after:` (an event); it has both `at:` and `after:`",
        "a.yaml:9: events.neither: an event needs exactly one of `at:` (a time or [earliest, latest]) or `after:` (an event); it has neither `at:` nor `after:`",
        "a.yaml:10: events.three.at: expected a time or a list [earliest, latest], got a list of 3 items",
        "a.yaml:11: events.reversed.at: the earliest time 2025-03-18T13:00 is after the latest 2025-03-18T12:00",
        "a.yaml:12: events.badtime.at: not an ISO 8601 time: '18 March 2025' (write e.g. 2025-03-18T17:30)",
        "a.yaml:13: events.stray.within: `within:` goes with `after:`, not `at:`",
    ]


def test_unknown_groups_and_codes_and_cycles_of_groups():
    text = HEAD + """\
categories:
  infra: [enrgy, transport]
  loop-a: [loop-b]
  loop-b: [health, loop-a]
  self: [self]
  uses-infra: [infra]
versions:
  v:
    commitments:
      - {id: c, party: RU, refrain: strike, from: "2025-03-18T12:00Z", targets: [infra, hospitals, uses-infra]}
"""
    assert problems(text) == [
        "a.yaml:8: categories.infra[0]: unknown group or taxonomy code 'enrgy'; did you mean 'energy'?",
        "a.yaml:9: categories.loop-a: groups form a cycle: loop-a -> loop-b -> loop-a",
        "a.yaml:11: categories.self[0]: 'self' inside its own group means the taxonomy code, and there is no such code",
        "a.yaml:16: versions.v.commitments[0].targets[1]: unknown group or taxonomy code 'hospitals'",
    ]


def test_bad_durations_and_months():
    text = HEAD + """\
events:
  e: {after: f, within: 10 minutes}
  f: {at: "2025-03-18T12:00"}
versions:
  v:
    commitments:
      - {id: a, party: RU, refrain: strike, from: f, for: 1 month}
      - {id: b, party: RU, refrain: strike, from: f, for: P1M, grace: 2x}
"""
    assert problems(text) == [
        "a.yaml:8: events.e.within: not a duration: '10 minutes' (write e.g. 90s, 10m, 2h, 30d, 1h30m, or ISO 8601 PT10M, P30D, P1DT2H)",
        "a.yaml:13: versions.v.commitments[0].for: '1 month' counts months, which are refused: a month is 28 to 31 days long, "
        "so the end would be ambiguous; write days instead (e.g. 30d)",
        "a.yaml:14: versions.v.commitments[1].for: 'P1M' counts months, which are refused: a month is 28 to 31 days long, "
        "so the end would be ambiguous; write days instead (e.g. 30d)",
        "a.yaml:14: versions.v.commitments[1].grace: not a duration: '2x' (write e.g. 90s, 10m, 2h, 30d, 1h30m, or ISO 8601 PT10M, P30D, P1DT2H)",
    ]


def test_site_file_problems():
    text = HEAD + """\
site_lists:
  gone: {file: sites/gone.csv}
  cols:
    file: sites/plants.csv
    columns: {id: gppd_idnr, lat: latitude, lon: lng}
  rows: {file: sites/rows.csv, tolerance: 1 mile}
  odd: {file: sites/list.xlsx}
  geo: {file: sites/g.geojson, where: {country: UKR}}
  abs: {file: /etc/sites.csv}
""" + ONE_VERSION
    files = {
        "sites/plants.csv": b"gppd_idnr,latitude,longitude\nA,1,2\n",
        "sites/rows.csv": b"id,lat,lon\nr1,48.1,35\nr2,forty-eight,35\n",
        "sites/g.geojson": b'{"type": "FeatureCollection", "features": []}',
    }
    assert problems(text, files) == [
        "a.yaml:8: site_lists.gone.file: file not found: sites/gone.csv",
        "a.yaml:12: site_lists.rows.tolerance: not a distance: '1 mile' (write e.g. 500m, 1km, 2.5km)",
        "a.yaml:13: site_lists.odd.file: cannot tell the format of 'sites/list.xlsx': a site list is .geojson, .json or .csv",
        "a.yaml:14: site_lists.geo.where: `where:` applies to CSV site lists only",
        "a.yaml:15: site_lists.abs.file: '/etc/sites.csv' is absolute: write the path relative to the agreement file",
        "sites/plants.csv:1: header: missing columns: lng (the header has: gppd_idnr, latitude, longitude)",
    ]


def test_a_bad_latitude_in_a_csv_row_names_the_site_file_and_line():
    text = HEAD + "site_lists:\n  s: {file: sites/s.csv}\n" + ONE_VERSION
    assert problems(text, {"sites/s.csv": b"id,lat,lon\na,48.1,35\nb,91,35\n"}) == [
        "sites/s.csv:3: lat: latitude 91.0 is outside -90..90",
    ]


def test_site_file_problems_name_the_file_from_where_the_command_ran(tmp_path):
    (tmp_path / "sites").mkdir()
    (tmp_path / "sites" / "s.csv").write_text("id,lat,lon\na,x,1\n")
    (tmp_path / "agreement.yaml").write_text(HEAD + "site_lists:\n  s: {file: sites/s.csv}\n" + ONE_VERSION)
    with pytest.raises(AgreementError) as e:
        load_agreement(tmp_path / "agreement.yaml")
    assert [str(p) for p in e.value.problems] == [f"{tmp_path}/sites/s.csv:2: lat: not a number: 'x'"]


def test_duplicate_keys_are_problems():
    text = HEAD + """\
events:
  e: {at: "2025-03-18T12:00"}
  e: {at: "2025-03-18T13:00"}
""" + ONE_VERSION
    assert problems(text) == ["a.yaml:9: events.e: duplicate key (first written on line 8)"]


def test_for_and_until_refrain_and_perform_and_misplaced_keys():
    text = HEAD + """\
versions:
  v:
    commitments:
      - {id: a, party: RU, refrain: strike, from: "2025-03-18T12:00Z", for: 1d, until: "2025-03-20T00:00Z"}
      - {id: b, party: RU, refrain: strike, perform: prisoner-exchange, from: "2025-03-18T12:00Z"}
      - {id: c, party: RU}
      - {id: d, party: RU, refrain: strike, from: "2025-03-18T12:00Z", quantity: 3, by: "2025-03-20T00:00Z"}
      - {id: e, party: RU, perform: prisoner-exchange, quantity: 3, by: "2025-03-20T00:00Z", for: 1d, grace: 1h}
      - {id: f, party: RU, refrain: shelling, from: "2025-03-18T12:00Z"}
      - {id: g, party: RU, perform: ceasefire, quantity: 0, by: "2025-03-20"}
"""
    assert problems(text) == [
        "a.yaml:10: versions.v.commitments[0].until: write `for:` (a duration) or `until:` (an event or a time), not both",
        "a.yaml:11: versions.v.commitments[1]: a commitment needs exactly one of `refrain:` or `perform:`; it has both",
        "a.yaml:12: versions.v.commitments[2]: a commitment needs exactly one of `refrain:` or `perform:`; it has neither",
        "a.yaml:13: versions.v.commitments[3].quantity: `quantity:` applies to `perform` commitments only",
        "a.yaml:13: versions.v.commitments[3].by: `by:` applies to `perform` commitments only",
        "a.yaml:14: versions.v.commitments[4].for: `for:` applies to `refrain` commitments only",
        "a.yaml:14: versions.v.commitments[4].grace: `grace:` applies to `refrain` commitments only",
        "a.yaml:15: versions.v.commitments[5].refrain: unknown act 'shelling' for `refrain:`; accepted: strike",
        "a.yaml:16: versions.v.commitments[6].perform: unknown act 'ceasefire' for `perform:`; accepted: prisoner-exchange",
        "a.yaml:16: versions.v.commitments[6].quantity: expected a positive whole number, got '0'",
        "a.yaml:16: versions.v.commitments[6].by: '2025-03-20' is a whole day; a deadline is one moment: "
        "write a time of day, e.g. 2025-03-20T00:00 (its start) or the next day's T00:00 (its end)",
    ]


def test_commitment_fields():
    text = HEAD + """\
site_lists:
  s: {file: s.csv, listed_by: US}
versions:
  v:
    commitments:
      - id: a
        party: [RU, XX]
        refrain: strike
        from: "2025-03-18T12:00Z"
        until: "2025-03-17T12:00Z"
        in_flight: sometimes
        sites: [s, t]
        area: [UA, Russia]
      - id: a
        party: [RU, RU]
        refrain: strike
        area: zone.shp
      - id: bad id
        party: RU
        refrain: strike
        from: "2025-03-18T12:00Z"
        targets: []
"""
    assert problems(text, {"s.csv": b"id,lat,lon\n"}) == [
        "a.yaml:8: site_lists.s.listed_by: unknown party 'US' (known: RU, UA)",
        "a.yaml:13: versions.v.commitments[0].party[1]: unknown party 'XX' (known: RU, UA)",
        "a.yaml:16: versions.v.commitments[0].until: the end 2025-03-17T12:00:00Z comes before the start 2025-03-18T12:00:00Z",
        "a.yaml:17: versions.v.commitments[0].in_flight: expected one of: counts, exempt; got 'sometimes'",
        "a.yaml:18: versions.v.commitments[0].sites[1]: unknown site list 't' (known: s)",
        "a.yaml:19: versions.v.commitments[0].area[1]: 'Russia' is not an ISO 3166-1 alpha-2 country code (e.g. UA, RU)",
        "a.yaml:20: versions.v.commitments[1].id: duplicate commitment id 'a' in this version (also on line 12)",
        "a.yaml:20: versions.v.commitments[1].from: required key 'from' is missing from versions.v.commitments[1]",
        "a.yaml:21: versions.v.commitments[1].party[1]: party 'RU' is named twice",
        "a.yaml:23: versions.v.commitments[1].area: an area file is GeoJSON (.geojson or .json), got 'zone.shp'; "
        "for countries write a list, e.g. [UA]",
        "a.yaml:24: versions.v.commitments[2].id: 'bad id' is not a valid name: use letters, digits, '.', '-' or '_', starting with a letter",
        "a.yaml:28: versions.v.commitments[2].targets: the list is empty",
    ]


def test_a_bad_area_file():
    text = HEAD + """\
versions:
  v:
    commitments:
      - {id: a, party: RU, refrain: strike, from: "2025-03-18T12:00Z", area: zones/none.geojson}
      - {id: b, party: RU, refrain: strike, from: "2025-03-18T12:00Z", area: zones/points.geojson}
"""
    points = b'{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {}, "geometry": {"type": "Point", "coordinates": [1, 2]}}]}'
    assert problems(text, {"zones/points.geojson": points}) == [
        "a.yaml:10: versions.v.commitments[0].area: file not found: zones/none.geojson",
        "zones/points.geojson: features[0].geometry: an area is made of Polygon or MultiPolygon, got 'Point'",
    ]


def test_unknown_parties_bad_timezone_and_top_level_values():
    text = """\
ceasewatch: 2
id: Energy_2025
parties: {RU: Russia}
timezone: Europe/Kiev-City
events:
  e: {at: "2025-03-18T12:00"}
versions:
  v:
    commitments:
      - {id: c, party: UA, refrain: strike, from: e}
"""
    assert problems(text) == [
        "a.yaml:1: ceasewatch: unsupported format version '2': this ceasewatch reads version 1",
        "a.yaml:2: id: 'Energy_2025' is not a slug: use lower-case letters, digits and hyphens",
        "a.yaml:4: timezone: unknown time zone 'Europe/Kiev-City' (use an IANA name such as Europe/Kyiv)",
        "a.yaml:10: versions.v.commitments[0].party: unknown party 'UA' (known: RU)",
    ]


def test_a_time_without_offset_and_no_timezone():
    text = """\
ceasewatch: 1
id: no-zone
parties: {RU: Russia}
versions:
  v:
    commitments:
      - {id: c, party: RU, refrain: strike, from: "2025-03-18T17:30"}
"""
    assert problems(text) == [
        "a.yaml:7: versions.v.commitments[0].from: '2025-03-18T17:30' has no UTC offset and the agreement sets no "
        "timezone: add `timezone:` (e.g. Europe/Kyiv) or write the offset (2025-03-18T17:30Z or 2025-03-18T17:30+02:00)",
    ]


def test_required_keys_and_empty_sections():
    assert problems("title: nothing else\n") == [
        "a.yaml:1: ceasewatch: required key 'ceasewatch' is missing from the file",
        "a.yaml:1: id: required key 'id' is missing from the file",
        "a.yaml:1: parties: required key 'parties' is missing from the file",
        "a.yaml:1: versions: required key 'versions' is missing from the file",
    ]
    assert problems(HEAD + "versions:\n  v: {label: x, commitments: []}\n  w: {label: y}\n") == [
        "a.yaml:8: versions.v.commitments: expected a list of at least one commitment, got a list",
        "a.yaml:9: versions.w.commitments: required key 'commitments' is missing from versions.w",
    ]
    assert problems("ceasewatch: 1\nid: x\nparties: {}\nversions: {}\n") == [
        "a.yaml:3: parties: an agreement needs at least one party",
        "a.yaml:4: versions: an agreement needs at least one version",
    ]


def test_not_yaml_and_not_a_mapping():
    assert problems("ceasewatch: 1\nid: [x\n") [0].startswith("a.yaml:3: yaml: not valid YAML")
    assert problems("- a\n- b\n") == [
        "a.yaml:1: ceasewatch: an agreement file is a mapping (ceasewatch: 1, id: …, versions: …), got a list",
    ]
    assert problems("") == [
        "a.yaml:1: ceasewatch: an agreement file is a mapping (ceasewatch: 1, id: …, versions: …), got nothing",
    ]


def test_wrong_types_are_named():
    text = HEAD + """\
title: [a, b]
events: [a, b]
categories:
  g: {a: b}
versions:
  v:
    commitments:
      - just text
      - {id: c, party: RU, refrain: strike, from: [a, b]}
"""
    assert problems(text) == [
        "a.yaml:7: title: expected text, got a list",
        "a.yaml:8: events: expected a mapping (key: value), got a list",
        "a.yaml:10: categories.g: expected text or a list of text, got a mapping",
        "a.yaml:14: versions.v.commitments[0]: expected a mapping (key: value), got 'just text'",
        "a.yaml:15: versions.v.commitments[1].from: expected text, got a list",
    ]


def test_many_problems_in_several_files_are_reported_at_once_in_line_order():
    with pytest.raises(AgreementError) as e:
        load_agreement(CASES / "many_problems" / "agreement.yaml")
    folder = str(CASES / "many_problems")
    assert [(p.file.removeprefix(folder + "/"), p.line, p.key) for p in e.value.problems] == [
        ("agreement.yaml", 7, "events.start.at"),
        ("agreement.yaml", 15, "versions.v1.commitments[0].for"),
        ("agreement.yaml", 21, "site_lists.gone.file"),
        ("sites/plants.csv", 3, "latitude"),
        ("sites/plants.csv", 5, "id"),
        ("sites/plants.csv", 6, "latitude"),
    ]
    assert str(e.value).count("\n") == 5  # the error's text lists every problem, one a line


def test_unreadable_files():
    def broken(path):
        raise PermissionError(13, "Permission denied")

    text = HEAD + "site_lists:\n  s: {file: s.csv}\n" + ONE_VERSION
    with pytest.raises(AgreementError) as e:
        parse_agreement(text, "a.yaml", broken)
    assert [str(p) for p in e.value.problems] == ["a.yaml:8: site_lists.s.file: cannot read s.csv: Permission denied"]
    with pytest.raises(AgreementError) as e:
        load_agreement(CASES / "no-such-folder" / "agreement.yaml")
    assert e.value.problems[0].message.startswith("file not found")


def test_a_file_named_twice_is_read_once():
    calls = []

    def counting(path):
        calls.append(path)
        return b"id,lat,lon,kind\na,1,2,x\nb,3,4,y\n"

    a = parse_agreement(HEAD + """\
site_lists:
  xs: {file: s.csv, where: {kind: x}}
  ys: {file: s.csv, where: {kind: y}}
""" + ONE_VERSION, "a.yaml", counting)
    assert calls == ["s.csv"]
    assert [s.id for s in a.site_lists["xs"].sites] == ["a"] and [s.id for s in a.site_lists["ys"].sites] == ["b"]
