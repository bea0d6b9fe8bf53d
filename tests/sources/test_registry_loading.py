"""Loading the source registry: built-in defaults, a user's file over them, and every problem at once."""

from textwrap import dedent

import pytest

from ceasewatch.errors import InputError
from ceasewatch.sources import GRADES, Source, SourcesError, is_registry_text, load_registry
from ceasewatch.store import GRADES as STORE_GRADES


def user_file(body: str) -> str:
    """A registry file: line 1 is the marker, so the body starts on line 2."""
    return "ceasewatch-sources: 1\n" + dedent(body)


def problems_of(text: str, name: str = "mine.yaml") -> list[str]:
    with pytest.raises(SourcesError) as caught:
        load_registry(text, name)
    return [str(p) for p in caught.value.problems]


def by_name(registry, name: str) -> Source:
    return next(s for s in registry.sources if s.name == name)


def test_built_in_registry_knows_wires_parties_monitors_and_the_example_outlets():
    registry = load_registry()
    names = {s.name for s in registry.sources}
    assert {"Reuters", "Associated Press", "Russian Defence Ministry", "TASS", "Ukrinform",
            "General Staff of the Armed Forces of Ukraine", "IAEA", "OSCE",
            "UN Human Rights Monitoring Mission in Ukraine", "Example Wire"} <= names
    assert by_name(registry, "TASS").affiliation == "RU"
    assert by_name(registry, "Ukrinform").affiliation == "UA"
    assert by_name(registry, "IAEA").kind == "monitor"
    assert registry.countries == {"RU": "RU", "UA": "UA"}
    assert "Kremlin" in registry.parties["RU"]


def test_sources_are_sorted_by_name():
    names = [s.name for s in load_registry().sources]
    assert names == sorted(names, key=str.casefold)


def test_grades_match_the_store_in_strings_and_order():
    assert GRADES == STORE_GRADES


def test_user_entry_with_a_default_name_replaces_it_and_new_entries_add():
    registry = load_registry(user_file("""\
        sources:
          - {name: reuters, kind: media, affiliation: independent, reliability: a}
          - {name: Frontline Bulletin, aliases: [the Bulletin], kind: media, affiliation: UA}
        """))
    reuters = [s for s in registry.sources if s.name.casefold() == "reuters"]
    assert reuters == [Source("reuters", (), "media", "independent", "A")]
    added = by_name(registry, "Frontline Bulletin")
    assert added.reliability == "F"  # not rated: "cannot be judged"
    assert by_name(registry, "TASS").affiliation == "RU"  # the other defaults stay


def test_party_and_country_entries_replace_per_code():
    registry = load_registry(user_file("""\
        parties:
          UA: [Ukraine]
          MD: [Moldova, Moldovan]
        countries: {MD: MD}
        """))
    assert registry.parties["UA"] == ("Ukraine",)
    assert registry.parties["RU"] == load_registry().parties["RU"]
    assert registry.countries == {"MD": "MD", "RU": "RU", "UA": "UA"}


def test_defaults_false_starts_empty():
    registry = load_registry(user_file("""\
        defaults: false
        parties: {XA: [Xanadu]}
        sources:
          - {name: Lone Herald, kind: media, affiliation: independent}
        """))
    assert [s.name for s in registry.sources] == ["Lone Herald"]
    assert dict(registry.parties) == {"XA": ("Xanadu",)}
    assert registry.countries == {}


def test_affiliation_may_name_a_party_only_the_defaults_define():
    registry = load_registry(user_file("""\
        sources:
          - {name: Steppe Radio, kind: media, affiliation: RU}
        """))
    assert by_name(registry, "Steppe Radio").affiliation == "RU"


def test_to_yaml_reloads_to_the_same_registry_and_hash():
    registry = load_registry(user_file("""\
        sources:
          - {name: "Yes", aliases: ["null", "1"], kind: ngo, affiliation: independent, reliability: C}
        """))
    again = load_registry(registry.to_yaml(), "stored")
    assert again == registry
    assert again.content_hash == registry.content_hash
    assert by_name(again, "Yes").aliases == ("null", "1")


def test_content_hash_follows_content_not_wording():
    plain = load_registry()
    written_out = load_registry(user_file("sources: []\n"))
    changed = load_registry(user_file("sources: [{name: Reuters, kind: media, affiliation: independent}]\n"))
    assert plain.content_hash == written_out.content_hash
    assert plain.content_hash != changed.content_hash
    assert written_out.text is not None and plain.text is None


def test_is_registry_text_looks_at_the_first_key_only():
    assert is_registry_text("# my sources\n\nceasewatch-sources: 1\n")
    assert is_registry_text("\ufeff---\nceasewatch-sources: 1\n")
    assert not is_registry_text("ceasewatch: 1\nid: x\n")
    assert not is_registry_text("id: x\nceasewatch-sources: 1\n")
    assert not is_registry_text("")


def test_sources_error_is_an_input_error():
    assert issubclass(SourcesError, InputError)


