"""match_site: a facility named near a place, matched to a listed site of an agreement.

Names are compared as sets of normalised words, not by edit distance: abbreviations are
spelled out (TPP → thermal power plant), "station" after "power" is "plant", and any spelling
of the place's own name becomes one marker word, so "Sloviansk TPP" and "Slavyansk power
station" share {<place>, power, plant}. A site matches when it lies within 30 km of the
place, the text near the mention names a kind of facility, every distinctive word of the
site's name (its place, its proper name) occurs there, and, where the site's name says what
it is, the text says the same kind of thing.
"""

from __future__ import annotations

from dataclasses import replace

from ..model.agreement import Agreement, Site
from ..model.place import Place, PlaceMention
from .context import FACILITY_WORDS
from .names import WORD, fold
from .ranking import distance_km

MAX_KM = 30.0
_PLACE = "<place>"
_ABBREVIATIONS = {
    "tpp": "thermal power plant", "tes": "thermal power plant", "chp": "combined heat power plant",
    "chpp": "combined heat power plant", "npp": "nuclear power plant", "aes": "nuclear power plant",
    "hpp": "hydroelectric power plant", "ges": "hydroelectric power plant",
    "gms": "gas metering station", "ugs": "underground gas storage", "ops": "oil pumping station",
    "hydro": "hydroelectric",
}
# Words that say what kind of facility a name is; the rest of a name is distinctive.
_KIND_WORDS = frozenset({
    "thermal", "power", "plant", "station", "nuclear", "hydroelectric", "combined", "heat", "gas",
    "oil", "metering", "pumping", "storage", "underground", "solar", "wind", "park", "farm",
    "railway", "passenger", "cargo", "sea", "river", "port", "terminal", "depot", "refinery",
    "substation", "electric", "energy", "airport", "airfield", "base", "dam", "bridge", "of",
    "the", "state", "district", "llc", "jsc", "pjsc",
}) | FACILITY_WORDS
_HEADS = FACILITY_WORDS | {"park", "farm"}


def _words(text: str, place: Place, gazetteer) -> list[str]:
    """Folded, expanded words of `text`, each spelling of `place`'s name made one marker."""
    words: list[str] = []
    for match in WORD.finditer(text):
        word = fold(match.group())
        if match.group()[:1].isupper() and _names_place(match.group(), place, gazetteer):
            words.append(_PLACE)
        else:
            words.extend(_ABBREVIATIONS.get(word, word).split())
    # "power station" and "power plant" are one thing
    return ["plant" if w == "station" and i and words[i - 1] == "power" else w for i, w in enumerate(words)]


def _names_place(word: str, place: Place, gazetteer) -> bool:
    if fold(word) == fold(place.name):
        return True
    found = gazetteer.lookup(word, country=place.country)[:3]
    if place.geonameid is not None:
        return any(p.geonameid == place.geonameid for p in found)
    # a district stands at its settlement's point: the settlement's names are its names
    return any(p.precision == "settlement" and (p.lat, p.lon) == (place.lat, place.lon) for p in found)


def _fit(site: Site, window: set[str], place: Place, gazetteer) -> float | None:
    """How well the site's name fits the words near the mention (None: it does not)."""
    name = set(_words(site.name or "", place, gazetteer))
    distinctive = name - _KIND_WORDS
    kinds = name & _KIND_WORDS - {"of", "the"}
    if not distinctive or not distinctive <= window:
        return None
    if kinds and not kinds & window:
        return None
    return len(name & window) / len(name)


def match_site(place_mention: PlaceMention, text_window: str, agreement: Agreement) -> Site | None:
    """The agreement's listed site that the facility named in `text_window` is, or None."""
    from .places import Gazetteer  # the default gazetteer supplies the spellings of names

    place = place_mention.place
    if place.lat is None or place.lon is None or not agreement.site_lists:
        return None
    gazetteer = Gazetteer.default()
    window = set(_words(text_window, place, gazetteer))
    if not window & _HEADS:
        return None  # the text names no facility: a strike "in" a town is not one on its plant
    best: tuple[float, float, str, Site] | None = None
    for site_list in agreement.site_lists.values():
        for site in site_list.sites:
            km = distance_km(place, Place(name="", precision="point", country="", lat=site.lat, lon=site.lon))
            if km > MAX_KM:
                continue
            fit = _fit(site, window, place, gazetteer)
            if fit is not None and (best is None or (-fit, km, site.id) < best[:3]):
                best = (-fit, km, site.id, site)
    return best[3] if best else None


def place_at_site(place: Place, site: Site) -> Place:
    """`place` narrowed to a listed site: the site's id and point, precision "point"."""
    return replace(place, site=site.id, precision="point", lat=site.lat, lon=site.lon)
