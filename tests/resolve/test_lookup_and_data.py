"""lookup(), place_for_admin1(), and the shipped data: names, codes, zones, borders, size."""

import pytest
from gazetteer_checks import gazetteer

from ceasewatch.resolve import Gazetteer
from ceasewatch.resolve.gazetteer_file import COLUMNS, read_rows, shipped_path, write_rows

UA_CODES = {"UA-05", "UA-07", "UA-09", "UA-12", "UA-14", "UA-18", "UA-21", "UA-23", "UA-26", "UA-30", "UA-32",
            "UA-35", "UA-40", "UA-43", "UA-46", "UA-48", "UA-51", "UA-53", "UA-56", "UA-59", "UA-61", "UA-63",
            "UA-65", "UA-68", "UA-71", "UA-74", "UA-77"}


def test_lookup_ranks_the_largest_first_and_filters():
    assert [p.admin1_code for p in gazetteer().lookup("Kropotkin")] == ["RU-KDA", "RU-IRK"]
    assert [p.admin1_code for p in gazetteer().lookup("Kropotkin", admin1_code="RU-IRK")] == ["RU-IRK"]
    assert gazetteer().lookup("Kropotkin", country="UA") == []


def test_lookup_reads_cyrillic_and_any_spelling():
    assert gazetteer().lookup("Кропоткин")[0].admin1_code == "RU-KDA"
    assert gazetteer().lookup("Запоріжжя")[0].name == "Zaporizhzhia"
    assert gazetteer().lookup("krivoy rog")[0].name == "Kryvyi Rih"


def test_lookup_finds_regions_before_settlements():
    assert gazetteer().lookup("the Sumy region")[0].name == "Sumy Oblast"
    assert gazetteer().lookup("Crimea")[0].admin1_code == "UA-43"


def test_lookup_of_unknown_name_is_empty():
    assert gazetteer().lookup("Atlantis") == []
    assert gazetteer().lookup("") == []


def test_place_for_admin1():
    place = gazetteer().place_for_admin1("ua-14")
    assert (place.name, place.precision, place.country, place.admin1_code, place.zone) == (
        "Donetsk Oblast", "admin1", "UA", "UA-14", "Europe/Kyiv")
    assert 47 < place.lat < 49.5 and 36 < place.lon < 39.5  # a point inside the oblast
    with pytest.raises(KeyError, match="UA-99"):
        gazetteer().place_for_admin1("UA-99")


def test_every_ukrainian_region_and_the_russian_ones_are_there():
    for code in UA_CODES:
        assert gazetteer().place_for_admin1(code).country == "UA"
    assert gazetteer().place_for_admin1("RU-KDA").name == "Krasnodar Krai"
    assert gazetteer().place_for_admin1("RU-BEL").zone == "Europe/Moscow"
    assert gazetteer().place_for_admin1("RU-SA").zone is None  # Sakha spans three zones


@pytest.mark.parametrize("name", ["Sloviansk", "Kharkiv", "Kyiv", "Odesa", "Zaporizhzhia", "Kryvyi Rih",
                                  "Mykolaiv", "Bila Tserkva", "Izium", "Kupiansk", "Avdiivka", "Oryol"])
def test_canonical_names_are_the_modern_english_forms(name):
    assert gazetteer().lookup(name)[0].name == name


def test_settlements_carry_their_region_and_zone():
    place = gazetteer().lookup("Sloviansk")[0]
    assert (place.admin1, place.admin1_code, place.country, place.zone) == (
        "Donetsk Oblast", "UA-14", "UA", "Europe/Kyiv")
    assert place.geonameid and place.population > 100_000


def test_shipped_file_holds_only_recognised_borders():
    rows = list(read_rows(shipped_path()))
    ua_settlements = [r for r in rows if r[0] == "S" and r[4] in UA_CODES]
    assert ua_settlements and all(r[3] == "UA" for r in ua_settlements)
    assert not [r for r in rows if r[0] == "S" and r[3] == "RU" and not r[4].startswith("RU-")]
    crimea = [r for r in rows if r[4] in ("UA-43", "UA-40") and r[0] == "S"]
    assert len(crimea) > 400
    assert sum(r[8] == "Europe/Simferopol" for r in crimea) > 0.95 * len(crimea)


def test_shipped_file_is_small():
    assert shipped_path().stat().st_size < 3_000_000
    assert (shipped_path().parent / "README.md").is_file()


def test_gazetteer_file_round_trip(tmp_path):
    zone = "Europe/Kyiv"
    rows = [["C", "UA", "Ukraine", "UA", "", "49.0", "31.4", "", zone, "Ukraine", "", "", ""],
            ["A", "UA-59", "Sumy Oblast", "UA", "UA-59", "51.2", "33.7", "", zone, "Sumy Oblast", "Sumy", "", ""],
            ["S", "1", "Testivka", "UA", "UA-59", "51.0", "34.0", "5000", zone, "Testivka", "", "", "Тестівка"]]
    path = tmp_path / "g.tsv.gz"
    write_rows(path, rows)
    assert list(read_rows(path)) == rows
    small = Gazetteer.load(path)
    assert [m.place.name for m in small.find("Testivka and the Sumy region")] == ["Testivka", "Sumy Oblast"]
    assert small.lookup("Тестівка")[0].admin1 == "Sumy Oblast"
    assert len(COLUMNS) == len(rows[0])


def test_reading_a_file_that_is_not_a_gazetteer_fails(tmp_path):
    path = tmp_path / "bad.tsv.gz"
    import gzip

    path.write_bytes(gzip.compress(b"a\tb\n"))
    with pytest.raises(ValueError, match="not a gazetteer file"):
        list(read_rows(path))


def test_local_aliases_add_names_without_changing_the_shared_gazetteer(tmp_path):
    path = tmp_path / "aliases.txt"
    path.write_text("# our sources' names\nDonbas = Donetsk Oblast\nKropotkin depot = Kropotkin, RU-IRK\n",
                    encoding="utf-8")
    local = gazetteer().with_aliases(path)
    mentions = local.find("Shelling in Donbas; a fire at the Kropotkin depot.")
    assert [(m.text, m.place.admin1_code, m.place.precision) for m in mentions] == [
        ("Donbas", "UA-14", "admin1"), ("Kropotkin depot", "RU-IRK", "settlement")]
    assert gazetteer().find("Shelling in Donbas.") == []


def test_local_alias_file_errors_name_the_line(tmp_path):
    path = tmp_path / "aliases.txt"
    path.write_text("Donbas = Donetsk Oblast\nNowhere = Atlantis\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"aliases.txt:2: no place 'Atlantis'"):
        gazetteer().with_aliases(path)
    path.write_text("just a name\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"aliases.txt:1: expected"):
        gazetteer().with_aliases(path)
