"""Count-like number expressions in English news text, with their values.

``find_quantities`` returns every expression that may count people or things ("more than 200",
"between 20 and 30", "dozens", "Sixty-one", "2.5 million") and leaves out numbers that date, time,
price, measure, rank or name something ("in 2008", "03:30", "$5 million", "5 km", "58th Brigade").

The word tables are in :mod:`app.extraction.number_words`, hand-written for this module: number words
are a closed class, the vague readings ("dozens" = 24 to 99) are the service's public contract, and
the context lists hold the words that show a number in wire copy dates, prices or names something.

No single big regular expression: the reading depends on words on both sides, and alternations of
optional groups backtrack badly on long runs of digits and punctuation. The text is cut once into
tokens by a regex that cannot backtrack, then a reader walks them left to right, looking at a few
tokens around each candidate, so the work is linear in the length of the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise

from app.extraction import number_words as vocab

__all__ = ["Quantity", "find_quantities", "parse_number"]


@dataclass(frozen=True, slots=True)
class Quantity:
    start: int  # the whole expression, qualifier included
    end: int
    number_start: int  # the numeric part only
    number_end: int
    value: float
    low: float | None
    high: float | None
    qualifier: str | None  # lower-cased as written: "more than", "about", "dozens"
    vague: bool


# Digit groups joined by one separator each: "2,300", "2.5", "2 300". Every repetition needs a
# non-digit separator, so a run of digits is matched one way only. _lex_digits splits the run.
_LEX = re.compile(r"([0-9]+(?:[.,\u00a0\u202f\u2009 ][0-9]+)*)|([A-Za-z]+)|(\S)")
_DIGITS = re.compile(r"[0-9]+")
_CHUNK = re.compile(r"\S+")
_SCALE_AHEAD = re.compile(r"\s+(?:million|billion|trillion)\b", re.IGNORECASE)
_SPACES = frozenset(" \u00a0\u202f\u2009")
_DASHES = frozenset("-\u2013\u2014")
_MAX_PLAIN_DIGITS = 9  # longer ungrouped digit strings are ids, phone numbers or noise
_MAX_GROUPS = 4  # 999 trillion: anything longer is not a figure a report gives
_ONE_OR_OTHER = frozenset({("or", "other"), ("or", "another")})


@dataclass(slots=True)
class _Token:
    kind: str  # "num", "word", "punct", or "void" for digits and links that are never a count
    start: int
    end: int
    low: str
    value: float = 0.0
    plain: bool = False  # an integer without separators: may be a year or a designation


@dataclass(slots=True)
class _Atom:
    start: int  # token indices, end exclusive
    end: int
    value: float
    mult: float | None = None  # the scale of "two million" (1e6), which a range's low end may share
    digits: bool = False
    plain: bool = False
    bare_one: bool = False  # the word "one" alone, which is often a pronoun


@dataclass(slots=True)
class _Read:
    start: int
    num_start: int
    end: int
    value: float
    high: float | None
    vague: bool = False
    qualifier: str | None = None
    atoms: list[_Atom] = field(default_factory=list)
    num_end: int = field(init=False)  # the end before a trailing qualifier ("or so")
    low: float | None = field(init=False)

    def __post_init__(self) -> None:
        self.num_end, self.low = self.end, self.value


def _lex_digits(text: str, start: int, end: int, out: list[_Token]) -> None:
    """Split one run of digit groups into numbers, or void it when it is shaped like an id."""
    groups = [(m.start(), m.end()) for m in _DIGITS.finditer(text, start, end)]
    seps = [" " if text[e] in _SPACES else text[e] for _, e in groups[:-1]] + [""]
    numbers: list[tuple[int, int, float, bool]] = []
    bad = start > 0 and text[start - 1] == "+"  # "+44 20 ...": an international phone number
    i = 0
    while i < len(groups) and not bad:
        s, e = groups[i]
        sep, j, plain = seps[i], i, False
        if e - s > 1 and text[s] == "0":  # "0330 GMT", "020 7946": clock times and phone numbers
            bad = True
            break
        while e - s <= 3 and sep and seps[j] == sep and groups[j + 1][1] - groups[j + 1][0] == 3:
            j += 1
        if j > i:
            bad = j - i > _MAX_GROUPS
            value = float("".join(text[a:b] for a, b in groups[i : j + 1]))
            if sep == "." and j == i + 1 and _SCALE_AHEAD.match(text, groups[j][1]):
                value = float(text[s : groups[j][1]])  # "2.300 million" is read as a decimal
            elif sep != "." and seps[j] == ".":
                j += 1
                value += float("0." + text[groups[j][0] : groups[j][1]])  # "1,234.5"
        elif sep == ".":
            j = i + 1
            value = float(text[s : groups[j][1]])
        else:
            bad, value, plain = e - s > _MAX_PLAIN_DIGITS, float(text[s:e]), True
        bad = bad or seps[j] == "."  # "1.2.3", "192.168.1.1"
        numbers.append((s, groups[j][1], value, plain))
        i = j + 1
    # Space-separated numbers shaped like a phone number: "555 123 4567", "123 4567". Two short
    # ones stay two numbers: "in 2008 300 people".
    spaced = " " in seps and len(numbers) > 1
    if bad or (spaced and (len(groups) > 2 or any(e - s > 3 for s, e, _, _ in numbers[1:]))):
        out.append(_Token("void", start, end, ""))
        return
    out.extend(_Token("num", s, e, text[s:e], value, plain) for s, e, value, plain in numbers)


def _lex(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    for m in _LEX.finditer(text):
        start, end = m.span()
        if m.lastindex != 1:
            tokens.append(_Token("word" if m.lastindex == 2 else "punct", start, end, m.group().lower()))
        elif end - start == 1 and (start == 0 or text[start - 1] != "+"):  # the common case, made cheap
            tokens.append(_Token("num", start, end, m.group(), float(m.group()), True))
        else:
            _lex_digits(text, start, end, tokens)
    return tokens


def _void_links(text: str, tokens: list[_Token]) -> None:
    """Numbers inside URLs and e-mail addresses are never counts."""
    chunks = ((m.start(), m.end(), m.group()) for m in _CHUNK.finditer(text))
    zones = [(s, e) for s, e, c in chunks if "@" in c or "://" in c or c[:4].lower() == "www."]
    z = 0
    for tok in tokens:
        while z < len(zones) and zones[z][1] <= tok.start:
            z += 1
        if z < len(zones) and zones[z][0] <= tok.start:
            tok.kind = "void"


class _Reader:
    def __init__(self, text: str, tokens: list[_Token]) -> None:
        self.text = text
        self.tokens = tokens
        # Looked up many times per candidate, so kept as plain lists. The padding makes any index
        # from -4 to len + 3 safe: negative ones wrap onto the padding at the end.
        pad: list[str | None] = [None] * 4
        self.words = [t.low if t.kind == "word" else None for t in tokens] + pad
        self.puncts = [t.low if t.kind == "punct" else None for t in tokens] + pad
        self.numeric = [t.kind in ("num", "void") for t in tokens] + [False] * 4
        # glued[k]: no space between token k and token k + 1
        self.glued = [a.end == b.start for a, b in pairwise(tokens)] + [False] * 5

    def hyphen_at(self, k: int) -> bool:
        """A hyphen with no space on either side: "Sixty-one", "F-16", "three-day"."""
        return self.puncts[k] in _DASHES and self.glued[k - 1] and self.glued[k]

    def capitalised(self, k: int) -> bool:
        return self.words[k] is not None and self.text[self.tokens[k].start].isupper()

    def void_digit_chains(self) -> None:
        """Digits glued by "-", "/" or ":" are dates, times, scores or phone numbers ("2020-09-27",
        "9/11", "19:00", "3-1", "555-123-4567"), except a rising pair, which is a range ("20-30")."""
        tokens, n, i = self.tokens, len(self.tokens), 0
        while i < n:
            if tokens[i].kind not in ("num", "void"):
                i += 1
                continue
            k, joins = i, ""
            while k + 2 < n and self.glued[k] and self.glued[k + 1] and tokens[k + 2].kind in ("num", "void"):
                if (join := self.puncts[k + 1]) not in ("-", "\u2013", "\u2014", "/", ":"):
                    break
                joins, k = joins + join, k + 2
            members = tokens[i : k + 1 : 2]
            a, b = members[0], members[-1]
            void = len(members) > 2 or "/" in joins or ":" in joins or any(t.kind == "void" for t in members)
            # a falling pair is a score ("3-1"); "555-1234" a phone number, but "500-1000" a range
            void = void or a.value >= b.value or ((len(a.low), len(b.low)) == (3, 4) and b.low[2:] != "00")
            area_code = self.puncts[i - 1] == "(" and self.puncts[i + 1] == ")" and self.numeric[i + 2]
            if (len(members) > 1 and void) or area_code:  # an area code: "(555) 123-4567"
                for t in members:
                    t.kind = "void"
            i = k + 1

    def atom(self, k: int) -> _Atom | None:
        """One number in digits or words, with any scale words after it ("2.5 million")."""
        tok = self.tokens[k] if 0 <= k < len(self.tokens) else None
        if tok is None or tok.kind not in ("num", "word"):
            return None
        if tok.kind == "word":
            return self.word_atom(k)
        value, mult, end = tok.value, 1.0, k + 1
        while (w := self.words[end]) in vocab.DIGIT_SCALES and vocab.DIGIT_SCALES[w] > mult:
            mult = vocab.DIGIT_SCALES[w]
            value, end = value * mult, end + 1
        scaled = end > k + 1
        share = value / tok.value if scaled and tok.value else None
        return _Atom(k, end, value, share, digits=True, plain=tok.plain and not scaled)

    def word_atom(self, k: int) -> _Atom | None:
        """Number words: "Sixty-one", "one hundred and twenty", "a thousand", "two dozen"."""
        w, w1, w2 = self.words[k], self.words[k + 1], self.words[k + 2]
        if w == "zero":
            return _Atom(k, k + 1, 0.0)
        if (w, w1, w2) == ("half", "a", "dozen"):
            return _Atom(k, k + 3, 6.0)
        if (w, w1, w2) == ("a", "couple", "of"):
            return _Atom(k, k + 2, 2.0)
        total = cur = 0.0
        state, big, lead, tail_only, i, end = "", 1e15, None, True, k, k
        if w == "a":  # "a hundred", "a dozen"; "a" alone is an article, not 1
            if w1 not in vocab.DIGIT_SCALES and w1 != "dozen":
                return None
            cur, state, i = 1.0, "unit", k + 1
        while True:
            w = self.words[i]
            if w is None:  # only a hyphen without spaces joins tens and units: "sixty-one"
                if state == "tens" and self.hyphen_at(i) and self.words[i + 1] in vocab.UNITS:
                    i += 1
                    continue
                break
            opens = state in ("", "hundred", "big", "and")
            if w in vocab.UNITS and (opens or state == "tens"):
                cur, state, tail_only = cur + vocab.UNITS[w], "unit", lead is None
            elif w in vocab.TEENS and opens:
                cur, state, tail_only = cur + vocab.TEENS[w], "teen", lead is None
            elif w in vocab.TENS and opens:
                cur, state, tail_only = cur + vocab.TENS[w], "tens", lead is None
            elif w == "hundred" and state in ("unit", "teen") and cur < 100:
                lead = cur if lead is None else lead
                cur, state = cur * 100, "hundred"
            elif w in vocab.BIG_SCALES and state not in ("", "and") and vocab.BIG_SCALES[w] < big:
                lead, big = cur if lead is None else lead, vocab.BIG_SCALES[w]
                total, cur, state = total + cur * big, 0.0, "big"
            elif w == "and" and state in ("hundred", "big") and self.words[i + 1] in vocab.CARDINALS:
                state, i = "and", i + 1  # "one hundred and twenty"; a trailing "and" stays out
                continue
            elif w == "dozen" and state in ("unit", "teen", "tens") and total == 0:
                return _Atom(k, i + 1, cur * 12)
            else:
                break
            i = end = i + 1
        if end == k:
            return None
        value = total + cur
        share = value / lead if lead and tail_only else None
        return _Atom(k, end, value, share, bare_one=end == k + 1 and self.words[k] == "one")

    def vague(self, k: int) -> tuple[int, float, float | None] | None:
        w0, w1, w2 = self.words[k], self.words[k + 1], self.words[k + 2]
        if w1 == "of" and w0 and w2 and (w0, w2) in vocab.VAGUE_OF:
            return (k + 3, *vocab.VAGUE_OF[w0, w2])
        if w0 == "several" or (w0 == "a" and w1 in ("few", "handful")):
            (least, most), at = (vocab.SEVERAL, k + 1) if w0 == "several" else (vocab.A_FEW, k + 2)
            unit, scale = self.words[at], self.words[at + 1]
            if unit not in vocab.VAGUE_UNITS or w1 == "handful":
                return at, least, most
            value, high = vocab.VAGUE_UNITS[unit]
            if unit == "hundred" and scale in vocab.BIG_SCALES:  # "several hundred thousand"
                big = vocab.BIG_SCALES[scale]
                return at + 2, least * value * big, 1000 * big - 1 if big < 1e6 else None
            return at + 1, least * value, high
        if w0 in vocab.VAGUE_PLURALS and (w0 != "scores" or w1 == "of"):
            return (k + 1, *vocab.VAGUE_PLURALS[w0])
        return None

    def body(self, k: int) -> _Read | None:
        """A number, range or vague quantity starting at token k, without a leading qualifier."""
        w = self.words[k]
        if w in ("between", "from"):
            a = self.atom(k + 1)
            if a is not None and self.words[a.end] == ("and" if w == "between" else "to"):
                return self.range(k, a, self.atom(a.end + 1))
            return None
        if w is not None and (found := self.vague(k)) is not None:
            end, value, high = found
            phrase = " ".join(self.text[self.tokens[k].start : self.tokens[end - 1].end].split()).lower()
            return _Read(k, k, end, value, high, vague=True, qualifier=phrase)
        a = self.atom(k)
        if a is None:
            return None
        link = self.words[a.end] or self.puncts[a.end]
        if link in ("to", "or") or (link in _DASHES and a.digits):
            b = self.atom(a.end + 1)
            read = self.range(k, a, b) if b is not None and (b.digits or link in ("to", "or")) else None
            if read is not None:
                return read
        return _Read(k, k, a.end, a.value, a.value, atoms=[a])

    def range(self, start: int, a: _Atom, b: _Atom | None) -> _Read | None:
        if b is None:
            return None
        low = a.value
        if a.mult is None and b.mult is not None and a.value < b.value / b.mult:
            low *= b.mult  # "between 2 and 3 million": the scale applies to both ends
        return _Read(start, a.start, b.end, low, b.value, atoms=[a, b]) if low < b.value else None

    def read_at(self, i: int) -> _Read | None:
        read, kind = None, None
        for size in range(vocab.QUALIFIER_MAX_WORDS if self.words[i] in vocab.QUALIFIER_FIRST else 0, 0, -1):
            phrase = tuple(self.words[k] or "" for k in range(i, i + size))
            kind = vocab.QUALIFIERS.get(phrase)
            read = self.body(i + size) if kind is not None else None
            if read is not None and (phrase != ("some",) or not read.vague):  # "some" only before numbers
                read.start, read.qualifier = i, " ".join(phrase)
                break
            read = kind = None
        read = read or self.body(i)
        if read is None:
            return None
        self.bound(read, kind)
        k = read.end
        postfix = self.words[k + 1] if self.words[k] == "or" else None
        if postfix in vocab.POSTFIX_QUALIFIERS:  # "a dozen or so", "200 or more"
            read.end, read.qualifier = k + 2, read.qualifier or f"or {postfix}"
            self.bound(read, vocab.POSTFIX_QUALIFIERS[postfix])
        elif self.hyphen_at(k) and self.words[k + 1] == "odd":  # "40-odd"
            read.end, read.qualifier = k + 2, read.qualifier or "odd"
        return read

    @staticmethod
    def bound(read: _Read, kind: str | None) -> None:
        if kind == "lower":
            read.high = None
        elif kind == "upper":
            read.low = None

    def digits_ok(self, a: _Atom) -> bool:
        """Digits that name, price or glue to letters: "F-16", "G7", "5km", "1st", "$5", "No. 5"."""
        k, words = a.start, self.words
        prev, before = self.tokens[k - 1].low if k else "", words[k - 2]
        if (words[k + 1] and self.glued[k]) or (k and words[k - 1] and self.glued[k - 1]):
            return False
        if self.hyphen_at(k - 1) and words[k - 2]:
            return False
        if prev in vocab.CURRENCY_SYMBOLS or prev == "#" or words[k - 1] in vocab.CURRENCY_CODES:
            return False
        if prev == "." and (before in vocab.ABBREVIATED_DESIGNATIONS or before in vocab.CURRENCY_CODES):
            return False
        named = a.plain and words[k - 1] in vocab.DESIGNATIONS
        return not (named and (prev in vocab.LOWER_CASE_DESIGNATIONS or self.capitalised(k - 1)))

    def one_is_count(self, a: _Atom) -> bool:
        before, after, following = self.words[a.start - 1], self.words[a.end], self.words[a.end + 1]
        if before in vocab.ONE_BEFORE or after in vocab.ONE_AFTER or (after, following) in _ONE_OR_OTHER:
            return False
        the_only = before == "only" and self.words[a.start - 2] == "the"
        return not (the_only or (self.puncts[a.end] in ("'", "\u2019") and following == "s"))  # "one's"

    def is_month(self, k: int) -> bool:
        k -= self.puncts[k] == "."
        return self.words[k] in vocab.MONTHS and self.capitalised(k)

    def ok(self, r: _Read) -> bool:
        """Whether the expression counts something, judged from the words around it."""
        day_like, years = bool(r.atoms), False
        for a in r.atoms:
            if a.digits and not self.digits_ok(a):
                return False
            if a.bare_one and len(r.atoms) == 1 and not self.one_is_count(a):
                return False
            day_like = day_like and a.digits and a.value <= 31 and a.value.is_integer()
            years = years or (a.plain and 1900 <= a.value <= 2099)
        before, k = self.words[r.start - 1], r.end
        if before in vocab.AGE_WORDS or (before == "of" and self.words[r.start - 2] == "age"):
            return False
        compound = self.hyphen_at(k) and self.words[k + 1] not in (None, "strong")  # "3,000-strong" counts
        if compound or self.puncts[k] in vocab.UNIT_SYMBOLS:
            return False  # "three-day", "12-member", "twenty-first", "5%", "$": not a count
        if day_like and (self.is_month(r.start - 1) or self.is_month(r.end)):
            return False  # "Aug. 9", "27-30 September"
        k += self.words[k] == "of"
        k += self.words[k] in vocab.MODIFIERS
        k += self.words[k] in vocab.MODIFIERS
        w, w1, w2 = self.words[k], self.words[k + 1], self.words[k + 2]
        if w in vocab.NOT_COUNT_AFTER or w in vocab.ORDINALS or (w == "and" and w1 in vocab.ORDINALS):
            return False  # "5 km", "twenty first", "one hundred and first"
        if (w, w1) in (("per", "cent"), ("local", "time")) or (w, w2) == ("o", "clock"):
            return False
        if w in ("a", "p") and self.puncts[k + 1] == "." and w2 == "m":
            return False  # "3 p.m."
        return not years or w in vocab.COUNT_NOUNS

    def quantity(self, r: _Read) -> Quantity:
        t = self.tokens
        spans = (t[r.start].start, t[r.end - 1].end, t[r.num_start].start, t[r.num_end - 1].end)
        return Quantity(*spans, r.value, r.low, r.high, r.qualifier, r.vague)


def find_quantities(text: str) -> list[Quantity]:
    """Every count-like number expression in ``text``, sorted by start and non-overlapping."""
    tokens = _lex(text)
    _void_links(text, tokens)
    reader = _Reader(text, tokens)
    reader.void_digit_chains()
    found: list[Quantity] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        read = reader.read_at(i) if tok.kind == "num" or tok.low in vocab.START_WORDS else None
        if read is None:
            i += 1
            continue
        if reader.ok(read):
            found.append(reader.quantity(read))
        i = read.end  # a rejected expression is skipped whole, so its parts are not read alone
    return found


def parse_number(s: str) -> float | None:
    """The value of one number written in digits or words ("2,300", "Sixty-one", "2.5 million")."""
    tokens = _lex(s)
    atom = _Reader(s, tokens).atom(0) if tokens else None
    return atom.value if atom is not None and atom.end == len(tokens) else None
