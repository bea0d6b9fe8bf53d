from compliance_samples import data, entry, record

from ceasewatch.report.compliance.differences import version_differences


def test_the_example_differs_at_the_sumy_hospitals_and_the_krasnodar_depot(example_data):
    found = {d.entry.id: {r.version: (r.verdict, r.detail) for r in d.readings} for d in version_differences(example_data)}
    assert found == {
        "krasnodar-oil-depot-2025-03-19": {"us-ua": ("no_violation", "before_start"), "kremlin": ("violation", "")},
        "sumy-hospitals-2025-03-19": {"us-ua": ("violation", ""), "kremlin": ("no_violation", "out_of_scope")},
    }


def test_each_reading_says_why_with_the_figures_compared(example_data):
    why = {(d.entry.id, r.version): r.why for d in version_differences(example_data) for r in d.readings}
    assert why["sumy-hospitals-2025-03-19", "kremlin"] == "ru-halt: targets health are outside its scope (energy)"
    assert why["krasnodar-oil-depot-2025-03-19", "us-ua"] == (
        "ua-halt: impact 2025-03-18 18:00Z – 2025-03-19 03:00Z ended before the start "
        "2025-03-19 10:00Z – 2025-03-19 18:00Z")
    assert why["krasnodar-oil-depot-2025-03-19", "kremlin"].startswith("ua-halt: the strike falls in its window")


def test_same_verdict_for_a_different_reason_is_a_difference():
    d = data([entry(record("a"), **{"us-ua": ("no_violation", "out_of_scope"),
                                    "kremlin": ("no_violation", "before_start")})])
    assert [x.entry.id for x in version_differences(d)] == ["a"]


def test_same_verdict_and_reason_is_no_difference():
    d = data([entry(record("a"), **{"us-ua": ("violation",), "kremlin": ("violation",)})])
    assert version_differences(d) == ()


def test_one_version_shown_has_no_differences():
    d = data([entry(record("a"), **{"us-ua": ("violation",)})], versions=("us-ua",))
    assert version_differences(d) == ()


def test_undetermined_reading_names_what_is_unknown():
    rec = record("a", "2025-03-18T15:00:00Z", "2025-03-18T17:30:00Z")
    d = data([entry(rec, **{"us-ua": ("undetermined", None, ("time",)), "kremlin": ("violation",)})])
    (difference,) = version_differences(d)
    us_ua = difference.readings[0]
    assert us_ua.detail == "time"
    assert us_ua.why == ("ru-halt: cannot tell, as the impact 2025-03-18 15:00Z – 2025-03-18 17:30Z overlaps "
                         "the start 2025-03-18 15:30Z – 2025-03-18 16:55Z")


def test_an_incident_without_a_verdict_reads_as_not_judged():
    d = data([entry(record("a"), **{"us-ua": ("violation",)})])
    (difference,) = version_differences(d)
    assert difference.readings[1].verdict == "not_judged" and "not judged" in difference.readings[1].why


def test_a_capped_differences_table_keeps_the_most_severe_and_counts_them_all():
    from ceasewatch.report.compliance import build_sections

    d = data([
        entry(record("mild"), **{"us-ua": ("no_violation", "out_of_scope"), "kremlin": ("no_violation", "before_start")}),
        entry(record("worst"), **{"us-ua": ("violation",), "kremlin": ("no_violation", "out_of_scope")}),
        entry(record("same"), **{"us-ua": ("violation",), "kremlin": ("violation",)}),
    ])
    sections = build_sections(d, differences_limit=1, annex_csv="r-annex.csv")
    assert [x.entry.id for x in sections.differences] == ["worst"]
    assert sections.differences_total == 2 and sections.annex_csv == "r-annex.csv"
