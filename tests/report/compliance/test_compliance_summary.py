from compliance_samples import data, entry, record

from ceasewatch.report.compliance.summary import ALL_GRADES, summary_tables


def rows_of(table):
    return {(row.party, row.grade): dict(zip(table.columns, row.counts)) for row in table.rows}


def test_summary_counts_each_verdict_per_party_under_each_version():
    d = data([
        entry(record("a"), **{"us-ua": ("violation",), "kremlin": ("no_violation", "out_of_scope")}),
        entry(record("b"), **{"us-ua": ("violation",), "kremlin": ("violation",)}),
        entry(record("c", actor="UA"), **{"us-ua": ("undetermined", None, ("time",)), "kremlin": ("violation",)}),
    ])
    us_ua, kremlin = summary_tables(d)
    assert rows_of(us_ua)["RU", ALL_GRADES] == {"violation": 2, "undetermined": 0, "no_violation": 0, "not_applicable": 0}
    assert rows_of(us_ua)["UA", ALL_GRADES]["undetermined"] == 1
    assert rows_of(kremlin)["RU", ALL_GRADES] == {"violation": 1, "undetermined": 0, "no_violation": 1, "not_applicable": 0}
    assert kremlin.totals == (2, 0, 1, 0) and kremlin.total == 3


def test_summary_splits_each_party_by_grade_in_the_scale_order():
    d = data([
        entry(record("a"), "alleged", **{"us-ua": ("violation",)}),
        entry(record("b"), "confirmed", **{"us-ua": ("violation",)}),
        entry(record("c"), **{"us-ua": ("no_violation", "out_of_scope")}),
    ], versions=("us-ua",))
    (table,) = summary_tables(d)
    ru = [(row.grade, row.counts) for row in table.rows if row.party == "RU"]
    assert ru == [(ALL_GRADES, (2, 0, 1, 0)), ("confirmed", (1, 0, 0, 0)), ("alleged", (1, 0, 0, 0)),
                  ("ungraded", (0, 0, 1, 0))]


def test_a_party_without_incidents_still_has_its_total_row():
    d = data([entry(record("a"), **{"us-ua": ("violation",)})], versions=("us-ua",))
    (table,) = summary_tables(d)
    assert [(row.party, row.grade, row.total) for row in table.rows] == [
        ("RU", ALL_GRADES, 1), ("RU", "ungraded", 1), ("UA", ALL_GRADES, 0),
    ]


def test_not_judged_column_appears_only_when_a_verdict_is_missing():
    judged = data([entry(record("a"), **{"us-ua": ("violation",)})], versions=("us-ua",))
    assert "not_judged" not in summary_tables(judged)[0].columns
    missing = data([entry(record("a"), **{"us-ua": ("violation",)}), entry(record("b"))], versions=("us-ua",))
    (table,) = summary_tables(missing)
    assert table.columns[-1] == "not_judged" and table.totals[-1] == 1


def test_unknown_actor_and_other_actors_come_after_the_agreements_parties():
    d = data([
        entry(record("a", actor=None), **{"us-ua": ("undetermined", None, ("party",))}),
        entry(record("b", actor="BY"), **{"us-ua": ("not_applicable",)}),
    ], versions=("us-ua",))
    assert d.parties() == ("RU", "UA", "BY", "unknown")
    (table,) = summary_tables(d)
    assert rows_of(table)["unknown", ALL_GRADES]["undetermined"] == 1
    assert rows_of(table)["BY", ALL_GRADES]["not_applicable"] == 1
