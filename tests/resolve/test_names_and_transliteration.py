"""Folding, word splitting and the transliterations the build uses."""

import pytest

from ceasewatch.resolve.names import fold, is_joinable_gap, tokenize
from ceasewatch.resolve.transliterate import latin_variants, russian_simple, ukrainian_kmu


@pytest.mark.parametrize("a, b", [
    ("Kryvyi-Rih", "kryvyi rih"), ("Slov'yans'k", "Slovyansk"), ("Orël", "Orel"), ("  Bila   Tserkva ", "bila tserkva"),
    ("Kam’ianske", "Kamianske"),
])
def test_spellings_that_differ_only_in_form_fold_alike(a, b):
    assert fold(a) == fold(b)


def test_words_carry_spans_possessives_and_joins():
    text = "Sumy's council; Kryvyi-Rih, Rostov-on-Don."
    words = tokenize(text)
    assert [text[s:e] for s, e in zip(words.starts, words.ends)] == [
        "Sumy", "council", "Kryvyi", "Rih", "Rostov", "on", "Don"]
    assert words.possessive[:2] == [True, False]
    assert words.joined == [False, False, False, True, False, True, True]
    assert words.capitalised == [True, False, True, True, True, False, True]


def test_joinable_gaps():
    assert is_joinable_gap(" ") and is_joinable_gap(" - ") and is_joinable_gap("\n")
    assert not is_joinable_gap(", ") and not is_joinable_gap(". ") and not is_joinable_gap("    ")


@pytest.mark.parametrize("cyrillic, latin", [
    ("Київ", "Kyiv"), ("Запоріжжя", "Zaporizhzhia"), ("Кривий Ріг", "Kryvyi Rih"), ("Слов'янськ", "Sloviansk"),
    ("Миколаїв", "Mykolaiv"), ("Біла Церква", "Bila Tserkva"), ("Згурівка", "Zghurivka"), ("Єнакієве", "Yenakiieve"),
])
def test_ukrainian_national_transliteration(cyrillic, latin):
    assert ukrainian_kmu(cyrillic) == latin


@pytest.mark.parametrize("cyrillic, ye, plain", [
    ("Николаев", "Nikolayev", "Nikolaev"), ("Запорожье", "Zaporozhye", "Zaporozhe"), ("Орёл", "Oryol", "Orel"),
    ("Кривой Рог", "Krivoy Rog", "Krivoy Rog"),
])
def test_russian_transliteration_with_and_without_ye(cyrillic, ye, plain):
    assert (russian_simple(cyrillic), russian_simple(cyrillic, ye=False)) == (ye, plain)


def test_variants_skip_other_alphabets_and_follow_the_spelling():
    assert latin_variants("Славјанск", ukrainian_place=True) == []  # Serbian ј
    assert latin_variants("Слов'янськ", ukrainian_place=True) == ["Sloviansk"]  # Ukrainian only
    assert "Slavyansk" in latin_variants("Славянск", ukrainian_place=True)
    assert latin_variants("Кропоткин", ukrainian_place=False) == ["Kropotkin"]
