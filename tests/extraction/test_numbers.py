"""Tests for app.extraction.numbers: which number expressions count, and what they read as.

Every sentence below was written for this file in the style of a wire report.
"""

from __future__ import annotations

from itertools import pairwise

import pytest

from app.extraction.numbers import Quantity, find_quantities, parse_number


def only(text: str) -> Quantity:
    found = find_quantities(text)
    assert len(found) == 1, [text[q.start : q.end] for q in found]
    return found[0]


def spans(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quantities(text)]


# (sentence, expression, value): plain counts, so low == high == value and no qualifier
DIGITS: list[tuple[str, str, float]] = [
    ("The ministry said 2,300 soldiers were killed on Tuesday.", "2,300", 2300),
    ("Officials put the toll at 2.300 dead after the raid.", "2.300", 2300),
    ("Aid groups registered 2 300 displaced families this week.", "2 300", 2300),
    ("Shelters in the city held 2\u00a0300 people overnight.", "2\u00a0300", 2300),
    ("The convoy carried 2\u2009300 blankets to the camp.", "2\u2009300", 2300),
    ("Border guards turned back 2\u202f300 migrants.", "2\u202f300", 2300),
    ("The brigade lost 1,234,567 rounds of ammunition in the fire.", "1,234,567", 1234567),
    ("Each battalion lost 1.5 tanks a day on average.", "1.5", 1.5),
    ("Units reported 2.25 vehicles damaged per patrol.", "2.25", 2.25),
    ("The UN says 2.5 million people have fled the region.", "2.5 million", 2_500_000),
    ("The appeal aims to reach 1.2 billion people.", "1.2 billion", 1_200_000_000),
    ("The war has displaced 3 million refugees.", "3 million", 3_000_000),
    ("The army massed 40,000 troops along the border.", "40,000", 40_000),
    ("The agency said 2.2 million residents lacked water.", "2.2 million", 2_200_000),
    ("An appeal for 2.300 million displaced was launched.", "2.300 million", 2_300_000),
    ("Rebels said 1500 people had been detained.", "1500", 1500),
    ("The garrison sent 2000 more troops north.", "2000", 2000),
    ("Police arrested 44 protesters.", "44", 44),
    ("The blast wounded 0 civilians, the army claimed.", "0", 0),
    ("The monthly average was 1,234.5 deaths.", "1,234.5", 1234.5),
]

# (sentence, expression, value) written in words
WORDS: list[tuple[str, str, float]] = [
    ("Eleven people died when the bus struck a mine.", "Eleven", 11),
    ("Sixty-one soldiers were captured near the river.", "Sixty-one", 61),
    ("Police detained twenty one protesters.", "twenty one", 21),
    ("The hospital treated one hundred and twenty wounded.", "one hundred and twenty", 120),
    ("Nearby villages sheltered two thousand refugees.", "two thousand", 2000),
    ("A dozen rockets hit the town overnight.", "A dozen", 12),
    ("Militants seized one dozen hostages.", "one dozen", 12),
    ("The strike killed two dozen fighters.", "two dozen", 24),
    ("Gunmen abducted half a dozen aid workers.", "half a dozen", 6),
    ("A hundred families fled the shelling.", "A hundred", 100),
    ("The raid left a thousand homes without power.", "a thousand", 1000),
    ("A million refugees crossed the border.", "A million", 1_000_000),
    ("Troops found a couple of abandoned tanks.", "a couple", 2),
    ("One of the soldiers was killed in the ambush.", "One", 1),
    ("Officials said one soldier was wounded.", "one", 1),
    ("The offensive displaced three hundred thousand people.", "three hundred thousand", 300_000),
    ("The camp housed ninety-nine orphans.", "ninety-nine", 99),
    ("Only one survived the crash.", "one", 1),
    ("The army lost zero aircraft, a spokesman said.", "zero", 0),
]

