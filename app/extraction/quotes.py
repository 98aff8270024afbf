"""Quote-mark pairing: the quoted regions of a text, in one linear pass.

Newswire conventions handled (AP Stylebook, Reuters Handbook of Journalism):

* straight ``"`` and curly ``“ ”`` double quotes and guillemets ``« »``; ``„`` opens too;
* a quotation running over several paragraphs omits the closing mark at the end of every
  paragraph but the last, and re-opens each following paragraph with an opening mark;
* curly marks are often typed the wrong way round by converters, so a mark's direction is read
  from its neighbours (space before and a letter after opens) before its shape.

* the LDC/Penn Treebank and New York Times archive convention of two apostrophes ``''`` (and
  two backticks) for a double quote mark.

Single quotes are ignored: ``’`` is also the apostrophe, and single quotes only nest inside
double ones in US style.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

OPENERS = frozenset("“«„")
CLOSERS = frozenset("”»")
STRAIGHT = frozenset('"‟')
MARKS = OPENERS | CLOSERS | STRAIGHT
SENTENCE_END = frozenset(".!?")
DOUBLED = ("''", "``")  # two-character marks of plain-text archives


def is_mark(s: str) -> bool:
    """Whether the string (a token's text) is one double quote mark."""
    return s in MARKS or s in DOUBLED


def _mark_at(text: str, i: int) -> tuple[str, int]:
    """(kind, length) of the quote mark at ``i``: kind is "open", "close", "straight" or ""."""
    ch = text[i]
    if ch in OPENERS:
        return "open", 1
    if ch in CLOSERS:
        return "close", 1
    if ch in STRAIGHT:
        return "straight", 1
    pair = text[i : i + 2]
    if pair == "``":
        return "open", 2
    if pair == "''" and text[i + 2 : i + 3] != "'":
        return "straight", 2
    return "", 0


@dataclass(frozen=True, slots=True)
class Quote:
    """One quotation: ``start``/``end`` delimit the words inside the marks (trimmed of spaces);
    ``open``/``close`` are the indices of the first opening and the last closing mark (``close``
    is the paragraph end when the closing mark is missing). ``paragraphs`` > 1 for a quotation
    continued over several paragraphs."""

    open: int
    close: int
    start: int
    end: int
    paragraphs: int = 1
    after: int = -1  # index just past the closing mark

    @property
    def close_end(self) -> int:
        return self.after if self.after >= 0 else self.close + 1


def _looks_opening(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if text[i : i + 2] in DOUBLED:
        after = text[i + 2] if i + 2 < len(text) else " "
    return (before.isspace() or before in "([{—–-/:") and not after.isspace()


def _looks_closing(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if text[i : i + 2] in DOUBLED:
        after = text[i + 2] if i + 2 < len(text) else " "
    return not before.isspace() and (after.isspace() or after in ".,;:!?)]}—–-" or after in MARKS)


def _inner(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def find_quotes(text: str) -> list[Quote]:
    """Every paired quotation of ``text``, in order. Unpaired marks are dropped, except that a
    paragraph opening a quotation it never closes is closed at the paragraph's end when the next
    paragraph does not continue it (a lost closing mark is likelier than a lost quotation)."""
    quotes: list[Quote] = []
    open_at = -1  # index of the pending opening mark, -1 when outside a quotation
    open_len = 1
    first_open = -1  # opening mark of the first paragraph of a multi-paragraph quotation
    paragraphs = 1
    n = len(text)
    i = 0
    while i < n:
        ch = text[i]
        if ch == "\n":
            if open_at >= 0:
                # look at the next non-blank paragraph: does it open with a quote mark?
                j = i
                while j < n and text[j].isspace():
                    j += 1
                kind, length = _mark_at(text, j) if j < n else ("", 0)
                if kind and (kind != "close" or _looks_opening(text, j)):
                    paragraphs += 1
                    i = j + length
                    continue
                if open_at == _paragraph_start(text, open_at) or paragraphs > 1:
                    s, e = _inner(text, first_open + open_len, i)
                    if e > s:
                        quotes.append(Quote(first_open, i, s, e, paragraphs, i))
                open_at, first_open, paragraphs = -1, -1, 1
            i += 1
            continue
        kind, length = _mark_at(text, i) if ch in MARKS or ch in "'`" else ("", 0)
        if not kind:
            i += 1
            continue
        if open_at < 0:
            if kind != "close" or _looks_opening(text, i):
                open_at = first_open = i
                open_len = length
        elif kind != "open" or _looks_closing(text, i):
            s, e = _inner(text, first_open + open_len, i)
            if e > s:
                quotes.append(Quote(first_open, i, s, e, paragraphs, i + length))
            open_at, first_open, paragraphs = -1, -1, 1
        elif paragraphs == 1:
            open_at = first_open = i  # an opener inside an open quote: the earlier mark was stray
            open_len = length
        i += length
    if open_at >= 0 and (open_at == _paragraph_start(text, open_at) or paragraphs > 1):
        s, e = _inner(text, first_open + open_len, n)
        if e > s:
            quotes.append(Quote(first_open, n, s, e, paragraphs, n))
    return quotes


def _paragraph_start(text: str, i: int) -> int:
    """Index of the first non-space character of the line holding ``i``."""
    j = text.rfind("\n", 0, i) + 1
    while j < i and text[j].isspace():
        j += 1
    return j


# ---------------------------------------------------------------- positions around quote marks


def token_quotes(doc: Doc, quotes: list[Quote]) -> list[int]:
    """For each token, the index of the quotation whose marks enclose it, else -1 (one sweep)."""
    res = [-1] * len(doc)
    qi = 0
    for t in doc:
        while qi < len(quotes) and quotes[qi].close < t.idx:
            qi += 1
        if qi < len(quotes) and quotes[qi].open < t.idx < quotes[qi].close:
            res[t.i] = qi
    return res


def trim_end(text: str, start: int, end: int) -> int:
    """Drop trailing spaces and the comma/colon/semicolon a quotation ends with before its
    attribution ("...," he said); sentence punctuation stays, as written."""
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    return end


def sentence_lead(text: str, i: int) -> int:
    """Start of the sentence holding ``i``, looking back at most 400 characters (bounded so that
    many quotations in one sentence stay linear)."""
    j = i - 1
    stop = max(0, i - 400)
    while j >= stop and text[j] != "\n" and not (text[j] in SENTENCE_END and text[j + 1 : j + 2].isspace()):
        j -= 1
    if j < stop and stop > 0:
        return i  # no sentence start within reach
    j += 1
    while j < i and text[j].isspace():
        j += 1
    return j


def prev_char(text: str, i: int) -> str:
    j = i - 1
    while j >= 0 and text[j] in " \t":
        j -= 1
    return text[j] if j >= 0 else ""


def starts_sentence(text: str, i: int) -> bool:
    """Whether only spaces, closing quote marks and a sentence end stand before ``i``."""
    j = i - 1
    while j >= 0 and j > i - 12 and (text[j] in " \t" or text[j] in MARKS or text[j] == "'"):
        j -= 1
    return j < 0 or text[j] == "\n" or text[j] in SENTENCE_END


def same_paragraph(text: str, a: int, b: int) -> bool:
    return "\n" not in text[a:b]


def token_at_or_after(doc: Doc, char: int) -> int:
    """Index of the first token ending after ``char`` (binary search: linear overall)."""
    lo, hi = 0, len(doc)
    while lo < hi:
        mid = (lo + hi) // 2
        if doc[mid].idx + len(doc[mid]) <= char:
            lo = mid + 1
        else:
            hi = mid
    return min(lo, len(doc) - 1)
