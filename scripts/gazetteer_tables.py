"""Hand-kept tables for build_gazetteer.py: English region names, countries, renames.

Everything here is a choice of English usage that the source data cannot make for us. Each
table is small on purpose: a rule in build_gazetteer.py does the rest.
"""

from __future__ import annotations

# Ukrainian admin1 units by ISO 3166-2: (canonical English name, the settlement whose name
# the oblast carries or None, extra base names, names that stand alone for the region).
# Base names combine with "Oblast", "region", "border region"…; standing names match bare.
UA_REGIONS: dict[str, tuple[str, str | None, tuple[str, ...], tuple[str, ...]]] = {
    "UA-05": ("Vinnytsia Oblast", "Vinnytsia", ("Vinnytska", "Vinnitsa", "Vinnytsya"), ()),
    "UA-07": ("Volyn Oblast", None, ("Volyn", "Volynska", "Volhynia", "Volhynian"), ("Volyn", "Volhynia")),
    "UA-09": ("Luhansk Oblast", "Luhansk", ("Luhanska", "Lugansk"), ()),
    "UA-12": ("Dnipropetrovsk Oblast", "Dnipro", ("Dnipropetrovsk", "Dnipropetrovska", "Dnepropetrovsk"), ()),
    "UA-14": ("Donetsk Oblast", "Donetsk", ("Donetska",), ()),
    "UA-18": ("Zhytomyr Oblast", "Zhytomyr", ("Zhytomyrska", "Zhitomir"), ()),
    "UA-21": ("Zakarpattia Oblast", None, ("Zakarpattia", "Zakarpatska", "Transcarpathia", "Transcarpathian"),
              ("Zakarpattia", "Transcarpathia")),
    "UA-23": ("Zaporizhzhia Oblast", "Zaporizhzhia", ("Zaporizka", "Zaporizhia", "Zaporozhye"), ()),
    "UA-26": ("Ivano-Frankivsk Oblast", "Ivano-Frankivsk", ("Ivano-Frankivska",), ()),
    "UA-30": ("Kyiv", "Kyiv", (), ()),  # the city: "Kyiv" finds the settlement, in UA-30
    "UA-32": ("Kyiv Oblast", "Kyiv", ("Kyivska", "Kiev"), ()),
    "UA-35": ("Kirovohrad Oblast", "Kropyvnytskyi", ("Kirovohrad", "Kirovohradska", "Kirovograd"), ()),
    "UA-40": ("Sevastopol", "Sevastopol", (), ()),
    "UA-43": ("Crimea", None, ("Crimea", "Crimean"),
              ("Crimea", "Autonomous Republic of Crimea", "Republic of Crimea", "Crimean Peninsula",
               "Crimean peninsula")),
    "UA-46": ("Lviv Oblast", "Lviv", ("Lvivska", "Lvov"), ()),
    "UA-48": ("Mykolaiv Oblast", "Mykolaiv", ("Mykolaivska", "Nikolaev", "Nikolayev"), ()),
    "UA-51": ("Odesa Oblast", "Odesa", ("Odeska", "Odessa"), ()),
    "UA-53": ("Poltava Oblast", "Poltava", ("Poltavska",), ()),
    "UA-56": ("Rivne Oblast", "Rivne", ("Rivnenska", "Rovno"), ()),
    "UA-59": ("Sumy Oblast", "Sumy", ("Sumska",), ()),
    "UA-61": ("Ternopil Oblast", "Ternopil", ("Ternopilska",), ()),
    "UA-63": ("Kharkiv Oblast", "Kharkiv", ("Kharkivska", "Kharkov"), ()),
    "UA-65": ("Kherson Oblast", "Kherson", ("Khersonska",), ()),
    "UA-68": ("Khmelnytskyi Oblast", "Khmelnytskyi", ("Khmelnytska", "Khmelnytsky", "Khmelnitsky"), ()),
    "UA-71": ("Cherkasy Oblast", "Cherkasy", ("Cherkaska", "Cherkassy"), ()),
    "UA-74": ("Chernihiv Oblast", "Chernihiv", ("Chernihivska", "Chernigov"), ()),
    "UA-77": ("Chernivtsi Oblast", "Chernivtsi", ("Chernivetska", "Chernovtsy"), ()),
}

