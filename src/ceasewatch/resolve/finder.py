"""find(): from a text to the places it names, with exact spans (docs/places.md has the rules)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from ..model.place import Place, PlaceMention
from .context import (
    ADJECTIVE_ENDINGS, PLURAL_DISTRICT_WORDS, REGION_WORDS, SETTLEMENT_AFTER, Following, adjective_stems,
    after_given_name, cue_before, following, is_person, joins_list, names_water,
)
from .index import FORMER, PLURAL, STANDING, SUFFIXED, GazetteerIndex
from .matcher import RawMatch, scan
from .names import tokenize
from .ranking import NEAR_KM, Candidate, choose, distance_km
from .stopnames import StopNames

SMALL_POPULATION = 1000  # smaller places need a cue or their region named nearby
KNOWN_FORMER_NAME = 100_000  # former names of places this large match without a cue
NEARBY_CHARS = 600
MAX_LIST = 12  # members of one list ("the Sumy, Kharkiv and … regions") read at most
_REGION_CUE_GAPS = frozenset({",", "(", "in", "in the", ", in", ", in the"})
_PLURAL_REGION_WORDS = frozenset({"regions", "oblasts", "provinces"})
_PLURAL_BORDER_WORDS = _PLURAL_REGION_WORDS | {"areas"}


class MentionFinder:
    """One text being read: its words, its name matches, and the mentions made of them."""

    def __init__(self, index: GazetteerIndex, stop: StopNames, text: str):
        self.index, self.stop, self.text = index, stop, text
        self.words = tokenize(text)
        self.matches = scan(self.words, index)
        self.as_region: dict[int, int] = {}  # match number → admin1 place number ("regions of X")
        self.as_district: set[int] = set()  # match numbers named in "X and Y districts"
        self.regions_at: list[tuple[int, str]] = []  # (start, ISO code) of every region mention

    def run(self) -> list[PlaceMention]:
        """Every mention, in text order, none overlapping."""
        self._read_lists()
        for k, match in enumerate(self.matches):
            region = self._region_number(k, match)
            if region is not None:
                self.regions_at.append((self.words.starts[match.first], self.index.places[region].admin1_code))
        self.text_regions = frozenset(code for _, code in self.regions_at)
        self.region_starts = [at for at, _ in self.regions_at]  # in text order already
        mentions: list[PlaceMention] = []
        cued_list = False
        for k, match in enumerate(self.matches):
            previous = self.matches[k - 1] if k else None
            cued = cue_before(self.words, match.first) or (
                cued_list and previous is not None and self._joined(previous, match)
            )
            mention = self._mention(k, match, cued, mentions[-1] if mentions else None)
            cued_list = cued and mention is not None
            if mention is not None:
                mentions.append(mention)
        mentions += self._adjective_mentions()
        mentions.sort(key=lambda m: m.start)
        # a district or facility phrase may reach over a word another rule read: first one wins
        kept: list[PlaceMention] = []
        for m in mentions:
            if not kept or m.start >= kept[-1].end:
                kept.append(m)
        return kept

    # -- lists: "the regions of Kursk and Bryansk", "the Sumy and Kharkiv regions" ----------
    def _joined(self, a: RawMatch, b: RawMatch) -> bool:
        return joins_list(self.text, self.words.ends[a.last], self.words.starts[b.first])

    def _read_lists(self) -> None:
        bases = self.index.region_bases
        for k, match in enumerate(self.matches):
            words = self.words
            after = match.last + 1
            plural_region = any(how == PLURAL for _, how in match.entries) or self._standing_before_plural(match)
            regions_of = (match.first >= 2 and words.keys[match.first - 1] == "of"
                          and words.keys[match.first - 2] in REGION_WORDS)
            if regions_of:  # forward: "regions of Kursk, Belgorod and Bryansk"
                j = k
                while j < min(len(self.matches), k + MAX_LIST) and (
                        j == k or self._joined(self.matches[j - 1], self.matches[j])):
                    if self.matches[j].key in bases:
                        self.as_region[j] = bases[self.matches[j].key][0]
                    j += 1
            if plural_region or (after < len(words) and words.keys[after] in PLURAL_DISTRICT_WORDS
                                 and words.joined[after]):
                if not plural_region:
                    self.as_district.add(k)
                j = k - 1  # backward: "the Sumy, Kharkiv and Donetsk regions"
                while j >= max(0, k - MAX_LIST) and self._joined(self.matches[j], self.matches[j + 1]):
                    if plural_region and self.matches[j].key in bases:
                        self.as_region[j] = bases[self.matches[j].key][0]
                    elif not plural_region:
                        self.as_district.add(j)
                    j -= 1

    def _standing_before_plural(self, match: RawMatch) -> bool:
        """"the Lviv and Volyn regions": a region's standing name, then a plural region word.

        A standing name has no "Volyn regions" key of its own, so the plural word after it
        is read here; the names listed before it are regions too.
        """
        if not any(how == STANDING and self.index.kinds[n] == "A" for n, how in match.entries):
            return False
        keys, joined = self.words.keys, self.words.joined
        after = match.last + 1
        plural_words = _PLURAL_REGION_WORDS
        if after + 1 < len(keys) and keys[after] == "border" and joined[after]:
            after, plural_words = after + 1, _PLURAL_BORDER_WORDS  # "the Lviv and Volyn border regions"
        return after < len(keys) and joined[after] and keys[after] in plural_words

    def _region_number(self, k: int, match: RawMatch) -> int | None:
        """The region (admin1) a match names, if it names one."""
        if k in self.as_region:
            return self.as_region[k]
        for number, how in match.entries:
            if how in (STANDING, SUFFIXED, PLURAL) and self.index.kinds[number] == "A":
                return number
        return None

    # -- one match ----------------------------------------------------------------------------
    def _mention(self, k: int, match: RawMatch, cued: bool, last: PlaceMention | None) -> PlaceMention | None:
        words, index = self.words, self.index
        start, end = words.starts[match.first], words.ends[match.last]
        region = self._region_number(k, match)
        if region is not None:
            return self._make(start, end, index.places[region])
        countries = [n for n, how in match.entries if how == STANDING and index.kinds[n] == "C"]
        if match.key in self.stop.never or is_person(words, match.first, match.last):
            return None
        if countries:
            return self._make(start, end, index.places[countries[0]])
        if names_water(words, match.first, match.last) or after_given_name(words, match.first, self.stop.given):
            return None
        after = following(words, match.last)
        if k in self.as_district and after is None:
            after = Following("district", match.last)
        nxt = match.last + 1
        cued = cued or after is not None or (
            nxt < len(words) and words.joined[nxt] and words.keys[nxt] in SETTLEMENT_AFTER)
        candidates = [Candidate(index.places[n], how) for n, how in match.entries if index.kinds[n] == "S"]
        if after is not None and after.kind == "facility":  # "the Slavyanskaya TPP": the town it is named for
            candidates += self._stem_candidates(match.key, {c.place.geonameid for c in candidates})
        return self._settlement(match.key, candidates, match.first, match.last, cued, after, k, last)

    def _settlement(self, key: str, candidates: list[Candidate], first: int, last_word: int, cued: bool,
                    after: Following | None, k: int | None, last: PlaceMention | None) -> PlaceMention | None:
        """A settlement (or district) mention of words first..last_word, if a candidate is admissible."""
        start, end = self.words.starts[first], self.words.ends[last_word]
        cue_region = self._cue_region(k) if k is not None else None
        low = bisect_left(self.region_starts, start - NEARBY_CHARS)
        high = bisect_right(self.region_starts, start + NEARBY_CHARS)
        nearby = {code for _, code in self.regions_at[low:high]}
        allowed = [c for c in candidates if self._admissible(key, c, cued, cue_region, nearby)]
        if not allowed:
            return None
        anchor = last.place if last is not None and self._possessive_before(last, start) else None
        if cue_region is not None and all(c.place.admin1_code != cue_region for c in allowed):
            return None  # "Andriivka, Sumy Oblast" and no Andriivka known there: not a namesake elsewhere
        if anchor is not None and all(distance_km(c.place, anchor) > NEAR_KM for c in allowed):
            return None  # "Kharkiv's Kyivskyi district" is not a Kyivskyi far away
        choice = choose(allowed, cue_region=cue_region, anchor=anchor, text_regions=self.text_regions)
        place, note = choice.place, choice.note
        if after is not None and after.kind == "district":
            end = self.words.ends[after.last]
            place = Place(
                name=f"{place.name} district", precision="district", country=place.country,
                admin1=place.admin1, admin1_code=place.admin1_code, lat=place.lat, lon=place.lon,
                zone=place.zone,
            )
        elif after is not None:
            phrase = self.text[self.words.starts[last_word + 1]:self.words.ends[after.last]]
            note = "; ".join(filter(None, (f"named for a facility: {phrase}", note)))
        return PlaceMention(start, end, self.text[start:end], place, choice.alternatives, note)

    def _admissible(self, key: str, candidate: Candidate, cued: bool, cue_region: str | None, nearby: set) -> bool:
        place = candidate.place
        strong_cue = cued or place.admin1_code == cue_region
        if key in self.stop.need_cue:
            return strong_cue
        if candidate.how == FORMER and (place.population or 0) < KNOWN_FORMER_NAME:
            return strong_cue
        if (place.population or 0) < SMALL_POPULATION:
            return strong_cue or place.admin1_code in nearby
        return True

    def _cue_region(self, k: int) -> str | None:
        """The region named right after match k: "Mir, Kherson Oblast", "Mir (Kherson region)"."""
        if k + 1 >= len(self.matches):
            return None
        region = self._region_number(k + 1, self.matches[k + 1])
        if region is None:
            return None
        gap = self.text[self.words.ends[self.matches[k].last]:self.words.starts[self.matches[k + 1].first]]
        words = " ".join(gap.replace(",", " , ").replace("(", " ( ").split()).replace(" ,", ",")
        return self.index.places[region].admin1_code if words in _REGION_CUE_GAPS else None

    def _possessive_before(self, last: PlaceMention, start: int) -> bool:
        gap = self.text[last.end:start]
        return last.place.precision == "settlement" and gap[:2] in ("'s", "’s") and not gap[2:].strip()

    # -- adjectives: "the Kropotkinskaya oil pumping station", "Pokrovskyi district" -------
    def _adjective_mentions(self) -> list[PlaceMention]:
        matched = {i for m in self.matches for i in range(m.first, m.last + 1)}
        found = []
        keys, capitalised = self.words.keys, self.words.capitalised
        for i, key in enumerate(keys):
            if not (capitalised[i] and key.endswith(ADJECTIVE_ENDINGS)) or i in matched:
                continue
            after = following(self.words, i)
            if after is None:
                continue
            candidates = self._stem_candidates(key, set())
            if candidates:
                mention = self._settlement(key, candidates, i, i, True, after, None, None)
                if mention is not None:
                    note = f"adjective of {mention.place.name.removesuffix(' district')}"
                    found.append(PlaceMention(mention.start, mention.end, mention.text, mention.place,
                                              mention.alternatives, "; ".join(filter(None, (note, mention.note)))))
        return found

    def _stem_candidates(self, key: str, taken: set) -> list[Candidate]:
        """Settlements whose names an adjective `key` is made from, less those in `taken`."""
        found: list[Candidate] = []
        for stem in adjective_stems(key):
            for number, how in self.index.latin.get(stem, ()):
                place = self.index.places[number]
                if self.index.kinds[number] == "S" and place.geonameid not in taken:
                    taken.add(place.geonameid)
                    found.append(Candidate(place, how))
        return found

    def _make(self, start: int, end: int, place: Place) -> PlaceMention:
        return PlaceMention(start, end, self.text[start:end], place)
