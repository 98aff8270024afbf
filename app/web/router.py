"""The pages: a dashboard at ``/`` and an article view at ``/articles/{id}``, rendered with Jinja2;
styles served from this package, no CDN, no JavaScript needed."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from sqlmodel import Session

from app.core.deps import DatabaseDep
from app.core.errors import NotFound
from app.models import Article
from app.web import queries
from app.web.chart import line_chart
from app.web.highlight import Span, highlight

HERE = Path(__file__).resolve().parent
templates = Jinja2Templates(directory=HERE / "templates")
router = APIRouter(include_in_schema=False)


@router.get("/", response_class=HTMLResponse)
def dashboard(request: Request, db: DatabaseDep) -> HTMLResponse:
    """Figures over time by claimant and category, the latest contested claims, the top actors."""
    with Session(db.reader) as session:
        context = {
            "chart": line_chart(queries.figure_series(session)),
            "contested": queries.contested_claims(session),
            "actors": queries.top_actors(session),
            "articles": queries.latest_articles(session),
            "totals": queries.totals(session),
        }
    return templates.TemplateResponse(request, "dashboard.html", context)


@router.get("/dashboard/figures-over-time.csv")
def figures_over_time_csv(db: DatabaseDep) -> Response:
    """The data behind the dashboard's chart, one row per day, claimant and category (for Grafana's
    CSV data sources and spreadsheets)."""
    with Session(db.reader) as session:
        series = queries.figure_series(session, limit=1000)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["day", "claimant", "category", "value"])
    rows = sorted((day, s.claimant, s.category, value) for s in series for day, value in s.points.items())
    for day, claimant, category, value in rows:
        writer.writerow([day.isoformat(), claimant, category, int(value) if value.is_integer() else value])
    return Response(out.getvalue(), media_type="text/csv; charset=utf-8")


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, article_id: int, db: DatabaseDep) -> HTMLResponse:
    """One article's text with its actors, statements and figures highlighted and linked."""
    with Session(db.reader) as session:
        article = session.get(Article, article_id)
        if article is None:
            raise NotFound(f"article {article_id} does not exist")
        mentions, statements, figures, names = queries.article_annotations(session, article_id)
    api = "/api/v1"
    spans = [
        Span(
            "mention", m.actor_id, m.char_start, m.char_end, f"{api}/actors/{m.actor_id}", names.get(m.actor_id, m.text)
        )
        for m in mentions
    ]
    spans += [
        Span(
            "statement",
            s.id or 0,
            s.char_start,
            s.char_end,
            f"{api}/statements/{s.id}",
            f"{names.get(s.speaker_id or 0, s.speaker_text or 'unattributed')} ({s.kind})",
        )
        for s in statements
    ]
    spans += [
        Span(
            "figure",
            f.id or 0,
            f.char_start,
            f.char_end,
            f"{api}/figures/{f.id}",
            f"{f.category}: {f.value:g}, claimed by {names.get(f.claimant_id or 0, 'the article')}",
        )
        for f in figures
    ]
    context = {
        "article": article,
        "body": highlight(article.text, spans),
        "figures": figures,
        "statements": statements,
        "names": names,
        "actors": sorted(
            {m.actor_id: names.get(m.actor_id, m.text) for m in mentions}.items(), key=lambda item: item[1]
        ),
    }
    return templates.TemplateResponse(request, "article.html", context)


def install_web(app: FastAPI) -> None:
    app.mount("/static/web", StaticFiles(directory=HERE / "static"), name="web-assets")
    app.include_router(router)
