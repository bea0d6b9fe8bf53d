"""Who says so: speakers of statements ("X said", "according to X", "confirmed by X").

A speaker is the noun phrase next to a speech verb: proper names and the common words
that name bodies ("the regional prosecutor's office", "Russia's Defense Ministry",
"local officials"). Pronouns ("It added", "he said") take the last speaker of the
paragraph; a bare "the ministry" takes the last named speaker that contains "ministry".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .cues import SPEECH

# Lower-case words that may be part of a speaker's name.
_BODY_WORDS = frozenset(
    """the regional local city military prosecutor's prosecutors office police authorities officials official
    ministry governor administration forces force air defense defence general staff spokesman spokeswoman
    spokesperson press service mayor head council channel channels media state sources source president
    adviser advisor minister emergency emergencies services rescuers command army navy envoy of and in
    regime department agency correspondent governors's military's ministry's presidential national
    district oblast region's security guard border
    energy foreign interior internal health infrastructure justice economy economic finance culture
    education transport agrarian agriculture environment environmental digital social affairs
    intelligence operator grid""".split()
)
# Capitalised words that open a sentence without naming anyone.
_OPENERS = frozenset(
    """but and meanwhile however still also in on the a an as after following according last this that
    then while when later earlier separately instead yet so""".split()
)
# Between a speaker and the verb: "the defence ministry on Monday accused".
_BETWEEN = re.compile(
    r"(?:\s+(?:has|have|had|also|later|since|previously|earlier|then|further|again|on\s+\w+(?:\s+(?:night|morning|evening|afternoon))?|late\s+\w+))*\s*$",
    re.I,
)
# Speech verbs whose next noun phrase is what they act on, never who speaks.
_OBJECT_VERBS = frozenset(
    """accused accuses charged charges blamed denounced dismissed rejected denied denies called identified
    informed""".split()
)
_PRONOUN = re.compile(r"(?:^|\W)(?:it|he|she|they|the\s+(?:ministry|military|governor|mayor|president|statement|agency))\s*$", re.I)
_ACCORDING = re.compile(r"\b(?:according to|confirmed by|reported by|cited by|citing)\s+", re.I)
_TOKEN = re.compile(r"[\w'’.-]+|[,\"“”:;()\[\]]")
_STOPS = frozenset(',"“”:;()[]')


@dataclass(frozen=True)
class Speaker:
    """A speaker named in the text, with the span of the name."""

    name: str
    start: int
    end: int


def find_speakers(text: str, start: int, end: int, previous: list[Speaker]) -> list[Speaker]:
    """The speakers of text[start:end]; `previous` (earlier speakers, oldest first) resolves pronouns."""
    found: list[Speaker] = []
    for m in SPEECH.finditer(text, start, end):
        if m.group().lower().endswith("ing"):
            continue  # "…, accusing Kyiv of …" continues the statement before it: no speaker of its own
        speaker = _before(text, start, m.start()) or _after(text, m.group(), m.end(), end)
        if speaker is None and _PRONOUN.search(text[max(start, m.start() - 25):m.start()]):
            speaker = _resolve_pronoun(text[max(start, m.start() - 25):m.start()], previous + found)
        if speaker is not None and speaker not in found:
            found.append(_named(speaker, previous + found))
    for m in _ACCORDING.finditer(text, start, end):
        speaker = _noun_phrase_forward(text, m.end(), end)
        if speaker is not None and speaker not in found:
            found.append(_named(speaker, previous + found))
    return found


def _before(text: str, start: int, verb: int) -> Speaker | None:
    between = _BETWEEN.search(text, max(start, verb - 60), verb)  # a short window: linear in the sentence
    stop = between.start() if between else verb
    tokens = list(_TOKEN.finditer(text, start, stop))
    if tokens and tokens[-1].group() == ",":
        # "Ivan Petrenko, the regional governor, said": the name before the apposition
        apposition = _words_back(tokens[:-1])
        rest = tokens[: len(tokens) - 1 - len(apposition)]
        if apposition and rest and rest[-1].group() == ",":
            return _trimmed(text, _words_back(rest[:-1])) or _trimmed(text, apposition)
        return None
    return _trimmed(text, _words_back(tokens))


def _words_back(tokens: list[re.Match]) -> list[re.Match]:
    """The run of name-like words that ends the token list.

    Failing that, a short common-noun phrase that opens with "the" after a comma, a quote or
    the sentence start: ", the national railway company said".
    """
    words: list[re.Match] = []
    for token in reversed(tokens):
        word = token.group()
        if word in _STOPS or not (word[0].isupper() or _plain(word) in _BODY_WORDS or _is_possessive(word)):
            break
        words.insert(0, token)
    if len(words) == len(tokens) or tokens[len(tokens) - len(words) - 1].group() in _STOPS:
        return words
    for back in range(2, min(6, len(tokens)) + 1):
        head = tokens[-back]
        if head.group() in _STOPS:
            break
        if head.group().lower() == "the":
            before = tokens[-back - 1].group() if back < len(tokens) else ","
            return tokens[-back:] if before in _STOPS else words
    return words


def _is_possessive(word: str) -> bool:
    return word.endswith(("'s", "’s")) and len(word) > 3


def _plain(word: str) -> str:
    return word.lower().replace("’", "'").rstrip(".")


def _after(text: str, verb: str, verb_end: int, end: int) -> Speaker | None:
    """Inverted order at a quote's end: '..., said Ukraine's air force.'

    Only verbs of saying invert: after a verb of accusing or denying ('…, blamed Kyiv') the
    words that follow are its object, not its speaker.
    """
    if verb.lower() in _OBJECT_VERBS:
        return None
    before = text[max(0, verb_end - 12):verb_end]
    if not re.search(r"[,\"”]\s*\w+$", before):
        return None
    return _noun_phrase_forward(text, verb_end, end)


def _noun_phrase_forward(text: str, i: int, end: int) -> Speaker | None:
    words: list[re.Match] = []
    for token in _TOKEN.finditer(text, i, end):
        word = token.group()
        if word in _STOPS or not (word[0].isupper() or _plain(word) in _BODY_WORDS):
            break
        words.append(token)
    return _trimmed(text, words)


def _trimmed(text: str, words: list[re.Match]) -> Speaker | None:
    while words and (_plain(words[0].group()) in _OPENERS or words[0].group().lower() in ("of", "and", "in")):
        words = words[1:]
    while words and words[-1].group().lower() in ("of", "and", "in", "the"):
        words = words[:-1]
    if not words:
        return None
    start, end = words[0].start(), words[-1].end()
    if text[end - 1] == ".":
        end -= 1
    name = text[start:end]
    if not name or name.lower() in ("it", "he", "she", "they", "we", "i", "you"):
        return None
    return Speaker(name, start, end)


def _resolve_pronoun(before: str, previous: list[Speaker]) -> Speaker | None:
    noun = re.search(r"the\s+(\w+)\s*$", before, re.I)
    if noun:
        return next((s for s in reversed(previous) if noun.group(1).lower() in s.name.lower()), None)
    return previous[-1] if previous else None


def _named(speaker: Speaker, previous: list[Speaker]) -> Speaker:
    """'ministry' alone becomes the last speaker whose name holds it ("Russia's Defense Ministry")."""
    if " " not in speaker.name and speaker.name.islower():
        earlier = next((s for s in reversed(previous) if speaker.name in s.name.lower() and s.name != speaker.name), None)
        if earlier is not None:
            return Speaker(earlier.name, speaker.start, speaker.end)
    return speaker
