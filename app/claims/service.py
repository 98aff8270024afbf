"""Claims: figures grouped by the rule in grouping.py, in the order of order.py.

The filters of /figures choose claims: a claim is listed when any of its reports matches, and it
lists all of its reports (so that ``claimant=X`` shows who contradicts X)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

from sqlmodel import Session, col, select

from app.actors.service import actor_refs
from app.claims.grouping import Group, Report
from app.claims.order import after, order_key
from app.claims.schemas import ClaimPage, ClaimPublic, ClaimRow
from app.core.errors import BadRequest
from app.core.pagination import PageRequest
from app.figures.filters import FigureFilters
from app.figures.service import number, to_public
from app.models import Article, Figure
from app.models.figure import NO_DATE

RESOURCE = "claims"
CHUNK = 500  # figures read per query while walking claim order
SCAN_BUDGET = 20_000  # figures read per page at most; a sparse filter answers a short page and a cursor


def _joined(query: Any) -> Any:
    return query.select_from(Figure).join(Article, col(Article.id) == col(Figure.article_id))


def _key(f: Figure) -> list[Any]:
    return [f.category, f.subject_id or 0, f.object_head, f.claim_start.isoformat(), f.id]


def _parse_key(raw: list[Any]) -> list[Any]:
    try:
        category, subject, head, start, figure_id = raw
        return [str(category), int(subject), str(head), date.fromisoformat(start), int(figure_id)]
    except (TypeError, ValueError) as exc:
        raise BadRequest("cursor does not match this list") from exc


def _report(f: Figure) -> Report:
    dated = f.claim_start != NO_DATE
    return Report(
        f.id or 0,
        f.category,
        f.subject_id,
        f.object,
        f.claimant_id,
        f.value,
        f.low,
        f.high,
        f.qualifier,
        f.claim_start if dated else None,
        f.claim_end if dated else None,
    )


def _stream(session: Session, filters: FigureFilters, start: list[Any] | None) -> Iterator[list[Figure]]:
    """Figures in claim order from ``start`` on, CHUNK at a time, through the claim-order index.
    Category and subject are part of a claim's identity, so those filters narrow the walk itself."""
    narrowing = FigureFilters(category=filters.category, subject=filters.subject)
    position = start
    while True:
        query = narrowing.apply(select(Figure))
        if position is not None:
            query = query.where(after(position))
        chunk = list(session.exec(query.order_by(*order_key()).limit(CHUNK)).all())
        if not chunk:
            return
        yield chunk
        if len(chunk) < CHUNK:
            return
        last = chunk[-1]
        position = [*_key(last)[:3], last.claim_start, (last.id or 0) + 1]


class _Walk:
    """The claims of one page, built from figures fed in claim order: a claim closes when the next
    figure cannot belong to it, and is kept when it passes the filters."""

    def __init__(self, limit: int, wanted: Callable[[Group], bool]) -> None:
        self.limit = limit
        self.wanted = wanted
        self.chosen: list[Group] = []
        self.figures: dict[int, Figure] = {}  # the figures of the chosen claims and the open one
        self.current: Group | None = None
        self.current_first: Figure | None = None
        self.next_key: list[Any] | None = None  # where the next page starts, once this one stops

    def _joins(self, f: Figure) -> bool:
        c = self.current
        return (
            c is not None
            and c.category == f.category
            and (c.subject_id or 0) == (f.subject_id or 0)
            and c.object == f.object_head
            and c.end is not None
            and f.claim_start <= c.end
        )

    def _close(self) -> None:
        group, self.current = self.current, None
        if group is None:
            return
        if self.wanted(group):
            if group.start is None:  # the undated claim: its NO_DATE end was only for grouping
                group.end = None
            self.chosen.append(group)
        else:
            for r in group.reports:
                self.figures.pop(r.figure_id, None)

    def feed(self, chunk: list[Figure]) -> bool:
        """Add figures; answers True when the page is full (``next_key`` is then set)."""
        for f in chunk:
            if self.current is not None and self._joins(f):
                self.current.reports.append(_report(f))
                self.current.end = max(self.current.end or f.claim_end, f.claim_end)
                self.figures[f.id or 0] = f
                continue
            self._close()
            if len(self.chosen) >= self.limit:  # ``f`` opens the next page
                self.next_key = _key(f)
                return True
            report = _report(f)
            self.current = Group(f.category, f.subject_id, f.object_head, report.start, f.claim_end, [report])
            self.current_first, self.figures[f.id or 0] = f, f
        return False

    def stop_at_open_claim(self) -> None:
        """Out of budget: the next page resumes at the open claim, from its first figure."""
        assert self.current_first is not None
        self.next_key, self.current = _key(self.current_first), None

    def finish(self) -> None:
        self._close()


