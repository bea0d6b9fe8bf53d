"""The words around a name that say what it is: a village, a district, a facility, a person.

Each function looks at a few words before or after a match, never further, so reading
context costs a constant per match.
"""

from __future__ import annotations

from dataclasses import dataclass

from .names import Words

# "the village of X", "the towns of X and Y": X is a settlement, however small
SETTLEMENT_WORDS = frozenset({
    "village", "villages", "town", "towns", "city", "cities", "settlement", "settlements",
    "hamlet", "hamlets", "township", "stanitsa", "khutor", "hromada", "community", "port",
    "municipality", "suburb",
})
# "X village", "X district"
SETTLEMENT_AFTER = frozenset({"village", "town", "settlement", "city", "hromada"})
DISTRICT_WORDS = frozenset({"district", "raion", "rayon"})
PLURAL_DISTRICT_WORDS = frozenset({"districts", "raions", "rayons"})
REGION_WORDS = frozenset({"region", "regions", "oblast", "oblasts", "province", "provinces", "krai"})
# Words that end a facility phrase: "Sudzha gas metering station", "Sloviansk TPP"
FACILITY_WORDS = frozenset({
    "plant", "station", "substation", "refinery", "depot", "terminal", "airfield", "airport",
    "airbase", "base", "dam", "bridge", "factory", "works", "facility", "field", "storage",
    "facilities", "hub", "warehouse", "mine", "port", "harbour", "harbor",
    "tpp", "chp", "chpp", "npp", "hpp", "ges", "tes", "aes", "gms", "ugs", "ops", "lpds",
})
# Words that may stand between the name and the facility word ("X gas metering station")
FACILITY_MODIFIERS = frozenset({
    "gas", "oil", "fuel", "thermal", "power", "nuclear", "hydroelectric", "hydro", "heat", "heating",
    "combined", "electric", "electricity", "energy", "pumping", "metering", "compressor",
    "distribution", "transformer", "storage", "underground", "coal", "solar", "wind", "sea", "river",
    "commercial", "grain", "air", "military", "rail", "railway", "passenger", "freight", "cargo",
    "and", "state", "district", "regional", "city", "main", "central", "industrial", "chemical",
    "steel", "ammunition", "drone", "missile", "radar", "naval", "pipeline", "water", "treatment",
    "filtration", "boiler", "high", "voltage",
})
_FACILITY_REACH = 4  # words from the name to the facility word at most
# A capitalised word next to these is a person, not a place ("Sumy said" is a metonym too)
SPEECH_VERBS = frozenset({
    "said", "says", "told", "added", "wrote", "stated", "noted", "tweeted", "explained",
    "insisted", "argued", "asked", "replied", "warned",
})
TITLES = frozenset({
    "president", "mr", "mrs", "ms", "dr", "minister", "governor", "mayor", "general", "gen",
    "colonel", "col", "lt", "spokesman", "spokeswoman", "spokesperson", "envoy", "senator",
    "sen", "secretary", "patriarch", "pope", "marshal", "admiral", "chancellor", "king",
    "queen", "prince", "commander", "premier", "chief", "ambassador", "sergeant", "captain",
})
WATER_WORDS = frozenset({"river", "sea", "lake", "reservoir", "bay", "gulf", "strait", "canal", "estuary", "lagoon"})
ADJECTIVE_ENDINGS = ("skaya", "skiy", "skyi", "skyy", "skii", "sky", "ska", "ske", "skoye", "skoe")
_LIST_JOINERS = frozenset({",", "and", ", and", "&", "or", ", or"})


@dataclass(frozen=True)
class Following:
    """What comes right after a name: a district word or a facility phrase, and where it ends."""

    kind: str  # "district" or "facility"
    last: int  # index of the last word of the phrase


def cue_before(words: Words, first: int) -> bool:
    """True after "village of", "town of", "the villages of"."""
    return first >= 2 and words.keys[first - 1] == "of" and words.keys[first - 2] in SETTLEMENT_WORDS


def following(words: Words, last: int) -> Following | None:
    """A district word ("X district") or facility phrase ("X oil pumping station") after a name."""
    keys, joined = words.keys, words.joined
    nxt = last + 1
    if nxt < len(keys) and joined[nxt] and keys[nxt] in DISTRICT_WORDS:
        return Following("district", nxt)
    for position in range(nxt, min(len(keys), nxt + _FACILITY_REACH)):
        # the phrase runs on facility words and acronyms (TPP), never another name or a verb
        if not joined[position]:
            return None
        if keys[position] in FACILITY_WORDS:
            return Following("facility", position)
        if keys[position] not in FACILITY_MODIFIERS:
            return None
    return None


def is_person(words: Words, first: int, last: int) -> bool:
    """True when the name reads as a person's: "X said", "X told", "President X"."""
    nxt = last + 1
    if nxt < len(words) and words.joined[nxt] and words.keys[nxt] in SPEECH_VERBS and not words.possessive[last]:
        return True
    return first >= 1 and words.joined[first] and words.keys[first - 1] in TITLES


def names_water(words: Words, first: int, last: int) -> bool:
    """"the Desna river", "the Azov Sea", "the Sea of Azov": water, not the town of that name."""
    nxt = last + 1
    if nxt < len(words) and words.joined[nxt] and words.keys[nxt] in WATER_WORDS:
        return True
    return first >= 2 and words.keys[first - 1] == "of" and words.keys[first - 2] in WATER_WORDS


def after_given_name(words: Words, first: int, given_names: frozenset[str]) -> bool:
    """"Alexander Gusev": a surname after a given name, not the town of Gusev."""
    previous = first - 1
    return (previous >= 0 and words.joined[first] and words.capitalised[previous]
            and words.keys[previous] in given_names)


def joins_list(text: str, end: int, start: int) -> bool:
    """True when the text between two names only joins them into a list ("X, Y and Z")."""
    gap = text[end:start]
    return len(gap) <= 8 and " ".join(gap.replace(",", " , ").split()).replace(" ,", ",") in _LIST_JOINERS


def adjective_stems(key: str) -> list[str]:
    """Settlement names an adjective may come from (kropotkinskaya → kropotkin, sumska → sumy,
    sudzhanskaya → sudzha, kurakhivska → kurakhove); empty when `key` is no adjective."""
    stems: list[str] = []
    for ending in ADJECTIVE_ENDINGS:
        if key.endswith(ending) and len(key) > len(ending) + 2:
            stem = key[: -len(ending)]
            roots = [stem]
            if stem.endswith("n"):  # Sudzha → Sudzhanskaya
                roots.append(stem[:-1])
            if stem.endswith("iv"):  # Ukrainian o/i: Kurakhove → Kurakhivska
                roots.append(stem[:-2] + "ov")
            for root in roots:
                stems += [root, root + "sk", root + "y", root + "a", root + "i", root + "e", root + "o"]
    if stems:
        # "Slavyanskaya" keeps its "sk": slavyansk + aya
        for ending in ("aya", "iy", "yi", "yy", "ii", "y", "a", "e", "oye", "oe"):
            if key.endswith(ending) and len(key) > len(ending) + 3:
                stems.append(key[: -len(ending)])
    return list(dict.fromkeys(stems))
