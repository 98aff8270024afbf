"""When a figure happened: ``periods.period_of`` on sentences written for these tests, and the period
``extract`` puts on figures."""

from __future__ import annotations

from datetime import date

import pytest

from app.extraction.periods import period_of
from app.extraction.pipeline import extract

MONDAY = date(2020, 10, 5)
SUNDAY = date(2020, 10, 4)
JANUARY = date(2021, 1, 2)


def _period(sentence: str, published: date | None) -> tuple[date, date] | None:
    return period_of(sentence, 0, len(sentence), published)


def xfail(*values: object, reason: str) -> object:
    return pytest.param(*values, marks=pytest.mark.xfail(strict=True, reason=reason))


# (sentence, publication date, (first day, last day) or None)
PERIODS = [
    ("Fighting on September 27-30 killed 40 soldiers.", MONDAY, (date(2020, 9, 27), date(2020, 9, 30))),
    ("Fighting on 27-30 September killed 40 soldiers.", MONDAY, (date(2020, 9, 27), date(2020, 9, 30))),
    ("Between Sept. 27 and 29, 2019, five soldiers died.", MONDAY, (date(2019, 9, 27), date(2019, 9, 29))),
    ("Five soldiers died on Oct. 3.", MONDAY, (date(2020, 10, 3), date(2020, 10, 3))),
    ("The clashes on 3rd October killed two.", MONDAY, (date(2020, 10, 3), date(2020, 10, 3))),
    ("The town was shelled on October 4 and 5.", MONDAY, (date(2020, 10, 4), date(2020, 10, 5))),
    ("The ceasefire of Oct. 4, 2020 collapsed.", None, (date(2020, 10, 4), date(2020, 10, 4))),
    ("Five soldiers were killed on Saturday.", MONDAY, (date(2020, 10, 3), date(2020, 10, 3))),
    ("Five soldiers were killed on Saturday night.", MONDAY, (date(2020, 10, 3), date(2020, 10, 3))),
    ("Five soldiers were killed on Monday.", MONDAY, (MONDAY, MONDAY)),
    ("Five soldiers were killed on Sunday.", SUNDAY, (SUNDAY, SUNDAY)),
    ("Five soldiers were killed yesterday.", MONDAY, (SUNDAY, SUNDAY)),
    ("Five soldiers were killed last night.", MONDAY, (SUNDAY, SUNDAY)),
    ("Five soldiers were killed today.", MONDAY, (MONDAY, MONDAY)),
    ("Five soldiers were killed on December 30.", JANUARY, (date(2020, 12, 30), date(2020, 12, 30))),
    ("Five soldiers were killed on January 1.", JANUARY, (date(2021, 1, 1), date(2021, 1, 1))),
    ("Five soldiers were killed on December 30.", None, None),
    ("Five soldiers were killed on Saturday.", None, None),
    ("Five soldiers were killed in the attack.", MONDAY, None),
    ("The clash was reported on February 30.", MONDAY, None),
    ("Fighting from September 27 to October 2 killed 40 soldiers.", MONDAY, (date(2020, 9, 27), date(2020, 10, 2))),
    ("In May 2019, ten soldiers were killed.", MONDAY, (date(2019, 5, 1), date(2019, 5, 31))),
    ("Saturday's attack killed five soldiers.", MONDAY, (date(2020, 10, 3), date(2020, 10, 3))),
]


@pytest.mark.parametrize(("sentence", "published", "expected"), PERIODS)
def test_period_of(sentence: str, published: date | None, expected: tuple[date, date] | None) -> None:
    assert _period(sentence, published) == expected


def test_period_is_read_from_the_sentence_only() -> None:
    text = "Fighting began on September 27. Five soldiers were killed on Saturday."
    second = text.index("Five")
    assert period_of(text, second, len(text), MONDAY) == (date(2020, 10, 3), date(2020, 10, 3))
    assert period_of(text, 0, second, MONDAY) == (date(2020, 9, 27), date(2020, 9, 27))


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("Twelve soldiers were killed on Saturday, the ministry said.", MONDAY, (date(2020, 10, 3), date(2020, 10, 3))),
        ("Fighting on September 27-30 killed 40 soldiers.", MONDAY, (date(2020, 9, 27), date(2020, 9, 30))),
        ("Twelve soldiers were killed on December 30.", JANUARY, (date(2020, 12, 30), date(2020, 12, 30))),
        ("Twelve soldiers were killed on Saturday.", None, (None, None)),
        ("Twelve soldiers were killed in the attack.", MONDAY, (None, None)),
    ],
)
def test_figure_period(text: str, published: date | None, expected: tuple[date | None, date | None]) -> None:
    (figure,) = extract(text, published=published).figures
    assert (figure.period_start, figure.period_end) == expected
