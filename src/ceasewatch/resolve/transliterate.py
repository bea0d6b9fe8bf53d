"""Latin spellings of Ukrainian and Russian names, as news in English writes them.

Ukrainian: the national system of 2010 (Cabinet of Ministers resolution 55, "KMU 2010"),
the one Ukrainian authorities and most English-language outlets now use: Київ → Kyiv,
Запоріжжя → Zaporizhzhia, Кривий Ріг → Kryvyi Rih. A variant with г → g (Kryvyi Rig)
follows the older habit of outlets that read the name through Russian.

Russian: a simplified BGN/PCGN without apostrophes or diacritics, in two forms: е after a
vowel or at the start as "ye" (Nikolayev, Zaporozhye) and always as "e" (Nikolaev).

These generate aliases at build time; they never pick a place by themselves.
"""

from __future__ import annotations

UKRAINIAN_ONLY = frozenset("іїєґІЇЄҐ")
RUSSIAN_ONLY = frozenset("ыэъёЫЭЪЁ")
# Letters of neither alphabet (Serbian, Macedonian, Belarusian, Kazakh…): a name holding
# one is another language's spelling and is not transliterated.
_RU_UA_LETTERS = frozenset("абвгґдеєёжзиіїйклмнопрстуфхцчшщъыьэюя")
_APOSTROPHES = frozenset("'’ʼ")
_VOWELS = frozenset("аеєёиіїоуыэюяaeiouy")

# KMU 2010: (at the start of a word, elsewhere)
_KMU = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": ("ye", "ie"),
    "ж": "zh", "з": "z", "и": "y", "і": "i", "ї": ("yi", "i"), "й": ("y", "i"), "к": "k",
    "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
    "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ь": "",
    "ю": ("yu", "iu"), "я": ("ya", "ia"),
    # Russian letters met in names written the Russian way on Ukrainian ground
    "ы": "y", "э": "e", "ъ": "", "ё": "io",
}

_RUSSIAN = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh",
    "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p",
    "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch",
    "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
    # Ukrainian letters, as Russian-minded spellings render them
    "і": "i", "ї": "yi", "є": "ye", "ґ": "g",
}


def is_ru_ua_cyrillic(name: str) -> bool:
    """True when every letter of `name` belongs to the Russian or Ukrainian alphabet."""
    letters = [c for c in name.lower() if c.isalpha()]
    return bool(letters) and all(c in _RU_UA_LETTERS for c in letters)


def looks_ukrainian(name: str) -> bool:
    """True when the spelling is Ukrainian for sure (і, ї, є, ґ or an apostrophe)."""
    return any(c in UKRAINIAN_ONLY or c in _APOSTROPHES for c in name)


def looks_russian(name: str) -> bool:
    """True when the spelling is Russian for sure (ы, э, ъ, ё)."""
    return any(c in RUSSIAN_ONLY for c in name)


def _cased(latin: str, source: str) -> str:
    return latin[:1].upper() + latin[1:] if source.isupper() else latin


def ukrainian_kmu(name: str, *, g_for_h: bool = False) -> str:
    """Ukrainian Cyrillic → Latin by KMU 2010 (Київ → Kyiv); `g_for_h` writes г as g."""
    out: list[str] = []
    at_start = True
    lower = name.lower()
    for i, char in enumerate(lower):
        if char in _APOSTROPHES:
            continue
        rule = _KMU.get(char)
        if rule is None:
            out.append(name[i])
            at_start = not char.isalpha()
            continue
        latin = rule[0 if at_start else 1] if isinstance(rule, tuple) else rule
        if char == "г":
            # "зг" is written "zgh" so that it is not read as "zh"
            latin = "g" if g_for_h else ("gh" if i and lower[i - 1] == "з" else "h")
        out.append(_cased(latin, name[i]))
        at_start = False
    return "".join(out)


def russian_simple(name: str, *, ye: bool = True) -> str:
    """Russian Cyrillic → Latin (Николаев → Nikolayev, or Nikolaev with `ye` false)."""
    out: list[str] = []
    lower = name.lower()
    previous = " "
    for i, char in enumerate(lower):
        if char in _APOSTROPHES:
            continue
        latin = _RUSSIAN.get(char)
        if latin is None:
            out.append(name[i])
        else:
            if char == "е" and ye and (not previous.isalpha() or previous in _VOWELS or previous in "ъь"):
                latin = "ye"
            if char == "ё" and not ye:
                latin = "e"
            out.append(_cased(latin, name[i]))
        previous = char
    return "".join(out)


def latin_variants(cyrillic: str, *, ukrainian_place: bool) -> list[str]:
    """The Latin spellings worth knowing for one Cyrillic name of a place (may be empty)."""
    if not is_ru_ua_cyrillic(cyrillic):
        return []
    variants: list[str] = []
    as_ukrainian = ukrainian_place and not looks_russian(cyrillic)
    as_russian = not looks_ukrainian(cyrillic)
    if as_ukrainian:
        variants += [ukrainian_kmu(cyrillic), ukrainian_kmu(cyrillic, g_for_h=True)]
    if as_russian:
        variants += [russian_simple(cyrillic), russian_simple(cyrillic, ye=False)]
    return list(dict.fromkeys(variants))
