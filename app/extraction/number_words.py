"""Word tables for :mod:`app.extraction.numbers`.

Every table here is written by hand for this module; none is copied from a corpus or another project.

* The cardinal words are the closed class of English number words (units, teens, tens, scales).
  A closed class is complete by construction, so a list beats a learnt model here.
* The vague readings ("dozens" = 24, up to 99, ...) are the service's public contract: a vague word
  reads as its lowest plausible value, with the largest value it can still name as ceiling.
* The context lists (units of measure, durations, currencies, designations, count nouns) are the
  words that sit next to a number in wire copy and decide whether it counts people or things.
  They are deliberately short: each entry was added for a pattern we want to reject or keep, and a
  missing word costs one wrong reading, while a wrong entry silently hides real figures.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


UNITS: dict[str, int] = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
}
TEENS: dict[str, int] = {
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS: dict[str, int] = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
CARDINALS = frozenset([*UNITS, *TEENS, *TENS])
# "hundred" is kept apart: it multiplies only what precedes it inside one thousand-group.
BIG_SCALES: dict[str, float] = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
DIGIT_SCALES: dict[str, float] = {"hundred": 1e2, **BIG_SCALES}

# Vague words. The value is twice the unit (plurals, "a few") or three times it ("several"); the
# ceiling is the largest number the plural can still name, None where it has no useful bound.
VAGUE_PLURALS: dict[str, tuple[float, float | None]] = {
    "dozens": (24.0, 99.0),
    "scores": (40.0, 99.0),
    "hundreds": (200.0, 999.0),
    "thousands": (2000.0, 9999.0),
    "millions": (2e6, None),
    "billions": (2e9, None),
}
VAGUE_UNITS: dict[str, tuple[float, float | None]] = {
    "dozen": (12.0, 99.0),
    "hundred": (100.0, 999.0),
    "thousand": (1000.0, 9999.0),
    "million": (1e6, None),
    "billion": (1e9, None),
}
VAGUE_OF: dict[tuple[str, str], tuple[float, float | None]] = {
    ("tens", "thousands"): (20_000.0, 99_999.0),
    ("hundreds", "thousands"): (200_000.0, 999_999.0),
    ("tens", "millions"): (2e7, None),
    ("hundreds", "millions"): (2e8, None),
}
# "several" and "a few" alone: at least three and two, and fewer than ten.
SEVERAL = (3.0, 9.0)
A_FEW = (2.0, 9.0)

# Qualifiers, by how they bound the figure: "lower" = at least the number, "upper" = at most,
# "approx" = about the number.
QUALIFIERS: dict[tuple[str, ...], str] = {
    ("about",): "approx",
    ("around",): "approx",
    ("approximately",): "approx",
    ("roughly",): "approx",
    ("some",): "approx",
    ("an", "estimated"): "approx",
    ("estimated",): "approx",
    ("more", "than"): "lower",
    ("over",): "lower",
    ("at", "least"): "lower",
    ("upwards", "of"): "lower",
    ("no", "fewer", "than"): "lower",
    ("no", "less", "than"): "lower",
    ("in", "excess", "of"): "lower",
    ("well", "over"): "lower",
    ("just", "over"): "lower",
    ("nearly",): "upper",
    ("almost",): "upper",
    ("close", "to"): "upper",
    ("fewer", "than"): "upper",
    ("less", "than"): "upper",
    ("under",): "upper",
    ("just", "under"): "upper",
    ("up", "to"): "upper",
    ("as", "many", "as"): "upper",
    ("at", "most"): "upper",
    ("no", "more", "than"): "upper",
}
QUALIFIER_MAX_WORDS = 3
POSTFIX_QUALIFIERS: dict[str, str] = {"so": "approx", "more": "lower", "fewer": "upper", "less": "upper"}

# A number directly followed by one of these measures, lasts, costs or dates something.
MEASURES = _words(
    "km kms kilometre kilometres kilometer kilometers mile miles metre metres meter meters cm mm ft "
    "feet foot inch inches yard yards hectare hectares ha acre acres kg kgs kilo kilos kilogram kilograms "
    "gram grams lb lbs ton tons tonne tonnes litre litres liter liters gallon gallons barrel barrels "
    "degree degrees mph kph kmh knots megawatts mw times fold"
)
DURATIONS = _words(
    "second seconds sec secs minute minutes min mins hour hours hr hrs day days night nights week weeks "
    "fortnight fortnights month months year years yrs decade decades century centuries"
)
MONEY_WORDS = _words(
    "dollar dollars euro euros pound pounds sterling rupee rupees shekel shekels yen yuan renminbi "
    "ruble rubles rouble roubles hryvnia hryvnias dinar dinars riyal riyals rial rials dirham dirhams "
    "lira liras manat drams lari afghanis taka naira rand shillings francs pesos reais cents bucks "
    "usd eur gbp"
)
PERCENT_WORDS = frozenset({"percent", "pc", "pct", "percentage"})
TIME_WORDS = frozenset({"am", "pm", "gmt", "utc", "cet", "est", "edt", "pst", "h"})
NOT_COUNT_AFTER = MEASURES | DURATIONS | MONEY_WORDS | PERCENT_WORDS | TIME_WORDS
# Skipped between a number and the word that decides it: "5 square kilometres", "three more days".
MODIFIERS = _words(
    "more other additional extra square sq cubic nautical long full straight consecutive successive whole"
)
CURRENCY_SYMBOLS = frozenset("$€£¥₹₽₴₪₺₦₩")
# Right after a number these make it a share, an angle or a price: "5%", "30°", "5 €".
UNIT_SYMBOLS = CURRENCY_SYMBOLS | {"%", "°"}
CURRENCY_CODES = frozenset({"rs", "usd", "eur", "gbp", "inr", "rub", "uah", "ils", "sar", "aed", "rmb"})

# "Brigade 58", "Resolution 1701": a bare integer after these names a thing, it does not count.
# Wire copy capitalises them; only the ones below are rejected in lower case too, because "the unit
# 30 soldiers..." or "the area 300 homes..." are counts after a missing comma.
DESIGNATIONS = _words(
    "brigade battalion regiment division corps unit squadron platoon resolution article section "
    "paragraph clause chapter page pages annex protocol route highway road flight camp block building "
    "gate sector zone area checkpoint hill room ward terminal platform tower level phase category class "
    "type model version district precinct channel item decree boeing airbus no nos"
)
LOWER_CASE_DESIGNATIONS = _words(
    "resolution article section paragraph clause chapter page pages annex route highway flight"
)
ABBREVIATED_DESIGNATIONS = frozenset({"no", "nos", "nr", "vol", "art", "p", "pp", "para", "sec", "ch", "fig"})
AGE_WORDS = frozenset({"aged", "age", "ages"})

MONTHS = _words(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
)
ORDINALS = _words(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
    "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth thirtieth fortieth "
    "fiftieth sixtieth seventieth eightieth ninetieth hundredth thousandth millionth billionth"
)

# A 4-digit number in 1900-2099 is a year unless one of these follows: "1500 people" counts.
COUNT_NOUNS = _words(
    "people persons soldiers troops civilians dead refugees tanks homes houses men women children "
    "fighters militants rebels insurgents combatants police policemen officers servicemen personnel "
    "casualties deaths bodies victims prisoners detainees hostages migrants residents families villagers "
    "protesters demonstrators wounded injured displaced evacuees survivors workers staff members sailors "
    "marines guards volunteers recruits conscripts mercenaries buildings vehicles aircraft planes jets "
    "helicopters drones missiles rockets shells mines weapons rifles guns"
)

# "one" as a pronoun or in idioms: "no one", "the one", "one another", "one day", "at one point".
# "not one" means none. "only" is not listed: "only one survived" counts, "the only one" does not.
ONE_BEFORE = _words("no not the this that which every any each another a some for by")
ONE_AFTER = _words(
    "another side time way hand thing point by after who whose that which must can could should might "
    "would may will else"
)

# Only these words can begin an expression; any other token is passed over at once.
QUALIFIER_FIRST = frozenset(phrase[0] for phrase in QUALIFIERS)
START_WORDS = QUALIFIER_FIRST.union(UNITS, TEENS, TENS, VAGUE_PLURALS)
START_WORDS |= _words("a half zero between from several tens")
