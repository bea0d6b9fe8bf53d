"""Words that signal an attack, an interception, a doubt, a denial or a statement.

Companion of lexicon.py: lexicon says *what* (targets, weapons), this module says *what
happened* and *who says so*. Every pattern is linear: alternations of literal words and
bounded repetitions only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_W = r"[\w'’-]+"  # one word

# Something was attacked: the verbs and nouns of strikes.
STRONG = re.compile(  # (?<![\w-]): "self-detonating" is a kind of drone, not a blast
    r"(?<![\w-])(?:strik(?:e|es|ing)|struck|hit(?:s|ting)?|attack(?:s|ed|ing)?|shell(?:ed|ing)|"
    r"bomb(?:ed|ing|ings|ardment|ardments|arded)|target(?:ed|ing|s)?|destroy(?:ed|ing|s)?|damag(?:ed|ing|es)|"
    r"(?:air|drone|missile) ?raids?|assault(?:ed|s)?|pound(?:ed|ing)|blow(?:ing|n) up|blew up|detonat(?:ed|ing)|"
    r"came under (?:fire|attack)|(?:came|come|comes|was|were) under (?:fire|attack|shelling)|"
    rf"(?:launch|fir)(?:ed|ing|es)\s+(?:{_W}\s+){{0,4}}?(?:drones?|UAVs?|missiles?|bombs?|strikes?|attacks?|rockets?|Shaheds?))\b",
    re.I,
)
# Effects that count only beside a strong cue or inside an attack story: a fire can be an accident.
WEAK = re.compile(
    r"\b(?:explosions?|blasts?|fires?|blaze|burning|caught fire|(?:power )?outages?|without (?:electricity|power)|"
    r"killed|killing|injured|injuring|wounded|wounding)\b",
    re.I,
)
# Something was shot down before it hit.
INTERCEPT = re.compile(
    r"\b(?:intercept(?:ed|ing|s)?|shot down|shoot down|downed|repelled|neutrali[sz]ed|suppressed|"
    r"destroyed (?:\d+|all|\w+) (?:of (?:the|their) )?(?:drones?|UAVs?|missiles?))\b",
    re.I,
)
# It was hit: damage, casualties, fire. Decides outcome "hit" over "intercepted".
HIT = re.compile(
    r"\b(?:hit|struck|damag(?:ed|ing|e)|destroy(?:ed|ing)|killed|killing|injur(?:ed|ing)|wounded|"
    r"fires?|blaze|caught fire|explosions?|left without|outages?)\b",
    re.I,
)
# Words before a cue that make it talk about strikes rather than report one:
# "a halt on strikes", "agreed not to attack", "sites that could be hit".
_NOT_AN_ATTACK_BEFORE = re.compile(
    r"(?:^|\W)(?:halt|halting|halted|pause|pausing|stop|stopping|ban|banning|end|ending|moratorium|"
    r"suspension|suspend|suspending|refrain|refraining|cease|ceasing|freeze|not|\w+n['’]t|never|no|could|would|should|"
    r"may|might|can|cannot|will|if|avoid|prevent|preventing|against|rule out|threat(?:en|ened)?)"
    r"(?:\W+[\w'’-]+){0,3}\W*$",
    re.I,
)


# Word stems, one of which every match of a pattern contains: a substring test on the lower-cased
# sentence skips the pattern where it cannot match (Python's `in` is far faster than a regex scan).
_STEMS = {
    "strong": ("strik", "struck", "hit", "attack", "shell", "bomb", "target", "destroy", "damag", "raid",
               "assault", "pound", "blow", "blew", "detonat", "under", "launch", "firing", "fired", "fires"),
    "weak": ("explos", "blast", "fire", "blaze", "burn", "outage", "without", "kill", "injur", "wound"),
    "intercept": ("intercept", "shot down", "shoot down", "downed", "repel", "neutrali", "suppress", "destroyed"),
}


def has_stem(lowered: str, stems: tuple[str, ...]) -> bool:
    """True when the lower-cased text holds one of the stems (a cheap gate before a pattern)."""
    return any(stem in lowered for stem in stems)


@dataclass(frozen=True)
class Cue:
    """A word that reports something happened: `kind` is strong, weak or intercept."""

    start: int
    end: int
    kind: str


def find_cues(text: str, start: int, end: int) -> list[Cue]:
    """Attack, effect and interception words in text[start:end], minus talk about strikes."""
    found = []
    lowered = text[start:end].lower()
    for kind, pattern in (("strong", STRONG), ("weak", WEAK), ("intercept", INTERCEPT)):
        if not has_stem(lowered, _STEMS[kind]):
            continue
        for m in pattern.finditer(text, start, end):
            before = text[max(start, m.start() - 45):m.start()]
            if _NOT_AN_ATTACK_BEFORE.search(before):
                continue
            found.append(Cue(m.start(), m.end(), kind))
    return sorted(found, key=lambda c: c.start)


def has_hit(text: str, start: int, end: int) -> bool:
    """True when text[start:end] says something was hit (damage, casualties, fire)."""
    return HIT.search(text, start, end) is not None


# Background, not an event: "has been hit repeatedly", "faces near-daily shelling", "attacked several times".
HABITUAL = re.compile(
    r"\b(?:repeatedly|regularly|routinely|frequently|often|constantly|near-daily|almost daily|every (?:day|night)|"
    r"daily|nightly|(?:several|many|multiple|numerous|countless) times|time and again|since the (?:start|beginning) of|"
    r"since (?:19|20)\d\d|throughout the war|previously|in the past|earlier this (?:year|month)|last (?:year|month))\b",
    re.I,
)


# ---- doubts, denials, statements ------------------------------------------------------

# "it wasn't immediately clear whether", "unclear whether", "not known if".
HEDGE = re.compile(
    r"\b(?:(?:is|was|are|were|it['’]s|it is)(?:n['’]t|\s+not)\s+(?:immediately\s+|yet\s+|entirely\s+)?(?:clear|known)|"
    r"unclear|not (?:yet )?known|unknown|uncertain)\s+(?:whether|if|why)\b",
    re.I,
)
# What the doubt is about: whether the target was meant.
INTENT_WORDS = re.compile(r"\b(?:deliberate\w*|intentional\w*|on purpose|target\w*|aim\w*|meant)\b", re.I)
DELIBERATE = re.compile(
    r"\b(?:deliberate(?:ly)?|intentional(?:ly)?|on purpose|(?:not|cannot be|can['’]t be|wasn['’]t|were not) accidental)\b", re.I)
# A source says a strike did not happen as told, or was not theirs.
DENIAL = re.compile(
    r"\b(?:(?:den(?:y|ies|ied|ying)|reject(?:s|ed|ing)?|dismiss(?:es|ed|ing)?|refut(?:es|ed|ing)|disput(?:es|ed|ing))"
    r"\s+(?:the\s+|these\s+|such\s+|those\s+|any\s+)?(?:\w+\s+){0,2}?"
    r"(?:allegations?|accusations?|claims?|reports?|charges?|involvement|responsibility|that|carrying|attacking|striking)|"
    r"baseless|groundless|fake news|fabricat(?:ed|ion)|(?:called|calling|described) (?:it |this |the \w+ )?(?:a |an )?(?:fake|lie|false))\b",
    re.I,
)
# Verbs that introduce what a source says: "X said", "X accused", "X told".
SPEECH = re.compile(
    r"\b(?:said|says|say|told|tells|reported|reports|wrote|writes|claimed|claims|stated|states|added|adds|"
    r"announced|announces|confirmed|confirms|accused|accuses|accusing|charged|charges|stressed|noted|insisted|"
    r"posted|alleged|alleges|warned|asserted|asserting|denounced|dismissed|rejected|denied|denies|blamed|"
    r"called|identified|specified|informed|explained)\b",
    re.I,
)
