"""Resolving the words a report attributes a claim to: registry name, party, place, unknown."""

import pickle

import pytest

from ceasewatch.sources import load_registry

SMALL = """\
ceasewatch-sources: 1
defaults: false
parties:
  NO: [Nordland, Nordish]
  SU: [Sudria, Sudrian, Capitolia]
countries: {NL: NO, SD: SU}
sources:
  - {name: Daily Lantern, aliases: [Lantern], kind: media, affiliation: independent, reliability: B}
  - {name: Nordish Defence Ministry, aliases: [Nordland's Defence Ministry], kind: military, affiliation: NO}
  - {name: Defence Ministry Watch, kind: ngo, affiliation: independent, reliability: C}
  - {name: Border Observers, kind: monitor, affiliation: independent, reliability: A}
"""


@pytest.fixture(scope="module")
def registry():
    return load_registry(SMALL, "small.yaml")


def test_registry_name_is_found_inside_the_words(registry):
    found = registry.resolve("the Daily Lantern reported on Tuesday")
    assert found.source.name == "Daily Lantern"
    assert (found.kind, found.affiliation, found.reliability) == ("media", "independent", "B")
    assert found.label == "the Daily Lantern reported on Tuesday"
    assert found.rule.startswith("registry source Daily Lantern")


def test_longest_registry_name_wins(registry):
    found = registry.resolve("the Nordish Defence Ministry said")
    assert found.source.name == "Nordish Defence Ministry"
    assert found.affiliation == "NO"


def test_alias_matches_in_any_case_and_with_a_curly_apostrophe(registry):
    assert registry.resolve("LANTERN").source.name == "Daily Lantern"
    assert registry.resolve("Nordland\u2019s defence ministry").source.name == "Nordish Defence Ministry"


def test_registry_name_matches_whole_words_only(registry):
    assert registry.resolve("Lanterns Festival committee").source is None
    assert registry.resolve("a Lantern-bearer").source is not None  # a hyphen ends a word
    assert registry.resolve("Lanternist").affiliation is None


def test_registry_match_comes_before_party_words(registry):
    found = registry.resolve("Sudrian media citing the Lantern")
    assert found.source.name == "Daily Lantern"
    assert found.affiliation == "independent"


def test_party_word_with_official_body_is_that_party_government(registry):
    found = registry.resolve("Sudrian regional authorities")
    assert (found.source, found.kind, found.affiliation, found.reliability) == (None, "government", "SU", None)
    assert "'Sudrian'" in found.rule and "'authorities'" in found.rule


def test_party_word_with_military_body_is_that_party_military(registry):
    found = registry.resolve("Capitolia's air force command")
    assert (found.kind, found.affiliation) == ("military", "SU")


def test_military_body_wins_over_a_civil_word_beside_it(registry):
    assert registry.resolve("Sudrian general staff officials").kind == "military"


def test_military_administration_is_a_civil_authority(registry):
    assert registry.resolve("Capitolia city military administration").kind == "government"


def test_party_word_alone_gives_affiliation_but_no_kind(registry):
    found = registry.resolve("Nordish media")
    assert (found.kind, found.affiliation) == (None, "NO")
    assert "kind is unknown" in found.rule


def test_two_parties_in_the_words_leave_affiliation_unknown(registry):
    found = registry.resolve("Nordish and Sudrian officials")
    assert (found.kind, found.affiliation) == ("government", None)
    assert "more than one party (NO, SU)" in found.rule


def test_official_body_without_party_takes_the_party_governing_the_place(registry):
    found = registry.resolve("the district prosecutor's office", country="SD")
    assert (found.kind, found.affiliation) == ("government", "SU")
    assert "inferred from the place" in found.rule and "SD" in found.rule


def test_official_body_in_an_unknown_country_stays_unaffiliated(registry):
    assert registry.resolve("local officials", country=None).affiliation is None
    ungoverned = registry.resolve("local officials", country="FR")
    assert ungoverned.affiliation is None and "FR" in ungoverned.rule


def test_words_naming_nothing_known_are_unknown(registry):
    found = registry.resolve("a shopkeeper nearby", country="SD")
    assert (found.source, found.kind, found.affiliation, found.reliability) == (None, None, None, None)
    assert found.rule.startswith("unknown")


@pytest.mark.parametrize("words", [None, "", "   "])
def test_no_words_is_unattributed(registry, words):
    found = registry.resolve(words)
    assert found.label == "unattributed" and found.affiliation is None


def test_same_words_in_another_country_are_resolved_again(registry):
    assert registry.resolve("local police", country="NL").affiliation == "NO"
    assert registry.resolve("local police", country="SD").affiliation == "SU"


def test_repeated_resolution_returns_the_cached_attester(registry):
    assert registry.resolve("Lantern", country="NL") is registry.resolve("Lantern", country="NL")


def test_registry_survives_pickling_for_worker_processes(registry):
    copy = pickle.loads(pickle.dumps(registry))
    assert copy.resolve("local police", country="SD").affiliation == "SU"


@pytest.mark.parametrize("words,name", [
    ("the Russian Defence Ministry said", "Russian Defence Ministry"),
    ("Ukraine\u2019s General Staff", "General Staff of the Armed Forces of Ukraine"),
    ("Example Wire (fictional outlet)", "Example Wire"),
    ("Sample Gazette", "Sample Gazette"),
    ("the UN nuclear watchdog", "IAEA"),
])
def test_built_in_registry_resolves_well_known_speakers(words, name):
    assert load_registry().resolve(words).source.name == name


def test_built_in_registry_infers_local_officials_from_the_place():
    assert load_registry().resolve("regional governor", country="RU").affiliation == "RU"


def test_longest_name_wins_even_when_a_shorter_one_comes_first(registry):
    assert registry.resolve("Lantern, quoting Nordland's Defence Ministry").source.name == "Nordish Defence Ministry"