# (sentence, expression, value, high, qualifier): vague words read low, with a ceiling
VAGUE = [
    ("Dozens of civilians were killed in the shelling.", "Dozens", 24, 99, "dozens"),
    ("Scores of people were wounded in the blast.", "Scores", 40, 99, "scores"),
    ("Hundreds fled across the river at dawn.", "Hundreds", 200, 999, "hundreds"),
    ("Thousands of troops massed on the border.", "Thousands", 2000, 9999, "thousands"),
    ("Tens of thousands have been displaced.", "Tens of thousands", 20_000, 99_999, "tens of thousands"),
    (
        "The war uprooted hundreds of thousands.",
        "hundreds of thousands",
        200_000,
        999_999,
        "hundreds of thousands",
    ),
    ("Millions of people lack clean water.", "Millions", 2_000_000, None, "millions"),
    ("Several soldiers were hurt in the attack.", "Several", 3, 9, "several"),
    ("A few homes were damaged by the shelling.", "A few", 2, 9, "a few"),
    ("Only a handful of fighters remained.", "a handful", 2, 9, "a handful"),
    ("Several dozen prisoners were exchanged.", "Several dozen", 36, 99, "several dozen"),
    ("Several hundred protesters gathered.", "Several hundred", 300, 999, "several hundred"),
    ("A few hundred residents stayed behind.", "A few hundred", 200, 999, "a few hundred"),
    ("Several thousand troops were deployed.", "Several thousand", 3000, 9999, "several thousand"),
]

# (sentence, expression, value, low, high, qualifier)
QUALIFIED = [
    ("About 50 soldiers were killed.", "About 50", 50, 50, 50, "about"),
    ("The raid killed around 50 militants.", "around 50", 50, 50, 50, "around"),
    ("Approximately 50 people were hurt.", "Approximately 50", 50, 50, 50, "approximately"),
    ("Roughly 50 houses burned down.", "Roughly 50", 50, 50, 50, "roughly"),
    ("Some 300 families fled the village.", "Some 300", 300, 300, 300, "some"),
    ("An estimated 4,000 people died.", "An estimated 4,000", 4000, 4000, 4000, "an estimated"),
    ("Nearly 50 tanks were destroyed.", "Nearly 50", 50, None, 50, "nearly"),
    ("Almost 50 civilians were evacuated.", "Almost 50", 50, None, 50, "almost"),
    ("Close to 50 rockets were fired.", "Close to 50", 50, None, 50, "close to"),
    ("Fewer than 50 fighters remain in the town.", "Fewer than 50", 50, None, 50, "fewer than"),
    ("Less than 50 people attended.", "Less than 50", 50, None, 50, "less than"),
    ("The unit had under 50 men left.", "under 50", 50, None, 50, "under"),
    ("Up to 50 people may be trapped.", "Up to 50", 50, None, 50, "up to"),
    ("As many as 50 soldiers deserted.", "As many as 50", 50, None, 50, "as many as"),
    ("At most 50 prisoners were freed.", "At most 50", 50, None, 50, "at most"),
    ("More than 200 people were killed.", "More than 200", 200, 200, None, "more than"),
    ("The clashes killed over 200 fighters.", "over 200", 200, 200, None, "over"),
    ("At least 200 civilians died.", "At least 200", 200, 200, None, "at least"),
    ("No fewer than 200 homes were razed.", "No fewer than 200", 200, 200, None, "no fewer than"),
    ("No less than 200 troops took part.", "No less than 200", 200, 200, None, "no less than"),
    ("Upwards of 200 drones were launched.", "Upwards of 200", 200, 200, None, "upwards of"),
    ("More than a dozen soldiers were hurt.", "More than a dozen", 12, 12, None, "more than"),
    ("Over a hundred troops surrendered.", "Over a hundred", 100, 100, None, "over"),
    ("A dozen or so militants fled.", "A dozen or so", 12, 12, 12, "or so"),
    ("Police detained 200 or more people.", "200 or more", 200, 200, None, "or more"),
    ("The village lost 40-odd houses.", "40-odd", 40, 40, 40, "odd"),
    ("More than dozens of people were hurt.", "More than dozens", 24, 24, None, "more than"),
]

