"""The words that time expressions are made of: months, weekdays, numbers, units, zones.

Lower-case keys; the readers decide where case matters (a month must be capitalised, since
"march" and "may" are verbs).
"""

from __future__ import annotations

from datetime import timedelta

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")

WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# Yesterday is the day before P's day, and so on.
RELATIVE_DAYS = {"yesterday": -1, "today": 0, "tomorrow": 1}

NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "forty-five": 45, "fifty": 50, "sixty": 60,
    "ninety": 90, "a": 1, "an": 1,
}
TENS = frozenset({"twenty", "thirty", "forty", "fifty"})
# "a few hours", "several hours", "a couple of hours": a count we do not know.
VAGUE_COUNTS = frozenset({"few", "several", "couple"})

UNITS = {
    "minute": timedelta(minutes=1), "minutes": timedelta(minutes=1), "min": timedelta(minutes=1),
    "mins": timedelta(minutes=1), "hour": timedelta(hours=1), "hours": timedelta(hours=1),
    "hrs": timedelta(hours=1), "day": timedelta(days=1), "days": timedelta(days=1),
    "week": timedelta(weeks=1), "weeks": timedelta(weeks=1),
}

# Parts of a day as [start, end) offsets from the day's midnight (spec: Reading times).
PARTS_OF_DAY = {
    "morning": (timedelta(hours=6), timedelta(hours=12)),
    "afternoon": (timedelta(hours=12), timedelta(hours=18)),
    "evening": (timedelta(hours=18), timedelta(hours=24)),
}
NIGHT_WORDS = frozenset({"night", "overnight", "tonight"})

APPROXIMATE = frozenset({"around", "about", "approximately", "approx", "roughly", "circa", "some",
                         "nearly", "almost"})

# Zone words after a clock time. None means the place's own zone ("local time").
ZONE_WORDS: dict[str, str | None] = {
    "gmt": "UTC", "utc": "UTC",
    "msk": "Europe/Moscow", "moscow time": "Europe/Moscow",
    "kyiv time": "Europe/Kyiv", "kiev time": "Europe/Kyiv", "ukrainian time": "Europe/Kyiv",
    "ukraine time": "Europe/Kyiv", "eet": "Europe/Kyiv", "eest": "Europe/Kyiv",
    "cet": "Europe/Berlin", "cest": "Europe/Berlin", "bst": "Europe/London",
    "et": "America/New_York", "est": "America/New_York", "edt": "America/New_York",
    "eastern time": "America/New_York", "washington time": "America/New_York",
    "ist": "Asia/Kolkata",  # Indian outlets' datelines; Irish and Israeli uses are rare in this domain
    "local time": None,
}

# Words a phrase may hold between its pieces ("at 8:50 p.m. on Tuesday", "the night of March 10").
GLUE = frozenset({",", "on", "at", "of", "the", "in", "into", "to", "during"})

# A day named right after one of these is when something was said, not when it happened.
SPEECH_VERBS = frozenset({
    "said", "says", "told", "announced", "reported", "stated", "claimed", "added", "wrote",
    "posted", "confirmed", "denied", "accused", "insisted", "warned", "tweeted",
})
