"""The article text as HTML with every actor mention, statement and figure highlighted and linked
to its JSON.

Spans nest (a figure inside a statement, an actor's name inside a figure) and may even cross, and
HTML forbids a link inside a link. So the text is cut at every span boundary; each piece is one
link, to the shortest span that covers it (the most specific thing there), and carries the classes
of every span covering it, so a figure inside a statement still looks like both."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from markupsafe import Markup, escape

# on equal length the figure wins over the mention, the mention over the statement
_PRIORITY = {"figure": 0, "mention": 1, "statement": 2}


@dataclass(frozen=True)
class Span:
    kind: str  # "figure", "mention" or "statement"
    target_id: int  # figure id, actor id or statement id: what the link opens
    start: int
    end: int
    href: str
    title: str

    @property
    def length(self) -> int:
        return self.end - self.start


def highlight(text: str, spans: list[Span]) -> Markup:
    spans = [s for s in spans if 0 <= s.start < s.end <= len(text)]
    cuts = sorted({0, len(text)} | {s.start for s in spans} | {s.end for s in spans})
    first_piece: set[tuple[str, int]] = set()  # each span's first piece gets the anchor id
    out: list[str] = []
    for a, b in pairwise(cuts):
        piece = escape(text[a:b])
        covering = [s for s in spans if s.start <= a and b <= s.end]
        if not covering:
            out.append(piece)
            continue
        link = min(covering, key=lambda s: (s.length, _PRIORITY[s.kind]))
        kinds = sorted({s.kind for s in covering}, key=_PRIORITY.__getitem__)
        anchor = ""
        if (link.kind, link.target_id) not in first_piece and link.kind == "figure":
            first_piece.add((link.kind, link.target_id))
            anchor = f' id="figure-{link.target_id}"'
        out.append(
            f'<a class="hl {" ".join("hl-" + k for k in kinds)}" href="{escape(link.href)}"{anchor} '
            f'data-kind="{link.kind}" data-{link.kind}-id="{link.target_id}" title="{escape(link.title)}">'
            f"{piece}</a>"
        )
    return Markup("".join(out))
