"""Who attacked: the side named in a clause ("Russian drones", "Ukraine hit", "accused Kyiv of").

Sides are ISO 3166-1 alpha-2 codes of the countries (RU, UA). `party_code` maps them to an
agreement's own party codes. Four patterns, strongest first:

1. accusation: "accused Ukraine of ...", "blamed Russia for ..." -> the accused side;
2. an attacker noun phrase: "Russian drones", "Ukraine's forces", "the Kiev regime";
3. the side as the subject of an attack verb: "Ukraine, meanwhile, hit ...", "Russia launched ...";
4. a passive agent: "... by Ukrainian forces" (not "shot down by", which names the defender).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model.agreement import Agreement
from .cues import SPEECH, has_stem

# Country words for each side: names, adjectives, capitals used for the state ("Moscow said").
SIDES: dict[str, tuple[str, ...]] = {
    "RU": ("Russian Federation", "Russians", "Russian", "Russia", "Moscow", "Kremlin"),
    "UA": ("Ukrainians", "Ukrainian", "Ukraine", "Kyiv", "Kiev"),
}
_SIDE_STEMS = ("russia", "ukrain", "moscow", "kremlin", "kyiv", "kiev")
_SIDE_OF = {word.lower(): side for side, words in SIDES.items() for word in words}
_SIDE = "|".join(sorted(_SIDE_OF, key=len, reverse=True))
_POSSESSIVE = r"(?:['’]s)?"

_ACCUSED = re.compile(
    rf"\b(?:accus\w*|blam\w*|charg\w*)\s+(?:that\s+)?(?:the\s+)?(?P<side>{_SIDE}){_POSSESSIVE}\s+"
    r"(?:(?:armed\s+forces|forces|military|army|troops|regime)\s+)?(?:of|for|with|has|had|have|is|was|continued|continues)\b",
    re.I,
)
_ATTACKER_NOUN = (
    r"drones?|UAVs?|missiles?|forces|troops|army|military|strikes?|attacks?|shelling|bombs?|aircraft|jets|"
    r"warplanes|artillery|regime|units?|servicemen|soldiers|saboteurs|Shaheds?|bombers|fire"
)
# Up to two modifiers between a side and its weapon ("Russian attack drones"), never a verb or an article.
# A preposition ends the side's phrase: in "attacked Ukraine with 96 drones" the drones are not Ukraine's.
_MODIFIER = (
    r"(?!(?:a|an|the|said|says|say|told|claimed|reported|that|and|or|of|to|was|were|is|are|has|have|had|"
    r"with|by|at|on|in|against|from|into|over|for|across|near)\b)[\w-]+\s+"
)
_ATTACKER = re.compile(
    rf"\b(?P<side>{_SIDE}){_POSSESSIVE}\s+(?:{_MODIFIER}){{0,2}}?(?:{_ATTACKER_NOUN})\b",
    re.I,
)
# A side as the subject: a country's name ("Ukraine hit"), or its adjective with a force ("Russian troops shelled").
_SUBJECT = re.compile(
    r"\b(?:the\s+)?(?:(?P<side>Russian Federation|Russia|Ukraine|Moscow|Kremlin|Kyiv|Kiev|Russians|Ukrainians)"
    rf"{_POSSESSIVE}(?:\s+(?:armed\s+forces|forces|military|army|troops|regime))?"
    r"|(?P<adjective>Russian|Ukrainian)\s+(?:armed\s+forces|forces|military|army|troops))\b",
    re.I,
)
_PASSIVE = frozenset("was were been being be is are".split())
_ATTACK_VERB = re.compile(
    r"(?:hit|hits|struck|strikes|striking|attack|attacks|attacked|attacking|launch|launched|launches|launching|"
    r"shelled|shelling|shells|targeted|targeting|targets|bombed|bombing|bombs|fired|carried|carries|used|sent|blew|"
    r"detonated|destroyed|damaged|continue[sd]?|continuing|pounded)$",
    re.I,
)
_PASSIVE_AGENT = re.compile(rf"\bby\s+(?:a\s+|an\s+|the\s+)?(?:[\w-]+\s+)?(?P<side>{_SIDE})\b", re.I)
_DEFENDER = re.compile(r"(?:shot down|intercepted|downed|repelled|destroyed|neutrali[sz]ed)\s+by\s+(?:\w+\s+){0,2}$", re.I)
# The side is a speaker or a defender here, not the attacker.
_NOT_ATTACKER = re.compile(
    r"air\s+defen[cs]e|defen[cs]e\s+ministry|general\s+staff|air\s+force|ministry|officials|authorities|"
    r"(?:region|oblast|city|district|province|krai|suburbs|area|mayor|governor)\b",
    re.I,
)
_WORD = re.compile(r"[\w'’-]+|,")
_OWN_FORCES = re.compile(
    r"\b(?:its|our|their)\s+(?:own\s+)?(?:armed\s+forces|forces|troops|drones|units|military|army|missiles|navy)\s+"
    r"(?:had\s+|have\s+|has\s+)?(?:hit|struck|attacked|targeted|shelled|destroyed|launched)\b",
    re.I,
)
_SIDE_WORD = re.compile(rf"\b(?:{_SIDE})\b", re.I)


@dataclass(frozen=True)
class ActorMention:
    """A side named as the attacker, with the words that say so."""

    side: str  # RU or UA
    start: int
    end: int
    how: str  # accused, attacker, subject, agent


def find_actor(text: str, start: int, end: int) -> ActorMention | None:
    """The attacking side named in text[start:end], by the strongest pattern that applies."""
    if not has_stem(text[start:end].lower(), _SIDE_STEMS):
        return None  # every pattern needs a side's name
    for finder in (_accused, _attacker, _subject, _agent, _own_forces):
        found = finder(text, start, end)
        if found is not None:
            return found
    return None


def side_of(word: str) -> str | None:
    """RU or UA for a country word ("Russian", "Kyiv's"), else None."""
    return _SIDE_OF.get(re.sub(r"['’]s$", "", word.strip()).lower())


def party_code(side: str | None, agreement: Agreement | None) -> str | None:
    """The agreement's party code for a side (RU/UA); the side itself without an agreement.

    An agreement's party is matched by its code (RU) or, failing that, by its name
    ("Russian Federation" for RU); a side the agreement does not list gives None.
    """
    if side is None or agreement is None:
        return side
    if side in agreement.parties:
        return side
    words = {w.lower() for w in SIDES.get(side, ())}
    for code, name in agreement.parties.items():
        if any(w in (name or "").lower() for w in words):
            return code
    return None


def _accused(text: str, start: int, end: int) -> ActorMention | None:
    m = _ACCUSED.search(text, start, end)
    return None if m is None else ActorMention(side_of(m.group("side")), m.start("side"), m.end("side"), "accused")


def _attacker(text: str, start: int, end: int) -> ActorMention | None:
    for m in _ATTACKER.finditer(text, start, end):
        phrase = m.group()
        if _NOT_ATTACKER.search(phrase) or _DEFENDER.search(text[max(start, m.start() - 40):m.start()]):
            continue
        if _NOT_ATTACKER.match(text, _skip_space(text, m.end("side"), end)):
            continue
        if SPEECH.match(text, _skip_space(text, m.end(), end)):
            continue  # "Russia's military claimed ...": a speaker
        return ActorMention(side_of(m.group("side")), m.start(), m.end(), "attacker")
    return None


def _subject(text: str, start: int, end: int) -> ActorMention | None:
    for m in _SUBJECT.finditer(text, start, end):
        if _NOT_ATTACKER.match(text, _skip_space(text, m.end(), end)):
            continue
        if re.search(r"['’]s$", m.group()):
            continue  # "Ukraine's second-largest city ...": a possessor, not a subject
        # Up to four words may stand between the side and its verb ("has since", ", meanwhile,"),
        # but not a speech verb or another side: "Ukraine said Russia hit" names Russia.
        side = m.group("side") or m.group("adjective")
        for word in _WORD.finditer(text, m.end(), min(end, m.end() + 60)):
            token = word.group()
            if _ATTACK_VERB.match(token):
                return ActorMention(side_of(side), m.start(), m.end(), "subject")
            if SPEECH.fullmatch(token) or side_of(token) or token.lower() in ("that", "and", "but", "while", "which", "who"):
                break
            if token.lower() in _PASSIVE:
                break  # "... was attacked": the side is not the one attacking
            if word.start() - m.end() > 45:
                break
    return None


def _agent(text: str, start: int, end: int) -> ActorMention | None:
    for m in _PASSIVE_AGENT.finditer(text, start, end):
        if _DEFENDER.search(text[max(start, m.start() - 40):m.start() + 3]):
            continue
        if _NOT_ATTACKER.match(text, _skip_space(text, m.end(), end)):
            continue
        return ActorMention(side_of(m.group("side")), m.start("side"), m.end("side"), "agent")
    return None


def _own_forces(text: str, start: int, end: int) -> ActorMention | None:
    """"Ukraine's General Staff said its forces struck ...": the speaker's own side."""
    m = _OWN_FORCES.search(text, start, end)
    if m is None:
        return None
    sides = list(_SIDE_WORD.finditer(text, start, m.start()))
    if not sides:
        return None
    last = sides[-1]
    return ActorMention(side_of(last.group()), last.start(), m.end(), "subject")


def _skip_space(text: str, i: int, end: int) -> int:
    while i < end and text[i].isspace():
        i += 1
    return i
