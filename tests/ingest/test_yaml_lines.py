from textwrap import dedent

from ceasewatch.ingest.yaml_lines import YamlList, YamlMap, key_path, load_yaml


def load(text):
    return load_yaml(dedent(text), "f.yaml")


def test_scalars_stay_strings_and_plain_nulls_are_none():
    value, problems = load("""\
        date: 2025-03-20
        number: 1
        flag: yes
        nothing: null
        tilde: ~
        empty:
        quoted: "null"
        float: 1.5
        """)
    assert problems == []
    assert value == {"date": "2025-03-20", "number": "1", "flag": "yes", "nothing": None,
                     "tilde": None, "empty": None, "quoted": "null", "float": "1.5"}


def test_every_key_and_item_knows_its_line():
    value, _ = load("""\
        top: 1
        events:
          a:
            at: x
        list:
          - first
          - {id: second}
          -
            id: third
        """)
    assert isinstance(value, YamlMap) and value.line == 1
    assert value.key_lines == {"top": 1, "events": 2, "list": 5}
    assert value["events"].key_line("a") == 3
    assert value["events"]["a"].key_line("at") == 4
    items = value["list"]
    assert isinstance(items, YamlList)
    assert items.item_lines == [6, 7, 9]
    assert items[1].line == 7 and items[2].key_line("id") == 9


def test_key_line_of_an_absent_key_is_the_mapping_line():
    value, _ = load("a:\n  b: 1\n")
    assert value["a"].key_line("missing") == 2


def test_a_duplicate_key_is_a_problem_and_the_first_value_is_kept():
    value, problems = load("""\
        parties:
          RU: one
          UA: two
          RU: three
        """)
    assert value["parties"] == {"RU": "one", "UA": "two"}
    assert [str(p) for p in problems] == ["f.yaml:4: parties.RU: duplicate key (first written on line 2)"]


def test_a_syntax_error_is_a_problem_with_its_line():
    value, problems = load("""\
        a: 1
        b: [1, 2
        c: 3
        """)
    assert value is None
    assert len(problems) == 1
    assert problems[0].file == "f.yaml" and problems[0].line in (2, 3)
    assert problems[0].message.startswith("not valid YAML")


def test_bad_indentation_is_a_syntax_problem():
    _, problems = load("a:\n  b: 1\n c: 2\n")
    assert len(problems) == 1 and problems[0].line == 3


def test_two_documents_are_refused():
    _, problems = load("a: 1\n---\nb: 2\n")
    assert problems[0].line == 2 and "single document" in problems[0].message


def test_an_empty_text_is_none_without_problems():
    assert load("") == (None, [])
    assert load("# only a comment\n") == (None, [])


def test_a_list_or_mapping_as_key_is_a_problem():
    value, problems = load("? [a, b]\n: 1\nc: 2\n")
    assert value == {"c": "2"}
    assert problems[0].line == 1 and "plain name" in problems[0].message


def test_aliases_reuse_the_anchor_value():
    value, problems = load("""\
        base: &b {x: 1}
        copy: *b
        """)
    assert problems == []
    assert value["copy"] == {"x": "1"} and value["copy"].line == 1


def test_a_recursive_alias_is_a_problem_not_a_hang():
    value, problems = load("a: &x [1, *x]\n")
    assert value == {"a": ["1", None]}
    assert "contains it" in problems[0].message


def test_key_path_joins_names_and_indexes():
    assert key_path("", "events") == "events"
    assert key_path("versions.us-ua", "commitments") == "versions.us-ua.commitments"
    assert key_path("versions.us-ua.commitments", 0) == "versions.us-ua.commitments[0]"
