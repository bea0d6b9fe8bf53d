"""One name, several places: region context, size, notes; districts; facilities."""

from gazetteer_checks import found, only


def test_ambiguous_name_prefers_the_region_named_in_the_text():
    mentions = found("Irkutsk Oblast officials said a warehouse in Kropotkin burned down.")
    kropotkin = mentions[-1]
    assert (kropotkin.place.name, kropotkin.place.admin1_code) == ("Kropotkin", "RU-IRK")
    assert [p.admin1_code for p in kropotkin.alternatives] == ["RU-KDA"]
    assert "region named in the text" in kropotkin.note


def test_ambiguous_name_prefers_the_region_named_right_after_it():
    kropotkin = found("A warehouse in Kropotkin, Irkutsk Oblast, burned down.")[0]
    assert kropotkin.place.admin1_code == "RU-IRK"
    assert "region named with it" in kropotkin.note


def test_ambiguous_name_without_context_takes_the_largest_and_says_so():
    kropotkin = only("A warehouse in Kropotkin burned down.")
    assert (kropotkin.place.admin1_code, kropotkin.place.population > 50_000) == ("RU-KDA", True)
    assert kropotkin.note.startswith("ambiguous: 2 places")
    assert kropotkin.alternatives[0].admin1_code == "RU-IRK"


def test_primary_name_beats_a_larger_city_once_called_that():
    # Engels was once Pokrovsk; the Pokrovsk of today is in Donetsk Oblast
    assert only("Troops held Pokrovsk.").place.admin1_code == "UA-14"


def test_unambiguous_name_has_no_note():
    mention = only("Trains stopped in Kramatorsk.")
    assert (mention.note, mention.alternatives) == (None, ())


def test_district_of_a_settlement():
    mention = only("Two villages in the Pokrovsk district lost power.")
    assert mention.text == "Pokrovsk district"
    place = mention.place
    assert (place.name, place.precision, place.admin1_code) == ("Pokrovsk district", "district", "UA-14")
    assert place.lat is not None and place.geonameid is None


def test_raion_spelling_and_adjective_form():
    assert only("Shelling in the Nikopol raion went on.").place.name == "Nikopol district"
    adjective = only("Shelling in the Sumskyi district went on.")
    assert (adjective.text, adjective.place.name, adjective.place.admin1_code) == (
        "Sumskyi district", "Sumy district", "UA-59")


def test_russian_district_adjective():
    assert only("A drone fell in the Belgorodsky district.").place.name == "Belgorod district"


def test_plural_districts_after_a_list():
    mentions = found("Outages were reported in the Sumy and Okhtyrka districts.")
    assert [(m.text, m.place.precision) for m in mentions] == [("Sumy", "district"), ("Okhtyrka", "district")]


def test_city_district_is_dropped_when_no_namesake_lies_in_that_city():
    # Kharkiv's Kyivskyi district is not the Kyivskyi of another city
    assert [m.place.name for m in found("A bomb hit Kharkiv's Kyivskyi district.")] == ["Kharkiv"]


def test_facility_resolves_to_its_settlement():
    mention = only("A fire broke out at the Sudzha gas metering station.")
    assert (mention.text, mention.place.name, mention.place.precision) == ("Sudzha", "Sudzha", "settlement")
    assert "gas metering station" in mention.note


def test_facility_named_by_an_adjective_resolves_to_the_settlement():
    mention = found("Krasnodar Krai officials said the Kropotkinskaya oil pumping station was hit.")[-1]
    assert mention.text == "Kropotkinskaya"
    assert (mention.place.name, mention.place.admin1_code) == ("Kropotkin", "RU-KDA")
    assert "adjective of Kropotkin" in mention.note


def test_facility_abbreviation_and_adjective_forms():
    assert only("The Sloviansk TPP stopped.").place.name == "Sloviansk"
    assert only("The Burshtynska TPP stopped.").place.name == "Burshtyn"
    assert only("The Kherson thermal power plant stopped.").place.name == "Kherson"


def test_adjective_without_a_facility_or_district_word_is_not_a_place():
    assert found("The Kropotkinskaya line of the metro.") == []