def list_claims(session: Session, page: PageRequest, filters: FigureFilters, contested: bool | None) -> ClaimPage:
    """Walk figures in claim order until the page holds ``limit`` claims (or the scan budget is spent)."""
    raw = page.after(RESOURCE)
    start = _parse_key(raw) if raw else None
    narrowed_only = filters == FigureFilters(category=filters.category, subject=filters.subject)
    matching: set[int] = set()

    def wanted(group: Group) -> bool:
        chosen = narrowed_only or any(r.figure_id in matching for r in group.reports)
        return chosen and (contested is None or group.contested == contested)

    walk = _Walk(page.limit, wanted)
    scanned = 0
    for chunk in _stream(session, filters, start):
        if not narrowed_only:
            ids = [f.id for f in chunk]
            matching.update(
                session.exec(filters.apply(_joined(select(col(Figure.id)))).where(col(Figure.id).in_(ids))).all()
            )
        if walk.feed(chunk):
            break
        scanned += len(chunk)
        # stop early only past the page's first claim, so that every page makes progress
        if scanned >= SCAN_BUDGET and walk.current_first is not None and _key(walk.current_first) != raw:
            walk.stop_at_open_claim()
            break
    else:
        walk.finish()
    items = _public(session, walk.chosen, walk.figures)
    cursor = page.cursor_for(RESOURCE, walk.next_key) if walk.next_key is not None else None
    return ClaimPage(items=items, next_cursor=cursor)


def _public(session: Session, groups: list[Group], figures: dict[Any, Figure]) -> list[ClaimPublic]:
    public = {f.id: f for f in to_public(session, [figures[r.figure_id] for g in groups for r in g.reports])}
    subjects = actor_refs(session, [g.subject_id for g in groups])
    out = []
    for g in groups:
        reports = [public[r.figure_id] for r in g.reports]
        names = dict.fromkeys(f.claimant.name if f.claimant else None for f in reports)
        out.append(
            ClaimPublic(
                id=g.key,
                category=g.category,
                subject=subjects.get(g.subject_id or 0),
                object=g.object,
                period_start=g.start,
                period_end=g.end,
                contested=g.contested,
                value_min=number(min(r.value for r in g.reports)) or 0,
                value_max=number(max(r.value for r in g.reports)) or 0,
                claimants=list(names),
                reports=reports,
            )
        )
    return out


def rows_of(claims: list[ClaimPublic]) -> list[ClaimRow]:
    """One flat row per report, for CSV."""
    return [
        ClaimRow(
            claim_id=c.id,
            contested=c.contested,
            category=c.category,
            subject_id=c.subject.id if c.subject else None,
            subject_name=c.subject.name if c.subject else None,
            object=c.object,
            period_start=c.period_start,
            period_end=c.period_end,
            figure_id=f.id,
            value=f.value,
            low=f.low,
            high=f.high,
            qualifier=f.qualifier,
            claimant_id=f.claimant.id if f.claimant else None,
            claimant_name=f.claimant.name if f.claimant else None,
            article_id=f.article_id,
            start=f.provenance.start,
            end=f.provenance.end,
            text=f.provenance.text,
            sentence=f.provenance.sentence,
            source=f.provenance.source,
        )
        for c in claims
        for f in c.reports
    ]
