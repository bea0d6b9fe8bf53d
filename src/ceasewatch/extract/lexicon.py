"""Words that name targets (taxonomy codes) and weapons (class and model), as phrase tables.

Each row is (phrases, value) in the compact form of phrases.py: `(thermal |nuclear |)power
(plant|station)`; plurals need not be written. At each word the longest phrase wins, so
"oil pumping station" beats "pumping station" and "power plant" beats "plant". A value of
None is a stop phrase ("White House" is not a house).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .consequences import consequence_spans, in_consequence
from .phrases import PhraseTable

GEN, GRID, OIL, GAS, HEAT, ENERGY = (
    "energy.generation", "energy.grid", "energy.oil", "energy.gas", "energy.heat", "energy")

TARGET_WORDS: tuple[tuple[str, tuple[str, ...] | None], ...] = (
    # stop phrases: the words are not what was hit
    ("(=White =House|=White =house|returned home|return home|back home|came home|went home|home to)", None),
    ("(oil and gas|oil, gas) (facility|infrastructure|site|installation)", (OIL, GAS)),
    ("fuel and energy (facility|infrastructure|complex)", (ENERGY,)),
    # energy.generation
    ("(thermal |hydro |hydroelectric |nuclear |solar |coal-fired |gas-fired |combined heat and |heat and |)power (plant|station)", (GEN,)),
    ("(thermal|hydroelectric|nuclear|solar|coal-fired) (plant|station)", (GEN,)),
    ("(=CHP|=TPP|=HPP|=NPP|=TES|=HES|=CHPP)", (GEN,)),
    ("(wind|solar) (farm|park)", (GEN,)),
    ("(power generation|generating facility|generating unit|power unit)", (GEN,)),
    # energy.grid
    ("(transformer |electrical |electric |power |electricity |traction |)substation", (GRID,)),
    ("(power |)transformer", (GRID,)),
    ("(high-voltage |overhead |)(power|transmission|electricity) line", (GRID,)),
    ("(electricity|power|electric|energy|electrical) grid", (GRID,)),
    ("(electrical|electricity|power|electric) (network|distribution)", (GRID,)),
    # energy.oil
    ("oil (pumping station|pipeline|refinery|facility|infrastructure|tank|tanker|storage|storage facility|depot|terminal|reservoir|base)", (OIL,)),
    ("(fuel|petroleum|fuel and lubricant) (depot|terminal|storage|storage facility|reservoir|base|tank)", (OIL,)),
    ("(refinery|petroleum refinery)", (OIL,)),
    # energy.gas
    ("gas (field|production|production facility|pipeline|metering station|distribution|distribution station|distribution network)", (GAS,)),
    ("(underground |)gas storage (|facility|site)", (GAS,)),
    ("(gas |)compressor station", (GAS,)),
    ("gas (facility|infrastructure|processing plant|transmission|transport system|plant|hub)", (GAS,)),
    # energy.heat
    ("boiler (house|room|station|plant)", (HEAT,)),
    ("boilers", (HEAT,)),
    ("heating (plant|network|station|main|system)", (HEAT,)),
    ("district heating", (HEAT,)),
    # energy, not a leaf: the words say energy but not which part of it
    ("energy (infrastructure|facility|site|object|target|system|supply|enterprise|company|asset|installation|sector)", (ENERGY,)),
    ("power (outage|cut|supply|facility|infrastructure)", (ENERGY,)),
    ("electricity (supply|outage|infrastructure)", (ENERGY,)),
    ("blackout", (ENERGY,)),
    ("(without|lost|cut off from|disrupted) (electricity|power|light)", (ENERGY,)),
    # transport
    ("(railway|railroad|rail|train) (station|line|bridge|infrastructure|track|depot|hub|junction|car|yard)", ("transport.rail",)),
    ("(locomotive depot|locomotive|railway|railroad|freight train|passenger train|train)", ("transport.rail",)),
    ("(grain terminal|seaport|sea port|river port|port|port infrastructure|port facility|port terminal|port crane)", ("transport.port",)),
    ("(cargo |civilian |merchant |)(ship|vessel) (at berth|)", ("transport.port",)),
    ("(berth|pier)", ("transport.port",)),
    ("(airport|civil airfield|civilian airfield)", ("transport.airport",)),
    ("(road bridge|bridge|highway|motorway|bus|minibus|bus station|bus stop|road)", ("transport.road",)),
    # health
    ("(children's |maternity |)hospital", ("health",)),
    ("(clinic|polyclinic|ambulance|medical facility|medical center|medical centre|medical institution|maternity ward)", ("health",)),
    # education
    ("(school|kindergarten|university|college|lyceum|educational facility|educational institution)", ("education",)),
    # water
    ("water (supply|pipe|pipeline|main|pumping station|treatment plant|treatment facility|utility|infrastructure|tower)", ("water",)),
    ("(sewage |wastewater |)treatment (plant|facility)", ("water",)),
    ("(dam|pumping station)", ("water",)),
    # telecom
    ("(telecommunication|telecommunications|telecommunications infrastructure|telecom|telecom infrastructure)", ("telecom",)),
    ("(tv|television|radio|communication|communications|cell|cellular|mobile) (tower|mast)", ("telecom",)),
    # military: before the bare words of residential, commercial and industrial that it contains
    ("military (unit|base|facility|target|airfield|installation|infrastructure|equipment|position|depot|site|command post|headquarters|warehouse|hardware|personnel)", ("military",)),
    ("(air base|airbase|naval base|army base)", ("military",)),
    ("(ammunition|ammo|arms|weapon|weapons|munitions|munition) (depot|dump|warehouse|store|storage)", ("military",)),
    ("(command post|military-industrial|defence industry|defense industry|defence enterprise|defense enterprise|defence plant|defense plant)", ("military",)),
    ("(arms|weapons|drone|missile|ammunition) (factory|plant|production|production facility|production site|workshop|launch site)", ("military",)),
    ("(troop|enemy|frontline|firing|artillery) position", ("military",)),
    ("(airfield|radar|launcher)", ("military",)),
    # residential
    ("(residential|apartment|multi-storey|multi-story|high-rise) (building|block|complex|house|area|quarter|neighborhood|neighbourhood)", ("residential",)),
    ("(private |country |family |residential |)(=house|=houses)", ("residential",)),
    ("(apartment|high-rise|dwelling|dormitory|housing|home)", ("residential",)),
    # commercial
    ("(shopping center|shopping centre|shopping mall|supermarket|market|shop|store|mall|=offices|office building|office block|office center|office centre|business center|business centre)", ("commercial",)),
    ("(hotel|restaurant|cafe|café|petrol station|gas station|filling station|car dealership)", ("commercial",)),
    # agriculture
    ("grain (silo|elevator|storage|warehouse)", ("agriculture",)),
    ("(silo|farm|farmland|agricultural enterprise|agricultural facility|agricultural machinery|agricultural land|greenhouse)", ("agriculture",)),
    # industrial
    ("industrial (facility|enterprise|site|zone|plant|building)", ("industrial",)),
    ("(factory|enterprise|warehouse|workshop|plant)", ("industrial",)),
    # cultural
    ("(church|cathedral|monastery|museum|theatre|theater|monument|memorial|library|mosque|synagogue|cultural center|cultural centre)", ("cultural",)),
    # government
    ("(administrative building|city hall|town hall|village hall|administration building|government building|council building)", ("government",)),
    ("(regional|city|district) administration building", ("government",)),
)
_TARGETS: PhraseTable[tuple[str, ...]] = PhraseTable(TARGET_WORDS)

# Target words in these frames are where something else happened, not what was hit:
# "flights suspended at the airport", "debris fell near a school".
NOT_THE_TARGET = re.compile(
    r"(?:closure|closed|closing|closures|restrictions|suspended|halted|near|nearby|vicinity|area|"
    r"close to|next to|outside|from|"
    r"access to|via|through|into)\s+(?:of\s+|at\s+|on\s+|in\s+)?(?:the\s+|a\s+|an\s+)?(?:\S+\s+){0,2}$",
    re.I,
)

# A hospital the wounded were taken to, or are in, is where they are cared for, not what was
# hit: "three people were injured and are in hospital", "taken to a local hospital".
CARE_DESTINATION = re.compile(
    r"(?:(?:taken|rushed|brought|admitted|transported|transferred|sent|airlifted|hospitali[sz]ed|treated|"
    r"treatment|cared for)\s+(?:to|in|at)|"
    r"(?:are|is|was|were|remain|remains|remained|stay|stays|stayed|being|now|still)\s+in)"
    r"\s+(?:the\s+|a\s+|an\s+)?(?:\S+\s+)?$",
    re.I,
)


@dataclass(frozen=True)
class WordMatch:
    """A span of the text and what it names."""

    start: int
    end: int
    codes: tuple[str, ...]


def find_targets(text: str, start: int, end: int) -> list[WordMatch]:
    """Target words in text[start:end], each with the taxonomy codes it names.

    Words in a consequence frame ("left 3,000 homes without power") are not targets.
    """
    found = []
    consequences = None
    for a, b, codes in _TARGETS.find(text, start, end):
        before = text[max(start, a - 40):a]
        if NOT_THE_TARGET.search(before) or ("health" in codes and CARE_DESTINATION.search(before)):
            continue
        if consequences is None:
            consequences = consequence_spans(text, start, end)
        if in_consequence(a, consequences):
            continue
        found.append(WordMatch(a, b, codes))
    return found


# ---- weapons -------------------------------------------------------------------------

# (phrases, (class, model)): a model of None is a class word only.
WEAPON_WORDS: tuple[tuple[str, tuple[str, str | None]], ...] = (
    ("(Shahed-136|Shahed 136)", ("drone", "Shahed-136")),
    ("(Shahed-131|Shahed 131)", ("drone", "Shahed-131")),
    ("Shahed (drone|)", ("drone", "Shahed")),
    ("(Geran-2|Geran 2)", ("drone", "Geran-2")),
    ("Geran", ("drone", "Geran")),
    ("Lancet", ("drone", "Lancet")),
    ("=FPV (drone|)", ("drone", "FPV")),
    ("(Iskander-M|Iskander M)", ("missile", "Iskander-M")),
    ("(Iskander-K|Iskander K)", ("missile", "Iskander-K")),
    ("Iskander", ("missile", "Iskander")),
    ("Kalibr", ("missile", "Kalibr")),
    ("Kinzhal", ("missile", "Kinzhal")),
    ("=ATACMS", ("missile", "ATACMS")),
    ("(Storm Shadow|=SCALP)", ("missile", "Storm Shadow")),
    ("=HIMARS", ("artillery", "HIMARS")),
    ("(=KAB|=UMPK)", ("glide_bomb", "KAB")),
    ("(drone|=UAV|=UAVs|unmanned aerial vehicle|unmanned aircraft|unmanned vehicle|quadcopter|kamikaze drone)", ("drone", None)),
    ("(guided |glide |gliding |aerial |air-dropped |guided aerial |corrected aerial |)bomb", ("glide_bomb", None)),
    ("(ballistic |cruise |guided |anti-ship |)missile", ("missile", None)),
    ("rocket", ("missile", None)),
    ("(artillery|shelling|shelled|shell|mortar|howitzer|=MLRS|tank fire)", ("artillery", None)),
    ("multiple (launch |)rocket (launcher|system)", ("artillery", None)),
    ("(warplane|fighter jet|bomber|helicopter)", ("aircraft", None)),
)
_WEAPONS: PhraseTable[tuple[str, str | None]] = PhraseTable(WEAPON_WORDS)
# Models named by a number: Kh-101, KAB-500, FAB-1500, Su-34.
_NUMBERED = re.compile(r"(?:(?P<missile>Kh)|(?P<glide_bomb>KAB|FAB)|(?P<aircraft>Su|Tu|MiG))[-‐‑ ]?\d{2,4}\w*")


@dataclass(frozen=True)
class WeaponMatch:
    """A weapon named in the text: its class and, when named, its model."""

    start: int
    end: int
    weapon: str
    model: str | None = None


def find_weapons(text: str, start: int, end: int) -> list[WeaponMatch]:
    """Weapon classes and models named in text[start:end], in order."""
    found = [WeaponMatch(a, b, weapon, model) for a, b, (weapon, model) in _WEAPONS.find(text, start, end)]
    for m in _NUMBERED.finditer(text, start, end):
        if not any(w.start <= m.start() < w.end for w in found):
            found.append(WeaponMatch(m.start(), m.end(), m.lastgroup, m.group().replace(" ", "-")))
    return sorted(found, key=lambda w: w.start)


def weapon_class(matches: list[WeaponMatch]) -> str | None:
    """One class for several weapons: the class they share, else `mixed`.

    Aircraft that carry the other weapons ("bombers launched missiles") do not make a mix.
    """
    classes = {m.weapon for m in matches}
    if len(classes) > 1:
        classes.discard("aircraft")
    if not classes:
        return None
    return classes.pop() if len(classes) == 1 else "mixed"


def weapon_model(matches: list[WeaponMatch]) -> str | None:
    """The first named model, if any."""
    return next((m.model for m in matches if m.model), None)
