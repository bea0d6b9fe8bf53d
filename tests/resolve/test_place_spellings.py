"""Spellings of one place all find it; spans are exact; the longest name wins."""

import pytest
from gazetteer_checks import found, names, only


@pytest.mark.parametrize("spelling", ["Sloviansk", "Slovyansk", "Slavyansk", "Slov'yansk", "SLOVIANSK"])
def test_every_spelling_of_sloviansk_finds_it(spelling):
    mention = only(f"Power went out in {spelling} after the attack.")
    assert (mention.text, mention.place.name, mention.place.admin1_code) == (spelling, "Sloviansk", "UA-14")


@pytest.mark.parametrize("spelling", ["Kryvyi Rih", "Kryvyi-Rih", "Kryvyi Rig", "Krivoy Rog", "Kryvyy Rih"])
def test_kryvyi_rih_spellings_match_whole_never_a_part(spelling):
    mention = only(f"A drone hit {spelling} at dawn.")
    assert mention.text == spelling
    assert mention.place.name == "Kryvyi Rih"


@pytest.mark.parametrize("spelling, canonical", [
    ("Zaporizhzhia", "Zaporizhzhia"), ("Zaporizhia", "Zaporizhzhia"), ("Zaporozhye", "Zaporizhzhia"),
    ("Mykolaiv", "Mykolaiv"), ("Nikolaev", "Mykolaiv"), ("Dnipro", "Dnipro"), ("Dnepropetrovsk", "Dnipro"),
    ("Bila Tserkva", "Bila Tserkva"), ("Kiev", "Kyiv"), ("Odessa", "Odesa"), ("Kharkov", "Kharkiv"),
])
def test_old_and_russian_spellings_give_the_modern_name(spelling, canonical):
    assert names(f"Sirens sounded over {spelling} again.") == [(spelling, canonical)]


def test_spans_are_exact_and_in_order():
    text = "Odesa, then Kharkiv and finally Sumy were hit; Kherson was quiet."
    mentions = found(text)
    assert [m.text for m in mentions] == ["Odesa", "Kharkiv", "Sumy", "Kherson"]
    assert [text[m.start:m.end] for m in mentions] == [m.text for m in mentions]


def test_possessive_is_left_out_of_the_span():
    mention = only("Sumy's regional council met on Friday.")
    assert (mention.text, mention.place.name) == ("Sumy", "Sumy")


def test_possessive_with_typographic_apostrophe():
    assert names("Kharkiv’s mayor spoke.") == [("Kharkiv", "Kharkiv")]


def test_all_caps_headline_still_finds_places():
    assert names("DRONES STRIKE KHARKIV AND ZAPORIZHZHIA OVERNIGHT") == [
        ("KHARKIV", "Kharkiv"), ("ZAPORIZHZHIA", "Zaporizhzhia")]


def test_all_caps_possessive():
    assert names("ODESA'S PORT BURNS") == [("ODESA", "Odesa")]


def test_short_all_caps_acronyms_never_match():
    assert found("The UN, the EU and the IAEA met; NATO and the SBU commented.") == []


def test_lower_case_names_never_match():
    assert found("kharkiv, sumy and odesa were mentioned in lower case; so was the sumy region.") == []


def test_a_name_broken_by_a_full_stop_is_two_words():
    # "Kryvyi. Rih" is no name; Kryvyi alone is not a place either
    assert [m.text for m in found("It was Kryvyi. Rih came later.")] == []


def test_cyrillic_text_is_not_matched_by_find():
    assert found("Удар по Кропоткину и Курску") == []