@pytest.mark.parametrize("body,expected", [
    ("sources:\n  - {name: A1, kind: radio, affiliation: independent}\n",
     "mine.yaml:3: sources[0].kind: unknown kind 'radio'"),
    ("sources:\n  - {name: A1, kind: media, affiliation: independent, reliability: G}\n",
     "mine.yaml:3: sources[0].reliability: 'G' is not a grade of the Admiralty scale"),
    ("sources:\n  - {name: A1, kind: media, affiliation: independent, url: x}\n",
     "mine.yaml:3: sources[0].url: unknown key 'url'"),
    ("sources:\n  - {name: A1, kind: media, affiliation: XX}\n",
     "mine.yaml:3: sources[0].affiliation: unknown affiliation 'XX'"),
    ("sources:\n  - {name: A1, kind: media}\n",
     "mine.yaml:3: sources[0].affiliation: required key 'affiliation' is missing"),
    ("colour: red\n", "mine.yaml:2: colour: unknown key 'colour'"),
    ("defaults: maybe\n", "mine.yaml:2: defaults: expected true or false, got 'maybe'"),
    ("countries: {Ukraine: UA}\n", "mine.yaml:2: countries.Ukraine: 'Ukraine' is not an ISO 3166-1 alpha-2 code"),
    ("countries: {MD: MD}\n", "mine.yaml:2: countries.MD: unknown party 'MD'"),
    ("parties: {independent: [Neutral]}\n", "mine.yaml:2: parties.independent: 'independent' is the affiliation"),
    ("parties: {MD: [Kyiv]}\n", "mine.yaml:2: parties.MD: the word 'Kyiv' already names party UA"),
    ("parties: {MD: []}\n", "mine.yaml:2: parties.MD: the list is empty"),
    ("sources: {name: A1}\n", "mine.yaml:2: sources: expected a list of sources, got a mapping"),
    ("sources:\n  - {name: '--', kind: media, affiliation: independent}\n",
     "mine.yaml:3: sources[0].name: '--' has no letters or digits"),
])
def test_each_mistake_is_reported_with_file_line_and_key(body, expected):
    found = problems_of(user_file(body))
    assert any(p.startswith(expected) for p in found), found


def test_duplicate_source_name_in_one_file_points_at_the_first():
    found = problems_of(user_file("""\
        sources:
          - {name: Harbour Post, kind: media, affiliation: independent}
          - {name: harbour post, kind: media, affiliation: independent}
        """))
    assert found == ["mine.yaml:4: sources[1].name: duplicate source name 'harbour post' (first written on line 3)"]


def test_alias_claimed_by_two_sources_is_reported_at_the_second():
    found = problems_of(user_file("""\
        sources:
          - {name: Harbour Post, aliases: [the Post], kind: media, affiliation: independent}
          - name: Hill Post
            aliases: [THE POST]
            kind: media
            affiliation: independent
        """))
    assert found == [("mine.yaml:5: sources[1].aliases[0]: 'THE POST' is also a name of the source "
                      "'Harbour Post' (line 3): a name or alias must point to one source")]


def test_alias_clashing_with_a_default_names_the_built_in_file():
    found = problems_of(user_file("sources: [{name: Press Agency One, aliases: [AP], kind: media, affiliation: independent}]\n"))
    assert len(found) == 1
    assert found[0].startswith("mine.yaml:2: sources[0].aliases[0]: 'AP' is also a name of the source "
                               "'Associated Press' (sources.yaml (built-in):")


def test_wrong_first_key_says_what_a_registry_starts_with():
    found = problems_of("ceasewatch: 1\nsources: []\n")
    assert found == [("mine.yaml:1: ceasewatch: a source registry starts with `ceasewatch-sources: 1`; "
                        "the first key here is 'ceasewatch' (that marks an agreement file)")]


def test_unsupported_version_is_reported():
    assert problems_of("ceasewatch-sources: 2\n") == [
        "mine.yaml:1: ceasewatch-sources: unsupported format version '2': this ceasewatch reads version 1"]


def test_yaml_syntax_error_has_a_line():
    found = problems_of("ceasewatch-sources: 1\nsources: [unclosed\n")
    assert len(found) == 1 and found[0].startswith("mine.yaml:3: yaml: not valid YAML")


def test_not_a_mapping_is_one_problem():
    assert problems_of("- just\n- a list\n") == [
        ("mine.yaml:1: ceasewatch-sources: a source registry is a mapping that starts with "
         "`ceasewatch-sources: 1`, got a list")]


def test_every_problem_is_reported_at_once_in_line_order():
    found = problems_of(user_file("""\
        parties: {MD: [Moldova]}
        countries: {MD: ZZ}
        sources:
          - {name: A1, kind: radio, affiliation: independent}
          - {name: A2, kind: media, affiliation: nobody, reliability: Q}
          - {name: A3, kind: media, affiliation: MD, colour: red}
        """))
    lines = [int(p.split(":")[1]) for p in found]
    assert lines == sorted(lines)
    assert [p.split(": ")[1] for p in found] == [
        "countries.MD", "sources[0].kind", "sources[1].reliability", "sources[1].affiliation", "sources[2].colour"]
