"""The database fingerprint and the provenance queries a compliance report prints."""

from ceasewatch.model import Report
from ceasewatch.store import Store

from .samples import exchange, save_incidents, strike


def filled(url: str, records: list[dict], reports: tuple[Report, ...] = ()) -> Store:
    store = Store.open(url)
    store.save_agreement("a", None, "agreement.yaml", "id: a\n", {"sites/x.csv": b"id\n1\n"})
    save_incidents(store, records, source_file="feed.jsonl")
    for report in reports:
        store.save_report(report)
    return store


def test_the_same_inputs_give_the_same_fingerprint_in_any_order_and_database(store_url, tmp_path):
    with filled(store_url, [strike("s1"), strike("s2", 1), exchange("e1")]) as one, \
            filled(f"sqlite:///{tmp_path / 'two.db'}", [exchange("e1"), strike("s2", 1), strike("s1")]) as two:
        assert one.fingerprint() == two.fingerprint()
        assert one.fingerprint().startswith("sha256:") and len(one.fingerprint()) == 7 + 64


def test_any_change_to_a_record_an_agreement_file_or_a_report_changes_the_fingerprint(tmp_path):
    base = filled("sqlite://", [strike("s1")]).fingerprint()
    assert filled("sqlite://", [strike("s1", 2)]).fingerprint() != base
    assert filled("sqlite://", [strike("s1"), strike("s2")]).fingerprint() != base
    report = Report(id="rep-1", text="text")
    assert filled("sqlite://", [strike("s1")], (report,)).fingerprint() != base
    store = filled("sqlite://", [strike("s1")])
    store.save_agreement("a", None, "agreement.yaml", "id: a\n", {"sites/x.csv": b"id\n2\n"})
    assert store.fingerprint() != base


def test_report_headers_come_back_for_the_ids_stored_only(store_url):
    report = Report(id="rep-1", text="t", title="Title", source="AP", url="https://example.org/a", published="2025-03-19")
    with filled(store_url, [], (report,)) as store:
        found = store.report_headers(["rep-1", "rep-missing", "rep-1"])
    assert list(found) == ["rep-1"]
    assert (found["rep-1"].source, found["rep-1"].url, found["rep-1"].title) == ("AP", "https://example.org/a", "Title")


def test_record_files_and_report_outlets_are_counted(store_url):
    reports = (Report(id="r1", text="a", source="AP"), Report(id="r2", text="b", source="AP"), Report(id="r3", text="c"))
    with filled(store_url, [strike("s1"), strike("s2")], reports) as store:
        save_incidents(store, [strike("s3")])
        assert store.record_files() == [("feed.jsonl", 2), (None, 1)]
        assert store.report_outlets() == [("AP", 2), (None, 1)]