# (sentence, expression, numeric part, low, high, qualifier): value is the low end
RANGES = [
    ("Between 20 and 30 soldiers were killed.", "Between 20 and 30", "20 and 30", 20, 30, None),
    ("The blast wounded 20 to 30 people.", "20 to 30", "20 to 30", 20, 30, None),
    ("The blast wounded 20-30 people.", "20-30", "20-30", 20, 30, None),
    ("The blast wounded 20\u201330 people.", "20\u201330", "20\u201330", 20, 30, None),
    ("The toll rose from 20 to 30 overnight.", "from 20 to 30", "20 to 30", 20, 30, None),
    ("Witnesses saw 20 or 30 armed men.", "20 or 30", "20 or 30", 20, 30, None),
    ("Two to three shells hit the school.", "Two to three", "Two to three", 2, 3, None),
    ("The army sent 10,000 to 12,000 troops.", "10,000 to 12,000", "10,000 to 12,000", 10_000, 12_000, None),
    (
        "Between 2 and 3 million people fled.",
        "Between 2 and 3 million",
        "2 and 3 million",
        2_000_000,
        3_000_000,
        None,
    ),
    ("The war displaced 2-3 million people.", "2-3 million", "2-3 million", 2_000_000, 3_000_000, None),
    ("About 20 to 30 people were hurt.", "About 20 to 30", "20 to 30", 20, 30, "about"),
    ("One or two shells landed nearby.", "One or two", "One or two", 1, 2, None),
    ("Between 1500 and 2000 people marched.", "Between 1500 and 2000", "1500 and 2000", 1500, 2000, None),
    (
        "The raid killed two to three thousand.",
        "two to three thousand",
        "two to three thousand",
        2000,
        3000,
        None,
    ),
]

# Sentences whose numbers date, time, price, measure, rank or name something: nothing is a count.
NOT_COUNTS = [
    # years
    "The war began in 2008.",
    "He was born in 1994 in the capital.",
    "The 2016-17 campaign failed.",
    "Veterans of the 1990s wars gathered.",
    "The conflict lasted from 1992 to 1995.",
    # dates
    "Fighting resumed on Aug. 9.",
    "Talks opened on 9 August.",
    "Clashes raged on September 27-30.",
    "Clashes raged on 27-30 September.",
    "The ceasefire began on the 5th.",
    "The report is dated 2020-09-27.",
    "The attacks of 9/11 changed the region.",
    "The decree was signed on 11/9/2001.",
    # clock times
    "The strike came at 0330 GMT.",
    "The strike came at 03:30.",
    "The curfew starts at 19:00.",
    "Sirens sounded at 3 p.m.",
    "Sirens sounded at 3pm.",
    "Sirens sounded at 8.00 am.",
    "The truce ends at 0600 local time.",
    # money
    "Donors pledged $5 million.",
    "Donors pledged 5 million dollars.",
    "Bread costs US$ 20 a loaf.",
    "Fuel costs \u20ac3 a litre.",
    "Fuel costs \u00a33 a litre.",
    "Workers earn Rs 500 a day.",
    "Workers earn 500 rupees.",
    "Tickets cost 20 euros.",
    "The fine was 3 million shekels.",
    # percentages
    "Turnout fell by 5%.",
    "Turnout fell by 5 percent.",
    "Turnout fell by 5 per cent.",
    "Prices rose 5 pc.",
    # ordinals
    "The 1st battalion moved out.",
    "The 2nd and 21st brigades held.",
    "It was the third attack.",
    "The twenty-first round of talks.",
    # ages
    "A 25-year-old man was detained.",
    "A man aged 25 was detained.",
    "The suspect is 25 years old.",
    "The victims were of age 25 and younger.",
    # measures and durations
    "The front moved 5 km east.",
    "The convoy drove 10 kilometres.",
    "The convoy drove 10 kilometers.",
    "Troops advanced 3 miles.",
    "The crater was 20 metres wide.",
    "The fire burned 2 hectares of forest.",
    "Police seized 5 kg of explosives.",
    "The bomb held 10 tonnes of TNT.",
    "The siege lasted two days.",
    "Talks took three weeks.",
    "The shelling lasted 20 minutes.",
    "Militants set a 48 hours deadline.",
    "He served 10 years in prison.",
    "The war lasted a decade.",
    "A three-day truce began.",
    "The talks lasted a few days.",
    "Hundreds of kilometres of front line were quiet.",
    "Thousands of dollars were stolen from the office.",
    # phone numbers and long digit strings
    "Call the hotline on +44 20 7946 0958 for help.",
    "Call the hotline on 555-123-4567 for help.",
    "Call the hotline on 020 7946 0958 for help.",
    "Call the hotline on (555) 123 4567 for help.",
    "The case file is 123456789012.",
    # designations
    "Brigade 58 took the hill.",
    "The 58th Brigade took the hill.",
    "Resolution 1701 was adopted.",
    "Shelter No. 5 was hit.",
    "Route 1 was closed.",
    "Highway 7 was cut.",
    "Flight 17 was shot down.",
    "Article 5 was invoked.",
    "Unit 8200 intercepted the call.",
    "Division 4 pulled back.",
    "Camp 5 was emptied.",
    "Block 3 was shelled.",
    "Building 12 collapsed.",
    "See page 3 of the report.",
    "Section 2 of the accord.",
    "Shelter #5 was hit.",
    # numbers glued to letters
    "An F-16 crashed.",
    "A MiG-29 was downed.",
    "An S-300 battery was hit.",
    "A T-72 was captured.",
    "An Su-25 was lost.",
    "He carried an AK-47.",
    "The G7 met.",
    "COVID-19 spread in the camps.",
    "He fired an M4.",
    "A B-52 flew over.",
    # links
    "Read more at https://example.org/war/2024/300-dead today.",
    "Write to press2@example.org for details.",
    "Visit www.example.org/12 for details.",
    # versions and scores
    "The app reached version 1.2.3.",
    "The home side won 3-1.",
    # "one" that is not a count
    "No one was hurt.",
    "The sides blamed one another.",
    "Someone fired first and anyone could see it.",
    "He was the one who gave the order.",
    "This one was different.",
    "One day the shelling stopped.",
    "Neither one side nor the other.",
    "Not one soldier survived.",
    "At one point the line broke.",
    "One must be careful.",
    # articles alone are not 1
    "A soldier was killed and an officer was hurt.",
]

