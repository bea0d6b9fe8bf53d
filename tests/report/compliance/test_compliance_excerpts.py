from ceasewatch.report.compliance.excerpts import MAX_PASSAGE, cited_sentences, sentence_bounds

TEXT = ("KYIV (Wire) — A Russian strike hit the grid in Sloviansk. The strike hit at 8:50 p.m. local time on "
        "March 18, officials said.\n\nIt was not clear why. Repairs went on overnight.")


def sentences(text):
    return [text[s:e] for s, e in sentence_bounds(text)]


def test_sentences_end_at_a_full_stop_before_a_capital_or_at_a_blank_line():
    assert sentences(TEXT) == [
        "KYIV (Wire) — A Russian strike hit the grid in Sloviansk.",
        "The strike hit at 8:50 p.m. local time on March 18, officials said.",
        "It was not clear why.",
        "Repairs went on overnight.",
    ]


def test_a_closing_quote_stays_with_its_sentence():
    assert sentences('He said "it stopped." Then it resumed.') == ['He said "it stopped."', "Then it resumed."]


def test_only_the_sentences_a_span_cites_are_kept_with_their_offsets():
    start = TEXT.index("8:50")
    kept = cited_sentences(TEXT, [(start, start + 4)])
    assert kept.texts == ("The strike hit at 8:50 p.m. local time on March 18, officials said.",)
    assert TEXT[kept.starts[0]:kept.ends[0]] == kept.texts[0]


def test_a_span_across_two_sentences_quotes_both():
    start = TEXT.index("Sloviansk")
    kept = cited_sentences(TEXT, [(start, start + 20)])
    assert len(kept.texts) == 2
    assert [p.text for p in kept.passages([(start, start + 20)])] == list(kept.texts)


def test_cited_words_are_marked_and_touching_spans_merge():
    start = TEXT.index("Russian")
    kept = cited_sentences(TEXT, [(start, start + 7), (start + 7, start + 14)])
    (passage,) = kept.passages([(start, start + 7), (start + 7, start + 14)])
    assert ("Russian strike", True) in passage.pieces
    assert passage.text == "KYIV (Wire) — A Russian strike hit the grid in Sloviansk."


def test_a_very_long_sentence_is_cut_around_the_span():
    text = "word " * 1000 + "target here" + " word" * 1000 + "."
    start = text.index("target")
    kept = cited_sentences(text, [(start, start + 6)])
    assert len(kept.texts[0]) <= MAX_PASSAGE + 6 and "target" in kept.texts[0]
