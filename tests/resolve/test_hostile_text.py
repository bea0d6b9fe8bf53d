"""Large, odd and hostile texts: find() returns, linearly, without crashing."""

import random

from gazetteer_checks import found

from ceasewatch.resolve.names import tokenize


def test_empty_and_blank_texts():
    assert found("") == []
    assert found("   \n\t ") == []
    assert found("!!!???...") == []


def test_ten_megabytes_of_text_are_read_to_the_end():
    paragraph = ("The talks went on through the night and the delegations exchanged drafts, "
                 "but nothing was signed before dawn, officials close to the negotiations said. "
                 "Later a drone hit Sumy, and the village of Star was shelled. ") * 4
    text = paragraph * (10_000_000 // len(paragraph))
    mentions = found(text)
    assert len(mentions) == 2 * 4 * (len(text) // len(paragraph))  # Sumy and Star, every time
    assert mentions[-1].end > len(text) - len(paragraph) // 4


def test_a_megabyte_dense_with_places():
    paragraph = "Drones hit Sumy and the Kursk region; the village of Star was shelled. " * 10
    text = paragraph * (1_000_000 // len(paragraph))
    assert len(found(text)) == 3 * 10 * (len(text) // len(paragraph))  # Sumy, Kursk region, Star


def test_binary_garbage_does_not_crash():
    noise = random.Random(7)
    text = bytes(noise.getrandbits(8) for _ in range(300_000)).decode("latin-1")
    for m in found(text):
        assert m.place.name


def test_long_runs_of_punctuation_and_joiners_stay_linear():
    # each of these once could make a regex backtrack; now they tokenise in one pass
    text = "-" * 200_000 + " Kyiv " + "'" * 200_000 + " , and" * 50_000
    assert [m.text for m in found(text)] == ["Kyiv"]
    assert len(tokenize("Sumy" + " and Sumy," * 100_000)) == 200_001


def test_a_very_long_list_of_regions():
    text = "the regions of " + ", ".join(["Kursk", "Bryansk"] * 5_000) + " and Belgorod"
    mentions = found(text)
    assert len(mentions) == 10_001
    assert {m.place.precision for m in mentions[:12]} == {"admin1"}


def test_invisible_and_control_characters_separate_words():
    text = "Kyiv\u200bKharkiv \ufeffOdesa\u0000Sumy \U0001F4A5 Lviv\u0301 Дніпро"
    assert [m.place.name for m in found(text)] == ["Kyiv", "Kharkiv", "Odesa", "Sumy", "Lviv"]
