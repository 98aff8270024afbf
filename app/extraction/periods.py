"""When a figure happened: explicit dates in its sentence, or relative ones ("yesterday", "on
Saturday") resolved against the article's publication date, the way wire copy dates events."""

from __future__ import annotations

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
_RELATIVE = re.compile(r"(?i)\b(yesterday|today|tonight|this morning|last night|on (?:" + "|".join(WEEKDAYS) + r"))\b")


def period_of(text: str, start: int, end: int, published: date | None) -> tuple[date, date] | None:
    """The first date or date range the sentence text[start:end] gives, or None."""
    sentence = text[start:end]
    for pattern in (_MONTH_FIRST, _DAY_FIRST):
        m = pattern.search(sentence)
        if m:
            found = _explicit(m, published)
            if found is not None:
                return found
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
    weekday = WEEKDAYS.index(word.split()[1])
    # "on Saturday" in an article of Sunday is the day before; on the same weekday it is that day
    day = published - timedelta(days=(published.weekday() - weekday) % 7)
    return day, day


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
