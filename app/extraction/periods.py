"""When a figure happened: explicit dates in its sentence, or relative ones ("yesterday", "on
Saturday") resolved against the article's publication date, the way wire copy dates events."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?"
_RANGE = r"(?:\s*(?:-|–|to|and)\s*(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?)?"
_YEAR = r"(?:,?\s+(?P<year>(?:19|20)\d\d))?"
# "September 27-30 2020", "Sept. 27", "27-30 September", "27 September 2020"
_MONTH_FIRST = re.compile(r"(?i)\b" + _MONTH + r"\s+" + _DAY + _RANGE + _YEAR + r"\b")
_DAY_FIRST = re.compile(r"(?i)\b" + _DAY + _RANGE + r"\s+" + _MONTH + _YEAR + r"\b")
_RELATIVE = re.compile(
    r"(?i)\b(yesterday|today|tonight|this morning|last night|on (?:"
    + "|".join(WEEKDAYS)
    + r")|(?:"
    + "|".join(WEEKDAYS)
    + r")['’]s)\b"
)
_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
# "from September 27 to October 2": a range across two months
_ACROSS = re.compile(
    r"(?i)\b(?P<m1>" + _MONTH_NAMES + r")\.?\s+(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?\s*(?:-|–|to|until|and)\s*"
    r"(?P<m2>" + _MONTH_NAMES + r")\.?\s+(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?(?:,?\s+(?P<year>(?:19|20)\d\d))?\b"
)
# "in May 2019": the whole month
_MONTH_YEAR = re.compile(r"(?i)\b(?P<m1>" + _MONTH_NAMES + r")\.?,?\s+(?P<year>(?:19|20)\d\d)\b")


def period_of(text: str, start: int, end: int, published: date | None) -> tuple[date, date] | None:
    """The first date or date range the sentence text[start:end] gives, or None."""
    sentence = text[start:end]
    across = _ACROSS.search(sentence)
    if across:
        found = _across(across, published)
        if found is not None:
            return found
    for pattern in (_MONTH_FIRST, _DAY_FIRST):
        m = pattern.search(sentence)
        if m:
            found = _explicit(m, published)
            if found is not None:
                return found
    whole = _MONTH_YEAR.search(sentence)
    if whole:
        year, month = int(whole.group("year")), MONTHS[whole.group("m1").casefold()]
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    if published is None:
        return None
    m = _RELATIVE.search(sentence)
    if m is None:
        return None
    word = m.group(1).casefold()
    if word in {"today", "tonight", "this morning"}:
        return published, published
    if word in {"yesterday", "last night"}:
        day = published - timedelta(days=1)
        return day, day
    weekday = WEEKDAYS.index(re.sub(r"['’]s$", "", word.split()[-1]))
    # "on Saturday" in an article of Sunday is the day before; on the same weekday it is that day
    day = published - timedelta(days=(published.weekday() - weekday) % 7)
    return day, day


def _across(m: re.Match[str], published: date | None) -> tuple[date, date] | None:
    year = int(m.group("year")) if m.group("year") else (published.year if published else None)
    if year is None:
        return None
    try:
        first = date(year, MONTHS[m.group("m1").casefold()], int(m.group("d1")))
        last = date(year, MONTHS[m.group("m2").casefold()], int(m.group("d2")))
    except ValueError:
        return None
    return (first, last) if first <= last else None


def _explicit(m: re.Match[str], published: date | None) -> tuple[date, date] | None:
    month = MONTHS[m.group("month").casefold().rstrip(".")]
    year = int(m.group("year")) if m.group("year") else (published.year if published else None)
    if year is None:
        return None
    try:
        first = date(year, month, int(m.group("d1")))
        last = date(year, month, int(m.group("d2"))) if m.group("d2") else first
    except ValueError:
        return None
    if not m.group("year") and published is not None and first > published:
        # "December 30" in an article of 2 January is last year's
        try:
            first, last = first.replace(year=year - 1), last.replace(year=year - 1)
        except ValueError:
            return None
    return (first, last) if first <= last else None