# (sentence, every expression returned, in order)
MIXED = [
    ("Fighting killed 44 people, including 8 civilians.", ["44", "8"]),
    ("The strike killed three women and six children.", ["three", "six"]),
    ("In 2008 300 people died in the region.", ["300"]),
    ("On Aug. 9 the shelling killed 12 soldiers.", ["12"]),
    ("Donors gave $5 million for 20,000 refugees.", ["20,000"]),
    ("The 58th Brigade lost 40 men near Route 1.", ["40"]),
    ("Two F-16 jets struck 3 depots.", ["Two", "3"]),
    ("In March 300 people were killed.", ["300"]),
    ("Over two days, 15 soldiers died.", ["15"]),
    ("The 25-year-old was one of 12 detainees.", ["one", "12"]),
    ("Some 300 fled, dozens were hurt and 1,500 homes burned in 2014.", ["Some 300", "dozens", "1,500"]),
    ("Of the 7 killed, 2 were medics, the army said at 19:00.", ["7", "2"]),
    ("A unit 30 soldiers strong was sent.", ["30"]),
    ("A 3,000-strong force crossed the border.", ["3,000"]),
]

PARSED = [
    ("2,300", 2300.0),
    ("2.300", 2300.0),
    ("2 300", 2300.0),
    ("1.5", 1.5),
    ("2.5 million", 2_500_000.0),
    ("1,000,000", 1_000_000.0),
    ("Sixty-one", 61.0),
    ("twenty one", 21.0),
    ("one hundred and twenty", 120.0),
    ("two thousand", 2000.0),
    ("a dozen", 12.0),
    ("half a dozen", 6.0),
    ("two dozen", 24.0),
    ("a hundred", 100.0),
    ("zero", 0.0),
    ("1994", 1994.0),
    ("", None),
    ("a", None),
    ("dozens", None),
    ("F-16", None),
    ("two apples", None),
    ("1.2.3", None),
    ("hello", None),
    ("007", None),
]


@pytest.mark.parametrize(("text", "expression", "value"), DIGITS + WORDS)
def test_plain_count(text: str, expression: str, value: float) -> None:
    q = only(text)
    assert text[q.start : q.end] == expression
    assert text[q.number_start : q.number_end] == expression
    assert (q.value, q.low, q.high, q.qualifier, q.vague) == (value, value, value, None, False)