# Russian federal subjects: geoBoundaries' names are already English; these fix the few
# that differ from common usage and add the bare names news uses for republics.
RU_NAME_FIXES = {
    "RU-LEN": "Leningrad Oblast",
    "RU-KGD": "Kaliningrad Oblast",
    "RU-SE": "North Ossetia-Alania",
    "RU-KHM": "Khanty-Mansi Autonomous Okrug",
}
RU_EXTRA_BASES: dict[str, tuple[str, ...]] = {
    "RU-MOS": ("Moscow", "Moskovskaya"),
    "RU-LEN": ("Leningrad", "Leningradskaya"),
    "RU-KHM": ("Khanty-Mansiysk", "Khanty-Mansi", "Yugra", "Ugra"),
    "RU-SE": ("North Ossetia", "North Ossetian"),
    "RU-SA": ("Sakha", "Yakutia"),
    "RU-CE": ("Chechen", "Chechnya"),
    "RU-KC": ("Karachay-Cherkess", "Karachayevo-Cherkessia"),
    "RU-KB": ("Kabardino-Balkar",),
    "RU-YEV": ("Jewish",),
}
RU_STANDING_NAMES: dict[str, tuple[str, ...]] = {
    "RU-AD": ("Adygea", "Adygeya", "Republic of Adygea"),
    "RU-AL": ("Altai Republic", "Republic of Altai"),
    "RU-BA": ("Bashkortostan", "Bashkiria", "Republic of Bashkortostan"),
    "RU-BU": ("Buryatia", "Republic of Buryatia"),
    "RU-CE": ("Chechnya", "Chechen Republic"),
    "RU-CU": ("Chuvashia", "Chuvash Republic"),
    "RU-DA": ("Dagestan", "Daghestan", "Republic of Dagestan"),
    "RU-IN": ("Ingushetia", "Republic of Ingushetia"),
    "RU-KB": ("Kabardino-Balkaria", "Kabardino-Balkarian Republic"),
    "RU-KL": ("Kalmykia", "Republic of Kalmykia"),
    "RU-KC": ("Karachay-Cherkessia", "Karachay-Cherkess Republic"),
    "RU-KR": ("Karelia", "Republic of Karelia"),
    "RU-KK": ("Khakassia", "Republic of Khakassia"),
    "RU-KO": ("Komi Republic", "Republic of Komi"),
    "RU-ME": ("Mari El", "Mari El Republic"),
    "RU-MO": ("Mordovia", "Republic of Mordovia"),
    "RU-SE": ("North Ossetia", "North Ossetia-Alania"),
    "RU-SA": ("Yakutia", "Sakha Republic", "Republic of Sakha"),
    "RU-TA": ("Tatarstan", "Republic of Tatarstan"),
    "RU-TY": ("Tuva", "Tyva", "Republic of Tuva"),
    "RU-UD": ("Udmurtia", "Udmurt Republic"),
    "RU-CHU": ("Chukotka",),
    "RU-KDA": ("Kuban",),  # the usual name of Krasnodar Krai in Russian official speech
    "RU-YAN": ("Yamal",),
}

# Countries: Ukraine, Russia and their neighbours by land or across the Black Sea.
# (code, English name, other names, lat, lon of a central point, zone or None if several).
COUNTRIES: tuple[tuple[str, str, tuple[str, ...], float, float, str | None], ...] = (
    ("UA", "Ukraine", (), 49.0, 31.4, "Europe/Kyiv"),
    ("RU", "Russia", ("Russian Federation",), 61.5, 105.3, None),
    ("BY", "Belarus", ("Belorussia", "Byelorussia"), 53.7, 28.0, "Europe/Minsk"),
    ("MD", "Moldova", ("Republic of Moldova",), 47.2, 28.5, "Europe/Chisinau"),
    ("PL", "Poland", (), 52.1, 19.4, "Europe/Warsaw"),
    ("RO", "Romania", (), 45.9, 25.0, "Europe/Bucharest"),
    ("SK", "Slovakia", (), 48.7, 19.7, "Europe/Bratislava"),
    ("HU", "Hungary", (), 47.2, 19.5, "Europe/Budapest"),
    ("GE", "Georgia", (), 42.3, 43.4, "Asia/Tbilisi"),
    ("AZ", "Azerbaijan", (), 40.3, 47.7, "Asia/Baku"),
    ("KZ", "Kazakhstan", (), 48.0, 67.0, None),
    ("FI", "Finland", (), 64.5, 26.0, "Europe/Helsinki"),
    ("EE", "Estonia", (), 58.6, 25.0, "Europe/Tallinn"),
    ("LV", "Latvia", (), 56.9, 24.6, "Europe/Riga"),
    ("LT", "Lithuania", (), 55.2, 23.9, "Europe/Vilnius"),
    ("NO", "Norway", (), 64.6, 17.9, "Europe/Oslo"),
    ("CN", "China", ("People's Republic of China",), 35.0, 103.0, "Asia/Shanghai"),
    ("MN", "Mongolia", (), 46.9, 103.8, None),
    ("KP", "North Korea", (), 40.3, 127.4, "Asia/Pyongyang"),
    ("TR", "Turkey", ("Türkiye", "Turkiye"), 39.0, 35.2, "Europe/Istanbul"),
    ("BG", "Bulgaria", (), 42.7, 25.5, "Europe/Sofia"),
)

# Well-known renames, by (country, GeoNames name): the form English-language news uses
# now, where the transliteration rule alone would not reach it.
RENAMES: dict[tuple[str, str], str] = {
    ("RU", "Orël"): "Oryol",
    ("RU", "Nizhniy Novgorod"): "Nizhny Novgorod",
    ("RU", "Velikiy Novgorod"): "Veliky Novgorod",
    ("RU", "Staryy Oskol"): "Stary Oskol",
    ("UA", "Siverskodonetsk"): "Sievierodonetsk",
    ("UA", "Feodosiya"): "Feodosia",
}

# GeoNames' old zone names, and what tzdata calls them now.
ZONE_ALIASES = {"Europe/Kiev": "Europe/Kyiv", "Europe/Zaporozhye": "Europe/Kyiv", "Europe/Uzhgorod": "Europe/Kyiv"}