@pytest.mark.parametrize(("text", "expression", "value", "high", "qualifier"), VAGUE)
def test_vague_quantity(text: str, expression: str, value: float, high: float | None, qualifier: str) -> None:
    q = only(text)
    assert text[q.start : q.end] == expression
    assert (q.value, q.low, q.high, q.qualifier, q.vague) == (value, value, high, qualifier, True)


@pytest.mark.parametrize(("text", "expression", "value", "low", "high", "qualifier"), QUALIFIED)
def test_qualified_count(
    text: str, expression: str, value: float, low: float | None, high: float | None, qualifier: str
) -> None:
    q = only(text)
    assert text[q.start : q.end] == expression
    assert (q.value, q.low, q.high, q.qualifier) == (value, low, high, qualifier)


@pytest.mark.parametrize(("text", "span", "number", "low", "high", "qualifier"), RANGES)
def test_range(text: str, span: str, number: str, low: float, high: float, qualifier: str | None) -> None:
    q = only(text)
    assert text[q.start : q.end] == span
    assert text[q.number_start : q.number_end] == number
    assert (q.value, q.low, q.high, q.qualifier, q.vague) == (low, low, high, qualifier, False)


def test_qualifier_span_keeps_the_number_apart() -> None:
    text = "Officials said more than 200 were killed."
    q = only(text)
    assert text[q.start : q.end] == "more than 200"
    assert text[q.number_start : q.number_end] == "200"


def test_some_is_a_qualifier_only_before_a_number() -> None:
    text = "Some dozens of shells fell."
    q = only(text)
    assert (text[q.start : q.end], q.qualifier) == ("dozens", "dozens")


def test_dozens_of_span_excludes_of() -> None:
    text = "Dozens of people were hurt."
    q = only(text)
    assert (q.start, q.end) == (0, len("Dozens"))


@pytest.mark.parametrize("text", NOT_COUNTS)
def test_not_a_count(text: str) -> None:
    assert spans(text) == []


@pytest.mark.parametrize(("text", "expected"), MIXED)
def test_several_expressions(text: str, expected: list[str]) -> None:
    assert spans(text) == expected


@pytest.mark.parametrize(("text", "value"), PARSED)
def test_parse_number(text: str, value: float | None) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize(
    "text",
    [row[0] for row in DIGITS + WORDS + VAGUE + QUALIFIED + RANGES + MIXED] + NOT_COUNTS,
)
def test_offsets_are_sorted_and_disjoint(text: str) -> None:
    found = find_quantities(text)
    for q in found:
        assert 0 <= q.start <= q.number_start < q.number_end <= q.end <= len(text)
    for a, b in pairwise(found):
        assert a.end <= b.start


N = 200_000


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("9" * N, []),  # one 200,000-digit id
        ("." * N, []),
        ("1." * (N // 2), []),  # a dotted chain, like a version number
        (",.-/:" * (N // 5), []),
        ("1,000" * (N // 5), []),  # groups of four after the first: not a grouped number
        ("1" + ",000" * (N // 4), []),  # far more than four thousands groups
        ("1,000," * (N // 6), ["1,000"] * (N // 6)),  # a list of grouped numbers
        ("1-" * (N // 2), []),  # a hyphen chain, like a date or a phone number
        ("1 " * (N // 2), []),  # space-separated groups, like a phone number
        ("a1" * (N // 2), []),  # digits glued to letters
        ("@" + "1" * N, []),
        ("(" * N + "5", ["5"]),
        ("one " * (N // 4), ["one"] * (N // 4)),
    ],
)
def test_pathological_input_is_read_in_linear_time(text: str, expected: list[str]) -> None:
    # No timing assertion: a backtracking pattern would not finish, so the test would hang.
    assert spans(text) == expected


def test_long_comma_separated_list_reads_every_number() -> None:
    text = "1," * (N // 2)
    found = find_quantities(text)
    assert len(found) == N // 2
    assert {q.value for q in found} == {1.0}
    assert [(q.start, q.end) for q in found[:2]] == [(0, 1), (2, 3)]
